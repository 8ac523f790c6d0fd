#include "gis/editing/edit_requests.hpp"

#include <algorithm>

#include "gis/figures/summary.hpp"
#include "gis/model/iso_date.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::editing {
namespace {

/// Assessments made by editing carry this source, so a second edit on the same day changes them
/// in place instead of refusing.
constexpr const char* kEditSource = "edit";

const char* statusWordVi(model::CriterionStatus s) {
    switch (s) {
        case model::CriterionStatus::Met: return "đạt";
        case model::CriterionStatus::NotMet: return "chưa đạt";
        case model::CriterionStatus::InProgress: return "đang thực hiện";
    }
    return "";
}

/// The set and date of the assessment in force for the unit at `date`, as the summary (and so
/// the card) chooses it; `setId` given: the latest of that set.
Result<std::pair<std::string, std::string>> assessmentInForce(store::Database& db, const std::string& unitCode, const std::string& setId,
                                                              const std::string& date) {
    auto data = store::loadProjectData(db, false);
    if (!data) return data.error();
    auto summary = figures::computeSummary(*data, {date, unitCode});
    if (!summary) return summary.error();
    const figures::UnitSummary& s = summary->front();
    if (s.level != "commune" && s.level != "district")
        return makeError(ErrorCode::BadInput, unitCode + " " + s.name + " is a " + s.level + ": criteria are assessed for communes and districts");
    if (setId.empty()) {
        if (!s.assessed)
            return makeError(ErrorCode::BadInput, s.code + " " + s.name + " has no assessment on or before " + date +
                                                      ": import a detailed criteria sheet first");
        return std::make_pair(s.criteriaSet, s.assessmentAsOf);
    }
    if (data->criteriaSets.count(setId) == 0) return makeError(ErrorCode::NotFound, "no criteria set " + setId + " in the project");
    std::string latest;
    for (const model::Assessment& a : data->assessments)
        if (a.unitCode == s.code && a.setId == setId && a.asOf <= date && a.asOf > latest) latest = a.asOf;
    if (latest.empty())
        return makeError(ErrorCode::BadInput, s.code + " " + s.name + " has no assessment in " + setId + " on or before " + date +
                                                  ": import a detailed criteria sheet first");
    return std::make_pair(setId, latest);
}

std::string criterionName(store::Database& db, const std::string& setId, int number) {
    auto stmt = db.prepare("SELECT name FROM ntm_criteria WHERE set_id = ?1 AND number = ?2");
    if (!stmt) return {};
    stmt->bind(1, setId).bind(2, number);
    return stmt->step() ? stmt->text(0) : std::string();
}

}  // namespace

namespace {

/// The window showed one value, the project holds another: someone changed it since. Writing
/// now would silently replace their change, so the edit stops and the window re-reads.
Error seenConflict(const std::string& what, const std::string& shown, const std::string& now) {
    return makeError(ErrorCode::Conflict, what + " was changed by someone else since this window read it (shown: " + shown +
                                              ", now: " + now + "); nothing was changed — the window shows the current data, edit again");
}

}  // namespace

Result<ProjectEdit> planCriterionEdit(store::Database& db, const CriterionEdit& request) {
    const std::string date = request.date.empty() ? figures::todayIso() : request.date;
    if (!model::isIsoDate(date)) return makeError(ErrorCode::BadInput, "date " + date + ": not a date (YYYY-MM-DD)");
    auto inForce = assessmentInForce(db, request.unitCode, request.setId, date);
    if (!inForce) return inForce.error();
    const auto& [setId, baseDate] = *inForce;
    // A correction names its assessment by date; without one it is the assessment in force.
    const std::string sourceDate = request.correct && !request.date.empty() ? request.date : baseDate;
    auto base = readAssessment(db, request.unitCode, setId, sourceDate);
    if (!base) return base.error();
    if (!*base) return makeError(ErrorCode::NotFound, request.unitCode + " has no assessment in " + setId + " at " + sourceDate + " to correct");
    const model::Assessment& old = **base;
    if (!old.detailed)
        return makeError(ErrorCode::BadInput, request.unitCode + ": the assessment of " + old.asOf + " is a count only (" +
                                                  std::to_string(old.criteriaMet) + "/" + std::to_string(old.criteriaTotal) +
                                                  ") and does not say which criteria are met; import a detailed sheet first");
    const auto target = std::find_if(old.results.begin(), old.results.end(), [&](const auto& r) { return r.number == request.number; });
    if (target == old.results.end())
        return makeError(ErrorCode::NotFound, "criterion " + std::to_string(request.number) + " is not in set " + setId);
    if (request.seenStatus && *request.seenStatus != target->status)
        return seenConflict("criterion " + std::to_string(request.number) + " of " + request.unitCode, statusWordVi(*request.seenStatus),
                            statusWordVi(target->status));
    if (target->status == request.status && target->note == request.note)
        return makeError(ErrorCode::BadInput, "criterion " + std::to_string(request.number) + " is already " + statusWordVi(request.status) +
                                                  " with that note: nothing to change");

    AssessmentChange change;
    change.unitCode = request.unitCode;
    change.setId = setId;
    change.criterion = request.number;
    model::Assessment next = old;
    const bool inPlace = request.correct || (old.asOf == date && old.source == kEditSource);
    if (inPlace) {
        change.asOf = old.asOf;
        change.before = old;
    } else {
        if (old.asOf == date)
            return makeError(ErrorCode::BadInput, request.unitCode + ": the assessment of " + date + " came from " +
                                                      (old.source.empty() ? std::string("an import") : old.source) +
                                                      "; correct it explicitly, or give the edit another date");
        if (auto existing = readAssessment(db, request.unitCode, setId, date); !existing)
            return existing.error();
        else if (*existing)  // a later assessment sits at the target date but is not in force (another set chosen)
            return makeError(ErrorCode::BadInput, request.unitCode + ": an assessment of " + date + " already exists in " + setId +
                                                      "; correct it explicitly");
        change.asOf = date;
        change.copiedFrom = old;
        next.asOf = date;
        next.source = kEditSource;
        next.note = "edited from the assessment of " + old.asOf;
    }
    for (model::CriterionResult& r : next.results)
        if (r.number == request.number) {
            r.status = request.status;
            r.note = request.note;
        }
    next.criteriaMet = static_cast<int>(std::count_if(next.results.begin(), next.results.end(),
                                                      [](const auto& r) { return r.status == model::CriterionStatus::Met; }));
    change.after = next;

    ProjectEdit edit;
    edit.unitCode = request.unitCode;
    edit.note = request.note;
    edit.label = "Tiêu chí " + std::to_string(request.number) + " " + criterionName(db, setId, request.number) + ": " +
                 statusWordVi(request.status) + (inPlace ? " (sửa đánh giá " + old.asOf + ")" : " (đánh giá mới " + date + ")");
    edit.change = std::move(change);
    return edit;
}

Result<ProjectEdit> planWorkEdit(store::Database& db, const WorkEdit& request) {
    auto stmt = db.prepare("SELECT name, coalesce(unit_code, ''), status, coalesce(deadline, ''), budget_vnd FROM ntm_infrastructure WHERE fid = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, request.workId);
    if (!stmt->step()) return makeError(ErrorCode::NotFound, "no work #" + std::to_string(request.workId) + " in the project");
    WorkChange change;
    change.workId = request.workId;
    change.workName = stmt->text(0);
    change.unitCode = stmt->text(1);
    change.before = {stmt->text(2), stmt->text(3), std::nullopt};
    if (!stmt->isNull(4)) change.before.budgetVnd = stmt->int64(4);
    if (request.seenStatus && *request.seenStatus != change.before.status)
        return seenConflict("work #" + std::to_string(request.workId) + " " + change.workName, *request.seenStatus, change.before.status);
    change.after = change.before;
    if (request.status) {
        const auto& known = model::kInfrastructureStatuses;
        if (std::find(std::begin(known), std::end(known), *request.status) == std::end(known))
            return makeError(ErrorCode::BadInput, "status " + *request.status + ": expected planned, under_construction or completed");
        change.after.status = *request.status;
    }
    if (request.deadline) {
        if (!request.deadline->empty() && !model::isIsoDate(*request.deadline))
            return makeError(ErrorCode::BadInput, "deadline " + *request.deadline + ": not a date (YYYY-MM-DD)");
        change.after.deadline = *request.deadline;
    }
    if (request.budgetVnd) {
        if (*request.budgetVnd < 0) return makeError(ErrorCode::BadInput, "budget: negative money is refused");
        change.after.budgetVnd = request.budgetVnd;
    }
    if (request.clearBudget) change.after.budgetVnd.reset();
    if (change.after == change.before) return makeError(ErrorCode::BadInput, "work #" + std::to_string(request.workId) + ": nothing to change");
    ProjectEdit edit;
    edit.unitCode = change.unitCode;
    edit.label = "Công trình " + change.workName;
    edit.change = std::move(change);
    return edit;
}

Result<ProjectEdit> planTaskEdit(store::Database& db, const TaskEdit& request) {
    auto stmt = db.prepare("SELECT text, coalesce(unit_code, ''), status, coalesce(done_date, '') FROM ntm_tasks WHERE id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, request.taskId);
    if (!stmt->step()) return makeError(ErrorCode::NotFound, "no task #" + std::to_string(request.taskId) + " in the project");
    TaskChange change;
    change.taskId = request.taskId;
    change.taskText = stmt->text(0);
    change.unitCode = stmt->text(1);
    change.before = {stmt->text(2), stmt->text(3)};
    if (request.seenStatus && *request.seenStatus != change.before.status)
        return seenConflict("task #" + std::to_string(request.taskId), *request.seenStatus, change.before.status);
    const std::string doneDate = request.doneDate.empty() ? figures::todayIso() : request.doneDate;
    if (request.done && !model::isIsoDate(doneDate)) return makeError(ErrorCode::BadInput, "date " + doneDate + ": not a date (YYYY-MM-DD)");
    change.after = request.done ? TaskState{"done", doneDate} : TaskState{"open", ""};
    if (change.after == change.before)
        return makeError(ErrorCode::BadInput, "task #" + std::to_string(request.taskId) + " is already " + change.after.status);
    ProjectEdit edit;
    edit.unitCode = change.unitCode;
    edit.label = std::string(request.done ? "Hoàn thành: " : "Mở lại: ") + change.taskText;
    edit.change = std::move(change);
    return edit;
}

}  // namespace gis::editing
