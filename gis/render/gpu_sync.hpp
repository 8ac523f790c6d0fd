#pragma once

namespace gis::render {

/// Blocks until the GL has finished every command issued so far (glFinish). For benchmarks,
/// which must time the drawing itself rather than its submission.
void waitForGpu();

}  // namespace gis::render
