#pragma once
/// Builds GL programs from the GLSL files embedded from shaders/ (never read from disk).
#include <map>
#include <string>
#include <string_view>

#include "gis/core/result.hpp"
#include "gis/render/gl_handle.hpp"

namespace gis::render {

class ShaderLibrary {
public:
    /// Indexes embeddedShaders() by file name.
    ShaderLibrary();

    /// Compiles `<name>.vert` + `<name>.frag` and links them. Each stage gets "#version 330 core"
    /// and `_prelude.glsl` (when it exists) injected in front; errors name the file and carry the
    /// driver's log. Needs a current context. `defines` (whole lines, e.g. "#define X 1\n") go
    /// right after the version line, for one source built as several programs (overlay.frag).
    Result<GlProgram> build(std::string_view name, std::string_view defines = {}) const;

    /// Source of one embedded file, or empty when there is none.
    std::string_view source(std::string_view fileName) const;

private:
    Result<GlShader> compile(GLenum stage, const std::string& fileName, std::string_view defines) const;

    std::map<std::string, std::string_view, std::less<>> m_sources;
};

}  // namespace gis::render
