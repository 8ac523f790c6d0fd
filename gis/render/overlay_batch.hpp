#pragma once
/// CPU list of screen-space overlay triangles (labels, legend, title, watermark) in full-frame
/// pixels, drawn by overlay.vert/frag in one draw call, in insertion order.
#include <cstdint>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::render {

/// Vertex layout of overlay.vert (see shaders/README.md).
struct OverlayVertex {
    float x = 0, y = 0;       ///< frame pixels, y down
    float u = 0, v = 0;       ///< atlas uv (glyphs) / pixels from the centre (discs)
    Rgba8 color;              ///< straight alpha
    float mode = 0;           ///< 0 solid, 1 glyph, 2 disc, 3 map symbol
    float scale = 0;          ///< glyph: screen px per atlas px; disc, symbol: radius px
    float halo = 0;           ///< glyph: how many px the halo reaches beyond the outline; symbol: its code
                              ///< (shape + 16 × status + 64 if overdue: small integers, exact in a float)
    Rgba8 haloColor;          ///< glyph, symbol: halo colour (straight alpha; alpha 0 = no halo)
};

class OverlayBatch {
public:
    void clear() { m_vertices.clear(); }
    bool empty() const { return m_vertices.empty(); }
    const std::vector<OverlayVertex>& vertices() const { return m_vertices; }
    /// Appends another batch's triangles (drawn after the ones already here).
    void append(const OverlayBatch& other) {
        m_vertices.insert(m_vertices.end(), other.m_vertices.begin(), other.m_vertices.end());
    }

    /// Solid axis-aligned rectangle.
    void rect(float x0, float y0, float x1, float y1, Rgba8 color);
    /// Rectangle outline `thickness` px wide, inside the box.
    void frame(float x0, float y0, float x1, float y1, float thickness, Rgba8 color);
    /// Anti-aliased filled circle.
    void disc(float cx, float cy, float radius, Rgba8 color);
    /// A map point symbol exactly as point.frag draws it (same GLSL): the legend swatch.
    void symbol(float cx, float cy, float radius, scene::PointSymbol shape, scene::WorkStatus status, bool overdue,
                Rgba8 fill, Rgba8 halo);
    /// One glyph quad sampling the atlas rectangle [u0,u1]x[v0,v1].
    void glyph(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1, Rgba8 color,
               float scale, float halo, Rgba8 haloColor);

private:
    void quad(const OverlayVertex& topLeft, const OverlayVertex& bottomRight);
    std::vector<OverlayVertex> m_vertices;
};

}  // namespace gis::render
