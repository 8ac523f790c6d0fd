// One unit's summary read with only what it needs (gis/figures/unit_summary_read: the unit's
// subtree row by row, its siblings' money added up by the database at the as-of date) must give
// exactly the figures computeSummary gives from the whole project — criteria, commune counts,
// money, disbursement rates and the ranks among siblings — for provinces, districts, communes and
// villages at several dates, on both backends. The money is built to catch what a shortcut gets
// wrong: villages with money of their own, cumulative figures followed by increments, a
// cumulative and an increment on one date, several capital types, plan years before and after
// the dates, a programme planned only for a later year and one disbursed without any plan.
#include <catch2/catch.hpp>

#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_summary_read.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/transaction.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/store_backends.hpp"

using namespace gis;

namespace {

/// A second province with one district, a commune and a village, so provinces have siblings.
void addThanhHoaCorner(store::ProjectWriter& writer) {
    REQUIRE(writer.upsertUnit({"38", "Tỉnh Thanh Hóa", "province", "tinh", "", std::nullopt, std::nullopt, {}, "test"}));
    REQUIRE(writer.upsertUnit({"389", "Huyện Triệu Sơn", "district", "huyen", "38", std::nullopt, std::nullopt, {}, "test"}));
    REQUIRE(writer.upsertUnit({"16000", "Xã Thọ Sơn", "commune", "xa", "389", std::nullopt, std::nullopt, {}, "test"}));
    REQUIRE(writer.upsertUnit({"16000-1", "Thôn 1", "village", "thon", "16000", 420.0, std::nullopt, {}, "test"}));
}

/// Money on every unit, varied by a counter so the rates (and so the ranks) differ.
void addMoney(store::ProjectWriter& writer, const model::Unit& u, long long n) {
    const std::string ntm = "ntp_ntm_2021_2025", gnbv = "ntp_gnbv_2021_2025", dtts = "ntp_dtts_2021_2030_p1";
    const long long step = 100'000'000LL;
    REQUIRE(writer.upsertCapitalPlan({u.code, ntm, 2024, "", 1'000'000'000LL * (5 + n % 7), "test"}));
    if (n % 3 == 0) REQUIRE(writer.upsertCapitalPlan({u.code, ntm, 2024, "su_nghiep", 300'000'000LL * (1 + n % 4), "test"}));
    if (n % 2 == 0) REQUIRE(writer.upsertCapitalPlan({u.code, ntm, 2023, "", 2'000'000'000LL, "test"}));
    REQUIRE(writer.upsertDisbursement({u.code, ntm, 2024, "", "2024-03-31", step * (n * 7 % 13), false, "test"}));
    REQUIRE(writer.upsertDisbursement({u.code, ntm, 2024, "", "2024-09-30", step * (n * 5 % 11), false, "test"}));
    REQUIRE(writer.upsertDisbursement({u.code, ntm, 2024, "", "2025-02-15", step * (n % 9), false, "test"}));
    if (n % 4 == 1) {  // a cumulative figure mid-year replaces what came before it
        REQUIRE(writer.upsertDisbursement({u.code, ntm, 2024, "", "2024-06-30", step * (20 + n % 5), true, "test"}));
        REQUIRE(writer.upsertDisbursement({u.code, ntm, 2024, "", "2024-06-30", step * 3, false, "test"}));  // same date: not added
    }
    if (n % 3 == 0) REQUIRE(writer.upsertDisbursement({u.code, ntm, 2024, "su_nghiep", "2024-10-15", step * (1 + n % 3), false, "test"}));
    if (n % 2 == 0) REQUIRE(writer.upsertDisbursement({u.code, ntm, 2023, "", "2023-12-31", step * (n % 17), false, "test"}));
    if (n % 5 == 0) REQUIRE(writer.upsertCapitalPlan({u.code, gnbv, 2026, "", 4'000'000'000LL, "test"}));  // planned after every date
    if (n % 5 == 0) REQUIRE(writer.upsertDisbursement({u.code, gnbv, 2024, "", "2024-08-01", step * 2, false, "test"}));
    if (n % 3 == 1) REQUIRE(writer.upsertDisbursement({u.code, dtts, 2024, "", "2024-05-01", step * (n % 6), false, "test"}));
}

}  // namespace

TEST_CASE("store suite: one unit's summary read with its siblings' money added up by the database equals the whole project's", "[store]") {
    const store::Backend backend = GENERATE(from_range(test::storeBackends()));
    INFO(test::backendName(backend));
    const auto dir = test::scratchDir(std::string("suite_unit_summary_read_") + test::backendName(backend));
    const std::string project = test::freshProjectLocation(backend, "suite_unit_summary_read");
    storefx::importAnhSon(project, dir);
    std::vector<std::string> communes, districts;
    {
        auto db = store::openProject(project, true);
        REQUIRE(db);
        const store::ProjectData units = storefx::load(project, false);
        store::Transaction tx(*db);
        store::ProjectWriter writer(*db);
        addThanhHoaCorner(writer);
        for (const model::Unit& u : units.units) {
            if (u.level == "commune") communes.push_back(u.code);
            if (u.level == "district") districts.push_back(u.code);
        }
        REQUIRE(communes.size() >= 4);
        // Villages under three communes, with money of their own.
        std::vector<model::Unit> all = units.units;
        for (std::size_t c = 0; c < 3; ++c)
            for (int v = 1; v <= 2; ++v) {
                model::Unit village{communes[c] + "-" + std::to_string(v), "Thôn " + std::to_string(v), "village", "thon", communes[c],
                                    300.0, std::nullopt, {}, "test"};
                REQUIRE(writer.upsertUnit(village));
                all.push_back(village);
            }
        all.push_back({"38", "", "province", "tinh", "", std::nullopt, std::nullopt, {}, ""});
        all.push_back({"389", "", "district", "huyen", "38", std::nullopt, std::nullopt, {}, ""});
        all.push_back({"16000", "", "commune", "xa", "389", std::nullopt, std::nullopt, {}, ""});
        all.push_back({"16000-1", "", "village", "thon", "16000", std::nullopt, std::nullopt, {}, ""});
        long long n = 0;
        for (const model::Unit& u : all)
            if (u.code != communes[3]) addMoney(writer, u, ++n);  // one commune without money, unranked
        REQUIRE(tx.commit());
    }
    const store::ProjectData whole = storefx::load(project, false);
    auto db = store::openProject(project, false);
    REQUIRE(db);
    const std::vector<std::string> scopes = {"40", "38", "424", districts.front(), "389", storefx::kThanhSon, communes[0], communes[3],
                                             communes[0] + "-2", "16000-1"};
    int ranked = 0;
    for (const std::string asOf : {"2023-12-31", "2024-06-30", "2024-12-31", "2025-03-31"})
        for (const std::string& code : scopes) {
            INFO(code << " as of " << asOf);
            auto fast = figures::readUnitSummary(*db, {.asOf = asOf, .unitCode = code});
            INFO((fast ? std::string() : fast.error().message));
            REQUIRE(fast);
            auto full = figures::computeSummary(whole, {.asOf = asOf, .unitCode = code});
            REQUIRE(full);
            CHECK(figures::summaryToJson(*fast) == figures::summaryToJson(full->front()));
            for (const figures::ProgrammeFigures& f : fast->programmes) ranked += f.rankOf > 1 ? 1 : 0;
        }
    CHECK(ranked > 20);  // the ranks compared are real ones, among several siblings

    auto unknown = figures::readUnitSummary(*db, {.asOf = "2024-12-31", .unitCode = "99999"});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
}
