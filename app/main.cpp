// ntm-atlas: wires the subcommands together; every command lives in app/cli or app/shell.
#include <cstdio>
#include <cstring>
#include <string>

#include "app/cli/commands.hpp"
#include "app/cli/process_end.hpp"
#include "gis/data/gdal_library.hpp"
#ifdef NTM_WITH_GUI
#include "app/shell/gui_main.hpp"
#endif

namespace {

void printUsage() {
    std::puts(
        "NTM Atlas — bản đồ nông thôn mới\n"
        "\n"
        "usage:\n"
        "  ntm-atlas [gui] [PROJECT_OR_VECTOR_FILE] [--unit CODE] [--as-of YYYY-MM-DD] [--color-by FIELD] [--bookmark NAME]\n"
        "                  [--briefing] [--lang vi|en] [--screenshot PNG] [--import FILE]   the dashboard window (the demo project when no file)\n"
        "  ntm-atlas export SOURCE --out FILE.{png,tif,pdf} [--paper A4|A3 --dpi N | --width W --height H]\n"
        "                   [--unit CODE] [--color-by FIELD] [--as-of YYYY-MM-DD] [--title TEXT] [--bookmark NAME] [--lang vi|en]\n"
        "                   [--layer NAME] [--extent LON_MIN,LAT_MIN,LON_MAX,LAT_MAX] [--demo]\n"
        "  ntm-atlas atlas PROJECT --unit DISTRICT_CODE --out atlas.pdf|FOLDER/ [--paper A4|A3] [--color-by FIELD] [--as-of YYYY-MM-DD]\n"
        "  ntm-atlas init PROJECT [--demo]\n"
        "  ntm-atlas import PROJECT KIND FILE [options]   KIND: units criteria-set criteria disbursement infrastructure tasks\n"
        "                                                 work-types\n"
        "  ntm-atlas summary PROJECT [--unit CODE] [--as-of YYYY-MM-DD] --json\n"
        "  ntm-atlas gaps PROJECT [--unit CODE] [--as-of YYYY-MM-DD] [--json]\n"
        "                   unmet criteria with no work of a matching type planned or under construction\n"
        "  ntm-atlas distances PROJECT --type TYPE [--max-km K] [--unit CODE] [--any-status] [--json]\n"
        "                   each village's distance on the ground to the nearest (completed) work of TYPE\n"
        "  ntm-atlas history PROJECT [--unit CODE] [--json]   every edit and import: when, who, what, old → new\n"
        "  ntm-atlas copy SOURCE DEST   a whole project between a GeoPackage and PostgreSQL (DEST must be new)\n"
        "\n"
        "PROJECT: a project file (.gpkg), or a PostgreSQL database in GDAL's form, e.g.\n"
        "  PG:\"host=tinh.example port=5432 dbname=ntm_nghe_an user=ke_hoach\"  (libpq's ~/.pgpass, service files and\n"
        "  PG* environment variables work too; a password in the string is never shown or stored)\n");
}

}  // namespace

int main(int argc, char** argv) {
    cli::Args args(argv + 1, argv + argc);
    const std::string command = args.empty() ? std::string("gui") : args.front();
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage();
        return 0;
    }
    const cli::Args rest = args.empty() ? cli::Args{} : cli::Args(args.begin() + 1, args.end());
    // GDAL is loaded on first use (gis/data/gdal_library.hpp): up front for every command but an
    // export, which loads it itself unless it reads a plain GeoPackage for a PNG.
    if (command != "export") gis::data::loadGdal();
    // An export leaves its map and GL context for the process's end to free (ExportRequest::processEndsAfter).
    if (command == "export") return cli::endProcess(cli::runExport(rest));
    if (command == "init") return cli::runInit(rest);
    if (command == "import") return cli::runImport(rest);
    if (command == "summary") return cli::runSummary(rest);
    if (command == "gaps") return cli::runGaps(rest);
    if (command == "distances") return cli::runDistances(rest);
    if (command == "history") return cli::runHistory(rest);
    if (command == "atlas") return cli::runAtlas(rest);
    if (command == "copy") return cli::runCopy(rest);
#ifdef NTM_WITH_GUI
    if (command == "gui") return runGui(rest);
    // `ntm-atlas FILE …` and `ntm-atlas --screenshot …` open the window too.
    if (!command.empty() && (command[0] != '-' || command.rfind("--", 0) == 0)) return runGui(args);
#endif
    std::fprintf(stderr, "ntm-atlas: unknown command '%s'\n\n", command.c_str());
    printUsage();
    return 2;
}
