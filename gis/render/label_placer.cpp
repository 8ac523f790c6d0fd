#include "gis/render/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gis::render {

template <class F>
void CollisionGrid::forCells(const PixelBox& box, F&& f) const {
    const auto cell = [&](float v) { return static_cast<std::int32_t>(std::floor(v / m_cell)); };
    for (std::int32_t cy = cell(box.y0); cy <= cell(box.y1); ++cy)
        for (std::int32_t cx = cell(box.x0); cx <= cell(box.x1); ++cx)
            f((static_cast<std::uint64_t>(static_cast<std::uint32_t>(cy)) << 32) | static_cast<std::uint32_t>(cx));
}

bool CollisionGrid::collides(const PixelBox& box) const {
    bool hit = false;
    forCells(box, [&](std::uint64_t key) {
        if (hit) return;
        const auto it = m_cells.find(key);
        if (it == m_cells.end()) return;
        for (std::uint32_t index : it->second)
            if (m_boxes[index].overlaps(box)) { hit = true; return; }
    });
    return hit;
}

void CollisionGrid::insert(const PixelBox& box) {
    const auto index = static_cast<std::uint32_t>(m_boxes.size());
    m_boxes.push_back(box);
    forCells(box, [&](std::uint64_t key) { m_cells[key].push_back(index); });
}

std::vector<PlacedLabel> placeLabels(const std::vector<scene::Label>& labels, const scene::Camera& camera,
                                     const std::function<LabelExtent(const std::string&)>& measure,
                                     float paddingPx, const std::vector<PixelBox>& reserved) {
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return labels[a].priority > labels[b].priority; });

    CollisionGrid grid;
    for (const PixelBox& box : reserved) grid.insert(box);
    const auto frameW = static_cast<float>(camera.frameWidthPx);
    const auto frameH = static_cast<float>(camera.frameHeightPx);

    std::vector<PlacedLabel> placed;
    for (std::size_t index : order) {
        const scene::Label& label = labels[index];
        if (label.text.empty()) continue;
        const Vec2 anchor = camera.toPixel(label.anchor);
        // Cheap reject before measuring: anchors far outside the frame cannot fit.
        if (anchor.x < 0 || anchor.y < 0 || anchor.x > frameW || anchor.y > frameH) continue;
        const LabelExtent extent = measure(label.text);
        // Whole pixels so that every tile computes the same boxes and glyph positions.
        const float x = std::round(static_cast<float>(anchor.x) - extent.width * 0.5f);
        const float baseline = std::round(static_cast<float>(anchor.y) + (extent.ascent - extent.descent) * 0.5f);
        const PixelBox box{x - paddingPx, baseline - extent.ascent - paddingPx, x + extent.width + paddingPx,
                           baseline + extent.descent + paddingPx};
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > frameW || box.y1 > frameH) continue;
        if (grid.collides(box)) continue;
        grid.insert(box);
        placed.push_back({index, x, baseline});
    }
    return placed;
}

}  // namespace gis::render
