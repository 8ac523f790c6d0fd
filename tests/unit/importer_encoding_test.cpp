// The real TCVN3 damage in communesVN.csv, decoded on import and compared with the decoded copy.
#include <catch2/catch.hpp>

#include <map>

#include "gis/importer/importer.hpp"
#include "gis/importer/source_table.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "tests/support/test_paths.hpp"

using namespace gis::importer;

TEST_CASE("importer: TCVN3 text widened to Latin-1 decodes to the same UTF-8 as the reference copy", "[importer][encoding]") {
    const auto dir = test::sharedDir() / "data/real/epix_communesVN_codes";
    ImportOptions legacy;
    legacy.encoding = "TCVN3";
    auto damaged = readSourceTable((dir / "communesVN.csv").string(), legacy, false);
    REQUIRE(damaged);
    auto reference = readSourceTable((dir / "communesVN_decoded_utf8.csv").string(), ImportOptions{}, false);
    REQUIRE(reference);
    REQUIRE(damaged->rows.size() == reference->rows.size());
    REQUIRE(damaged->rows.size() == 10614);
    REQUIRE(damaged->columns[0] == "C_NAMEVI");
    REQUIRE(damaged->columns[2] == "D_NAME");

    // Spot checks from SOURCE.md: "TT. T©n Ch©u" = "TT. Tân Châu", "Ch©u §èc" = "Châu Đốc".
    CHECK(damaged->rows[0].cells[0].text == "TT. Tân Châu");
    CHECK(damaged->rows[2].cells[2].text == "Châu Đốc");

    std::size_t same = 0, compared = 0;
    for (std::size_t i = 0; i < damaged->rows.size(); ++i) {
        const auto& d = damaged->rows[i].cells;
        const auto& r = reference->rows[i].cells;
        if (r[4].text == "0") continue;  // the one row in yet another (VNI-style) encoding, all codes 0
        for (std::size_t column : {0u, 2u}) {
            ++compared;
            same += d[column].text == r[column].text ? 1 : 0;
        }
    }
    CHECK(compared > 21000);
    CHECK(same == compared);
}

TEST_CASE("importer: an unknown --encoding is an error naming it", "[importer][encoding]") {
    ImportOptions options;
    options.encoding = "KOI8-VN";
    auto table = readSourceTable((test::sharedDir() / "data/real/epix_communesVN_codes/communesVN.csv").string(), options, false);
    REQUIRE_FALSE(table);
    CHECK_THAT(table.error().message, Catch::Contains("KOI8-VN"));
}

TEST_CASE("importer: the TCVN3-damaged code list imports as units, its broken rows named", "[importer][encoding]") {
    const auto dir = test::scratchDir("importer_encoding_units");
    const std::string project = (dir / "p.gpkg").string();
    REQUIRE(gis::store::createProject(project));
    const std::string csv = (test::sharedDir() / "data/real/epix_communesVN_codes/communesVN.csv").string();
    ImportOptions o;
    o.level = "commune";
    o.encoding = "TCVN3";
    o.columnMap = {{"code", "C_CODE"}, {"name", "C_NAMEVI"}, {"parent_code", "D_CODE"}, {"parent_name", "D_NAME"}};

    // The two broken rows both have code 0 (SOURCE.md): refused as a duplicated code, naming both rows.
    auto failed = importFile(project, "units", csv, o);
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("communesVN.csv, row 10612, column 'C_CODE' = '0': duplicated code 00000 (also at row 1726)"));

    o.where = "C_CODE <> '0'";
    auto report = importFile(project, "units", csv, o);
    REQUIRE(report);
    auto db = gis::store::openProject(project, false);
    REQUIRE(db);
    auto data = gis::store::loadProjectData(*db, false);
    REQUIRE(data);
    std::map<std::string, const gis::model::Unit*> byCode;
    for (const auto& u : data->units) byCode[u.code] = &u;
    REQUIRE(byCode.count("06325") == 1);  // written "6325" in the file
    CHECK(byCode["06325"]->name == "TT.Bắc Sơn");
    CHECK(byCode["06325"]->type == "thi_tran");
    CHECK(byCode["06325"]->parentCode == "185");
    REQUIRE(byCode.count("185") == 1);  // district created from D_CODE + D_NAME
    CHECK(byCode["185"]->name == "Bắc Sơn");
    CHECK(byCode["185"]->level == "district");
    CHECK(byCode["06355"]->name == "Vũ Sơn");
    CHECK(byCode["06355"]->type == "xa");
    int communes = 0;
    for (const auto& u : data->units) communes += u.level == "commune" ? 1 : 0;
    CHECK(communes == 10612);
}

TEST_CASE("importer: --encoding VNI reads the one VNI row of the same file", "[importer][encoding]") {
    ImportOptions vni;
    vni.encoding = "VNI";
    vni.where = "C_CODE = '0' AND D_CODE = '0'";  // line 1726, the row SOURCE.md calls "yet another (VNI-style) encoding"
    auto table = readSourceTable((test::sharedDir() / "data/real/epix_communesVN_codes/communesVN.csv").string(), vni, false);
    REQUIRE(table);
    REQUIRE(table->rows.size() == 1);
    CHECK(table->rows[0].location == "row 1726");
    CHECK(table->rows[0].cells[0].text == "Khuê Mỹ");
}
