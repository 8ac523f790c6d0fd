#pragma once
/// What the card asks for, turned into a ProjectEdit against the project as it is now. Nothing is
/// written here; EditSession applies (and can undo) the result.
#include <cstdint>
#include <optional>
#include <string>

#include "gis/core/result.hpp"
#include "gis/editing/project_edit.hpp"
#include "gis/store/database.hpp"

namespace gis::editing {

/// Set one criterion met / not met / in progress, with a note.
///
/// An edit never rewrites an earlier assessment silently: by default it makes a NEW detailed
/// assessment at `date` (today when empty), a copy of the one in force then with this criterion
/// changed. Only when the assessment at `date` was itself made by editing is it changed in place
/// (several edits on one day make one assessment). `correct` = true changes the assessment of
/// `date` (or, without a date, the one in force today) in place: the explicit correction.
struct CriterionEdit {
    std::string unitCode;
    std::string setId;  ///< empty: the set of the assessment in force (the card's)
    int number = 0;
    model::CriterionStatus status = model::CriterionStatus::Met;
    std::string note;
    std::string date;
    bool correct = false;
    /// The criterion's status as the user's window showed it: when the project now says otherwise
    /// (another planner changed it since), the edit is refused as a conflict instead of overwriting.
    std::optional<model::CriterionStatus> seenStatus;
};
Result<ProjectEdit> planCriterionEdit(store::Database& db, const CriterionEdit& request);

/// Change a work's status, deadline or budget (fields left empty stay as they are).
struct WorkEdit {
    std::int64_t workId = 0;                 ///< model::InfrastructureItem::id
    std::optional<std::string> status;       ///< planned | under_construction | completed
    std::optional<std::string> deadline;     ///< YYYY-MM-DD, or "" to clear it
    std::optional<std::int64_t> budgetVnd;   ///< đồng, ≥ 0
    bool clearBudget = false;
    std::optional<std::string> seenStatus;   ///< as the window showed it (see CriterionEdit::seenStatus)
};
Result<ProjectEdit> planWorkEdit(store::Database& db, const WorkEdit& request);

/// Mark a task done (at `doneDate`, today when empty) or, with done = false, open again.
struct TaskEdit {
    std::int64_t taskId = 0;  ///< model::Task::id
    bool done = true;
    std::string doneDate;
    std::optional<std::string> seenStatus;  ///< as the window showed it (see CriterionEdit::seenStatus)
};
Result<ProjectEdit> planTaskEdit(store::Database& db, const TaskEdit& request);

}  // namespace gis::editing
