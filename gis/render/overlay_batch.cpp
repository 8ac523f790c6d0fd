#include "gis/render/overlay_batch.hpp"

namespace gis::render {

namespace {

OverlayKind kindOfMode(float mode) {
    if (mode > 2.5f) return OverlayKind::Symbol;
    if (mode > 0.5f && mode < 1.5f) return OverlayKind::Glyph;
    return OverlayKind::Plain;  // solid (0) and disc (2)
}

}  // namespace

void OverlayBatch::addToRuns(OverlayKind kind, std::uint32_t count) {
    if (!m_runs.empty() && m_runs.back().kind == kind)
        m_runs.back().count += count;
    else
        m_runs.push_back({kind, static_cast<std::uint32_t>(m_vertices.size()) - count, count});
}

void OverlayBatch::append(const OverlayBatch& other) {
    const auto offset = static_cast<std::uint32_t>(m_vertices.size());
    m_vertices.insert(m_vertices.end(), other.m_vertices.begin(), other.m_vertices.end());
    // Runs cover their batch's vertices end to end, so a run of the last run's kind joins it.
    for (const OverlayRun& run : other.m_runs) {
        if (!m_runs.empty() && m_runs.back().kind == run.kind)
            m_runs.back().count += run.count;
        else
            m_runs.push_back({run.kind, offset + run.first, run.count});
    }
}

void OverlayBatch::quad(const OverlayVertex& a, const OverlayVertex& b) {
    OverlayVertex topRight = a;
    topRight.x = b.x;
    topRight.u = b.u;
    OverlayVertex bottomLeft = a;
    bottomLeft.y = b.y;
    bottomLeft.v = b.v;
    m_vertices.insert(m_vertices.end(), {a, topRight, b, a, b, bottomLeft});
    addToRuns(kindOfMode(a.mode), 6);
}

void OverlayBatch::rect(float x0, float y0, float x1, float y1, Rgba8 color) {
    OverlayVertex a;
    a.x = x0; a.y = y0; a.color = color;
    OverlayVertex b = a;
    b.x = x1; b.y = y1;
    quad(a, b);
}

void OverlayBatch::frame(float x0, float y0, float x1, float y1, float t, Rgba8 color) {
    rect(x0, y0, x1, y0 + t, color);
    rect(x0, y1 - t, x1, y1, color);
    rect(x0, y0 + t, x0 + t, y1 - t, color);
    rect(x1 - t, y0 + t, x1, y1 - t, color);
}

void OverlayBatch::disc(float cx, float cy, float radius, Rgba8 color) {
    const float r = radius + 1.0f;  // room for the anti-aliased rim
    OverlayVertex a;
    a.x = cx - r; a.y = cy - r; a.u = -r; a.v = -r; a.color = color; a.mode = 2; a.scale = radius;
    OverlayVertex b = a;
    b.x = cx + r; b.y = cy + r; b.u = r; b.v = r;
    quad(a, b);
}

void OverlayBatch::symbol(float cx, float cy, float radius, scene::PointSymbol shape, scene::WorkStatus status,
                          bool overdue, Rgba8 fill, Rgba8 halo) {
    // Generous: _symbols.glsl's ntmSymbolExtent is under 2 r + 1.5 px for r ≥ 5; the rest is discarded.
    const float r = radius * 2.0f + 3.0f;
    OverlayVertex a;
    a.x = cx - r; a.y = cy - r; a.u = -r; a.v = -r; a.color = fill; a.mode = 3; a.scale = radius;
    a.halo = static_cast<float>(static_cast<int>(shape) + 16 * static_cast<int>(status) + (overdue ? 64 : 0));
    a.haloColor = halo;
    OverlayVertex b = a;
    b.x = cx + r; b.y = cy + r; b.u = r; b.v = r;
    quad(a, b);
}

void OverlayBatch::glyph(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1,
                         Rgba8 color, float scale, float halo, Rgba8 haloColor) {
    OverlayVertex a;
    a.x = x0; a.y = y0; a.u = u0; a.v = v0; a.color = color; a.mode = 1; a.scale = scale; a.halo = halo;
    a.haloColor = haloColor;
    OverlayVertex b = a;
    b.x = x1; b.y = y1; b.u = u1; b.v = v1;
    quad(a, b);
}

}  // namespace gis::render
