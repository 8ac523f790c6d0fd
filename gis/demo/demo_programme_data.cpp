#include "gis/demo/demo_programme_data.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace gis::demo {

namespace {

/// Round to a multiple of `step` (money is reported in whole millions of đồng).
double roundTo(double value, double step) { return std::round(value / step) * step; }

/// How hard a criterion usually is for a commune (0 easy … 1 hard). Income, poverty,
/// production organisation, environment, schools and cultural facilities are the ones
/// notices keep returning to; electricity, information, the political system and security
/// are met early almost everywhere.
double criterionDifficulty(int number) {
    switch (number) {
        case 4: case 8: case 18: case 19: return 0.05;
        case 1: case 12: case 14: case 16: return 0.25;
        case 15: case 9: case 3: return 0.45;
        case 2: case 7: return 0.6;
        case 5: case 6: return 0.7;
        case 10: case 11: case 13: case 17: return 0.85;
        default: return 0.5;
    }
}

/// Communes that take part in the NTM assessment (townships use other standards).
std::vector<std::size_t> ruralCommunes(const std::vector<CommuneWork>& communes) {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < communes.size(); ++i)
        if (!communes[i].township) idx.push_back(i);
    return idx;
}

}  // namespace

std::vector<DemoAssessment> generateAssessments(const std::vector<CommuneWork>& communes, Prng& rng) {
    const std::vector<std::size_t> rural = ruralCommunes(communes);
    const std::size_t n = rural.size();

    // 2024 counts, best first: a realistic late-period picture for a mid-ranking district.
    std::vector<int> counts2024 = {19, 19, 19, 19, 19, 19, 19, 18, 18, 17, 17, 16, 16, 15, 14, 13, 12, 11};
    while (counts2024.size() < n) counts2024.insert(counts2024.begin() + 7, rng.uniformInt(15, 18));
    counts2024.resize(n);
    std::sort(counts2024.rbegin(), counts2024.rend());

    // Better-developed communes (lowland, near the township) rank higher, with some noise.
    std::vector<std::pair<double, std::size_t>> rank;
    for (std::size_t i : rural) rank.push_back({communes[i].development + rng.uniform(-0.35, 0.35), i});
    std::sort(rank.begin(), rank.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

    // Two communes report only "n/19": one in every year, one only in 2024.
    const std::size_t countOnlyAlways = rank[std::min<std::size_t>(n - 1, 9)].second;
    const std::size_t countOnly2024 = rank[std::min<std::size_t>(n - 1, 4)].second;

    std::vector<DemoAssessment> out;
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t ci = rank[r].second;
        const CommuneWork& c = communes[ci];
        Prng local = rng.fork(ci + 1);

        // The order in which this commune meets its criteria: easy ones first, with noise.
        std::vector<std::pair<double, int>> order;
        for (int k = 1; k <= 19; ++k) order.push_back({criterionDifficulty(k) + local.uniform(-0.2, 0.2), k});
        std::sort(order.begin(), order.end());

        // Counts back in time: each year gained 0–3 criteria (more in the middle years).
        int counts[4];
        counts[3] = counts2024[r];
        for (int y = 2; y >= 0; --y) counts[y] = std::max(5, counts[y + 1] - local.uniformInt(0, y == 0 ? 2 : 3));

        for (int y = 0; y < 4; ++y) {
            DemoAssessment a;
            a.unitCode = c.code;
            a.setId = kCommuneSetId;
            a.asOf = std::to_string(2021 + y) + "-12-31";
            a.criteriaTotal = 19;
            a.criteriaMet = counts[y];
            a.detailed = !(ci == countOnlyAlways || (ci == countOnly2024 && y == 3));
            if (a.detailed) {
                for (int k = 0; k < counts[y]; ++k) a.met.push_back(order[static_cast<std::size_t>(k)].second);
                const int pending = std::min(19 - counts[y], local.uniformInt(1, 3));
                for (int k = 0; k < pending; ++k) a.inProgress.push_back(order[static_cast<std::size_t>(counts[y] + k)].second);
                std::sort(a.met.begin(), a.met.end());
                std::sort(a.inProgress.begin(), a.inProgress.end());
            }
            out.push_back(std::move(a));
        }

        // Early achievers go on to the advanced set; the first two are already there.
        if (counts[1] == 19) {
            DemoAssessment nc;
            nc.unitCode = c.code;
            nc.setId = kAdvancedSetId;
            nc.asOf = "2024-12-31";
            nc.detailed = false;
            nc.criteriaTotal = 19;
            nc.criteriaMet = r < 2 ? 19 : local.uniformInt(13, 17);
            out.push_back(std::move(nc));
        }
    }
    std::sort(out.begin(), out.end(), [](const DemoAssessment& a, const DemoAssessment& b) {
        return std::tie(a.unitCode, a.setId, a.asOf) < std::tie(b.unitCode, b.setId, b.asOf);
    });
    return out;
}

std::vector<DemoMoney> generateMoney(const std::vector<CommuneWork>& communes, Prng& rng) {
    const std::vector<std::size_t> rural = ruralCommunes(communes);
    const std::size_t n = rural.size();

    // 2024 year-end disbursement rates, evenly spread 5 %–95 % and dealt out at random,
    // so the map shows the whole range (one commune sits at the notorious 5,9 %).
    std::vector<double> rates2024;
    for (std::size_t i = 0; i < n; ++i)
        rates2024.push_back(n > 1 ? 5.9 + (94.5 - 5.9) * static_cast<double>(i) / static_cast<double>(n - 1) : 50.0);
    shuffle(rates2024, rng);

    static const char* kQuarterEnds[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
    std::vector<DemoMoney> out;
    for (std::size_t r = 0; r < n; ++r) {
        const CommuneWork& c = communes[rural[r]];
        Prng local = rng.fork(rural[r] + 101);
        for (int year : {2023, 2024}) {
            for (const char* type : {"dtpt", "su_nghiep"}) {
                const bool invest = std::string(type) == "dtpt";
                // Bigger and poorer communes get more investment capital.
                const double plan = invest ? roundTo(local.uniform(1.5e9, 6.0e9) * (1.4 - 0.6 * c.development), 1e7)
                                           : roundTo(local.uniform(1.5e8, 9.0e8), 1e6);
                double finalRate = year == 2024 ? rates2024[r] / 100.0 : local.uniform(0.62, 1.0);
                if (!invest) finalRate = std::clamp(finalRate + local.uniform(-0.04, 0.06), 0.02, 1.0);
                // Disbursement is back-loaded: little in Q1, most in Q3–Q4.
                const double shape[4] = {local.uniform(0.05, 0.15), local.uniform(0.25, 0.4), local.uniform(0.5, 0.7), 1.0};
                for (int q = 0; q < 4; ++q) {
                    DemoMoney m;
                    m.unitCode = c.code;
                    m.programmeId = kNtmProgrammeId;
                    m.year = year;
                    m.capitalType = type;
                    m.date = std::to_string(year) + kQuarterEnds[q];
                    m.planVnd = plan;
                    m.disbursedVnd = roundTo(plan * finalRate * shape[q], 1e6);
                    out.push_back(std::move(m));
                }
            }
        }
    }
    return out;
}

std::vector<DemoIndicator> generateIndicators(const std::vector<CommuneWork>& communes, Prng& rng) {
    std::vector<DemoIndicator> out;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        const CommuneWork& c = communes[i];
        Prng local = rng.fork(i + 201);
        // Multidimensional poverty: ~15–22 % in remote mountain communes, 2–5 % in the lowland.
        double rate = c.township ? local.uniform(1.5, 3.0)
                                 : (22.0 - 18.0 * c.development) * local.uniform(0.8, 1.15);
        for (int year = 2021; year <= 2024; ++year) {
            out.push_back({c.code, "poverty_rate", year, std::round(rate * 100.0) / 100.0});
            rate *= local.uniform(0.72, 0.9);
        }
    }
    return out;
}

bool criterionMet(const std::vector<DemoAssessment>& assessments, const std::string& unitCode, int number) {
    const DemoAssessment* latest = nullptr;
    for (const DemoAssessment& a : assessments)
        if (a.unitCode == unitCode && a.setId == kCommuneSetId && a.detailed && (!latest || a.asOf > latest->asOf))
            latest = &a;
    if (latest) return std::find(latest->met.begin(), latest->met.end(), number) != latest->met.end();
    for (const DemoAssessment& a : assessments)
        if (a.unitCode == unitCode && a.setId == kCommuneSetId && a.criteriaMet == a.criteriaTotal) return true;
    return false;
}

}  // namespace gis::demo
