// ntm-atlas gaps / distances / history / import work-types run as a planner would, on Anh Sơn
// cut from the national layer with real village points.
#include <catch2/catch.hpp>
#include <cpl_json.h>

#include <filesystem>
#include <fstream>

#include "tests/support/test_paths.hpp"

namespace {

const std::string kCli = NTM_CLI_PATH;
std::string q(const std::string& s) { return "'" + s + "'"; }
int run(const std::string& args, std::string* out = nullptr) { return test::runCommand(kCli + " " + args, out); }

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

CPLJSONArray parseArray(const std::string& text) {
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(text));
    return doc.GetRoot().ToArray();
}

std::string plannerProject(const std::filesystem::path& dir) {
    const std::string national = test::nationalCommunesGpkg().string();
    const std::string communes = (dir / "anh_son.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + q(communes) + " " + q(national) + " communes -where \"district_vn = 'Huyện Anh Sơn'\"") == 0);
    const std::string villages = (dir / "thon.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + q(villages) + " " + q((test::sharedDir() / "data/real/whosonfirst_admin_vn/wof_vn.gpkg").string()) +
                             " localities_in_5_target_districts -where \"in_district_vn = 'Huyện Anh Sơn' AND in_gso_xa IS NOT NULL\"") == 0);
    const std::string districts = (dir / "districts.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + q(districts) + " " + q(national) + " districts -where \"gso_tinh = '40'\"") == 0);
    const std::string project = (dir / "p.gpkg").string();
    std::string out;
    REQUIRE(run("init " + q(project), &out) == 0);
    REQUIRE(run("import " + q(project) + " units " + q(districts) +
                    " --level district --code gso_huyen --name district_vn --parent-code gso_tinh --map parent_name=province_vn",
                &out) == 0);
    REQUIRE(run("import " + q(project) + " units " + q(communes) +
                    " --level commune --code gso_xa --fallback-code commune_id --name commune_vn --parent-code gso_huyen --map parent_name=district_vn",
                &out) == 0);
    REQUIRE(run("import " + q(project) + " units " + q(villages) + " --level village --code wof_id --name name --parent-code in_gso_xa", &out) == 0);
    std::string header = "Mã xã", row1 = "17332", row2 = "17341";
    for (int n = 1; n <= 19; ++n) {
        header += ",TC" + std::to_string(n);
        row1 += n == 5 ? ",Chưa đạt" : ",Đạt";
        row2 += n == 2 ? ",Chưa đạt" : ",Đạt";
    }
    writeText(dir / "tc.csv", header + "\n" + row1 + "\n" + row2 + "\n");
    writeText(dir / "dem.csv", "Mã xã,Số tiêu chí đạt\n17335,14/19\n");
    REQUIRE(run("import " + q(project) + " criteria " + q((dir / "tc.csv").string()) + " --set ntm_xa_2021_2025 --as-of 2024-06-30", &out) == 0);
    REQUIRE(run("import " + q(project) + " criteria " + q((dir / "dem.csv").string()) + " --set ntm_xa_2021_2025 --as-of 2024-06-30", &out) == 0);
    writeText(dir / "truong.csv",
              "Mã xã,Tên công trình,Loại công trình,Tình trạng,Kinh độ,Vĩ độ\n"
              "17341,Trường Tiểu học Tam Sơn,Trường học,Hoàn thành,104.93,18.93\n"
              "17332,Đường Thọ Sơn,Đường,Kế hoạch,,\n");
    REQUIRE(run("import " + q(project) + " infrastructure " + q((dir / "truong.csv").string()), &out) == 0);
    return project;
}

}  // namespace

TEST_CASE("e2e: gaps as JSON and as a pasteable table, history lists the imports, work-types import", "[e2e][planner]") {
    const auto dir = test::scratchDir("e2e_planner_gaps");
    const std::string project = plannerProject(dir);
    std::string out;
    REQUIRE(run("gaps " + q(project) + " --as-of 2024-12-31 --json", &out) == 0);
    CPLJSONArray rows = parseArray(out);
    int gaps = 0, unknown = 0;
    for (int i = 0; i < rows.Size(); ++i) {
        const CPLJSONObject row = rows[i];
        if (row.GetString("status") == "gap") {
            ++gaps;
            // Thọ Sơn misses its school; Tam Sơn's Giao thông is not covered (the planned road is in Thọ Sơn).
            const std::string unit = row.GetString("unit_code");
            CHECK((unit == "17332" || unit == "17341"));
            CHECK(row.GetInteger("criterion") == (unit == "17332" ? 5 : 2));
            CHECK(row.GetString("criterion_name") == (unit == "17332" ? "Trường học" : "Giao thông"));
            CHECK(row.GetArray("work_types").Size() >= 1);
            CHECK(row.GetString("as_of") == "2024-06-30");
            CHECK_FALSE(row.GetString("unit_name").empty());
        } else {
            ++unknown;
            CHECK(row.GetString("status") == "unknown");
            CHECK(row.GetString("unit_code") == "17335");
        }
    }
    CHECK(gaps == 2);
    CHECK(unknown == 1);

    REQUIRE(run("gaps " + q(project) + " --as-of 2024-12-31 --unit 17332", &out) == 0);
    CHECK_THAT(out, Catch::StartsWith("Mã xã\tTên xã\t") && Catch::Contains("17332\tXã Thọ Sơn\tHuyện Anh Sơn\t5\tTrường học") &&
                        Catch::Contains("1 khoảng trống"));
    CHECK(run("gaps " + q(project) + " --as-of 31/12/2024", &out) != 0);
    CHECK_THAT(out, Catch::Contains("not a date"));

    // Schools no longer count for criterion 5: the district's own mapping, imported.
    writeText(dir / "map.csv", "Bộ tiêu chí,Tiêu chí số,Loại công trình\nntm_xa_2021_2025,5,\"Trường học, Nhà văn hóa\"\n");
    REQUIRE(run("import " + q(project) + " work-types " + q((dir / "map.csv").string()), &out) == 0);
    REQUIRE(run("gaps " + q(project) + " --as-of 2024-12-31 --unit 17332 --json", &out) == 0);
    CHECK(parseArray(out)[0].GetArray("work_types").Size() == 2);

    REQUIRE(run("history " + q(project) + " --unit 17341 --json", &out) == 0);
    CPLJSONArray history = parseArray(out);
    REQUIRE(history.Size() >= 3);  // its commune import, the criteria sheet, the works sheet
    bool sawCriteria = false;
    for (int i = 0; i < history.Size(); ++i)
        if (history[i].GetString("subject") == "import criteria") {
            sawCriteria = true;
            CHECK_THAT(history[i].GetString("source_file"), Catch::EndsWith("tc.csv"));
            CHECK_FALSE(history[i].GetString("user").empty());
        }
    CHECK(sawCriteria);
    REQUIRE(run("history " + q(project), &out) == 0);
    CHECK_THAT(out, Catch::Contains("import work-types"));

    REQUIRE(run("--help", &out) == 0);
    CHECK_THAT(out, Catch::Contains("ntm-atlas gaps PROJECT [--unit CODE] [--as-of YYYY-MM-DD] [--json]") &&
                        Catch::Contains("ntm-atlas distances PROJECT --type TYPE") && Catch::Contains("ntm-atlas history PROJECT"));
}

TEST_CASE("e2e: distances to the nearest school flag villages beyond the threshold", "[e2e][planner]") {
    const auto dir = test::scratchDir("e2e_planner_distances");
    const std::string project = plannerProject(dir);
    std::string out;
    REQUIRE(run("distances " + q(project) + " --type school --max-km 2 --json", &out) == 0);
    CPLJSONArray rows = parseArray(out);
    REQUIRE(rows.Size() > 40);
    double previous = 1e18;
    for (int i = 0; i < rows.Size(); ++i) {
        const double metres = rows[i].GetDouble("distance_m");
        CHECK(metres <= previous);  // farthest first
        previous = metres;
        CHECK(rows[i].GetBool("beyond") == (metres > 2000.0));
        CHECK(rows[i].GetObj("nearest").GetString("name") == "Trường Tiểu học Tam Sơn");
    }
    REQUIRE(run("distances " + q(project) + " --type school --max-km 2 --unit 17341", &out) == 0);
    CHECK_THAT(out, Catch::Contains("Khoảng cách (km)") && Catch::Contains("thôn xa hơn 2,0 km"));
    CHECK(run("distances " + q(project) + " --max-km 2", &out) != 0);
    CHECK_THAT(out, Catch::Contains("--type"));
}
