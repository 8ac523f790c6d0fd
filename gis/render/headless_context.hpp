#pragma once
/// An OpenGL 3.3+ core context without a window (EGL surfaceless on Mesa), for export and tests.
#include <memory>
#include <string>

#include "gis/core/result.hpp"

namespace gis::render {

class HeadlessContext {
public:
    /// Creates and makes current a surfaceless EGL context. Fails (GlUnavailable) with the EGL
    /// reason when the platform has none, so tests can SKIP and the CLI can explain.
    static Result<std::unique_ptr<HeadlessContext>> create();

    /// As create(), but on an EGL display of its own: Mesa's software device through
    /// EGL_EXT_platform_device, so the context gets an llvmpipe screen (and rasterizer threads)
    /// of its own. Two contexts on one display share one screen, and llvmpipe's flush waits for
    /// that screen's rasterizer: a second renderer on the same display drew an export's strips
    /// barely faster than one, on its own display in two thirds of the time (see
    /// exporting::StripHelper). Fails (GlUnavailable) where EGL has no software device.
    static Result<std::unique_ptr<HeadlessContext>> createOnOwnDisplay();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    /// Hands the context to another thread: release it on the thread that has it current, then
    /// make it current on the next one (EGL allows a context current on one thread at a time).
    bool releaseCurrent();
    bool makeCurrent();

    std::string rendererName() const;  ///< GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

private:
    HeadlessContext() = default;
    /// Initializes `eglDisplay` (an EGLDisplay) and makes a current 3.3 core context on it.
    static Result<std::unique_ptr<HeadlessContext>> createOn(void* eglDisplay);
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace gis::render
