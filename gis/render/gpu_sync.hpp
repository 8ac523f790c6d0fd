#pragma once
#include <cstddef>
#include <deque>

namespace gis::render {

/// Blocks until the GL has finished every command issued so far (glFinish). For benchmarks,
/// which must time the drawing itself rather than its submission.
void waitForGpu();

/// Keeps at most two batches of draws queued in the driver. After each batch the caller calls
/// batchSubmitted(): a fence marks it, and the call waits until the batch before it is drawn.
/// On llvmpipe the draws of a batch are binned (a few hundred bytes a triangle) until rasterized;
/// a glFlush alone lets batches pile up while the rasterizer threads lag, and a glFinish after
/// each batch bounds the memory but leaves those threads idle while the next batch is set up.
/// With one batch drawing while the next is set up, both cores work. Needs a current context.
class GpuBatchQueue {
public:
    GpuBatchQueue() = default;
    ~GpuBatchQueue();
    GpuBatchQueue(const GpuBatchQueue&) = delete;
    GpuBatchQueue& operator=(const GpuBatchQueue&) = delete;

    void batchSubmitted();
    /// Forgets the fences (the frame's end: what is still queued is drawn before any read-back).
    void clear();
    std::size_t pending() const { return m_fences.size(); }

private:
    std::deque<void*> m_fences;  ///< GLsync, oldest first
};

}  // namespace gis::render
