#include "gis/figures/unit_summary_read.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <tuple>

#include "gis/model/iso_date.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/shared_snapshot.hpp"
#include "gis/store/unit_provinces.hpp"

namespace gis::figures {
namespace {

/// The plan year of each programme at `asOf`, as summary.cpp's planYears works it out from every
/// row: the latest plan year not after the as-of year, or, for a programme planned only for later
/// years or not at all, the year of its first disbursement (by date, then id) up to the as-of date.
Result<std::map<std::string, int>> planYearsOfProject(store::Database& db, const std::string& asOf) {
    const int asOfYear = std::atoi(asOf.substr(0, 4).c_str());
    std::map<std::string, int> years;
    auto plans = db.prepare("SELECT programme_id, max(CASE WHEN year > 0 THEN year ELSE 0 END) FROM ntm_capital_plans WHERE year <= ?1 "
                            "GROUP BY programme_id");
    if (!plans) return plans.error();
    plans->bind(1, asOfYear);
    while (plans->step()) years[plans->text(0)] = static_cast<int>(plans->int64(1));
    if (!plans->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": " + plans->lastError());
    auto unplanned = db.prepare(
        "SELECT programme_id, year FROM (SELECT programme_id, year, row_number() OVER (PARTITION BY programme_id ORDER BY date, id) AS n "
        "FROM ntm_disbursements d WHERE year <= ?1 AND date <= ?2 "
        "AND NOT EXISTS (SELECT 1 FROM ntm_capital_plans p WHERE p.programme_id = d.programme_id AND p.year <= ?1)) f WHERE n = 1");
    if (!unplanned) return unplanned.error();
    unplanned->bind(1, asOfYear).bind(2, asOf);
    while (unplanned->step()) years.emplace(unplanned->text(0), static_cast<int>(unplanned->int64(1)));
    if (!unplanned->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": " + unplanned->lastError());
    return years;
}

/// Money of one sibling: (programme, plan year) → plan and disbursed, đồng.
using SiblingMoney = std::map<std::string, std::map<std::pair<std::string, int>, std::pair<std::int64_t, std::int64_t>>>;

/// Each sibling's plan and disbursement at `asOf` over its subtree, per programme and plan year,
/// added up by the database (disbursedAt of summary.cpp in SQL: per series, the latest cumulative
/// figure up to the date — the last row of that date — plus the increments after it).
///
/// Which units belong to which sibling is worked out in one of two directions. Under a district
/// or a commune the siblings' subtrees are small and are walked down. A province's siblings are
/// the whole country (112,000 units with the villages): there the walk goes up instead, from the
/// few thousand units that have money rows, and stops at the sibling it reaches.
///
/// Only each programme's plan year counts (summary.cpp adds up no other), so only its rows are
/// read: a tenth of the national project's money.
Result<SiblingMoney> siblingMoney(store::Database& db, const model::Unit& unit, const std::string& asOf,
                                  const std::map<std::string, int>& years) {
    if (years.empty()) return SiblingMoney{};
    // The ids and years are the database's own, written in as literals (quotes doubled): bound
    // parameters would have to be numbered around the optional ?4.
    auto inPlanYear = [&](const std::string& t) {
        std::string sql = "(";
        for (const auto& [programme, year] : years) {
            std::string quoted;
            for (char c : programme) quoted += c == '\'' ? std::string("''") : std::string(1, c);
            sql += std::string(sql.size() > 1 ? " OR " : "") + "(" + t + ".programme_id = '" + quoted + "' AND " + t + ".year = " +
                   std::to_string(year) + ")";
        }
        return sql + ")";
    };
    const bool topLevel = unit.parentCode.empty();
    auto isSibling = [&](const std::string& t, const std::string& parent) {
        return t + ".level = ?2 AND " + (topLevel ? "(" + parent + " IS NULL OR " + parent + " = '')" : parent + " = ?4");
    };
    std::string owned;
    const std::string withMoney = "money(code) AS (SELECT unit_code FROM ntm_capital_plans p WHERE " + inPlanYear("p") +
                              " UNION SELECT unit_code FROM ntm_disbursements d WHERE " + inPlanYear("d") + ")";
    if (topLevel && store::provinceCodesCurrent(db)) {
        // The siblings are tops (no parent), so each unit with money belongs to the sibling its
        // province code names: one index lookup per unit with money instead of the walk up,
        // 18–32 ms on PostgreSQL. Scalar subqueries again: joining the siblings to the units
        // was planned as a nested loop over every unit of the country, 12 s.
        owned = withMoney + ", owned(code, sibling) AS (SELECT code, sibling FROM (SELECT m.code, "
                "(SELECT province_code FROM ntm_units WHERE code = m.code) AS sibling FROM money m) o "
                "WHERE o.sibling <> ?1 AND EXISTS (SELECT 1 FROM ntm_units s WHERE s.code = o.sibling AND " + isSibling("s", "s.parent_code") + "))";
    } else if (unit.level == "province" || topLevel) {
        // Each step looks the parent up by its code (scalar subqueries, so by the index): a join
        // here was planned as a hash of all 112,000 units, the recursion's row estimate being
        // far too high. A parent no unit has gives a NULL level, and the walk ends there.
        owned = withMoney + ", up(origin, code, level, parent) AS (SELECT m.code, m.code, (SELECT level FROM ntm_units WHERE code = m.code), "
                "(SELECT parent_code FROM ntm_units WHERE code = m.code) FROM money m "
                "UNION SELECT up.origin, up.parent, (SELECT level FROM ntm_units WHERE code = up.parent), "
                "(SELECT parent_code FROM ntm_units WHERE code = up.parent) FROM up "
                "WHERE up.level IS NOT NULL AND up.parent <> up.code AND NOT (" + isSibling("up", "up.parent") + ")), "
                "owned(code, sibling) AS (SELECT origin, code FROM up WHERE code <> ?1 AND " + isSibling("up", "up.parent") + ")";
    } else {
        owned = "owned(code, sibling) AS (SELECT s.code, s.code FROM ntm_units s WHERE s.code <> ?1 AND " + isSibling("s", "s.parent_code") +
                " UNION SELECT u.code, o.sibling FROM ntm_units u JOIN owned o ON u.parent_code = o.code WHERE u.code <> o.code)";
    }
    auto stmt = db.prepare(
        "WITH RECURSIVE " + owned + ", "
        "disb AS (SELECT d.id, d.unit_code, d.programme_id, d.year, d.capital_type, d.date, d.amount_vnd, d.cumulative, o.sibling "
        "FROM ntm_disbursements d JOIN owned o ON o.code = d.unit_code WHERE d.date <= ?3 AND " + inPlanYear("d") + "), "
        "last_cum AS (SELECT * FROM (SELECT disb.*, row_number() OVER (PARTITION BY unit_code, programme_id, year, capital_type "
        "ORDER BY date DESC, id DESC) AS n FROM disb WHERE cumulative <> 0) c WHERE n = 1) "
        "SELECT o.sibling, p.programme_id, p.year, 0, CAST(sum(p.plan_vnd) AS BIGINT) FROM ntm_capital_plans p "
        "JOIN owned o ON o.code = p.unit_code WHERE " + inPlanYear("p") + " GROUP BY o.sibling, p.programme_id, p.year "
        "UNION ALL SELECT sibling, programme_id, year, 1, CAST(sum(amount_vnd) AS BIGINT) FROM last_cum GROUP BY sibling, programme_id, year "
        "UNION ALL SELECT i.sibling, i.programme_id, i.year, 1, CAST(sum(i.amount_vnd) AS BIGINT) FROM disb i "
        "LEFT JOIN last_cum c ON c.unit_code = i.unit_code AND c.programme_id = i.programme_id AND c.year = i.year "
        "AND c.capital_type = i.capital_type WHERE i.cumulative = 0 AND i.date > coalesce(c.date, '') "
        "GROUP BY i.sibling, i.programme_id, i.year");
    if (!stmt) return stmt.error();
    stmt->bind(1, unit.code).bind(2, unit.level).bind(3, asOf);
    if (!topLevel) stmt->bind(4, unit.parentCode);
    SiblingMoney money;
    while (stmt->step()) {
        auto& [plan, disbursed] = money[stmt->text(0)][{stmt->text(1), static_cast<int>(stmt->int64(2))}];
        (stmt->int64(3) == 0 ? plan : disbursed) += stmt->int64(4);
    }
    if (!stmt->lastError().empty())
        return makeError(ErrorCode::Sql, db.path() + ": adding up the money of the units beside " + unit.code + ": " + stmt->lastError());
    return money;
}

/// What the summary needs beyond the unit's subtree: the unit's level and parent, each
/// programme's plan year and the siblings' money. `found` is false when no unit has the code.
struct SiblingFigures {
    bool found = false;
    model::Unit unit;
    std::map<std::string, int> years;
    SiblingMoney money;
};

Result<SiblingFigures> readSiblingFigures(store::Database& db, const std::string& code, const std::string& asOf) {
    SiblingFigures figures;
    auto row = db.prepare("SELECT level, parent_code FROM ntm_units WHERE code = ?1");
    if (!row) return row.error();
    row->bind(1, code);
    if (!row->step()) {
        if (!row->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": " + row->lastError());
        return figures;
    }
    figures.found = true;
    figures.unit.code = code;
    figures.unit.level = row->text(0);
    figures.unit.parentCode = row->text(1);
    auto years = planYearsOfProject(db, asOf);
    if (!years) return years.error();
    figures.years = std::move(years).value();
    auto money = siblingMoney(db, figures.unit, asOf, figures.years);
    if (!money) return money.error();
    figures.money = std::move(money).value();
    return figures;
}

}  // namespace

Result<UnitSummary> readUnitSummary(store::Database& db, const SummaryOptions& options) {
    SummaryOptions scoped = options;
    scoped.asOf = options.asOf.empty() ? todayIso() : options.asOf;
    if (!model::isIsoDate(scoped.asOf)) return makeError(ErrorCode::BadInput, "--as-of " + scoped.asOf + ": not a date (YYYY-MM-DD)");
    // On PostgreSQL the siblings' figures (a third of the server's time for a province) are read
    // on a second connection while this one reads the subtree, both in one snapshot; on SQLite,
    // or inside a caller's transaction, one after the other here.
    auto snapshot = store::SharedSnapshot::begin(db);
    if (!snapshot) return snapshot.error();
    Result<SiblingFigures> siblings = makeError(ErrorCode::Sql, "not read");
    bool readOnSecond = false;
    std::thread helper;
    if (snapshot->active())
        helper = std::thread([&] {
            auto reader = snapshot->openReader();
            readOnSecond = static_cast<bool>(reader);
            if (readOnSecond) siblings = readSiblingFigures(*reader, options.unitCode, scoped.asOf);
        });
    auto data = store::loadSubtreeData(db, options.unitCode);
    if (helper.joinable()) helper.join();
    // No second connection (SQLite; or the server's max_connections reached, or a pooler that
    // cannot share snapshots): read here, after the subtree, in the same snapshot.
    if (!readOnSecond) siblings = readSiblingFigures(db, options.unitCode, scoped.asOf);
    if (!data) return data.error();
    if (!siblings) return siblings.error();
    if (!siblings->found) {
        // No such code: computeSummary's zero-padding rule ("6331" for 06331) needs every unit.
        auto whole = store::loadProjectData(db, false);
        if (!whole) return whole.error();
        auto summary = computeSummary(*whole, options);
        if (!summary) return summary.error();
        return summary->front();
    }
    if (auto ended = snapshot->end(); !ended) return ended.error();
    const model::Unit& unit = siblings->unit;
    const auto& years = siblings->years;
    // Each sibling with money stands in the project as a unit of the same level and parent with
    // one plan row and one increment on the as-of date per programme, holding its subtree's sums:
    // computeSummary then ranks the unit among them as it does in the whole project. Only the
    // unit's own summary is returned; the siblings' other figures are not there to be wrong.
    for (const auto& [code, perProgramme] : siblings->money) {
        data->units.push_back({code, "", unit.level, "", unit.parentCode, std::nullopt, std::nullopt, {}, ""});
        for (const auto& [key, sums] : perProgramme) {
            const auto& [programme, year] = key;
            const auto chosen = years.find(programme);
            if (chosen == years.end() || chosen->second != year) continue;
            data->plans.push_back({code, programme, year, "", sums.first, ""});
            data->disbursements.push_back({code, programme, year, "", scoped.asOf, sums.second, false, ""});
        }
    }
    scoped.planYears = years;
    auto summary = computeSummary(*data, scoped);
    if (!summary) return summary.error();
    return summary->front();
}

}  // namespace gis::figures
