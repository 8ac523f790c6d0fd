#include "gis/importer/import_batch.hpp"

#include <set>

#include "gis/store/project_writer.hpp"
#include "gis/store/transaction.hpp"

namespace gis::importer {
namespace {

/// Every unit the batch writes a row about, for the history of each unit.
std::set<std::string> unitsTouchedBy(const ImportBatch& batch) {
    std::set<std::string> codes;
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
    return codes;
}

}  // namespace

Status writeBatch(store::Database& db, const ImportBatch& batch, const std::string& kind, const std::string& file,
                  const std::string& sheet, int skippedRows, const std::function<void(std::size_t written)>& progress) {
    store::Transaction tx(db);
    if (!tx.began()) {
        if (tx.beginBusy()) return store::projectBusyError(db.path(), db.busyTimeoutMs());
        return makeError(ErrorCode::Sql, db.path() + ": cannot start writing: " + tx.beginError());
    }
    store::ProjectWriter writer(db);
    // Any failure returns before commit(); the Transaction's destructor rolls everything back.
    auto fail = [&](const Status& status) {
        if (status.error().code == ErrorCode::Busy) return store::projectBusyError(db.path(), db.busyTimeoutMs());
        return makeError(ErrorCode::Sql, db.path() + ": writing the " + kind + " import failed, nothing was changed: " +
                                             status.error().message);
    };
    std::size_t written = 0;
    // Each record written: one step of the progress (a replaced work-type mapping counts its rows).
    auto wrote = [&](std::size_t records = 1) {
        written += records;
        if (progress) progress(written);
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
        if (auto st = store::replaceSetWorkTypes(db, set, rows); !st) return fail(st); else wrote(rows.empty() ? 1 : rows.size());
    if (auto st = writer.logImport(kind, file, sheet, static_cast<int>(batch.size()), skippedRows, unitsTouchedBy(batch)); !st)
        return fail(st);
    if (auto st = tx.commit(); !st) return fail(st);
    return Ok{};
}

}  // namespace gis::importer
