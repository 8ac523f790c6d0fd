// README.md documents every canonical column and every header spelling the importers
// recognise; this keeps the two from drifting apart.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "gis/importer/column_catalog.hpp"
#include "tests/support/test_paths.hpp"

TEST_CASE("importer: every canonical column and recognised header is documented", "[importer][docs]") {
    std::ifstream in(test::sourceDir() / "README.md");
    REQUIRE(in);
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    using gis::importer::CanonicalColumn;
    std::vector<std::vector<CanonicalColumn>> kinds = {gis::importer::criteriaColumns(), gis::importer::moneyColumns(),
                                                       gis::importer::infrastructureColumns(), gis::importer::taskColumns(),
                                                       gis::importer::criteriaSetColumns(), gis::importer::workTypeColumns()};
    for (const char* level : {"province", "district", "commune", "village"}) kinds.push_back(gis::importer::unitColumns(level));
    for (const auto& columns : kinds)
        for (const CanonicalColumn& column : columns) {
            INFO(column.key);
            CHECK(doc.find("`" + column.key + "`") != std::string::npos);
            for (const std::string& alias : column.aliases) {
                INFO(alias);
                CHECK(doc.find(alias) != std::string::npos);
            }
        }
}
