#pragma once
/// The store suite's district, the same on both backends: Nghệ An's districts and Anh Sơn's 21
/// communes cut from the national layer (VN-2000 / EPSG:9208), Thành Sơn's 2024 assessment as
/// notice 000 gives it (14 of 19 criteria met), one planned road and one task.
#include <catch2/catch.hpp>

#include <string>

#include "gis/importer/importer.hpp"
#include "gis/store/project_copy.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/unit/importer_test_fixtures.hpp"

namespace storefx {

inline constexpr const char* kThanhSon = "17335";

inline void importAnhSon(const std::string& project, const std::filesystem::path& dir) {
    {
        auto created = gis::store::createProject(project);
        INFO((created ? std::string() : created.error().message));
        REQUIRE(created);
    }
    REQUIRE_NOTHROW(fixtures::importAnhSonUnits(project, dir));
    std::vector<fixtures::Column> columns = {{"Mã xã"}};
    std::vector<std::string> row = {kThanhSon};
    for (int n = 1; n <= 19; ++n) {
        columns.push_back({"TC" + std::to_string(n)});
        row.push_back(n == 2 || n == 5 || n == 7 || n == 13 || n == 17 ? "Chưa đạt" : "Đạt");
    }
    auto criteria = gis::importer::importFile(project, "criteria", fixtures::writeSheet(dir / "tc.xlsx", "XLSX", "TC", columns, {row}),
                                              {.setId = "ntm_xa_2021_2025", .asOf = "2024-06-30"});
    INFO((criteria ? std::string() : criteria.error().message));
    REQUIRE(criteria);
    auto works = gis::importer::importFile(
        project, "infrastructure",
        fixtures::writeSheet(dir / "ct.csv", "CSV", "ct", {{"Mã xã"}, {"Tên công trình"}, {"Loại"}, {"Tình trạng"}, {"Kinh phí"}, {"Thời hạn"}},
                             {{kThanhSon, "Đường trục xã Thành Sơn", "Đường", "Kế hoạch", "1500000000", "31/12/2025"}}),
        {});
    INFO((works ? std::string() : works.error().message));
    REQUIRE(works);
    auto tasks = gis::importer::importFile(
        project, "tasks",
        fixtures::writeSheet(dir / "nv.csv", "CSV", "nv", {{"Mã xã"}, {"Nội dung"}, {"Thời hạn"}, {"Văn bản"}},
                             {{kThanhSon, "Xây dựng điểm tập kết rác và đường vào", "30/09/2025", "000/TB-UBND"}}),
        {});
    INFO((tasks ? std::string() : tasks.error().message));
    REQUIRE(tasks);
}

inline gis::store::ProjectData load(const std::string& project, bool withGeometry) {
    auto db = gis::store::openProject(project, false);
    INFO((db ? std::string() : db.error().message));
    REQUIRE(db);
    auto data = gis::store::loadProjectData(*db, withGeometry);
    INFO((data ? std::string() : data.error().message));
    REQUIRE(data);
    return std::move(data).value();
}

inline std::string dump(const std::string& project) {
    auto db = gis::store::openProject(project, false);
    REQUIRE(db);
    auto text = gis::store::dumpProject(*db);
    REQUIRE(text);
    return std::move(text).value();
}

}  // namespace storefx
