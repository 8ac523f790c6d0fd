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
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace gis::render
