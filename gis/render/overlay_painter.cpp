#include "gis/render/overlay_painter.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "gis/render/label_placer.hpp"
#include "gis/render/legend_swatch.hpp"
#include "gis/render/page_painter.hpp"

namespace gis::render {

namespace {

constexpr Rgba8 kTextColor{28, 28, 30, 255};
constexpr Rgba8 kHalo{255, 255, 255, 235};
constexpr Rgba8 kPanel{255, 255, 255, 225};
constexpr Rgba8 kPanelBorder{0, 0, 0, 70};
constexpr Rgba8 kWatermarkColor{120, 40, 40, 230};
/// Two lines of a title: broken after its dash ("Huyện … —" / "số liệu đến …") when it has one,
/// else at the space nearest its middle. Breaks fall on ASCII spaces, so UTF-8 stays whole.
std::vector<std::string> splitTitleInTwo(const std::string& title) {
    const std::string dash = " \u2014 ";
    std::size_t best = std::string::npos;
    const std::size_t middle = title.size() / 2;
    auto closer = [&](std::size_t at) {
        return best == std::string::npos || (at > middle ? at - middle : middle - at) < (best > middle ? best - middle : middle - best);
    };
    for (std::size_t at = title.find(dash); at != std::string::npos; at = title.find(dash, at + 1))
        if (closer(at)) best = at;
    if (best != std::string::npos) return {title.substr(0, best + dash.size() - 1), title.substr(best + dash.size())};
    for (std::size_t at = title.find(' '); at != std::string::npos; at = title.find(' ', at + 1))
        if (closer(at)) best = at;
    if (best == std::string::npos) return {title};
    return {title.substr(0, best), title.substr(best + 1)};
}

}  // namespace

OverlayPainter::Box OverlayPainter::addTitle(const scene::RenderScene& scene, float s, OverlayBatch& batch) {
    if (scene.title.empty()) return {};
    TextStyle style{m_metrics.titlePx * s, FontWeight::Bold, kTextColor, kHalo, 2.5f * s};
    const float x = m_metrics.marginPx * s;
    const float room = static_cast<float>(scene.camera.frameWidthPx) - 2.0f * x;
    // A title wider than the frame (a long name in briefing type, a narrow pane) is set smaller,
    // down to 70 %, and past that on two lines: cut off, "… số liệu đến 31/1" loses its date.
    float width = m_atlas.measure(scene.title, style).width;
    if (width > room && width > 0.0f) {
        const float shrink = std::max(0.7f, room / width);
        style.sizePx *= shrink;
        style.haloPx *= shrink;
        width = m_atlas.measure(scene.title, style).width;
    }
    const std::vector<std::string> lines = width > room ? splitTitleInTwo(scene.title) : std::vector<std::string>{scene.title};
    Box box{x, m_metrics.marginPx * s, x, m_metrics.marginPx * s};
    float top = box.y0;
    for (const std::string& line : lines) {
        const TextExtent e = m_atlas.measure(line, style);
        const float baseline = top + e.ascent;
        put(batch, line, x, baseline, style);
        box.x1 = std::max(box.x1, x + e.width);
        box.y1 = baseline + e.descent;
        top = box.y1 + 0.15f * style.sizePx;
    }
    return box;
}

OverlayPainter::Box OverlayPainter::addWatermark(const scene::RenderScene& scene, float s, const Box& title,
                                                 OverlayBatch& batch) {
    if (scene.watermark.empty()) return {};
    TextStyle style{m_metrics.watermarkPx * s, FontWeight::Bold, kWatermarkColor, kHalo, 2.0f * s};
    const TextExtent e = m_atlas.measure(scene.watermark, style);
    const float x = static_cast<float>(scene.camera.frameWidthPx) - m_metrics.marginPx * s - e.width;
    float baseline = m_metrics.marginPx * s + e.ascent;
    // A long title reaching under the watermark pushes it down one line, never on top of it.
    if (title.x1 > title.x0 && title.x1 + 12.0f * s > x) baseline = title.y1 + 6.0f * s + e.ascent;
    put(batch, scene.watermark, x, baseline, style);
    return {x, baseline - e.ascent, x + e.width, baseline + e.descent};
}

// Measures the legend and, when `batch` is given, draws it. Bottom-left corner of the frame.
OverlayPainter::Box OverlayPainter::layoutLegend(const scene::RenderScene& scene, float s, OverlayBatch* batch) {
    const scene::Legend& legend = scene.legend;
    if (legend.entries.empty()) return {};
    const OverlayMetrics& m = m_metrics;
    const TextStyle titleStyle{m.legendTitlePx * s, FontWeight::Bold, kTextColor};
    const TextStyle textStyle{m.legendTextPx * s, FontWeight::Regular, kTextColor};
    const float pad = m.legendPaddingPx * s;
    const float row = m.legendRowPx * s;
    const float swatch = m.legendSwatchPx * s;
    const float gap = 8.0f * s;

    const TextExtent titleExtent = m_atlas.measure(legend.title, titleStyle);
    float contentW = legend.title.empty() ? 0.0f : titleExtent.width;
    for (const scene::LegendEntry& entry : legend.entries)
        contentW = std::max(contentW, swatch + gap + m_atlas.measure(entry.text, textStyle).width);
    const float titleRow = legend.title.empty() ? 0.0f : row + 4.0f * s;
    const float panelW = std::ceil(pad * 2 + contentW);
    const float panelH = std::ceil(pad * 2 + titleRow + row * static_cast<float>(legend.entries.size()));
    const float x0 = std::round(m.marginPx * s);
    const float y1 = static_cast<float>(scene.camera.frameHeightPx) - std::round(m.marginPx * s);
    const Box box{x0, y1 - panelH, x0 + panelW, y1};
    if (batch == nullptr) return box;

    batch->rect(box.x0, box.y0, box.x1, box.y1, kPanel);
    batch->frame(box.x0, box.y0, box.x1, box.y1, std::max(1.0f, std::round(s)), kPanelBorder);
    float y = box.y0 + pad;
    if (!legend.title.empty()) {
        const float baseline = y + (row + titleExtent.ascent - titleExtent.descent) * 0.5f;
        put(*batch, legend.title, box.x0 + pad, baseline, titleStyle);
        y += titleRow;
    }
    for (const scene::LegendEntry& entry : legend.entries) {
        const float sx = box.x0 + pad;
        const float cy = y + row * 0.5f;
        drawLegendSwatch(*batch, entry, sx, cy, swatch, s);
        const TextExtent e = m_atlas.measure(entry.text, textStyle);
        put(*batch, entry.text, sx + swatch + gap, cy + (e.ascent - e.descent) * 0.5f, textStyle);
        y += row;
    }
    return box;
}

void OverlayPainter::put(OverlayBatch& batch, std::string_view utf8, float x, float baselineY, const TextStyle& style) {
    if (m_runs != nullptr)
        m_runs->push_back({std::string(utf8), x, baselineY, style});
    else
        m_atlas.append(batch, utf8, x, baselineY, style);
}

std::uint32_t OverlayPainter::build(const scene::RenderScene& scene, OverlayBatch& batch, std::vector<TextRun>* runs) {
    batch.clear();
    m_runs = runs;
    const float s = scene.textScale > 0.0f ? scene.textScale : 1.0f;

    // The title's and legend's glyphs likewise (a first export makes 60–100 of them).
    std::vector<std::string_view> legendTexts;
    for (const scene::LegendEntry& entry : scene.legend.entries) legendTexts.push_back(entry.text);
    m_atlas.prepare(legendTexts, FontWeight::Regular);
    m_atlas.prepare({scene.title, scene.watermark, scene.legend.title}, FontWeight::Bold);

    // Labels go under the legend and title, and must avoid them: reserve their boxes first.
    OverlayBatch decorations;
    std::vector<PixelBox> reserved;
    const auto reserve = [&](const Box& b) {
        if (b.x1 > b.x0) reserved.push_back({b.x0 - 4 * s, b.y0 - 4 * s, b.x1 + 4 * s, b.y1 + 4 * s});
    };
    if (scene.page) {
        // A printed page: the layout around the map replaces the on-map corners.
        TextOut out(m_atlas, decorations, runs);
        for (const scene::PixelRect& r : PagePainter(out).draw(scene, *scene.page)) reserve({r.x0, r.y0, r.x1, r.y1});
    } else {
        reserve(layoutLegend(scene, s, &decorations));
        const Box title = addTitle(scene, s, decorations);
        reserve(title);
        reserve(addWatermark(scene, s, title, decorations));
    }

    // The labels' glyphs not made yet are made together on every core, not one by one below.
    std::vector<std::string_view> labelTexts;
    labelTexts.reserve(scene.labels.size());
    for (const scene::Label& label : scene.labels) labelTexts.push_back(label.text);
    m_atlas.prepare(labelTexts, FontWeight::Regular);

    const TextStyle labelStyle{m_metrics.labelPx * s, FontWeight::Regular, kTextColor, kHalo, 2.0f * s};
    const auto measure = [&](const std::string& text) {
        const TextExtent e = m_atlas.measure(text, labelStyle);
        return LabelExtent{e.width, e.ascent, e.descent};
    };
    const std::vector<PlacedLabel> placed =
        placeLabels(scene.labels, scene.camera, measure, m_metrics.labelPaddingPx * s, reserved);
    for (const PlacedLabel& p : placed) put(batch, scene.labels[p.labelIndex].text, p.x, p.baselineY, labelStyle);

    batch.append(decorations);
    return static_cast<std::uint32_t>(placed.size());
}

}  // namespace gis::render
