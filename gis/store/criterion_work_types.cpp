#include "gis/store/criterion_work_types.hpp"

namespace gis::store {

const std::vector<CriterionWorkType>& defaultCriterionWorkTypes() {
    static const std::vector<CriterionWorkType> kDefault = [] {
        // Issue 7: the criteria a physical work can fix, for both national commune sets (the
        // numbers and meanings of these seven are the same in 2016–2020 and 2021–2025).
        const std::vector<std::pair<int, std::vector<const char*>>> byNumber = {
            {2, {"road", "bridge"}}, {3, {"irrigation"}},     {5, {"school"}},
            {6, {"cultural_house", "sports"}},                 {7, {"market"}},
            {15, {"health_station"}}, {17, {"waste_site", "clean_water"}},
        };
        std::vector<CriterionWorkType> rows;
        for (const char* set : {"ntm_xa_2016_2020", "ntm_xa_2021_2025"})
            for (const auto& [number, types] : byNumber)
                for (const char* type : types) rows.push_back({set, number, type});
        return rows;
    }();
    return kDefault;
}

Status seedDefaultWorkTypes(Database& db) {
    // INSERT … SELECT: a row whose criterion the project lacks is skipped rather than failing the migration.
    auto insert = db.prepare("INSERT INTO ntm_criterion_work_types (set_id, number, work_type) "
                             "SELECT set_id, number, CAST(?3 AS TEXT) FROM ntm_criteria WHERE set_id = ?1 AND number = ?2 "
                             "ON CONFLICT DO NOTHING");
    if (!insert) return insert.error();
    for (const CriterionWorkType& row : defaultCriterionWorkTypes()) {
        insert->bind(1, row.setId).bind(2, row.number).bind(3, row.workType);
        if (auto status = insert->run(); !status) return status;
    }
    return Ok{};
}

Result<std::vector<CriterionWorkType>> loadCriterionWorkTypes(Database& db) {
    if (!db.tableExists("ntm_criterion_work_types")) return defaultCriterionWorkTypes();
    auto stmt = db.prepare("SELECT set_id, number, work_type FROM ntm_criterion_work_types ORDER BY set_id, number, work_type");
    if (!stmt) return stmt.error();
    std::vector<CriterionWorkType> rows;
    while (stmt->step()) rows.push_back({stmt->text(0), static_cast<int>(stmt->int64(1)), stmt->text(2)});
    if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": reading the work types stopped early: " + stmt->lastError());
    return rows;
}

Status replaceSetWorkTypes(Database& db, const std::string& setId, const std::vector<CriterionWorkType>& rows) {
    auto clear = db.prepare("DELETE FROM ntm_criterion_work_types WHERE set_id = ?1");
    if (!clear) return clear.error();
    clear->bind(1, setId);
    if (auto status = clear->run(); !status) return status;
    auto insert = db.prepare("INSERT INTO ntm_criterion_work_types (set_id, number, work_type) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    if (!insert) return insert.error();
    for (const CriterionWorkType& row : rows) {
        insert->bind(1, setId).bind(2, row.number).bind(3, row.workType);
        if (auto status = insert->run(); !status)
            return makeError(status.error().code, "criterion " + std::to_string(row.number) + " of set " + setId + ": " + status.error().message);
    }
    return Ok{};
}

}  // namespace gis::store
