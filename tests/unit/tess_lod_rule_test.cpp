// The level-skip rule both level builders share.
#include <catch2/catch.hpp>

#include "gis/tess/mesh_builder.hpp"

TEST_CASE("LOD rule: a level is built only when it drops more than a tenth of the finer level", "[unit][tess]") {
    CHECK(gis::tess::levelWorthBuilding(900, 1000));
    CHECK_FALSE(gis::tess::levelWorthBuilding(901, 1000));
    CHECK(gis::tess::levelWorthBuilding(48341, 263511));      // national layer, 2446 m vs full detail
    CHECK_FALSE(gis::tess::levelWorthBuilding(262616, 263511));  // 38 m: keeps 99.7 %
}
