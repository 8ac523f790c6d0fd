#include "gis/store/project_writer.hpp"

#include "gis/core/utc_now.hpp"
#include "gis/store/history.hpp"
#include "gis/store/unit_provinces.hpp"

namespace gis::store {

Result<Statement*> ProjectWriter::cached(std::optional<Statement>& slot, const char* sql) {
    if (!slot) {
        auto stmt = m_db.prepare(sql);
        if (!stmt) return stmt.error();
        slot.emplace(std::move(stmt).value());
    }
    return &*slot;
}

namespace {
void bindOptional(Statement& stmt, int index, const std::optional<double>& value) {
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bindNull(index);
}
}  // namespace

Status ProjectWriter::upsertUnit(const model::Unit& unit) {
    // Two statements: with a geometry it replaces the old one; without, the old one is kept
    // (a code list sheet must not wipe the polygons a shapefile brought in).
    const bool hasGeometry = !unit.geometry.empty();
    auto stmt = hasGeometry
        ? cached(m_unit,
                 "INSERT INTO ntm_units (code, name, level, type, parent_code, population, area_km2, source, geom) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(code) DO UPDATE SET "
                 "name = excluded.name, level = excluded.level, type = excluded.type, "
                 "parent_code = COALESCE(excluded.parent_code, ntm_units.parent_code), "
                 "population = COALESCE(excluded.population, ntm_units.population), "
                 "area_km2 = COALESCE(excluded.area_km2, ntm_units.area_km2), source = excluded.source, geom = excluded.geom")
        : cached(m_unitKeepGeom,
                 "INSERT INTO ntm_units (code, name, level, type, parent_code, population, area_km2, source) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(code) DO UPDATE SET "
                 "name = excluded.name, level = excluded.level, type = excluded.type, "
                 "parent_code = COALESCE(excluded.parent_code, ntm_units.parent_code), "
                 "population = COALESCE(excluded.population, ntm_units.population), "
                 "area_km2 = COALESCE(excluded.area_km2, ntm_units.area_km2)");
    if (!stmt) return stmt.error();
    Statement& s = **stmt;
    s.bind(1, unit.code).bind(2, unit.name).bind(3, unit.level).bind(4, unit.type).bindTextOrNull(5, unit.parentCode);
    bindOptional(s, 6, unit.population);
    bindOptional(s, 7, unit.areaKm2);
    s.bindTextOrNull(8, unit.source);
    if (hasGeometry) s.bindBlob(9, unit.geometry);
    // Whether the province codes were right before this write (unit_provinces.hpp): the write
    // itself marks them stale (the triggers do not know who writes), and this writer marks them
    // current again once it has set them. A project from before schema 6 is migrated before it
    // is written, so the column, the row and the triggers are there.
    auto state = cached(m_provinceState, "SELECT value FROM ntm_meta WHERE key = 'province_codes'");
    if (!state) return state.error();
    const bool wereCurrent = (*state)->step() && (*state)->text(0) == "current";
    if (!(*state)->lastError().empty()) return makeError(ErrorCode::Sql, m_db.path() + ": " + (*state)->lastError());
    (*state)->reset();
    if (auto status = s.run(); !status) return status;
    if (!wereCurrent) {
        // Another program changed the parent links since the store last worked the codes out:
        // all of them again, once (later writes in this transaction find them current).
        if (auto status = refreshProvinceCodes(m_db); !status) return status;
        return markProvinceCodesCurrent(m_db);
    }
    // Only the chains through this unit can have changed: their codes, in the same transaction.
    // A unit without children takes its parent's code (one statement); one with children (written
    // before it, or a district moved) is walked down from. Walking from each of the national
    // bench's 100,000 villages took its GeoPackage build from 2.2-2.7 s to 5.7-6.1 s; now 3.2 s.
    auto children = cached(m_unitHasChildren, "SELECT 1 FROM ntm_units WHERE parent_code = ?1 AND code <> ?1 LIMIT 1");
    if (!children) return children.error();
    (*children)->bind(1, unit.code);
    const bool hasChildren = (*children)->step();
    if (!(*children)->lastError().empty()) return makeError(ErrorCode::Sql, m_db.path() + ": " + (*children)->lastError());
    (*children)->reset();
    auto provinces = hasChildren ? cached(m_unitProvinces, provinceCodesBelowSql()) : cached(m_unitProvinceLeaf, provinceCodeOfLeafSql());
    if (!provinces) return provinces.error();
    (*provinces)->bind(1, unit.code);
    if (auto status = (*provinces)->run(); !status) return status;
    auto current = cached(m_provinceCurrent, "UPDATE ntm_meta SET value = 'current' WHERE key = 'province_codes'");
    if (!current) return current.error();
    return (*current)->run();
}

Status ProjectWriter::putAssessment(const model::Assessment& a) {
    auto del = cached(m_assessmentDelete, "DELETE FROM ntm_assessments WHERE unit_code = ?1 AND set_id = ?2 AND as_of = ?3");
    if (!del) return del.error();
    (*del)->bind(1, a.unitCode).bind(2, a.setId).bind(3, a.asOf);
    if (auto status = (*del)->run(); !status) return status;
    auto ins = cached(m_assessment,
                      "INSERT INTO ntm_assessments (unit_code, set_id, as_of, criteria_met, criteria_total, detailed, source, note) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!ins) return ins.error();
    (*ins)->bind(1, a.unitCode).bind(2, a.setId).bind(3, a.asOf).bind(4, a.criteriaMet).bind(5, a.criteriaTotal);
    (*ins)->bind(6, a.detailed ? 1 : 0).bindTextOrNull(7, a.source).bindTextOrNull(8, a.note);
    if (auto status = (*ins)->run(); !status) return status;
    const std::int64_t id = m_db.lastInsertRowId();
    auto res = cached(m_result,
                      "INSERT INTO ntm_criterion_results (assessment_id, set_id, number, status, note) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!res) return res.error();
    for (const model::CriterionResult& r : a.results) {
        (*res)->bind(1, id).bind(2, a.setId).bind(3, r.number).bind(4, model::toString(r.status)).bindTextOrNull(5, r.note);
        if (auto status = (*res)->run(); !status) return status;
    }
    return Ok{};
}

Status ProjectWriter::upsertCapitalPlan(const model::CapitalPlan& p) {
    auto stmt = cached(m_plan,
                       "INSERT INTO ntm_capital_plans (unit_code, programme_id, year, capital_type, plan_vnd, source) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(unit_code, programme_id, year, capital_type) "
                       "DO UPDATE SET plan_vnd = excluded.plan_vnd, source = excluded.source");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, p.unitCode).bind(2, p.programmeId).bind(3, p.year).bind(4, p.capitalType).bind(5, p.planVnd);
    (*stmt)->bindTextOrNull(6, p.source);
    return (*stmt)->run();
}

Status ProjectWriter::upsertDisbursement(const model::Disbursement& d) {
    auto stmt = cached(m_disbursement,
                       "INSERT INTO ntm_disbursements (unit_code, programme_id, year, capital_type, date, amount_vnd, cumulative, source) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                       "ON CONFLICT(unit_code, programme_id, year, capital_type, date, cumulative) "
                       "DO UPDATE SET amount_vnd = excluded.amount_vnd, source = excluded.source");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, d.unitCode).bind(2, d.programmeId).bind(3, d.year).bind(4, d.capitalType).bind(5, d.date);
    (*stmt)->bind(6, d.amountVnd).bind(7, d.cumulative ? 1 : 0).bindTextOrNull(8, d.source);
    return (*stmt)->run();
}

Status ProjectWriter::upsertInfrastructure(const model::InfrastructureItem& i) {
    // A row without a position (a status sheet) updates the work and keeps where it is on the map.
    auto stmt = cached(m_infrastructure,
                       "INSERT INTO ntm_infrastructure (type, name, status, budget_vnd, start_date, deadline, department, "
                       "unit_code, source, geom) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                       "ON CONFLICT(type, name, (COALESCE(unit_code, ''))) DO UPDATE SET status = excluded.status, "
                       "budget_vnd = excluded.budget_vnd, start_date = excluded.start_date, deadline = excluded.deadline, "
                       "department = excluded.department, source = excluded.source, geom = COALESCE(excluded.geom, ntm_infrastructure.geom)");
    if (!stmt) return stmt.error();
    Statement& s = **stmt;
    s.bind(1, i.type).bind(2, i.name).bind(3, i.status);
    if (i.budgetVnd)
        s.bind(4, *i.budgetVnd);
    else
        s.bindNull(4);
    s.bindTextOrNull(5, i.startDate).bindTextOrNull(6, i.deadline).bindTextOrNull(7, i.department);
    s.bindTextOrNull(8, i.unitCode).bindTextOrNull(9, i.source).bindBlob(10, i.geometry);
    return s.run();
}

Status ProjectWriter::upsertTask(const model::Task& t) {
    auto stmt = cached(m_task,
                       "INSERT INTO ntm_tasks (text, responsible, unit_code, deadline, status, done_date, source_document) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                       "ON CONFLICT(text, (COALESCE(unit_code, '')), (COALESCE(source_document, ''))) DO UPDATE SET "
                       "responsible = excluded.responsible, deadline = excluded.deadline, status = excluded.status, "
                       "done_date = excluded.done_date");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, t.text).bindTextOrNull(2, t.responsible).bindTextOrNull(3, t.unitCode).bindTextOrNull(4, t.deadline);
    (*stmt)->bind(5, t.status).bindTextOrNull(6, t.doneDate).bindTextOrNull(7, t.sourceDocument);
    return (*stmt)->run();
}

Status ProjectWriter::upsertIndicator(const model::Indicator& i) {
    auto stmt = cached(m_indicator,
                       "INSERT INTO ntm_indicators (unit_code, name, year, value) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT(unit_code, name, year) DO UPDATE SET value = excluded.value");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, i.unitCode).bind(2, i.name).bind(3, i.year).bind(4, i.value);
    return (*stmt)->run();
}

Status ProjectWriter::putMilestone(const model::DisbursementMilestone& m) {
    // UNIQUE treats NULL programmes as distinct, so "all programmes" rows are replaced by hand.
    auto remove = m_db.prepare("DELETE FROM ntm_disbursement_milestones WHERE coalesce(programme_id, '') = ?1 AND year = ?2 AND date = ?3");
    if (!remove) return remove.error();
    remove->bind(1, m.programmeId).bind(2, m.year).bind(3, m.date);
    if (auto removed = remove->run(); !removed) return removed;
    auto stmt = m_db.prepare("INSERT INTO ntm_disbursement_milestones (programme_id, year, date, target_pct) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt) return stmt.error();
    stmt->bindTextOrNull(1, m.programmeId).bind(2, m.year).bind(3, m.date).bind(4, m.targetPct);
    return stmt->run();
}

Status ProjectWriter::putBookmark(const model::Bookmark& b) {
    auto stmt = m_db.prepare("INSERT INTO ntm_bookmarks (name, position, state, saved_utc) VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT(name) DO UPDATE SET position = excluded.position, state = excluded.state, "
                             "saved_utc = excluded.saved_utc");
    if (!stmt) return stmt.error();
    stmt->bind(1, b.name).bind(2, b.position).bind(3, b.state).bind(4, utcNowFormatted("%Y-%m-%dT%H:%M:%SZ"));
    return stmt->run();
}

Status ProjectWriter::deleteBookmark(const std::string& name) {
    auto stmt = m_db.prepare("DELETE FROM ntm_bookmarks WHERE name = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, name);
    return stmt->run();
}

Status ProjectWriter::putCriteriaSet(const model::CriteriaSet& set) {
    // Redefining a set replaces its criteria; results that reference a removed number make the
    // foreign key fail and the whole import roll back, which is what we want.
    auto up = m_db.prepare("INSERT INTO ntm_criteria_sets (id, name, tier, level, criteria_count, origin) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, 'project') ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                           "tier = excluded.tier, level = excluded.level, criteria_count = excluded.criteria_count");
    if (!up) return up.error();
    up->bind(1, set.id).bind(2, set.name).bindTextOrNull(3, set.tier).bindTextOrNull(4, set.level).bind(5, set.size());
    if (auto status = up->run(); !status) return status;
    auto del = m_db.prepare("DELETE FROM ntm_criteria WHERE set_id = ?1 AND number > ?2");
    if (!del) return del.error();
    del->bind(1, set.id).bind(2, set.size());
    if (auto status = del->run(); !status) return status;
    auto ins = m_db.prepare("INSERT INTO ntm_criteria (set_id, number, name) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT(set_id, number) DO UPDATE SET name = excluded.name");
    if (!ins) return ins.error();
    for (const model::Criterion& c : set.criteria) {
        ins->bind(1, set.id).bind(2, c.number).bind(3, c.name);
        if (auto status = ins->run(); !status) return status;
    }
    return Ok{};
}

Status ProjectWriter::logImport(const std::string& kind, const std::string& file, const std::string& sheet, int rows,
                                int skipped, const std::set<std::string>& touchedUnits) {
    auto stmt = m_db.prepare("INSERT INTO ntm_imports (kind, file, sheet, rows_imported, rows_skipped) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt) return stmt.error();
    stmt->bind(1, kind).bind(2, file).bindTextOrNull(3, sheet).bind(4, rows).bind(5, skipped);
    if (auto status = stmt->run(); !status) return status;
    HistoryEntry entry;
    entry.action = "import";
    entry.subject = "import " + kind;
    entry.newValue = std::to_string(rows) + " records" + (skipped > 0 ? ", " + std::to_string(skipped) + " rows skipped" : std::string());
    entry.sourceFile = file;
    entry.note = sheet;
    return appendHistory(m_db, entry, touchedUnits);
}

}  // namespace gis::store
