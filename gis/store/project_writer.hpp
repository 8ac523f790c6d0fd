#pragma once
/// Typed writes into an open project. Call inside a Transaction; every method upserts on the
/// table's natural key, so importing the same file twice leaves the same project.
#include <optional>
#include <set>
#include <string>

#include "gis/core/result.hpp"
#include "gis/model/ntm_types.hpp"
#include "gis/store/database.hpp"

namespace gis::store {

class ProjectWriter {
public:
    explicit ProjectWriter(Database& db) : m_db(db) {}

    /// Inserts or updates by code. A unit with no geometry keeps the geometry it had.
    Status upsertUnit(const model::Unit& unit);
    /// Replaces the assessment of (unit, set, as_of) and its per-criterion results.
    Status putAssessment(const model::Assessment& assessment);
    Status upsertCapitalPlan(const model::CapitalPlan& plan);
    Status upsertDisbursement(const model::Disbursement& disbursement);
    Status upsertInfrastructure(const model::InfrastructureItem& item);
    Status upsertTask(const model::Task& task);
    Status upsertIndicator(const model::Indicator& indicator);
    /// Adds (or replaces, when the project defines it again) a project criteria set.
    Status putCriteriaSet(const model::CriteriaSet& set);
    /// A milestone of (programme, year, date); replaces its target when it exists.
    Status putMilestone(const model::DisbursementMilestone& milestone);
    /// Saves a slide under its name (replacing one of that name).
    Status putBookmark(const model::Bookmark& bookmark);
    Status deleteBookmark(const std::string& name);
    /// Records the import in ntm_imports (what came from which file) and in the history (who,
    /// when, which file, and the units it touched, so each unit's history lists it).
    Status logImport(const std::string& kind, const std::string& file, const std::string& sheet, int rows, int skipped,
                     const std::set<std::string>& touchedUnits = {});

private:
    Result<Statement*> cached(std::optional<Statement>& slot, const char* sql);
    Database& m_db;
    std::optional<Statement> m_unit, m_unitKeepGeom, m_unitProvinces, m_unitHasChildren, m_unitProvinceLeaf, m_provinceState, m_provinceCurrent, m_assessmentDelete, m_assessment, m_result, m_plan, m_disbursement,
        m_infrastructure, m_task, m_indicator;
};

}  // namespace gis::store
