#include "gis/render/gpu_sync.hpp"

#include <epoxy/gl.h>

namespace gis::render {

void waitForGpu() { glFinish(); }

GpuBatchQueue::~GpuBatchQueue() { clear(); }

void GpuBatchQueue::batchSubmitted() {
    // Submitting with the fence (the flush bit) starts the batch's rasterization now.
    m_fences.push_back(glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0));
    glFlush();
    constexpr std::size_t kBatchesQueued = 1;  // besides the one just submitted
    while (m_fences.size() > kBatchesQueued) {
        auto* oldest = static_cast<GLsync>(m_fences.front());
        glClientWaitSync(oldest, GL_SYNC_FLUSH_COMMANDS_BIT, GL_TIMEOUT_IGNORED);
        glDeleteSync(oldest);
        m_fences.pop_front();
    }
}

void GpuBatchQueue::clear() {
    for (void* fence : m_fences) glDeleteSync(static_cast<GLsync>(fence));
    m_fences.clear();
}

}  // namespace gis::render
