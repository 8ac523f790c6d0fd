#include "gis/render/shader_library.hpp"

#include <algorithm>
#include <vector>

#include "gis/render/embedded_shaders.hpp"

namespace gis::render {

namespace {

constexpr const char* kVersionLine = "#version 330 core\n";
constexpr const char* kPreludeName = "_prelude.glsl";
constexpr const char* kSymbolsName = "_symbols.glsl";

}  // namespace

ShaderLibrary::ShaderLibrary() {
    for (const EmbeddedShader& shader : embeddedShaders()) m_sources.emplace(std::string(shader.name), shader.source);
}

std::string_view ShaderLibrary::source(std::string_view fileName) const {
    const auto it = m_sources.find(fileName);
    return it == m_sources.end() ? std::string_view{} : it->second;
}

Result<GlShader> ShaderLibrary::compile(GLenum stage, const std::string& fileName, std::string_view defines) const {
    const std::string_view body = source(fileName);
    if (body.empty())
        return makeError(ErrorCode::ShaderCompile, "Shader " + fileName + " is not among the embedded shaders.");

    // "#line 1 N" makes the driver's log say "1:(line)" for the prelude and "2:(line)" for the
    // file itself, with line numbers that match the files in shaders/.
    // The symbol library is source 3: the map's points and the legend's swatches share it.
    const std::string prelude = "#line 1 1\n" + std::string(source(kPreludeName)) + "\n";
    const std::string symbols = "#line 1 3\n" + std::string(source(kSymbolsName)) + "\n";
    const std::string main = "#line 1 2\n" + std::string(body);
    const std::string defineLines(defines);
    const char* parts[] = {kVersionLine, defineLines.c_str(), prelude.c_str(), symbols.c_str(), main.c_str()};

    GlShader shader(glCreateShader(stage));
    glShaderSource(shader.get(), 5, parts, nullptr);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
        glGetShaderInfoLog(shader.get(), length, nullptr, log.data());
        return makeError(ErrorCode::ShaderCompile, "Shader " + fileName + " failed to compile (source 1 = " +
                                                       kPreludeName + ", 2 = " + fileName + ", 3 = " + kSymbolsName + "): " + log.data());
    }
    return shader;
}

Result<GlProgram> ShaderLibrary::build(std::string_view name, std::string_view defines) const {
    const std::string base(name);
    auto vs = compile(GL_VERTEX_SHADER, base + ".vert", defines);
    if (!vs) return vs.error();
    auto fs = compile(GL_FRAGMENT_SHADER, base + ".frag", defines);
    if (!fs) return fs.error();

    GlProgram program(glCreateProgram());
    glAttachShader(program.get(), vs->get());
    glAttachShader(program.get(), fs->get());
    glLinkProgram(program.get());
    glDetachShader(program.get(), vs->get());
    glDetachShader(program.get(), fs->get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetProgramiv(program.get(), GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
        glGetProgramInfoLog(program.get(), length, nullptr, log.data());
        return makeError(ErrorCode::ShaderCompile,
                         "Program " + base + " (" + base + ".vert + " + base + ".frag) failed to link: " + log.data());
    }
    return program;
}

}  // namespace gis::render
