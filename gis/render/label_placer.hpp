#pragma once
/// Greedy, deterministic label placement in full-frame pixels: highest priority first (ties in
/// input order); a label is dropped when its padded box leaves the frame or overlaps one already
/// placed or a reserved box (legend, title). Identical for every tile of a tiled export.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "gis/scene/render_scene.hpp"

namespace gis::render {

/// Axis-aligned pixel box (frame pixels, y down).
struct PixelBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const PixelBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

/// Where one label goes: pen start on the baseline, in frame pixels.
struct PlacedLabel {
    std::size_t labelIndex = 0;  ///< into RenderScene::labels
    float x = 0;
    float baselineY = 0;
};

/// Size of a label's text: width, ascent and descent in pixels.
struct LabelExtent {
    float width = 0, ascent = 0, descent = 0;
};

/// Collision index of placed boxes (uniform grid, so thousands of labels stay cheap).
class CollisionGrid {
public:
    explicit CollisionGrid(float cellPx = 64.0f) : m_cell(cellPx) {}
    bool collides(const PixelBox& box) const;
    void insert(const PixelBox& box);

private:
    template <class F>
    void forCells(const PixelBox& box, F&& f) const;
    float m_cell;
    std::vector<PixelBox> m_boxes;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_cells;
};

/// Places `labels` (anchored at their centre) into a frame of `camera`'s size.
std::vector<PlacedLabel> placeLabels(const std::vector<scene::Label>& labels, const scene::Camera& camera,
                                     const std::function<LabelExtent(const std::string&)>& measure,
                                     float paddingPx, const std::vector<PixelBox>& reserved);

}  // namespace gis::render
