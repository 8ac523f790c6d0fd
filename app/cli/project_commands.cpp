// ntm-atlas init / import: thin wrappers over gis::store and gis::importer (the GUI calls the same code).
#include <cstdio>

#include "app/cli/command_errors.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/arg_parser.hpp"
#include "app/cli/project_demo.hpp"
#include "gis/importer/importer.hpp"
#include "gis/store/location.hpp"
#include "gis/store/project_copy.hpp"
#include "gis/store/schema.hpp"

namespace cli {
namespace {

int fail(const char* command, const std::string& message) { return reportFailure(command, message); }

}  // namespace

int runInit(const Args& args) {
    const ParsedArgs parsed = parseArgs(args, {}, {"demo"});
    if (!parsed.error.empty()) return fail("init", parsed.error);
    if (parsed.positional.size() != 1) return fail("init", "usage: ntm-atlas init PROJECT.gpkg [--demo]");
    const std::string& path = parsed.positional[0];
    if (auto status = gis::store::createProject(path); !status) return fail("init", status.error().message);
    if (parsed.flag("demo")) {
        auto written = writeDemoProject(path);
        if (!written) {
            if (!gis::store::isPostgresLocation(path)) std::remove(path.c_str());  // a half-demo project is worse than none
            return fail("init", written.error().message);
        }
        std::printf("%s: new project with the demo district (%s)\n", masked(path).c_str(), written->c_str());
        return 0;
    }
    std::printf("%s: new project (schema %d)\n", masked(path).c_str(), gis::store::kSchemaVersion);
    return 0;
}

int runImport(const Args& args) {
    const ParsedArgs parsed = parseArgs(args,
                                        {"layer", "sheet", "where", "level", "code", "name", "parent-code", "s-srs", "encoding", "set",
                                         "as-of", "programme", "money-unit", "fallback-code"},
                                        {"skip-unmatched", "cumulative"});
    if (!parsed.error.empty()) return fail("import", parsed.error);
    if (parsed.positional.size() != 3)
        return fail("import", "usage: ntm-atlas import PROJECT KIND FILE [options]  (KIND: units, criteria-set, criteria, "
                              "disbursement, infrastructure, tasks, work-types)");
    const std::string& project = parsed.positional[0];
    const std::string& kind = parsed.positional[1];
    const std::string& file = parsed.positional[2];

    gis::importer::ImportOptions options;
    options.layer = parsed.value("sheet").empty() ? parsed.value("layer") : parsed.value("sheet");
    options.where = parsed.value("where");
    options.level = parsed.value("level");
    options.sourceSrs = parsed.value("s-srs");
    options.encoding = parsed.value("encoding");
    options.setId = parsed.value("set");
    options.asOf = parsed.value("as-of");
    options.programme = parsed.value("programme");
    options.moneyUnit = parsed.value("money-unit");
    options.fallbackCodeField = parsed.value("fallback-code");
    options.skipUnmatched = parsed.flag("skip-unmatched");
    options.cumulative = parsed.flag("cumulative");
    // --code / --name / --parent-code name the unit's own columns for `units`, and the columns that
    // say which unit a row is about for every other kind.
    const bool units = kind == "units";
    if (!parsed.value("code").empty()) options.columnMap[units ? "code" : "unit_code"] = parsed.value("code");
    if (!parsed.value("name").empty()) options.columnMap[units ? "name" : "unit_name"] = parsed.value("name");
    if (!parsed.value("parent-code").empty()) options.columnMap[units ? "parent_code" : "district_code"] = parsed.value("parent-code");
    for (const auto& [canonical, column] : parsed.maps) options.columnMap[canonical] = column;

    auto report = gis::importer::importFile(project, kind, file, options);
    if (!report) return fail("import", report.error().message);
    std::printf("imported %s from %s%s: %d rows read, %d records written\n", report->kind.c_str(), report->file.c_str(),
                report->sheet.empty() ? "" : (" (layer/sheet '" + report->sheet + "')").c_str(), report->rowsRead, report->recordsWritten);
    for (const std::string& note : report->notes) std::printf("note: %s\n", note.c_str());
    for (const std::string& warning : report->warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
    if (!report->skipped.empty()) {
        std::printf("skipped %zu unmatched rows (--skip-unmatched):\n", report->skipped.size());
        for (const std::string& line : report->skipped) std::printf("  %s\n", line.c_str());
    }
    return 0;
}

int runCopy(const Args& args) {
    const ParsedArgs parsed = parseArgs(args, {}, {});
    if (!parsed.error.empty()) return fail("copy", parsed.error);
    if (parsed.positional.size() != 2)
        return fail("copy", "usage: ntm-atlas copy SOURCE DEST  (each a project .gpkg or PG:\"host=… dbname=… user=…\"; DEST must be new)");
    const std::string& source = parsed.positional[0];
    const std::string& destination = parsed.positional[1];
    auto report = gis::store::copyProject(source, destination, [](const std::string& table, long long rows) {
        if (rows > 0) std::fprintf(stderr, "  %s: %lld rows\n", table.c_str(), rows);
    });
    if (!report) return fail("copy", report.error().message);
    std::printf("copied %s to %s: %d tables, %lld rows, checked equal\n", masked(source).c_str(), masked(destination).c_str(),
                report->tables, report->rows);
    return 0;
}

}  // namespace cli
