#pragma once
/// What an import will write, fully validated before the write transaction starts. The demo
/// generator fills the same struct, so `init --demo` and the importers share one write path.
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/model/ntm_types.hpp"
#include "gis/store/criterion_work_types.hpp"
#include "gis/store/database.hpp"

namespace gis::store {
class Transaction;
class ProjectWriter;
}  // namespace gis::store

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

/// One import's write in pieces, all inside ONE transaction: write() adds the records of a batch
/// (a chunk of the sheet) as they come, commit() records the import in ntm_imports and commits.
/// Destroyed before commit(), or after any failure, everything written is rolled back.
class BatchWriter {
public:
    BatchWriter(store::Database& db, std::string kind);
    ~BatchWriter();
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    /// Writes the records of `batch` (its notes and warnings are not written). The transaction
    /// starts with the first write. `progress` is told the records written so far, by all writes.
    Status write(const ImportBatch& batch, const std::function<void(std::size_t written)>& progress = {});
    /// Logs the import (the records written, `skippedRows`) and commits.
    Status commit(const std::string& file, const std::string& sheet, int skippedRows);
    /// Rolls back what was written (the project is as before) and ends the transaction.
    void rollback();
    std::size_t written() const { return m_written; }

private:
    Status fail(const Status& status);
    store::Database& m_db;
    std::string m_kind;
    std::unique_ptr<store::Transaction> m_tx;
    std::unique_ptr<store::ProjectWriter> m_writer;  // destroyed before the transaction
    std::size_t m_written = 0;
    std::set<std::string> m_units;  ///< every unit a written row is about, for the history of each unit
};

/// Writes the batch in ONE transaction (all or nothing) and records it in ntm_imports.
/// `progress` (may be empty) is told the number of records written so far, after each one.
Status writeBatch(store::Database& db, const ImportBatch& batch, const std::string& kind, const std::string& file,
                  const std::string& sheet, int skippedRows, const std::function<void(std::size_t written)>& progress = {});

}  // namespace gis::importer
