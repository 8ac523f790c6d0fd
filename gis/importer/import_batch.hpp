#pragma once
/// What an import will write, fully validated before the write transaction starts. The demo
/// generator fills the same struct, so `init --demo` and the importers share one write path.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/model/ntm_types.hpp"
#include "gis/store/criterion_work_types.hpp"
#include "gis/store/database.hpp"

namespace gis::importer {

struct ImportBatch {
    std::vector<model::CriteriaSet> criteriaSets;
    std::vector<model::Unit> units;  ///< parents before children
    std::vector<model::Assessment> assessments;
    std::vector<model::CapitalPlan> plans;
    std::vector<model::Disbursement> disbursements;
    std::vector<model::InfrastructureItem> infrastructure;
    std::vector<model::Task> tasks;
    std::vector<model::Indicator> indicators;
    /// Criterion ↔ work-type mappings: each set listed replaces its whole mapping by its rows.
    std::map<std::string, std::vector<store::CriterionWorkType>> workTypesBySet;
    std::vector<std::string> notes;  ///< things the user should know (placeholder parents created…)
    std::vector<std::string> warnings;  ///< data changed or left out on the way in (repaired polygons…), naming file and feature

    std::size_t size() const {
        return criteriaSets.size() + units.size() + assessments.size() + plans.size() + disbursements.size() +
               infrastructure.size() + tasks.size() + indicators.size() + workTypeRows();
    }
    std::size_t workTypeRows() const {
        std::size_t n = 0;
        for (const auto& [set, rows] : workTypesBySet) n += rows.empty() ? 1 : rows.size();  // an emptied set still counts
        return n;
    }
};

/// Writes the batch in ONE transaction (all or nothing) and records it in ntm_imports.
/// `progress` (may be empty) is told the number of records written so far, after each one.
Status writeBatch(store::Database& db, const ImportBatch& batch, const std::string& kind, const std::string& file,
                  const std::string& sheet, int skippedRows, const std::function<void(std::size_t written)>& progress = {});

}  // namespace gis::importer
