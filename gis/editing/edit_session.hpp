#pragma once
/// The window's editing session on one project: apply an edit, undo and redo it (Ctrl+Z /
/// Ctrl+Y) across the whole session. Each apply, undo and redo is one transaction with its
/// history row, replaying the inverse edit; the session opens the project for each write, so it
/// never holds a lock between edits.
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/editing/edit_requests.hpp"
#include "gis/editing/project_edit.hpp"

namespace gis::editing {

class EditSession {
public:
    explicit EditSession(std::string projectPath) : m_path(std::move(projectPath)) {}

    /// Plans and applies one request; on success it is on the undo stack and the redo stack is cleared.
    Status setCriterion(const CriterionEdit& request);
    Status editWork(const WorkEdit& request);
    Status editTask(const TaskEdit& request);
    /// Applies an already planned edit.
    Status apply(const ProjectEdit& edit);

    /// Reverts the last edit (fails, keeping both stacks, when the rows changed since).
    Status undo();
    /// Re-applies the last undone edit.
    Status redo();
    bool canUndo() const { return !m_done.empty(); }
    bool canRedo() const { return !m_undone.empty(); }
    /// What Ctrl+Z / Ctrl+Y would do ("" when nothing): for the menu and the tooltip.
    std::string undoLabel() const { return m_done.empty() ? std::string() : m_done.back().label; }
    std::string redoLabel() const { return m_undone.empty() ? std::string() : m_undone.back().label; }
    /// Bumped on every successful write: the window reloads its figures when it changes.
    int revision() const { return m_revision; }
    const std::string& projectPath() const { return m_path; }

private:
    template <class Request, class Plan>
    Status planAndApply(const Request& request, Plan plan);
    Status write(const ProjectEdit& edit, const std::string& action);

    std::string m_path;
    std::vector<ProjectEdit> m_done;    ///< applied, oldest first
    std::vector<ProjectEdit> m_undone;  ///< undone, most recent last
    int m_revision = 0;
};

}  // namespace gis::editing
