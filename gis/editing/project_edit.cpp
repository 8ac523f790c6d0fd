#include "gis/editing/project_edit.hpp"

#include "gis/store/history.hpp"
#include "gis/store/project_writer.hpp"
#include "gis/store/transaction.hpp"

namespace gis::editing {
namespace {

std::string statusText(model::CriterionStatus s) { return model::toString(s); }

const model::CriterionResult* resultOf(const std::optional<model::Assessment>& a, int number) {
    if (!a) return nullptr;
    for (const model::CriterionResult& r : a->results)
        if (r.number == number) return &r;
    return nullptr;
}

bool sameAssessment(const std::optional<model::Assessment>& a, const std::optional<model::Assessment>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    if (a->criteriaMet != b->criteriaMet || a->criteriaTotal != b->criteriaTotal || a->detailed != b->detailed ||
        a->results.size() != b->results.size())
        return false;
    for (std::size_t i = 0; i < a->results.size(); ++i)
        if (a->results[i].number != b->results[i].number || a->results[i].status != b->results[i].status ||
            a->results[i].note != b->results[i].note)
            return false;
    return true;
}

std::string budgetText(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

Result<std::optional<WorkState>> readWork(store::Database& db, std::int64_t id) {
    auto stmt = db.prepare("SELECT status, coalesce(deadline, ''), budget_vnd FROM ntm_infrastructure WHERE fid = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, id);
    if (!stmt->step()) return std::optional<WorkState>();
    WorkState s{stmt->text(0), stmt->text(1), std::nullopt};
    if (!stmt->isNull(2)) s.budgetVnd = stmt->int64(2);
    return std::optional<WorkState>(s);
}

Result<std::optional<TaskState>> readTask(store::Database& db, std::int64_t id) {
    auto stmt = db.prepare("SELECT status, coalesce(done_date, '') FROM ntm_tasks WHERE id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, id);
    if (!stmt->step()) return std::optional<TaskState>();
    return std::optional<TaskState>(TaskState{stmt->text(0), stmt->text(1)});
}

/// A row changed elsewhere since the edit was made: undoing or redoing over it would lose that change.
Error changedSince(const store::Database& db, const std::string& what) {
    return makeError(ErrorCode::BadInput, db.path() + ": " + what + " was changed since (by another window or an import); "
                                                                    "nothing was changed — reload and edit again");
}

Status write(store::Database& db, const AssessmentChange& c) {
    auto current = readAssessment(db, c.unitCode, c.setId, c.asOf);
    if (!current) return current.error();
    if (!sameAssessment(*current, c.before)) return changedSince(db, "the assessment of " + c.unitCode + " at " + c.asOf);
    if (c.after) return store::ProjectWriter(db).putAssessment(*c.after);
    auto remove = db.prepare("DELETE FROM ntm_assessments WHERE unit_code = ?1 AND set_id = ?2 AND as_of = ?3");
    if (!remove) return remove.error();
    remove->bind(1, c.unitCode).bind(2, c.setId).bind(3, c.asOf);
    return remove->run();
}

Status write(store::Database& db, const WorkChange& c) {
    auto current = readWork(db, c.workId);
    if (!current) return current.error();
    if (!*current) return makeError(ErrorCode::NotFound, db.path() + ": no work #" + std::to_string(c.workId) + " in the project");
    if (!(**current == c.before)) return changedSince(db, "work #" + std::to_string(c.workId) + " " + c.workName);
    auto stmt = db.prepare("UPDATE ntm_infrastructure SET status = ?2, deadline = ?3, budget_vnd = ?4 WHERE fid = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, c.workId).bind(2, c.after.status).bindTextOrNull(3, c.after.deadline);
    if (c.after.budgetVnd) stmt->bind(4, *c.after.budgetVnd); else stmt->bindNull(4);
    return stmt->run();
}

Status write(store::Database& db, const TaskChange& c) {
    auto current = readTask(db, c.taskId);
    if (!current) return current.error();
    if (!*current) return makeError(ErrorCode::NotFound, db.path() + ": no task #" + std::to_string(c.taskId) + " in the project");
    if (!(**current == c.before)) return changedSince(db, "task #" + std::to_string(c.taskId));
    auto stmt = db.prepare("UPDATE ntm_tasks SET status = ?2, done_date = ?3 WHERE id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, c.taskId).bind(2, c.after.status).bindTextOrNull(3, c.after.doneDate);
    return stmt->run();
}

/// The history rows of a change: one per field whose value differs.
std::vector<store::HistoryEntry> historyOf(const ProjectEdit& edit, const std::string& action) {
    std::vector<store::HistoryEntry> rows;
    auto add = [&](const std::string& subject, const std::string& field, const std::string& before, const std::string& after) {
        if (before == after) return;
        store::HistoryEntry e;
        e.action = action;
        e.unitCode = edit.unitCode;
        e.subject = subject;
        e.field = field;
        e.oldValue = before;
        e.newValue = after;
        e.note = edit.note;
        rows.push_back(std::move(e));
    };
    if (const auto* a = std::get_if<AssessmentChange>(&edit.change)) {
        const std::string subject = "criterion " + std::to_string(a->criterion) + " of " + a->setId + ", assessment " + a->asOf;
        // A side that does not exist (the assessment is being created or removed) reads as the
        // assessment it was copied from.
        const std::optional<model::Assessment>& beforeSide = a->before ? a->before : a->copiedFrom;
        const std::optional<model::Assessment>& afterSide = a->after ? a->after : a->copiedFrom;
        const auto* before = resultOf(beforeSide, a->criterion);
        const auto* after = resultOf(afterSide, a->criterion);
        // A created or removed assessment is a row of its own, so "never rewrites silently" shows.
        const std::string from = a->copiedFrom ? "copy of " + a->copiedFrom->asOf : std::string("present");
        add(subject, "assessment", a->before ? "present" : "", a->after ? (a->before ? "present" : from) : "");
        add(subject, "status", before ? statusText(before->status) : "", after ? statusText(after->status) : "");
        add(subject, "criterion_note", before ? before->note : "", after ? after->note : "");
        add(subject, "criteria_met", beforeSide ? std::to_string(beforeSide->criteriaMet) : "",
            afterSide ? std::to_string(afterSide->criteriaMet) : "");
    } else if (const auto* w = std::get_if<WorkChange>(&edit.change)) {
        const std::string subject = "work #" + std::to_string(w->workId) + " " + w->workName;
        add(subject, "status", w->before.status, w->after.status);
        add(subject, "deadline", w->before.deadline, w->after.deadline);
        add(subject, "budget_vnd", budgetText(w->before.budgetVnd), budgetText(w->after.budgetVnd));
    } else if (const auto* t = std::get_if<TaskChange>(&edit.change)) {
        const std::string subject = "task #" + std::to_string(t->taskId) + " " + t->taskText;
        add(subject, "status", t->before.status, t->after.status);
        add(subject, "done_date", t->before.doneDate, t->after.doneDate);
    }
    return rows;
}

}  // namespace

ProjectEdit inverted(const ProjectEdit& edit) {
    ProjectEdit back = edit;
    std::visit([](auto& c) { std::swap(c.before, c.after); }, back.change);
    return back;
}

Result<std::optional<model::Assessment>> readAssessment(store::Database& db, const std::string& unitCode, const std::string& setId,
                                                        const std::string& asOf) {
    auto stmt = db.prepare("SELECT id, criteria_met, criteria_total, detailed, coalesce(note, ''), coalesce(source, '') FROM ntm_assessments "
                           "WHERE unit_code = ?1 AND set_id = ?2 AND as_of = ?3");
    if (!stmt) return stmt.error();
    stmt->bind(1, unitCode).bind(2, setId).bind(3, asOf);
    if (!stmt->step()) {
        if (!stmt->lastError().empty()) return makeError(ErrorCode::Sql, db.path() + ": " + stmt->lastError());
        return std::optional<model::Assessment>();
    }
    model::Assessment a;
    a.unitCode = unitCode;
    a.setId = setId;
    a.asOf = asOf;
    const std::int64_t id = stmt->int64(0);
    a.criteriaMet = static_cast<int>(stmt->int64(1));
    a.criteriaTotal = static_cast<int>(stmt->int64(2));
    a.detailed = stmt->int64(3) != 0;
    a.note = stmt->text(4);
    a.source = stmt->text(5);
    auto results = db.prepare("SELECT number, status, coalesce(note, '') FROM ntm_criterion_results WHERE assessment_id = ?1 ORDER BY number");
    if (!results) return results.error();
    results->bind(1, id);
    while (results->step()) {
        const std::string status = results->text(1);
        a.results.push_back({static_cast<int>(results->int64(0)),
                             status == "met"           ? model::CriterionStatus::Met
                             : status == "in_progress" ? model::CriterionStatus::InProgress
                                                       : model::CriterionStatus::NotMet,
                             results->text(2)});
    }
    return std::optional<model::Assessment>(std::move(a));
}

Status applyEdit(store::Database& db, const ProjectEdit& edit, const std::string& action) {
    store::Transaction tx(db);
    if (!tx.began()) {
        if (tx.beginBusy()) return store::projectBusyError(db.path(), db.busyTimeoutMs());
        return makeError(ErrorCode::Sql, db.path() + ": cannot start writing: " + tx.beginError());
    }
    if (auto status = std::visit([&](const auto& c) { return write(db, c); }, edit.change); !status) return status;
    for (const store::HistoryEntry& row : historyOf(edit, action))
        if (auto status = store::appendHistory(db, row); !status) return status;
    return tx.commit();
}

}  // namespace gis::editing
