#include "gis/proj/proj_context.hpp"

#include "gis/core/per_thread.hpp"

namespace gis::proj {
namespace {

struct ContextOwner {
    PJ_CONTEXT* context = proj_context_create();
    ContextOwner() {
        // Messages come back through proj_context_errno / proj_errno_string; keep stderr quiet.
        proj_log_level(context, PJ_LOG_NONE);
    }
    ~ContextOwner() { proj_context_destroy(context); }
    ContextOwner(const ContextOwner&) = delete;
    ContextOwner& operator=(const ContextOwner&) = delete;
};

}  // namespace

PJ_CONTEXT* threadContext() { return perThread<ContextOwner>().context; }

}  // namespace gis::proj
