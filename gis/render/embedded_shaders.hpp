#pragma once
/// GLSL sources from shaders/, compiled into the binary by cmake/embed_shaders.cmake.
#include <string_view>
#include <vector>

namespace gis::render {

struct EmbeddedShader {
    std::string_view name;    ///< file name in shaders/, e.g. "fill.vert"
    std::string_view source;
};

const std::vector<EmbeddedShader>& embeddedShaders();

}  // namespace gis::render
