// Ramps, breaks and colour assignment.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "gis/demo/prng.hpp"
#include "gis/style/classification.hpp"
#include "gis/style/classify.hpp"
#include "gis/style/color_ramps.hpp"

using namespace gis::style;
using gis::Rgba8;

namespace {

/// Sum of squared deviations of the classes given by `breaks` (upper bounds).
double withinClassSsd(const std::vector<double>& sorted, const std::vector<double>& breaks) {
    double total = 0.0;
    std::size_t start = 0;
    for (double b : breaks) {
        std::size_t end = start;
        while (end < sorted.size() && sorted[end] <= b) ++end;
        if (end > start) {
            double mean = 0.0;
            for (std::size_t i = start; i < end; ++i) mean += sorted[i];
            mean /= static_cast<double>(end - start);
            for (std::size_t i = start; i < end; ++i) total += (sorted[i] - mean) * (sorted[i] - mean);
        }
        start = end;
    }
    return total;
}

/// Exhaustive optimum over all splits of `sorted` into k contiguous non-empty classes.
double bruteForceBest(const std::vector<double>& sorted, int k) {
    const std::size_t n = sorted.size();
    double best = std::numeric_limits<double>::infinity();
    std::vector<std::size_t> cut(static_cast<std::size_t>(k - 1));
    // Enumerate cut positions c1 < c2 < … (class ends, exclusive) in 1..n-1.
    std::function<void(std::size_t, std::size_t)> rec = [&](std::size_t depth, std::size_t from) {
        if (depth == cut.size()) {
            std::vector<double> breaks;
            for (std::size_t c : cut) breaks.push_back(sorted[c - 1]);
            breaks.push_back(sorted.back());
            best = std::min(best, withinClassSsd(sorted, breaks));
            return;
        }
        for (std::size_t c = from; c < n; ++c) { cut[depth] = c; rec(depth + 1, c + 1); }
    };
    rec(0, 1);
    return best;
}

/// Fisher's dynamic programme as a plain triple loop, O(k n²): the optimum over all splits for
/// sets too large to enumerate, to hold the divide-and-conquer version to.
double dynamicProgrammeBest(const std::vector<double>& sorted, int k) {
    const std::size_t n = sorted.size();
    auto ssd = [&](std::size_t i, std::size_t j) {
        double mean = 0;
        for (std::size_t t = i; t <= j; ++t) mean += sorted[t];
        mean /= static_cast<double>(j - i + 1);
        double s = 0;
        for (std::size_t t = i; t <= j; ++t) s += (sorted[t] - mean) * (sorted[t] - mean);
        return s;
    };
    std::vector<std::vector<double>> classSsd(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j) classSsd[i][j] = ssd(i, j);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost(n);
    for (std::size_t j = 0; j < n; ++j) cost[j] = classSsd[0][j];
    for (int c = 1; c < k; ++c) {
        std::vector<double> next(n, inf);
        for (std::size_t j = static_cast<std::size_t>(c); j < n; ++j)
            for (std::size_t i = static_cast<std::size_t>(c); i <= j; ++i)
                next[j] = std::min(next[j], cost[i - 1] + classSsd[i][j]);
        cost = next;
    }
    return cost[n - 1];
}

}  // namespace

TEST_CASE("ramps: lookup, endpoints and interpolation", "[unit][style]") {
    for (const char* id : {"criteria", "YlGn", "Blues", "OrRd", "RdYlGn", "Purples"}) {
        const ColorRamp& r = rampById(id);
        CHECK(r.id == id);
        CHECK(r.stops.size() >= 5);
        CHECK(sampleRamp(r, 0.0) == r.stops.front());
        CHECK(sampleRamp(r, 1.0) == r.stops.back());
        CHECK(sampleRamp(r, -3.0) == r.stops.front());
        CHECK(sampleRamp(r, 7.0) == r.stops.back());
    }
    CHECK(rampById("no-such-ramp").id == "YlGn");
    CHECK(rampIds().size() == 6);

    ColorRamp two{"test", {Rgba8{0, 0, 0, 255}, Rgba8{200, 100, 50, 255}}};
    CHECK(sampleRamp(two, 0.5) == Rgba8{100, 50, 25, 255});

    // The criteria ramp goes from red to green.
    const ColorRamp& c = rampById("criteria");
    CHECK(c.stops.front().r > c.stops.front().g);
    CHECK(c.stops.back().g > c.stops.back().r);
}

TEST_CASE("equal-interval breaks are nice round numbers", "[unit][style]") {
    CHECK(equalIntervalBreaks({0, 10, 55, 100}, 5) == std::vector<double>{20, 40, 60, 80, 100});
    CHECK(equalIntervalBreaks({3, 50, 97}, 5) == std::vector<double>{20, 40, 60, 80, 100});
    CHECK(equalIntervalBreaks({19, 101}, 5) == std::vector<double>{25, 50, 75, 100, 125});
    CHECK(equalIntervalBreaks({0, 1}, 4) == std::vector<double>{0.25, 0.5, 0.75, 1.0});
    CHECK(equalIntervalBreaks({5, 5, 5}, 5) == std::vector<double>{5});
    CHECK(equalIntervalBreaks({}, 5).empty());
    CHECK(niceCeil(16.8) == 20);
    CHECK(niceCeil(0.23) == 0.25);
    CHECK(niceCeil(4.1) == 5);
    CHECK(niceCeil(1000) == 1000);
}

TEST_CASE("quantile breaks", "[unit][style]") {
    CHECK(quantileBreaks({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5) == std::vector<double>{2, 4, 6, 8, 10});
    CHECK(quantileBreaks({10, 9, 8, 7, 6, 5, 4, 3, 2, 1, std::nan("")}, 5) == std::vector<double>{2, 4, 6, 8, 10});
    // Heavy ties merge classes instead of producing empty ones.
    CHECK(quantileBreaks({1, 1, 1, 1, 1, 1, 1, 1, 2, 3}, 5) == std::vector<double>{1, 3});

    SECTION("monotonic and covering on random data, rounded for population-like values") {
        gis::demo::Prng rng(42);
        for (int trial = 0; trial < 20; ++trial) {
            std::vector<double> v;
            for (int i = 0; i < 200; ++i) v.push_back(rng.uniform(3000, 15000));
            const auto b = quantileBreaks(v, 5);
            REQUIRE(!b.empty());
            for (std::size_t i = 1; i < b.size(); ++i) CHECK(b[i] > b[i - 1]);
            CHECK(b.back() == *std::max_element(v.begin(), v.end()));
            for (std::size_t i = 0; i + 1 < b.size(); ++i) CHECK(std::fmod(b[i], 100.0) == 0.0);  // 2 significant digits
        }
    }
}

TEST_CASE("quantile classification selects the same breaks and lowest value as sorting would", "[unit][style]") {
    gis::demo::Prng rng(3);
    const ColorRamp& ramp = rampById("YlGn");
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<double> v;
        const int n = rng.uniformInt(1, 400);
        const bool coarse = trial % 2 == 0, large = trial % 3 == 0;
        for (int i = 0; i < n; ++i) {
            double x = rng.uniform(large ? 3000 : 0, large ? 15000 : 100);
            if (coarse) x = std::round(x / (large ? 1000 : 10));  // many ties
            v.push_back(rng.uniformInt(0, 9) == 0 ? std::nan("") : x);
        }
        const int k = rng.uniformInt(1, 7);
        const Classification c = classifyNumeric(v, ClassMethod::Quantile, k, ramp);
        std::vector<double> finite;
        for (double x : v)
            if (std::isfinite(x)) finite.push_back(x);
        if (finite.empty()) {
            CHECK(c.breaks.empty());
            continue;
        }
        CHECK(c.breaks == quantileBreaks(v, k));
        // The legend starts at the minimum: its labels are rangeLabels from it at some precision.
        const double lowest = *std::min_element(finite.begin(), finite.end());
        bool labelsFromLowest = false;
        for (int decimals = 0; decimals <= 4; ++decimals)
            labelsFromLowest = labelsFromLowest || c.labels == rangeLabels(c.breaks, lowest, decimals);
        CHECK(labelsFromLowest);
    }
}

TEST_CASE("natural breaks (Jenks)", "[unit][style]") {
    CHECK(jenksBreaks({1, 2, 3, 10, 11, 12, 20, 21, 22}, 3) == std::vector<double>{3, 12, 22});
    CHECK(jenksBreaks({22, 1, 12, 3, 21, 2, 10, 20, 11}, 3) == std::vector<double>{3, 12, 22});
    CHECK(jenksBreaks({4, 4, 4}, 3) == std::vector<double>{4});
    CHECK(jenksBreaks({1, 1, 5, 5}, 4) == std::vector<double>{1, 5});
    CHECK(jenksBreaks({}, 3).empty());

    SECTION("matches the exhaustive optimum on small random sets") {
        gis::demo::Prng rng(7);
        for (int trial = 0; trial < 15; ++trial) {
            std::vector<double> v;
            const int n = rng.uniformInt(6, 12);
            for (int i = 0; i < n; ++i) v.push_back(std::round(rng.uniform(0, 100) * 10) / 10);
            std::sort(v.begin(), v.end());
            const int k = rng.uniformInt(2, 4);
            const auto b = jenksBreaks(v, k);
            CHECK(withinClassSsd(v, b) == Approx(bruteForceBest(v, k)).margin(1e-9));
        }
    }

    SECTION("matches Fisher's full dynamic programme on larger sets with clusters and ties") {
        gis::demo::Prng rng(11);
        for (int trial = 0; trial < 12; ++trial) {
            std::vector<double> v;
            const int n = rng.uniformInt(40, 160);
            const int clusters = rng.uniformInt(1, 6);
            for (int i = 0; i < n; ++i) {
                const double centre = 20.0 * rng.uniformInt(0, clusters);
                v.push_back(std::round((centre + rng.uniform(-3, 3)) * (trial % 3 == 0 ? 1 : 10)) / 10);  // ties when coarse
            }
            std::sort(v.begin(), v.end());
            const int k = rng.uniformInt(2, 7);
            const auto b = jenksBreaks(v, k);
            CHECK(std::is_sorted(b.begin(), b.end()));
            CHECK(withinClassSsd(v, b) == Approx(dynamicProgrammeBest(v, k)).margin(1e-7));
        }
    }

    SECTION("large inputs are sampled and still sorted") {
        std::vector<double> v;
        for (int i = 0; i < 20000; ++i) v.push_back(i % 3 == 0 ? i * 0.001 : 100 + i * 0.001);
        const auto b = jenksBreaks(v, 5);
        CHECK(b.size() == 5);
        CHECK(std::is_sorted(b.begin(), b.end()));
        CHECK(b.back() == Approx(v.back()));
    }
}

TEST_CASE("classifyNumeric builds colours and Vietnamese labels", "[unit][style]") {
    const auto c = classifyNumeric({0, 25, 50, 75, 100, std::nan("")}, ClassMethod::EqualInterval, 4, rampById("Blues"));
    CHECK(!c.categorical);
    CHECK(c.breaks == std::vector<double>{25, 50, 75, 100});
    CHECK(c.labels == std::vector<std::string>{"0 – 25", "25 – 50", "50 – 75", "75 – 100"});
    REQUIRE(c.colors.size() == 4);
    CHECK(c.colors.front() == rampById("Blues").stops.front());
    CHECK(c.colors.back() == rampById("Blues").stops.back());

    const auto p = classifyNumeric({52.6, 73.68421, 85.0, 100}, ClassMethod::NaturalBreaks, 2, rampById("YlGn"));
    CHECK(p.labels.size() == 2);
    CHECK(p.labels[0] == "52,6 – 73,7");

    const auto empty = classifyNumeric({std::nan("")}, ClassMethod::Quantile, 5, rampById("YlGn"));
    CHECK(empty.breaks.empty());
}

TEST_CASE("colorsFor: a value equal to a break is in the lower class", "[unit][style]") {
    Classification c;
    c.breaks = {10, 20, 30};
    c.colors = {Rgba8{1, 0, 0, 255}, Rgba8{2, 0, 0, 255}, Rgba8{3, 0, 0, 255}};
    const auto colors = colorsFor(c, std::vector<double>{-5, 0, 10, 10.0001, 20, 29.9, 30, 45, std::nan("")});
    CHECK(colors[0].r == 1);  // below the minimum → first class
    CHECK(colors[1].r == 1);
    CHECK(colors[2].r == 1);  // == break → lower class
    CHECK(colors[3].r == 2);
    CHECK(colors[4].r == 2);
    CHECK(colors[5].r == 3);
    CHECK(colors[6].r == 3);
    CHECK(colors[7].r == 3);  // above the top → last class
    CHECK(colors[8] == c.noDataColor);

    // Text given to a numeric classification is parsed.
    const auto fromText = colorsFor(c, std::vector<std::string>{"15", ""});
    CHECK(fromText[0].r == 2);
    CHECK(fromText[1] == c.noDataColor);
}

TEST_CASE("classifyCategorical: stable order and colours", "[unit][style]") {
    const auto a = classifyCategorical({"xa", "thi_tran", "xa", "", "phuong"}, qualitativePalette());
    const auto b = classifyCategorical({"phuong", "xa", "thi_tran"}, qualitativePalette());
    CHECK(a.categorical);
    CHECK(a.categories == std::vector<std::string>{"phuong", "thi_tran", "xa"});
    CHECK(a.categories == b.categories);
    CHECK(a.colors == b.colors);
    const auto colors = colorsFor(a, std::vector<std::string>{"xa", "unknown", ""});
    CHECK(colors[0] == a.colors[2]);
    CHECK(colors[1] == a.noDataColor);
    CHECK(colors[2] == a.noDataColor);

    // More categories than colours: the palette repeats instead of failing.
    std::vector<std::string> many;
    for (int i = 0; i < 30; ++i) many.push_back("c" + std::to_string(100 + i));
    const auto m = classifyCategorical(many, qualitativePalette());
    CHECK(m.colors.size() == 30);
    CHECK(m.colors[0] == m.colors[qualitativePalette().size()]);

    // Numbers against a categorical classification match their text.
    const auto years = classifyCategorical({"2023", "2024"}, qualitativePalette());
    CHECK(colorsFor(years, std::vector<double>{2024})[0] == years.colors[1]);
}
