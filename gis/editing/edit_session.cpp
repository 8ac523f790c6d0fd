#include "gis/editing/edit_session.hpp"

#include "gis/store/schema.hpp"

namespace gis::editing {

Status EditSession::write(const ProjectEdit& edit, const std::string& action) {
    auto db = store::openProject(m_path, true);  // writable: an older project is migrated first
    if (!db) return db.error();
    if (auto status = applyEdit(*db, edit, action); !status) return status;
    ++m_revision;
    return Ok{};
}

template <class Request, class Plan>
Status EditSession::planAndApply(const Request& request, Plan plan) {
    ProjectEdit edit;
    {
        auto db = store::openProject(m_path, true);
        if (!db) return db.error();
        auto planned = plan(*db, request);
        if (!planned) return planned.error();
        edit = std::move(planned).value();
    }
    return apply(edit);
}

Status EditSession::setCriterion(const CriterionEdit& request) { return planAndApply(request, planCriterionEdit); }
Status EditSession::editWork(const WorkEdit& request) { return planAndApply(request, planWorkEdit); }
Status EditSession::editTask(const TaskEdit& request) { return planAndApply(request, planTaskEdit); }

Status EditSession::apply(const ProjectEdit& edit) {
    if (auto status = write(edit, "edit"); !status) return status;
    m_done.push_back(edit);
    m_undone.clear();
    return Ok{};
}

Status EditSession::undo() {
    if (m_done.empty()) return makeError(ErrorCode::BadInput, "nothing to undo");
    if (auto status = write(inverted(m_done.back()), "undo"); !status) return status;
    m_undone.push_back(std::move(m_done.back()));
    m_done.pop_back();
    return Ok{};
}

Status EditSession::redo() {
    if (m_undone.empty()) return makeError(ErrorCode::BadInput, "nothing to redo");
    if (auto status = write(m_undone.back(), "redo"); !status) return status;
    m_done.push_back(std::move(m_undone.back()));
    m_undone.pop_back();
    return Ok{};
}

}  // namespace gis::editing
