// Vietnamese number formatting: decimal comma, '.' thousands, no locale involved.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "gis/style/classification.hpp"
#include "gis/style/number_format.hpp"

using gis::style::formatNumberVi;

TEST_CASE("formatNumberVi uses a decimal comma and '.' thousands", "[unit][style]") {
    CHECK(formatNumberVi(73.68, 1) == "73,7");
    CHECK(formatNumberVi(73.68421, 1) == "73,7");
    CHECK(formatNumberVi(1234567, 0) == "1.234.567");
    CHECK(formatNumberVi(1234567.891, 2) == "1.234.567,89");
    CHECK(formatNumberVi(5.9, 1) == "5,9");
    CHECK(formatNumberVi(100, 0) == "100");
    CHECK(formatNumberVi(1000, 0) == "1.000");
    CHECK(formatNumberVi(999.96, 1) == "1.000,0");
    CHECK(formatNumberVi(0, 0) == "0");
    CHECK(formatNumberVi(0.5, 2) == "0,50");
    CHECK(formatNumberVi(39632e9, 0) == "39.632.000.000.000");
}

TEST_CASE("formatNumberVi handles negatives, negative zero and non-finite values", "[unit][style]") {
    CHECK(formatNumberVi(-1234.5, 1) == "-1.234,5");
    CHECK(formatNumberVi(-7, 0) == "-7");
    CHECK(formatNumberVi(-0.04, 1) == "0,0");
    CHECK(formatNumberVi(-0.0, 0) == "0");
    CHECK(formatNumberVi(-999999.5, 0) == "-1.000.000");
    CHECK(formatNumberVi(std::nan(""), 1) == "–");
    CHECK(formatNumberVi(std::numeric_limits<double>::infinity(), 0) == "∞");
}

TEST_CASE("formatNumberVi clamps silly decimal counts", "[unit][style]") {
    CHECK(formatNumberVi(1.5, -3) == "2");
    CHECK(formatNumberVi(1.25, 40).size() < 20);
}

TEST_CASE("range labels and decimals for legends", "[unit][style]") {
    CHECK(gis::style::formatRangeVi(73.68, 85, 1, "%") == "73,7 – 85,0 %");
    CHECK(gis::style::formatRangeVi(15, 18, 0) == "15 – 18");
    CHECK(gis::style::decimalsFor({1, 2, 19}) == 0);
    CHECK(gis::style::decimalsFor({1.5, 2.25}) == 2);
    CHECK(gis::style::decimalsFor({73.68421, 85.0}) == 1);
    CHECK(gis::style::decimalsFor({1.04, 1.01}) == 2);
    CHECK(gis::style::decimalsFor({2, 2, 3.5}) == 1);
}
