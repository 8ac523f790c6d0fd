// A disk that fills up, simulated without root: the CLI runs under a file-size limit (`prlimit
// --fsize`, RLIMIT_FSIZE) with SIGXFSZ ignored, so a write past the limit fails with EFBIG as a write to a
// full disk fails with ENOSPC. init, import and export must fail saying so, leave the project as
// it was and leave no temporary file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

namespace {

namespace fs = std::filesystem;
const std::string kCli = NTM_CLI_PATH;

std::string quote(const std::string& s) { return "'" + s + "'"; }

/// Runs `ntm-atlas ARGS` in DIR with files limited to `kib` KiB; output through a pipe (not limited).
/// An ignored SIGXFSZ stays ignored across exec, so the write fails with EFBIG instead of killing.
int runLimited(const fs::path& dir, long kib, const std::string& args, std::string* out) {
    return test::runCommand("cd " + quote(dir.string()) + " && trap '' XFSZ && exec prlimit --fsize=" + std::to_string(kib * 1024) + " " + kCli +
                                " " + args,
                            out);
}

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::set<std::string> filesIn(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

std::string demoProject(const fs::path& dir) {
    const std::string project = (dir / "demo.gpkg").string();
    std::string out;
    REQUIRE(test::runCommand(kCli + " init " + quote(project) + " --demo", &out) == 0);
    return project;
}

std::string unitsImportArgs(const std::string& project) {
    return "import " + quote(project) + " units " + quote(test::nationalCommunesGpkg().string()) +
           " --layer communes --level commune --code gso_xa --fallback-code commune_id --name commune_vn --where 'commune_vn IS NOT NULL'";
}

}  // namespace

TEST_CASE("disk full: init fails saying the disk is full and leaves no file behind", "[e2e][diskfull]") {
    const auto dir = test::scratchDir("disk_full_init");
    for (long kib : {0L, 4L, 60L, 200L}) {
        INFO("limit " << kib << " KiB");
        std::string out;
        CHECK(runLimited(dir, kib, "init new.gpkg", &out) == 1);
        INFO(out);
        CHECK_THAT(out, Catch::Contains("new.gpkg") && Catch::Contains("disk is full") && Catch::Contains("Nothing was created"));
        CHECK_THAT(out, !Catch::Contains("ERROR 1"));  // GDAL's own lines are not the user's business
        CHECK(filesIn(dir).empty());
    }
    // With room the same command works: the limit was the only reason.
    std::string out;
    CHECK(runLimited(dir, 4096, "init new.gpkg", &out) == 0);
}

TEST_CASE("disk full: an import that fills the disk fails and the project is as it was once opened again", "[e2e][diskfull]") {
    const auto dir = test::scratchDir("disk_full_import");
    const std::string project = demoProject(dir);
    const std::string before = bytesOf(project);
    std::string summaryBefore, out;
    REQUIRE(test::runCommand(kCli + " summary " + quote(project) + " --as-of 2030-12-31 --json", &summaryBefore) == 0);
    const long room = static_cast<long>(before.size() / 1024) + 40;  // 40 KiB more than it has: the import needs MBs
    CHECK(runLimited(dir, room, unitsImportArgs(project), &out) == 1);
    INFO(out);
    CHECK_THAT(out, Catch::Contains("demo.gpkg") && Catch::Contains("failed") && Catch::Contains("nothing was changed"));

    // The next opener (any command) rolls the hot journal back: the same bytes, no journal, intact.
    std::string summaryAfter;
    REQUIRE(test::runCommand(kCli + " summary " + quote(project) + " --as-of 2030-12-31 --json", &summaryAfter) == 0);
    CHECK(summaryAfter == summaryBefore);
    CHECK(bytesOf(project) == before);
    CHECK(filesIn(dir) == std::set<std::string>{"demo.gpkg"});
    auto db = gis::store::openProject(project, false);
    REQUIRE(db);
    CHECK(db->queryText("PRAGMA integrity_check") == "ok");
}

// The failed import itself rolls back (gis/store's Transaction replays the journal before the
// error returns), so even a copy taken right after the failure is the old project.
TEST_CASE("disk full: right after the failed import no journal is left and the message says the disk is full", "[e2e][diskfull]") {
    const auto dir = test::scratchDir("disk_full_import_now");
    const std::string project = demoProject(dir);
    const std::string before = bytesOf(project);
    std::string out;
    CHECK(runLimited(dir, static_cast<long>(before.size() / 1024) + 40, unitsImportArgs(project), &out) == 1);
    INFO(out);
    CHECK_THAT(out, Catch::Contains("disk is full"));
    CHECK(filesIn(dir) == std::set<std::string>{"demo.gpkg"});
    CHECK(bytesOf(project) == before);
}

TEST_CASE("disk full: an export fails saying so, keeps the earlier file and leaves no temporary file", "[e2e][diskfull]") {
    const auto dir = test::scratchDir("disk_full_export");
    const std::string project = demoProject(dir);
    std::string out;
    REQUIRE(test::runCommand(kCli + " export " + quote(project) + " --out " + quote((dir / "map.png").string()) + " --width 400 --height 300", &out) == 0);
    const std::string earlier = bytesOf(dir / "map.png");
    const std::set<std::string> files = filesIn(dir);
    for (const std::string& args : {std::string("--out map.png --width 1600 --height 1200 --color-by disbursed_pct"), std::string("--out new.png --width 1600 --height 1200"),
                                    std::string("--out page.pdf --paper A4"), std::string("--out map.tif --width 2000 --height 1500")}) {
        INFO(args);
        CHECK(runLimited(dir, 100, "export " + quote(project) + " " + args, &out) == 1);
        INFO(out);
        CHECK_THAT(out, Catch::Contains("Cannot write") && Catch::Contains("disk is full"));
        CHECK(bytesOf(dir / "map.png") == earlier);
        CHECK(filesIn(dir) == files);
    }
}
