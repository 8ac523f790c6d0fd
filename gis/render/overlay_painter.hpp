#pragma once
/// Lays out everything drawn on top of the map (labels, legend, title, watermark) into an
/// OverlayBatch, in full-frame pixels, so every tile of a frame gets identical geometry.
#include <cstdint>

#include "gis/render/overlay_batch.hpp"
#include "gis/render/text_atlas.hpp"
#include "gis/render/text_out.hpp"
#include "gis/scene/render_scene.hpp"

namespace gis::render {

/// Font sizes and spacing at textScale 1, chosen to read on a projector.
struct OverlayMetrics {
    float marginPx = 14.0f;
    float titlePx = 28.0f;
    float watermarkPx = 15.0f;
    float labelPx = 16.0f;       ///< commune names: readable from the back of a meeting room
    float labelPaddingPx = 3.0f;
    float legendTitlePx = 18.0f;
    float legendTextPx = 17.0f;
    float legendPaddingPx = 12.0f;
    float legendRowPx = 30.0f;   ///< room for a symbol with its overdue ring
    float legendSwatchPx = 26.0f;
};

class OverlayPainter {
public:
    explicit OverlayPainter(TextAtlas& atlas) : m_atlas(atlas) {}

    /// Fills `batch` (cleared first) for `scene`; returns the number of labels placed. With
    /// `runs`, text is recorded there (frame pixels) instead of drawn.
    std::uint32_t build(const scene::RenderScene& scene, OverlayBatch& batch, std::vector<TextRun>* runs = nullptr);

private:
    struct Box {
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    Box addTitle(const scene::RenderScene& scene, float s, OverlayBatch& batch);
    Box addWatermark(const scene::RenderScene& scene, float s, const Box& title, OverlayBatch& batch);
    Box layoutLegend(const scene::RenderScene& scene, float s, OverlayBatch* batch);

    /// Draws `utf8` into `batch`, or records it when text goes out as runs.
    void put(OverlayBatch& batch, std::string_view utf8, float x, float baselineY, const TextStyle& style);

    TextAtlas& m_atlas;
    OverlayMetrics m_metrics;
    std::vector<TextRun>* m_runs = nullptr;
};

}  // namespace gis::render
