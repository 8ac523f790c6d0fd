#pragma once
/// Camera → shader transform for one mesh, computed in double so float vertex data stays exact.
#include "gis/core/geometry.hpp"
#include "gis/scene/camera.hpp"

namespace gis::render {

/// Uniforms of ntmMeshToPixel(): target pixel = (position - shift) * scale + offset.
struct MeshTransform {
    float shift[2] = {0, 0};   ///< metres, ~ camera centre relative to the mesh origin
    float scale[2] = {1, -1};  ///< pixels per metre (y flipped: pixel y grows down)
    float offset[2] = {0, 0};  ///< target pixels
};

/// Transform of a mesh with `origin` (display CRS) for the render target covering the tile at
/// (camera.tileOffsetXPx, camera.tileOffsetYPx) of the camera's frame.
inline MeshTransform meshTransform(Vec2 origin, const scene::Camera& camera) {
    MeshTransform t;
    const double inv = 1.0 / camera.metersPerPixel;
    // The shift is rounded to float *first* and the offset built from that exact value, so the
    // shader's (position - shift) cancels the large part exactly and only small numbers remain.
    t.shift[0] = static_cast<float>(camera.center.x - origin.x);
    t.shift[1] = static_cast<float>(camera.center.y - origin.y);
    t.scale[0] = static_cast<float>(inv);
    t.scale[1] = static_cast<float>(-inv);
    t.offset[0] = static_cast<float>((origin.x + static_cast<double>(t.shift[0]) - camera.center.x) * inv +
                                     camera.frameWidthPx * 0.5 - camera.tileOffsetXPx);
    t.offset[1] = static_cast<float>((camera.center.y - origin.y - static_cast<double>(t.shift[1])) * inv +
                                     camera.frameHeightPx * 0.5 - camera.tileOffsetYPx);
    return t;
}

}  // namespace gis::render
