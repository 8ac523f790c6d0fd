// ntm-atlas init / import / summary run as a district office would, on real cut-outs; failed and
// killed imports leave the project as it was.
#include <catch2/catch.hpp>
#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

extern char** environ;

namespace {

const std::string kCli = NTM_CLI_PATH;

std::string quote(const std::string& s) { return "'" + s + "'"; }

int run(const std::string& args, std::string* out = nullptr) { return test::runCommand(kCli + " " + args, out); }

std::string bytesOf(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Writes a table with GDAL (XLSX / ODS / CSV by extension); cells as text, "" = empty.
void writeTable(const std::filesystem::path& path, const std::string& driverName, const std::vector<std::pair<std::string, OGRFieldType>>& columns,
                const std::vector<std::vector<std::string>>& rows) {
    GDALAllRegister();
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName(driverName.c_str())->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(ds != nullptr);
    OGRLayer* layer = ds->CreateLayer("Báo cáo", nullptr, wkbNone, nullptr);
    for (const auto& [name, type] : columns) {
        OGRFieldDefn field(name.c_str(), type);
        REQUIRE(layer->CreateField(&field) == OGRERR_NONE);
    }
    for (const auto& row : rows) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (std::size_t i = 0; i < row.size(); ++i)
            if (!row[i].empty()) f->SetField(static_cast<int>(i), row[i].c_str());
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
    GDALClose(ds);
}

/// Anh Sơn's communes (EPSG:9208) and Nghệ An's districts imported through the CLI.
std::string anhSonProject(const std::filesystem::path& dir) {
    const std::string national = test::nationalCommunesGpkg().string();
    const std::string districts = (dir / "districts.gpkg").string();
    const std::string communes = (dir / "anh_son_vn2000.gpkg").string();
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + quote(districts) + " " + quote(national) +
                             " districts -where \"gso_tinh = '40'\" -t_srs EPSG:9208") == 0);
    REQUIRE(test::runCommand("ogr2ogr -f GPKG " + quote(communes) + " " + quote(national) +
                             " communes -where \"district_vn = 'Huyện Anh Sơn'\" -t_srs EPSG:9208") == 0);
    const std::string project = (dir / "anh_son.gpkg").string();
    std::string out;
    REQUIRE(run("init " + quote(project), &out) == 0);
    INFO(out);
    REQUIRE(run("import " + quote(project) + " units " + quote(districts) +
                    " --level district --code gso_huyen --name district_vn --parent-code gso_tinh --map parent_name=province_vn",
                &out) == 0);
    REQUIRE(run("import " + quote(project) + " units " + quote(communes) +
                    " --level commune --code gso_xa --fallback-code commune_id --name commune_vn --parent-code gso_huyen"
                    " --map parent_name=district_vn",
                &out) == 0);
    CHECK_THAT(out, Catch::Contains("21 records written"));
    return project;
}

CPLJSONObject parseJson(const std::string& text) {
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(text));
    return doc.GetRoot();
}

}  // namespace

TEST_CASE("e2e: init, import a criteria sheet and a money sheet, summary --json", "[e2e][project]") {
    const auto dir = test::scratchDir("e2e_project_summary");
    const std::string project = anhSonProject(dir);
    const auto sheet = dir / "ket_qua.xlsx";
    writeTable(sheet, "XLSX", {{"Mã xã", OFTInteger}, {"Tên xã", OFTString}, {"Số tiêu chí đạt", OFTString}, {"Ngày", OFTString}},
               {{"17332", "Xã Thọ Sơn", "19/19", "30/06/2024"}, {"", "Tam Sơn", "14", "30/06/2024"}});
    std::string out;
    REQUIRE(run("import " + quote(project) + " criteria " + quote(sheet.string()) + " --set ntm_xa_2021_2025", &out) == 0);
    const auto money = dir / "von.ods";
    writeTable(money, "ODS", {{"Tên xã", OFTString}, {"Kế hoạch vốn", OFTReal}, {"Giải ngân", OFTReal}, {"Ngày", OFTString}},
               {{"Thọ Sơn", "2000000000", "500000000", "15/05/2024"}, {"Tam Sơn", "1000000000", "100000000", "15/05/2024"}});
    REQUIRE(run("import " + quote(project) + " disbursement " + quote(money.string()) + " --programme ntm", &out) == 0);

    REQUIRE(run("summary " + quote(project) + " --unit 17341 --as-of 2024-06-30 --json", &out) == 0);
    CPLJSONObject tamSon = parseJson(out);
    CHECK(tamSon.GetString("name") == "Xã Tam Sơn");
    CHECK(tamSon.GetString("level") == "commune");
    CHECK(tamSon.GetString("type") == "xa");
    CHECK(tamSon.GetString("parent_code") == "424");
    CHECK(tamSon.GetInteger("criteria_met") == 14);
    CHECK(tamSon.GetInteger("criteria_total") == 19);
    CHECK(tamSon.GetDouble("criteria_pct") == Approx(73.7));
    CHECK_FALSE(tamSon.GetBool("meets_standard"));
    CHECK(tamSon.GetString("as_of") == "2024-06-30");
    CPLJSONArray programmes = tamSon.GetArray("programmes");
    REQUIRE(programmes.Size() == 1);
    CHECK(programmes[0].GetDouble("disbursed_pct") == Approx(10.0));
    CHECK(programmes[0].GetInteger("rank") == 2);
    CHECK(programmes[0].GetInteger("rank_of") == 2);

    REQUIRE(run("summary " + quote(project) + " --unit 424 --as-of 2024-06-30 --json", &out) == 0);
    CPLJSONObject anhSon = parseJson(out);
    CHECK(anhSon.GetInteger("communes_total") == 20);
    CHECK(anhSon.GetInteger("communes_assessed") == 2);
    CHECK(anhSon.GetInteger("communes_meeting_standard") == 1);
    CHECK(anhSon.GetDouble("avg_criteria_met") == Approx(16.5));
    CHECK(anhSon.GetArray("programmes")[0].GetLong("plan") == 3000000000LL);

    REQUIRE(run("summary " + quote(project) + " --json", &out) == 0);
    CPLJSONDocument all;
    REQUIRE(all.LoadMemory(out));
    CHECK(all.GetRoot().ToArray().Size() == 1 + 19 + 21);  // province, its 19 districts, Anh Sơn's 21 communes
}

TEST_CASE("e2e: a failed import exits non-zero, names file/row/column, and leaves the file byte-for-byte unchanged", "[e2e][project]") {
    const auto dir = test::scratchDir("e2e_project_failed_import");
    const std::string project = anhSonProject(dir);
    const std::string before = bytesOf(project);
    const auto csv = dir / "loi.csv";
    writeTable(csv, "CSV", {{"Mã xã", OFTString}, {"Số tiêu chí đạt", OFTString}, {"Ngày", OFTString}},
               {{"17332", "12", "30/06/2024"}, {"17335", "25", "30/06/2024"}, {"17338", "12", "ngày mai"}});
    std::string out;
    CHECK(run("import " + quote(project) + " criteria " + quote(csv.string()) + " --set ntm_xa_2021_2025", &out) != 0);
    CHECK_THAT(out, Catch::Contains("loi.csv, row 3, column 'Số tiêu chí đạt' = '25'") && Catch::Contains("larger than the 19 criteria"));
    CHECK_THAT(out, Catch::Contains("loi.csv, row 4, column 'Ngày' = 'ngày mai': not a date"));
    CHECK(bytesOf(project) == before);

    CHECK(run("import " + quote(project) + " criteria " + quote(csv.string()) + " --set khong_co", &out) != 0);
    CHECK_THAT(out, Catch::Contains("--set khong_co"));
    CHECK(run("import " + quote(project) + " criteria " + quote((dir / "khong_co.xlsx").string()) + " --set ntm_xa_2021_2025", &out) != 0);
    CHECK_THAT(out, Catch::Contains("khong_co.xlsx: no such file"));
    CHECK(bytesOf(project) == before);

    // A truncated project file gets its own message, for import and for summary.
    const auto cut = dir / "cut.gpkg";
    std::ofstream(cut, std::ios::binary).write(before.data(), static_cast<std::streamsize>(before.size() / 3));
    CHECK(run("summary " + quote(cut.string()) + " --json", &out) != 0);
    CHECK_THAT(out, Catch::Contains("damaged or truncated"));
}

TEST_CASE("e2e: an import killed with SIGKILL mid-write leaves a project that opens and holds what it held", "[e2e][project][slow]") {
    const auto dir = test::scratchDir("e2e_project_sigkill");
    const std::string project = anhSonProject(dir);
    std::string before;
    REQUIRE(run("summary " + quote(project) + " --as-of 2024-01-01 --json", &before) == 0);
    const std::string journal = project + "-journal";

    // The whole country (11,161 named communes) over the Anh Sơn project: the write phase is long
    // enough to catch the rollback journal on disk and kill the writer inside its transaction.
    const std::vector<std::string> args = {kCli, "import", project, "units", test::nationalCommunesGpkg().string(),
                                           "--layer", "communes", "--level", "commune", "--code", "gso_xa",
                                           "--fallback-code", "commune_id", "--name", "commune_vn",
                                           "--where", "commune_vn IS NOT NULL"};
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, kCli.c_str(), nullptr, nullptr, argv.data(), environ) == 0);
    bool killedMidWrite = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::filesystem::exists(journal)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let it write some pages
            killedMidWrite = ::kill(pid, SIGKILL) == 0 && std::filesystem::exists(journal);
            break;
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            pid = 0;
            break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    if (pid != 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
    }
    REQUIRE(killedMidWrite);
    CHECK(std::filesystem::exists(journal));  // the hot journal the next opener rolls back

    std::string after;
    REQUIRE(run("summary " + quote(project) + " --as-of 2024-01-01 --json", &after) == 0);
    CHECK(after == before);
    auto db = gis::store::openProject(project, false);
    REQUIRE(db);
    CHECK(db->queryText("PRAGMA integrity_check") == "ok");
    CHECK(db->queryText("SELECT count(*) FROM ntm_units") == "41");
    CHECK(db->queryText("SELECT count(*) FROM ntm_imports") == "2");
}

TEST_CASE("e2e: init --demo writes the demo district through the store, and summary reads it", "[e2e][project]") {
    const auto dir = test::scratchDir("e2e_project_demo");
    const std::string project = (dir / "demo.gpkg").string();
    std::string out;
    REQUIRE(run("init " + quote(project) + " --demo", &out) == 0);
    INFO(out);
    REQUIRE(run("summary " + quote(project) + " --json", &out) == 0);
    CPLJSONDocument doc;
    REQUIRE(doc.LoadMemory(out));
    int districts = 0, assessed = 0, withMoney = 0;
    for (const CPLJSONObject& unit : doc.GetRoot().ToArray()) {
        if (unit.GetString("level") == "district") {
            ++districts;
            CHECK(unit.GetInteger("communes_total") > 10);
            CHECK(unit.GetArray("programmes").Size() >= 1);
        }
        if (unit.GetString("level") == "commune" && unit.GetObj("criteria_met").GetType() == CPLJSONObject::Type::Integer) ++assessed;
        if (unit.GetArray("programmes").Size() > 0) ++withMoney;
    }
    CHECK(districts == 1);
    CHECK(assessed > 10);
    CHECK(withMoney > 10);
    // init never overwrites
    CHECK(run("init " + quote(project) + " --demo", &out) != 0);
    CHECK_THAT(out, Catch::Contains("already exists"));
}
