#include "gis/store/project_reader.hpp"

#include <algorithm>
#include <numeric>
#include <thread>
#include <unordered_set>

#include "gis/store/shared_snapshot.hpp"
#include "gis/store/unit_provinces.hpp"

namespace gis::store {
namespace {

/// A unit from the row's columns `first`… in the order code, name, level, type, parent_code,
/// population, area_km2, source (the order every unit query here selects them in).
model::Unit unitFromRow(const Statement& row, int first) {
    model::Unit u;
    u.code = row.text(first);
    u.name = row.text(first + 1);
    u.level = row.text(first + 2);
    u.type = row.text(first + 3);
    u.parentCode = row.text(first + 4);
    if (!row.isNull(first + 5)) u.population = row.real(first + 5);
    if (!row.isNull(first + 6)) u.areaKm2 = row.real(first + 6);
    u.source = row.text(first + 7);
    return u;
}

/// How the loaders restrict their rows. Unscoped: no restriction. Scoped to a unit: its subtree
/// and ancestors for assessments, works, tasks and indicators (Set::Units); for the units and the
/// money, also its siblings' subtrees, villages left out (Set::Context), because the summary ranks
/// a unit's disbursement among its siblings.
///
/// The two sets are resolved once, by one recursive query, and every loader is then given them as
/// one bound list: PostgreSQL re-planned and re-ran the recursion in each of six statements (0.5 s
/// of a province's 0.64 s summary on the national project).
struct Scope {
    enum class Set { Units, Context };
    std::string unit;
    bool postgres = false;
    /// Only the unit and everything under it, villages included (loadSubtreeData).
    bool subtreeOnly = false;
    std::vector<std::string> units, context;

    bool active() const { return !unit.empty(); }

    /// The unit's subtree, read with the units' columns in the one recursive statement; both sets
    /// are that subtree. A unit listed as its own parent is not its own child (UnitTree makes it a
    /// root). UNION ALL, bounded in depth, and the repeats a cycle in bad data gives dropped here:
    /// UNION compared every row with all before it (a fifth of the statement's time on both
    /// backends); 64 levels is far more than the four a tree has.
    Status resolveSubtree(Database& db, std::vector<model::Unit>* unitsOut) {
        const std::string columns = "code, name, level, type, parent_code, population, area_km2, source";
        if (provinceCodesCurrent(db)) {
            // A unit at the top of its chain (a province) has for its subtree the units that
            // name it as their province: one index lookup, where the walk below looked each of
            // a province's 6,400 units up by its parent (27–33 ms on PostgreSQL). No rows: the
            // unit is not a top (or there is no such unit), and the walk finds its subtree.
            auto byProvince = db.prepare("SELECT " + columns + " FROM ntm_units WHERE province_code = ?1 "
                                         "AND EXISTS (SELECT 1 FROM ntm_units t WHERE t.code = ?1 AND t.province_code = ?1)");
            if (!byProvince) return byProvince.error();
            byProvince->bind(1, unit);
            while (byProvince->step()) {
                context.push_back(byProvince->text(0));
                units.push_back(byProvince->text(0));
                if (unitsOut != nullptr) unitsOut->push_back(unitFromRow(*byProvince, 0));
            }
            if (!byProvince->lastError().empty())
                return makeError(ErrorCode::Sql, db.path() + ": reading the units of province " + unit + ": " + byProvince->lastError());
            if (!units.empty()) return Ok{};
        }
        const std::string uColumns = "u.code, u.name, u.level, u.type, u.parent_code, u.population, u.area_km2, u.source";
        auto stmt = db.prepare("WITH RECURSIVE scope_down(" + columns + ", depth) AS (SELECT " + columns + ", 0 FROM ntm_units WHERE code = ?1 "
                               "UNION ALL SELECT " + uColumns + ", d.depth + 1 FROM ntm_units u JOIN scope_down d ON u.parent_code = d.code "
                               "WHERE u.code <> d.code AND d.depth < 64) SELECT " + columns + " FROM scope_down");
        if (!stmt) return stmt.error();
        stmt->bind(1, unit);
        std::unordered_set<std::string> seen;
        while (stmt->step()) {
            if (!seen.insert(stmt->text(0)).second) continue;
            context.push_back(stmt->text(0));
            units.push_back(stmt->text(0));
            if (unitsOut != nullptr) unitsOut->push_back(unitFromRow(*stmt, 0));
        }
        if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": reading the units under " + unit + ": " + stmt->lastError());
        return Ok{};
    }

    /// Resolves the two sets. With `unitsOut`, the units of the context are read in the same
    /// statement, their columns carried through the recursion: a second statement looking the
    /// 17,660 codes of a province's context up again by the code index took 66–85 ms on PostgreSQL.
    Status resolve(Database& db, std::vector<model::Unit>* unitsOut) {
        postgres = db.isPostgres();
        if (!active()) return Ok{};
        if (subtreeOnly) return resolveSubtree(db, unitsOut);
        // The unit's parent first: its siblings are then found through the parent_code index
        // (IS NOT DISTINCT FROM a subquery made PostgreSQL scan every unit).
        auto parentQuery = db.prepare("SELECT parent_code FROM ntm_units WHERE code = ?1");
        if (!parentQuery) return parentQuery.error();
        parentQuery->bind(1, unit);
        const bool found = parentQuery->step();
        const bool topLevel = !found || parentQuery->isNull(0) || parentQuery->text(0).empty();
        const std::string parent = topLevel ? std::string() : parentQuery->text(0);
        parentQuery = makeError(ErrorCode::Sql, "done");
        const std::string columns = "code, name, level, type, parent_code, population, area_km2, source";
        const std::string uColumns = "u.code, u.name, u.level, u.type, u.parent_code, u.population, u.area_km2, u.source";
        const std::string carried = unitsOut != nullptr ? columns : std::string("code, level, parent_code");
        const std::string uCarried = unitsOut != nullptr ? uColumns : std::string("u.code, u.level, u.parent_code");
        // The siblings' subtrees stop at the communes: their villages are not wanted, and looking
        // each commune's villages up only to drop them was most of a province's time.
        auto stmt = db.prepare(
            "WITH RECURSIVE scope_down(" + carried + ") AS (SELECT " + carried + " FROM ntm_units WHERE code = ?1 "
            "UNION SELECT " + uCarried + " FROM ntm_units u JOIN scope_down d ON u.parent_code = d.code), "
            "scope_up(" + carried + ") AS (SELECT " + carried + " FROM ntm_units WHERE code = ?1 "
            "UNION SELECT " + uCarried + " FROM ntm_units u JOIN scope_up p ON u.code = p.parent_code), "
            "scope_units AS (SELECT * FROM scope_down UNION SELECT * FROM scope_up), "
            "scope_siblings(" + carried + ") AS (SELECT " + carried + " FROM ntm_units WHERE level <> 'village' AND " +
            std::string(topLevel ? "(parent_code IS NULL OR parent_code = '')" : "parent_code = ?2") +
            " UNION SELECT " + uCarried + " FROM ntm_units u JOIN scope_siblings s ON u.parent_code = s.code "
            "WHERE s.level <> 'commune' AND s.level <> 'village' AND u.level <> 'village') "
            "SELECT 1, " + carried + " FROM scope_units UNION ALL SELECT 0, " + carried +
            " FROM scope_siblings WHERE code NOT IN (SELECT code FROM scope_units)");
        if (!stmt) return stmt.error();
        if (!topLevel) stmt->bind(2, parent);
        stmt->bind(1, unit);
        while (stmt->step()) {
            context.push_back(stmt->text(1));
            if (stmt->int64(0) != 0) units.push_back(stmt->text(1));
            if (unitsOut != nullptr) unitsOut->push_back(unitFromRow(*stmt, 1));
        }
        if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": reading the units of " + unit + ": " + stmt->lastError());
        return Ok{};
    }
    /// A condition on `column` ("" when unscoped), to follow WHERE or AND; the list is ?1.
    std::string on(const std::string& column) const {
        if (!active()) return {};
        // On PostgreSQL through unnest: "= ANY(?1)" had the planner weigh each of a province's 12,000
        // codes (80–90 ms per statement before it ran); a JSON array was slower to unpack.
        return postgres ? column + " IN (SELECT unnest(?1::text[]))" : column + " IN (SELECT value FROM json_each(?1))";
    }
    std::string where(const std::string& column) const { return active() ? " WHERE " + on(column) : std::string(); }
    /// `table` as a FROM item, restricted to the list like where(column). On PostgreSQL each code
    /// is looked up by the index on `column`: planning the IN list, it guessed 200 codes for a
    /// province's 6,400 and hashed all 100,000 works of the country instead (29–61 ms against
    /// 20–40; OFFSET 0 keeps the lookup from being turned back into that join).
    std::string from(const std::string& table, const std::string& column) const {
        if (!active() || !postgres) return table + where(column);
        return "unnest(?1::text[]) AS scope(scope_code) CROSS JOIN LATERAL (SELECT * FROM " + table + " WHERE " + column +
               " = scope.scope_code OFFSET 0) AS " + table;
    }
    void bind(Statement& stmt, Set set) const {
        if (!active()) return;
        const std::vector<std::string>& codes = set == Set::Units ? units : context;
        // A PostgreSQL array literal or a JSON array: both quote each code and escape " and \.
        std::string list = postgres ? "{" : "[";
        for (std::size_t i = 0; i < codes.size(); ++i) {
            if (i > 0) list += ',';
            list += '"';
            for (char c : codes[i]) {
                if (c == '"' || c == '\\') list += '\\';
                list += c;
            }
            list += '"';
        }
        list += postgres ? "}" : "]";
        stmt.bind(1, list);
    }
};

/// step() returns false both at the last row and on an error (SQLITE_BUSY after the timeout, a
/// damaged page): a loop that ends must check which, or the project reads back cut short.
Status readToEnd(const Database& db, const Statement& statement) {
    if (statement.lastError().empty()) return Ok{};
    return makeError(ErrorCode::Sql, db.path() + ": reading stopped early: " + statement.lastError());
}

/// Province, district, commune, village: the order ProjectData::units promises.
int levelRank(const std::string& level) {
    if (level == "province") return 0;
    if (level == "district") return 1;
    if (level == "commune") return 2;
    return 3;
}

/// Puts `items` in the order `order` gives (a permutation of their indices), moving each once.
template <class T>
void permute(std::vector<T>& items, const std::vector<std::size_t>& order) {
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (const std::size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

/// Sorts `items` by `less` through an index. std::sort on the items themselves moved each one
/// (an assessment: five strings and its results) about log n times. Already sorted (the works
/// come in fid order from SQLite), nothing moves.
template <class T, class Less>
void sortByIndex(std::vector<T>& items, Less less) {
    if (std::is_sorted(items.begin(), items.end(), less)) return;
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); });
    permute(items, order);
}

/// The units in ProjectData's order, sorted here rather than by the server: PostgreSQL sorted the
/// national 111,927 units on disk (beyond work_mem) in 110 ms of the 140 the statement took, and a
/// server with a Vietnamese or English collation would order codes differently from SQLite, whose
/// byte order std::string's < is. The keys are sorted on their own, compact (a code fits the
/// string's inline buffer), and each unit is moved once: sorting the units themselves, six strings
/// and a geometry each, was 5-7 % of the national project's first frame.
void sortUnits(std::vector<model::Unit>& units) {
    struct Key {
        int rank;
        std::string code;
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) keys.push_back({levelRank(units[i].level), units[i].code, i});
    const auto less = [](const Key& a, const Key& b) { return a.rank != b.rank ? a.rank < b.rank : a.code < b.code; };
    if (std::is_sorted(keys.begin(), keys.end(), less)) return;
    std::sort(keys.begin(), keys.end(), less);
    std::vector<std::size_t> order;
    order.reserve(keys.size());
    for (const Key& key : keys) order.push_back(key.index);
    permute(units, order);
}

Status loadUnits(Database& db, bool withGeometry, const Scope& scope, ProjectData& out) {
    auto stmt = db.prepare(std::string("SELECT code, name, level, type, parent_code, population, area_km2, source") +
                           (withGeometry ? ", geom" : "") + " FROM ntm_units" + scope.where("code"));
    if (!stmt) return stmt.error();
    scope.bind(*stmt, Scope::Set::Context);
    while (stmt->step()) {
        model::Unit u = unitFromRow(*stmt, 0);
        if (withGeometry) u.geometry = stmt->blob(8);
        out.units.push_back(std::move(u));
    }
    if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": " + stmt->lastError());
    sortUnits(out.units);
    return Ok{};
}

Status loadCriteriaSets(Database& db, ProjectData& out) {
    auto sets = db.prepare("SELECT id, name, tier, level FROM ntm_criteria_sets");
    if (!sets) return sets.error();
    while (sets->step()) {
        model::CriteriaSet s;
        s.id = sets->text(0);
        s.name = sets->text(1);
        s.tier = sets->text(2);
        s.level = sets->text(3);
        out.criteriaSets[s.id] = std::move(s);
    }
    auto criteria = db.prepare("SELECT set_id, number, name FROM ntm_criteria ORDER BY set_id, number");
    if (!criteria) return criteria.error();
    while (criteria->step()) {
        auto it = out.criteriaSets.find(criteria->text(0));
        if (it != out.criteriaSets.end())
            it->second.criteria.push_back({static_cast<int>(criteria->int64(1)), criteria->text(2)});
    }
    auto programmes = db.prepare("SELECT id, short_name, name_vi FROM ntm_programmes ORDER BY id");
    if (!programmes) return programmes.error();
    while (programmes->step()) out.programmes.push_back({programmes->text(0), programmes->text(1), programmes->text(2)});
    if (auto read = readToEnd(db, *sets); !read) return read.error();
    if (auto read = readToEnd(db, *criteria); !read) return read.error();
    if (auto read = readToEnd(db, *programmes); !read) return read.error();
    return Ok{};
}

Status loadAssessments(Database& db, const Scope& scope, ProjectData& out) {
    // Sorted here, not by the server, for the reason the units are (sortUnits): 60 ms of PostgreSQL's
    // time for the country's 111,610 assessments.
    auto stmt = db.prepare("SELECT id, unit_code, set_id, as_of, criteria_met, criteria_total, detailed, source, note "
                           "FROM " + scope.from("ntm_assessments", "unit_code"));
    if (!stmt) return stmt.error();
    scope.bind(*stmt, Scope::Set::Units);
    std::vector<std::pair<std::int64_t, model::Assessment>> rows;
    while (stmt->step()) {
        model::Assessment a;
        a.unitCode = stmt->text(1);
        a.setId = stmt->text(2);
        a.asOf = stmt->text(3);
        a.criteriaMet = static_cast<int>(stmt->int64(4));
        a.criteriaTotal = static_cast<int>(stmt->int64(5));
        a.detailed = stmt->int64(6) != 0;
        a.source = stmt->text(7);
        a.note = stmt->text(8);
        rows.emplace_back(stmt->int64(0), std::move(a));
    }
    sortByIndex(rows, [](const auto& x, const auto& y) {
        if (x.second.unitCode != y.second.unitCode) return x.second.unitCode < y.second.unitCode;
        if (x.second.asOf != y.second.asOf) return x.second.asOf < y.second.asOf;
        return x.first < y.first;
    });
    std::map<std::int64_t, std::size_t> byId;
    out.assessments.reserve(out.assessments.size() + rows.size());
    for (auto& [id, a] : rows) {
        byId[id] = out.assessments.size();
        out.assessments.push_back(std::move(a));
    }
    auto results = db.prepare("SELECT assessment_id, number, status, note FROM ntm_criterion_results" +
                              (scope.active() ? " WHERE assessment_id IN (SELECT id FROM ntm_assessments WHERE " + scope.on("unit_code") + ")"
                                              : std::string()) +
                              " ORDER BY assessment_id, number");
    if (!results) return results.error();
    scope.bind(*results, Scope::Set::Units);
    while (results->step()) {
        auto it = byId.find(results->int64(0));
        if (it == byId.end()) continue;
        model::CriterionResult r;
        r.number = static_cast<int>(results->int64(1));
        const std::string status = results->text(2);
        r.status = status == "met"           ? model::CriterionStatus::Met
                   : status == "in_progress" ? model::CriterionStatus::InProgress
                                             : model::CriterionStatus::NotMet;
        r.note = results->text(3);
        out.assessments[it->second].results.push_back(std::move(r));
    }
    if (auto read = readToEnd(db, *stmt); !read) return read.error();
    if (auto read = readToEnd(db, *results); !read) return read.error();
    return Ok{};
}

Status loadMoney(Database& db, const Scope& scope, ProjectData& out) {
    auto plans = db.prepare("SELECT unit_code, programme_id, year, capital_type, plan_vnd, source FROM ntm_capital_plans" +
                            scope.where("unit_code") + " ORDER BY id");
    if (!plans) return plans.error();
    scope.bind(*plans, Scope::Set::Context);
    while (plans->step())
        out.plans.push_back({plans->text(0), plans->text(1), static_cast<int>(plans->int64(2)), plans->text(3),
                             plans->int64(4), plans->text(5)});
    auto disb = db.prepare("SELECT unit_code, programme_id, year, capital_type, date, amount_vnd, cumulative, source "
                           "FROM ntm_disbursements" + scope.where("unit_code") + " ORDER BY date, id");
    if (!disb) return disb.error();
    scope.bind(*disb, Scope::Set::Context);
    while (disb->step())
        out.disbursements.push_back({disb->text(0), disb->text(1), static_cast<int>(disb->int64(2)), disb->text(3),
                                     disb->text(4), disb->int64(5), disb->int64(6) != 0, disb->text(7)});
    if (auto read = readToEnd(db, *plans); !read) return read.error();
    if (auto read = readToEnd(db, *disb); !read) return read.error();
    return Ok{};
}

Status loadWorks(Database& db, bool withGeometry, const Scope& scope, ProjectData& out) {
    auto infra = db.prepare(std::string("SELECT type, name, status, budget_vnd, start_date, deadline, department, unit_code, source, fid") +
                            (withGeometry ? ", geom" : "") + " FROM " + scope.from("ntm_infrastructure", "unit_code"));
    if (!infra) return infra.error();
    scope.bind(*infra, Scope::Set::Units);
    while (infra->step()) {
        model::InfrastructureItem i;
        i.type = infra->text(0);
        i.name = infra->text(1);
        i.status = infra->text(2);
        if (!infra->isNull(3)) i.budgetVnd = infra->int64(3);
        i.startDate = infra->text(4);
        i.deadline = infra->text(5);
        i.department = infra->text(6);
        i.unitCode = infra->text(7);
        i.source = infra->text(8);
        i.id = infra->int64(9);
        if (withGeometry) i.geometry = infra->blob(10);
        out.infrastructure.push_back(std::move(i));
    }
    // In fid order, sorted here (a server-side sort of 100,000 works with their geometry spilled to disk).
    sortByIndex(out.infrastructure, [](const model::InfrastructureItem& a, const model::InfrastructureItem& b) { return a.id < b.id; });
    auto tasks = db.prepare("SELECT text, responsible, unit_code, deadline, status, done_date, source_document, id FROM ntm_tasks" +
                            scope.where("unit_code") + " ORDER BY id");
    if (!tasks) return tasks.error();
    scope.bind(*tasks, Scope::Set::Units);
    while (tasks->step())
        out.tasks.push_back({tasks->text(0), tasks->text(1), tasks->text(2), tasks->text(3), tasks->text(4), tasks->text(5),
                             tasks->text(6), tasks->int64(7)});
    auto indicators = db.prepare("SELECT unit_code, name, year, value FROM ntm_indicators" + scope.where("unit_code") +
                                 " ORDER BY unit_code, name, year");
    if (!indicators) return indicators.error();
    scope.bind(*indicators, Scope::Set::Units);
    while (indicators->step())
        out.indicators.push_back({indicators->text(0), indicators->text(1), static_cast<int>(indicators->int64(2)), indicators->real(3)});
    if (auto read = readToEnd(db, *infra); !read) return read.error();
    if (auto read = readToEnd(db, *tasks); !read) return read.error();
    if (auto read = readToEnd(db, *indicators); !read) return read.error();
    return Ok{};
}

/// Milestones per plan year; a project from before schema 2 has none (the dashboard then uses
/// the defaults the notices give).
Status loadMilestones(Database& db, ProjectData& out) {
    if (!db.tableExists("ntm_disbursement_milestones")) return Ok{};
    auto stmt = db.prepare("SELECT coalesce(programme_id, ''), year, date, target_pct FROM ntm_disbursement_milestones ORDER BY year, date");
    if (!stmt) return stmt.error();
    while (stmt->step())
        out.milestones.push_back({stmt->text(0), static_cast<int>(stmt->int64(1)), stmt->text(2), stmt->real(3)});
    return readToEnd(db, *stmt);
}

}  // namespace

Result<std::vector<model::Bookmark>> loadBookmarks(Database& db) {
    std::vector<model::Bookmark> bookmarks;
    if (!db.tableExists("ntm_bookmarks")) return bookmarks;
    auto stmt = db.prepare("SELECT name, position, state FROM ntm_bookmarks ORDER BY position, name");
    if (!stmt) return stmt.error();
    while (stmt->step()) bookmarks.push_back({stmt->text(0), static_cast<int>(stmt->int64(1)), stmt->text(2)});
    if (auto read = readToEnd(db, *stmt); !read) return read.error();
    return bookmarks;
}

namespace {

/// Everything but the units (loadScoped's second half).
Status loadAllButUnits(Database& db, bool withGeometry, const Scope& scope, ProjectData& data) {
    if (auto s = loadCriteriaSets(db, data); !s) return s.error();
    if (auto s = loadAssessments(db, scope, data); !s) return s.error();
    if (auto s = loadMoney(db, scope, data); !s) return s.error();
    if (auto s = loadWorks(db, withGeometry, scope, data); !s) return s.error();
    if (auto s = loadMilestones(db, data); !s) return s.error();
    return Ok{};
}

/// The whole project from PostgreSQL on two connections in one snapshot: the units (the map's
/// 111,927 with their geometry: 113 ms of the server's time and 119 of ours, national) on a
/// helper thread, the rest here. Read on one connection, the server and this process took turns.
Result<ProjectData> loadWholeInParallel(Database& db, bool withGeometry, const Scope& scope, const SharedSnapshot& snapshot) {
    ProjectData data;
    ProjectData unitsPart;
    Status unitsRead = Ok{};
    bool readerOpened = false;
    std::thread helper([&] {
        auto reader = snapshot.openReader();
        readerOpened = static_cast<bool>(reader);
        if (readerOpened) unitsRead = loadUnits(*reader, withGeometry, scope, unitsPart);
    });
    Status restRead = loadAllButUnits(db, withGeometry, scope, data);
    helper.join();
    // No second connection (the server's max_connections reached, or a pooler that cannot share
    // snapshots): the units are read here afterwards, in the same snapshot.
    if (!readerOpened && restRead) unitsRead = loadUnits(db, withGeometry, scope, unitsPart);
    if (!unitsRead) return unitsRead.error();
    if (!restRead) return restRead.error();
    data.units = std::move(unitsPart.units);
    return data;
}

Result<ProjectData> loadScoped(Database& db, bool withGeometry, const std::string& scopeUnit, bool subtreeOnly) {
    ProjectData data;
    Scope scope;
    scope.unit = scopeUnit;
    scope.subtreeOnly = subtreeOnly;
    if (!scope.active()) {
        auto snapshot = SharedSnapshot::begin(db);
        if (!snapshot) return snapshot.error();
        if (snapshot->active()) {
            auto whole = loadWholeInParallel(db, withGeometry, scope, *snapshot);
            if (auto ended = snapshot->end(); !ended && whole) return ended.error();
            return whole;
        }
    }
    // Without geometry, a scoped load takes its units from the query that resolves the scope
    // (geometry is not carried through the recursion: UNION would compare the shapes).
    const bool unitsWithScope = scope.active() && !withGeometry;
    if (auto s = scope.resolve(db, unitsWithScope ? &data.units : nullptr); !s) return s.error();
    if (unitsWithScope)
        sortUnits(data.units);
    else if (auto s = loadUnits(db, withGeometry, scope, data); !s)
        return s.error();
    if (auto s = loadAllButUnits(db, withGeometry, scope, data); !s) return s.error();
    return data;
}

}  // namespace

Result<ProjectData> loadProjectData(Database& db, bool withGeometry, const std::string& scopeUnit) {
    return loadScoped(db, withGeometry, scopeUnit, false);
}

Result<ProjectData> loadSubtreeData(Database& db, const std::string& unit) { return loadScoped(db, false, unit, true); }

}  // namespace gis::store
