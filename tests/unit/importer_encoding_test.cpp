// The real TCVN3 damage in communesVN.csv, decoded on import and compared with the decoded copy.
#include <catch2/catch.hpp>

#include "gis/importer/source_table.hpp"
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
