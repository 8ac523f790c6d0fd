#pragma once
/// CPU list of screen-space overlay triangles (labels, legend, title, watermark) in full-frame
/// pixels, drawn by overlay.vert/frag in insertion order: one draw call per run of triangles
/// that share a program (see OverlayKind).
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

/// Which build of overlay.frag draws a triangle (its NTM_OVERLAY_KIND). On llvmpipe every branch
/// of a shader runs for every fragment, so glyphs get a program without the symbols' SDFs.
enum class OverlayKind : std::uint8_t { Plain = 0, Glyph = 1, Symbol = 2 };

/// Consecutive vertices of one kind.
struct OverlayRun {
    OverlayKind kind = OverlayKind::Plain;
    std::uint32_t first = 0, count = 0;  ///< vertices
};

class OverlayBatch {
public:
    void clear() {
        m_vertices.clear();
        m_runs.clear();
    }
    bool empty() const { return m_vertices.empty(); }
    const std::vector<OverlayVertex>& vertices() const { return m_vertices; }
    /// The vertices cut into runs of one kind, in order; together they cover every vertex.
    const std::vector<OverlayRun>& runs() const { return m_runs; }
    /// Appends another batch's triangles (drawn after the ones already here).
    void append(const OverlayBatch& other);

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
    /// Extends the last run when it has this kind, else starts one.
    void addToRuns(OverlayKind kind, std::uint32_t count);
    std::vector<OverlayVertex> m_vertices;
    std::vector<OverlayRun> m_runs;
};

}  // namespace gis::render
