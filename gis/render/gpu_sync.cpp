#include "gis/render/gpu_sync.hpp"

#include <epoxy/gl.h>

namespace gis::render {

void waitForGpu() { glFinish(); }

}  // namespace gis::render
