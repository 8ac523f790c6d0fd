#include "gis/importer/import_batch.hpp"

#include <set>

#include "gis/store/project_writer.hpp"
#include "gis/store/transaction.hpp"

namespace gis::importer {
namespace {

/// Every unit the batch writes a row about, for the history of each unit.
void addUnitsTouchedBy(const ImportBatch& batch, std::set<std::string>& codes) {
    auto add = [&](const std::string& code) {
        if (!code.empty()) codes.insert(code);
    };
    for (const auto& u : batch.units) add(u.code);
    for (const auto& a : batch.assessments) add(a.unitCode);
    for (const auto& p : batch.plans) add(p.unitCode);
    for (const auto& d : batch.disbursements) add(d.unitCode);
    for (const auto& i : batch.infrastructure) add(i.unitCode);
    for (const auto& t : batch.tasks) add(t.unitCode);
    for (const auto& i : batch.indicators) add(i.unitCode);
}

}  // namespace

BatchWriter::BatchWriter(store::Database& db, std::string kind) : m_db(db), m_kind(std::move(kind)) {}

BatchWriter::~BatchWriter() { rollback(); }

void BatchWriter::rollback() {
    m_writer.reset();
    m_tx.reset();  // the Transaction's destructor rolls back unless it committed
}

Status BatchWriter::fail(const Status& status) {
    rollback();
    if (status.error().code == ErrorCode::Busy) return store::projectBusyError(m_db.path(), m_db.busyTimeoutMs());
    return makeError(ErrorCode::Sql, m_db.path() + ": writing the " + m_kind + " import failed, nothing was changed: " +
                                         status.error().message);
}

Status BatchWriter::write(const ImportBatch& batch, const std::function<void(std::size_t written)>& progress) {
    if (!m_tx) {
        m_tx = std::make_unique<store::Transaction>(m_db);
        if (!m_tx->began()) {
            const bool busy = m_tx->beginBusy();
            const std::string error = m_tx->beginError();
            rollback();
            if (busy) return store::projectBusyError(m_db.path(), m_db.busyTimeoutMs());
            return makeError(ErrorCode::Sql, m_db.path() + ": cannot start writing: " + error);
        }
        m_writer = std::make_unique<store::ProjectWriter>(m_db);
    }
    if (!m_writer) return makeError(ErrorCode::Sql, m_db.path() + ": writing the " + m_kind + " import after it was rolled back");
    store::ProjectWriter& writer = *m_writer;
    // Each record written: one step of the progress (a replaced work-type mapping counts its rows).
    auto wrote = [&](std::size_t records = 1) {
        m_written += records;
        if (progress) progress(m_written);
    };
    for (const auto& s : batch.criteriaSets) if (auto st = writer.putCriteriaSet(s); !st) return fail(st); else wrote();
    for (const auto& u : batch.units) if (auto st = writer.upsertUnit(u); !st) return fail(st); else wrote();
    for (const auto& a : batch.assessments) if (auto st = writer.putAssessment(a); !st) return fail(st); else wrote();
    for (const auto& p : batch.plans) if (auto st = writer.upsertCapitalPlan(p); !st) return fail(st); else wrote();
    for (const auto& d : batch.disbursements) if (auto st = writer.upsertDisbursement(d); !st) return fail(st); else wrote();
    for (const auto& i : batch.infrastructure) if (auto st = writer.upsertInfrastructure(i); !st) return fail(st); else wrote();
    for (const auto& t : batch.tasks) if (auto st = writer.upsertTask(t); !st) return fail(st); else wrote();
    for (const auto& i : batch.indicators) if (auto st = writer.upsertIndicator(i); !st) return fail(st); else wrote();
    for (const auto& [set, rows] : batch.workTypesBySet)
        if (auto st = store::replaceSetWorkTypes(m_db, set, rows); !st) return fail(st); else wrote(rows.empty() ? 1 : rows.size());
    addUnitsTouchedBy(batch, m_units);
    return Ok{};
}

Status BatchWriter::commit(const std::string& file, const std::string& sheet, int skippedRows) {
    if (!m_tx) {  // nothing written yet: the transaction still records the import
        if (auto st = write(ImportBatch{}); !st) return st;
    }
    if (!m_writer) return makeError(ErrorCode::Sql, m_db.path() + ": committing the " + m_kind + " import after it was rolled back");
    if (auto st = m_writer->logImport(m_kind, file, sheet, static_cast<int>(m_written), skippedRows, m_units); !st) return fail(st);
    if (auto st = m_tx->commit(); !st) return fail(st);
    m_writer.reset();
    m_tx.reset();
    return Ok{};
}

Status writeBatch(store::Database& db, const ImportBatch& batch, const std::string& kind, const std::string& file,
                  const std::string& sheet, int skippedRows, const std::function<void(std::size_t written)>& progress) {
    BatchWriter writer(db, kind);
    if (auto st = writer.write(batch, progress); !st) return st;
    return writer.commit(file, sheet, skippedRows);
}

}  // namespace gis::importer
