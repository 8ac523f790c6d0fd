#pragma once
/// One PROJ context per thread: PROJ contexts are not thread-safe, and creating one per
/// transformer would reopen proj.db each time.
#include <proj.h>

namespace gis::proj {

/// The calling thread's PROJ context, created on first use and destroyed at thread exit.
PJ_CONTEXT* threadContext();

}  // namespace gis::proj
