#pragma once
/// One edit of a project as data: the rows it changes, each with its state before and after.
/// Applying writes "after" (checking the project still holds "before"); the inverse swaps the
/// two, which is what undo applies. Every application is ONE transaction together with its
/// history rows, so an edit, its undo and its redo are each all or nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/model/ntm_types.hpp"
#include "gis/store/database.hpp"

namespace gis::editing {

/// An assessment of (unit, set, date), absent (nullopt) before it is created or after it is removed.
struct AssessmentChange {
    std::string unitCode, setId, asOf;
    std::optional<model::Assessment> before, after;
    int criterion = 0;  ///< the criterion the edit is about (for the history)
    /// The earlier assessment a new one was copied from: the history shows its values as the
    /// old side of a creation (and the new side of its undo), so "not met → met" reads right.
    std::optional<model::Assessment> copiedFrom;
};

struct WorkState {
    std::string status;
    std::string deadline;  ///< "" = none
    std::optional<std::int64_t> budgetVnd;
    bool operator==(const WorkState&) const = default;
};
struct WorkChange {
    std::int64_t workId = 0;
    std::string workName, unitCode;
    WorkState before, after;
};

struct TaskState {
    std::string status;    ///< open | done
    std::string doneDate;  ///< "" when open
    bool operator==(const TaskState&) const = default;
};
struct TaskChange {
    std::int64_t taskId = 0;
    std::string taskText, unitCode;
    TaskState before, after;
};

struct ProjectEdit {
    std::variant<AssessmentChange, WorkChange, TaskChange> change;
    std::string unitCode;  ///< the unit whose history lists it
    std::string label;     ///< what the undo menu says: "Tiêu chí 2 Giao thông: đạt"
    std::string note;      ///< the editor's note (also stored in the history)
};

/// The same edit backwards (before and after swapped).
ProjectEdit inverted(const ProjectEdit& edit);

/// Applies the edit in one transaction with its history rows (`action`: edit, undo or redo).
/// Fails, changing nothing, when the project no longer holds the edit's "before" state (another
/// window or an import changed the row since).
Status applyEdit(store::Database& db, const ProjectEdit& edit, const std::string& action);

/// The assessment of (unit, set, date) as stored, nullopt when there is none.
Result<std::optional<model::Assessment>> readAssessment(store::Database& db, const std::string& unitCode, const std::string& setId,
                                                        const std::string& asOf);

}  // namespace gis::editing
