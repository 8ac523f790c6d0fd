#include "gis/render/page_painter.hpp"

#include <algorithm>
#include <cmath>

#include "gis/render/legend_swatch.hpp"
#include "gis/render/utf8.hpp"

namespace gis::render {

namespace {

constexpr Rgba8 kPaper{255, 255, 255, 255};
constexpr Rgba8 kInk{28, 28, 30, 255};
constexpr Rgba8 kGreyInk{90, 90, 96, 255};
constexpr Rgba8 kFrame{60, 60, 60, 255};
constexpr Rgba8 kRule{200, 200, 200, 255};
constexpr Rgba8 kPanel{255, 255, 255, 235};
constexpr Rgba8 kGood{20, 120, 60, 255};
constexpr Rgba8 kWarning{190, 20, 20, 255};
constexpr Rgba8 kWatermark{120, 40, 40, 255};
constexpr Rgba8 kLabelHalo{255, 255, 255, 235};

// Type sizes in points, as a report's figures are set.
constexpr float kTitlePt = 17.0f;
constexpr float kSubtitlePt = 10.5f;
constexpr float kHeadingPt = 9.5f;
constexpr float kBodyPt = 8.0f;
constexpr float kFooterPt = 7.0f;
constexpr float kScalePt = 7.5f;

TextStyle style(float pt, float pointPx, FontWeight weight, Rgba8 color) { return TextStyle{pt * pointPx, weight, color}; }

Rgba8 roleColor(scene::PageLineRole role) {
    switch (role) {
        case scene::PageLineRole::Good: return kGood;
        case scene::PageLineRole::Warning: return kWarning;
        case scene::PageLineRole::Muted: return kGreyInk;
        default: return kInk;
    }
}

}  // namespace

LegendColumns balanceLegend(int entries, float rowHeight, float maxHeight, int maxColumns) {
    LegendColumns out;
    if (entries <= 0) return out;
    const int rowsFit = std::max(1, static_cast<int>(std::floor(maxHeight / std::max(1.0f, rowHeight))));
    out.columns = std::clamp((entries + rowsFit - 1) / rowsFit, 1, std::max(1, maxColumns));
    out.rows = (entries + out.columns - 1) / out.columns;
    return out;
}

std::string PagePainter::fitted(const std::string& text, const TextStyle& st, float maxWidth) {
    if (m_out.measure(text, st).width <= maxWidth) return text;
    // Cut on code points, never inside a UTF-8 sequence.
    std::vector<std::size_t> ends;
    for (std::size_t pos = 0; pos < text.size();) {
        nextCodepoint(text, pos);
        ends.push_back(pos);
    }
    for (std::size_t n = ends.size(); n-- > 0;) {
        std::string candidate = text.substr(0, ends[n]) + "…";
        if (m_out.measure(candidate, st).width <= maxWidth) return candidate;
    }
    return "…";
}

void PagePainter::drawHeader(const scene::RenderScene& scene, const scene::PageDecor& page) {
    const float p = page.pointPx;
    const TextStyle titleStyle = style(kTitlePt, p, FontWeight::Bold, kInk);
    const TextStyle subStyle = style(kSubtitlePt, p, FontWeight::Regular, kGreyInk);
    const TextStyle markStyle = style(kHeadingPt, p, FontWeight::Bold, kWatermark);
    float markWidth = 0;
    if (!scene.watermark.empty()) markWidth = m_out.measure(scene.watermark, markStyle).width + 12 * p;
    const float width = page.header.width() - markWidth;
    const TextExtent t = m_out.measure("Ag", titleStyle);
    const float titleBaseline = page.header.y0 + t.ascent;
    m_out.put(fitted(page.title, titleStyle, width), page.header.x0, titleBaseline, titleStyle);
    if (!scene.watermark.empty())
        m_out.put(scene.watermark, page.header.x1 - markWidth + 12 * p, titleBaseline, markStyle);
    const TextExtent sub = m_out.measure("Ag", subStyle);
    const float subBaseline = titleBaseline + t.descent + 3 * p + sub.ascent;
    m_out.put(fitted(page.subtitle, subStyle, page.header.width()), page.header.x0, subBaseline, subStyle);
    const float rule = std::max(1.0f, std::round(0.6f * p));
    m_out.batch().rect(page.header.x0, page.header.y1 - rule, page.header.x1, page.header.y1, kRule);
}

// Returns the height used.
float PagePainter::drawLegend(const scene::RenderScene& scene, const scene::PageDecor& page, float maxHeight) {
    const scene::Legend& legend = scene.legend;
    if (legend.entries.empty()) return 0.0f;
    const float p = page.pointPx;
    const TextStyle headingStyle = style(kHeadingPt, p, FontWeight::Bold, kInk);
    const TextStyle titleStyle = style(kBodyPt, p, FontWeight::Bold, kInk);
    const TextStyle textStyle = style(kBodyPt, p, FontWeight::Regular, kInk);
    const float row = 13.0f * p;
    const float swatch = 10.0f * p;
    const float gap = 5.0f * p;
    float y = page.side.y0;
    const auto line = [&](const std::string& text, const TextStyle& st) {
        const TextExtent e = m_out.measure(text, st);
        m_out.put(fitted(text, st, page.side.width()), page.side.x0, y + e.ascent, st);
        y += e.ascent + e.descent + 3 * p;
    };
    if (!page.legendHeading.empty()) line(page.legendHeading, headingStyle);
    if (!legend.title.empty()) line(legend.title, titleStyle);

    float widest = 0;
    for (const scene::LegendEntry& entry : legend.entries) widest = std::max(widest, m_out.measure(entry.text, textStyle).width);
    const float columnWidth = swatch + gap + widest + 10 * p;
    const int maxColumns = std::clamp(static_cast<int>(page.side.width() / std::max(1.0f, columnWidth)), 1, 4);
    const LegendColumns layout =
        balanceLegend(static_cast<int>(legend.entries.size()), row, maxHeight - (y - page.side.y0), maxColumns);
    const float colW = page.side.width() / static_cast<float>(layout.columns);
    // The symbols follow the map's line widths, which scale with the map's text.
    const float s = scene.textScale > 0 ? scene.textScale : 1.0f;
    for (std::size_t i = 0; i < legend.entries.size(); ++i) {
        const scene::LegendEntry& entry = legend.entries[i];
        const int col = static_cast<int>(i) / layout.rows;
        const int r = static_cast<int>(i) % layout.rows;
        const float x = page.side.x0 + colW * static_cast<float>(col);
        const float cy = y + row * (static_cast<float>(r) + 0.5f);
        drawLegendSwatch(m_out.batch(), entry, x, cy, swatch, std::min(s, swatch / 14.0f));
        const TextExtent e = m_out.measure(entry.text, textStyle);
        m_out.put(fitted(entry.text, textStyle, colW - swatch - gap - 4 * p), x + swatch + gap, cy + (e.ascent - e.descent) * 0.5f,
                  textStyle);
    }
    y += row * static_cast<float>(layout.rows);
    return y - page.side.y0;
}

std::vector<std::string> PagePainter::wrapped(const std::string& text, const TextStyle& st, float maxWidth, int maxLines) {
    std::vector<std::string> lines;
    std::string current;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t space = text.find(' ', pos + 1);
        const std::string word = text.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
        const std::string candidate = current + word;
        if (!current.empty() && m_out.measure(candidate, st).width > maxWidth) {
            lines.push_back(current);
            current = word.substr(word.find_first_not_of(' ') == std::string::npos ? 0 : word.find_first_not_of(' '));
            current = "   " + current;  // continuation lines are indented
        } else {
            current = candidate;
        }
        pos = space == std::string::npos ? text.size() : space;
    }
    if (!current.empty()) lines.push_back(current);
    if (static_cast<int>(lines.size()) > maxLines) {
        std::string rest;
        for (std::size_t i = static_cast<std::size_t>(maxLines) - 1; i < lines.size(); ++i) rest += (rest.empty() ? "" : " ") + lines[i];
        lines.resize(static_cast<std::size_t>(maxLines) - 1);
        lines.push_back(rest);
    }
    for (std::string& line : lines) line = fitted(line, st, maxWidth);
    return lines;
}

void PagePainter::drawSideLines(const scene::PageDecor& page, float top) {
    if (page.sideLines.empty()) return;
    const float p = page.pointPx;
    const TextStyle heading = style(kHeadingPt, p, FontWeight::Bold, kInk);
    const auto styleOf = [&](const scene::PageLine& l) {
        return l.role == scene::PageLineRole::Heading ? heading : style(kBodyPt, p, FontWeight::Regular, roleColor(l.role));
    };
    const auto lineHeight = [&](const scene::PageLine& l) { return l.role == scene::PageLineRole::Heading ? 16.0f * p : 10.5f * p; };
    const float available = std::max(1.0f, page.side.y1 - top);
    const float colGap = 10.0f * p;
    const float marker = 10.0f * p;
    // Long lines wrap; too many lines flow into a second or third column rather than off the page.
    int columns = 1;
    float colW = page.side.width();
    std::vector<std::vector<std::string>> pieces;
    for (; columns <= 3; ++columns) {
        colW = (page.side.width() - colGap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        pieces.clear();
        float needed = 0;
        for (const scene::PageLine& l : page.sideLines) {
            pieces.push_back(wrapped(l.text, styleOf(l), colW - (l.marker ? marker : 0.0f), 3));
            needed += lineHeight(l) * static_cast<float>(pieces.back().size());
        }
        if (needed <= available * static_cast<float>(columns) * 0.92f || columns == 3) break;
    }
    int col = 0;
    float y = top;
    for (std::size_t i = 0; i < page.sideLines.size(); ++i) {
        const scene::PageLine& l = page.sideLines[i];
        const float h = lineHeight(l) * static_cast<float>(pieces[i].size());
        // A heading never ends a column alone: it moves with the line after it.
        const float keep = l.role == scene::PageLineRole::Heading && i + 1 < page.sideLines.size() ? lineHeight(page.sideLines[i + 1]) : 0.0f;
        if (y + h + keep > page.side.y1 + 0.5f && col + 1 < columns && y > top) {
            ++col;
            y = top;
        }
        if (y + h > page.side.y1 + 0.5f) break;  // still too much: cut, never draw outside the page
        const float x = page.side.x0 + static_cast<float>(col) * (colW + colGap);
        const TextStyle st = styleOf(l);
        const TextExtent e = m_out.measure("Ag", st);
        for (std::size_t k = 0; k < pieces[i].size(); ++k) {
            const float rowTop = y + lineHeight(l) * static_cast<float>(k);
            const float baseline = rowTop + lineHeight(l) - e.descent - (l.role == scene::PageLineRole::Heading ? 2.0f * p : 1.5f * p);
            float textX = x;
            if (l.marker) {
                const float box = 6.0f * p;
                if (k == 0) {
                    const float by = baseline - e.ascent * 0.5f - box * 0.6f;
                    m_out.batch().rect(x, by, x + box, by + box, *l.marker);
                }
                textX += marker;
            }
            m_out.put(pieces[i][k], textX, baseline, st);
        }
        y += h;
    }
}

scene::PixelRect PagePainter::drawScaleBar(const scene::PageDecor& page) {
    const scene::ScaleBarSpec& bar = page.scaleBar;
    if (!(bar.lengthPx > 0)) return {};
    const float p = page.pointPx;
    const TextStyle st = style(kScalePt, p, FontWeight::Regular, kInk);
    const TextExtent e = m_out.measure("0", st);
    const float pad = 5.0f * p;
    const float barH = 4.0f * p;
    const float lastLabel = bar.tickLabels.empty() ? 0.0f : m_out.measure(bar.tickLabels.back(), st).width;
    const float x0 = std::round(page.map.x0 + 8.0f * p);
    const float y1 = std::round(page.map.y1 - 8.0f * p);
    const scene::PixelRect panel{x0, y1 - (pad * 2 + e.ascent + e.descent + 2 * p + barH), x0 + pad * 2 + bar.lengthPx + lastLabel * 0.5f + 4 * p, y1};
    OverlayBatch& b = m_out.batch();
    b.rect(panel.x0, panel.y0, panel.x1, panel.y1, kPanel);
    // The bar starts on a whole pixel and is exactly lengthPx long: tests measure it.
    const float bx = std::round(panel.x0 + pad);
    const float by = std::round(panel.y1 - pad - barH);
    const float line = std::max(1.0f, std::round(0.5f * p));
    const float seg = bar.lengthPx / static_cast<float>(std::max(1, bar.segments));
    b.rect(bx, by, bx + bar.lengthPx, by + barH, kInk);
    for (int i = 1; i < bar.segments; i += 2)
        b.rect(bx + seg * static_cast<float>(i), by + line, std::min(bx + seg * static_cast<float>(i + 1), bx + bar.lengthPx) - (i + 1 == bar.segments ? line : 0.0f),
               by + barH - line, kPaper);
    if (bar.tickLabels.size() == 3) {
        const float positions[3] = {bx, bx + bar.lengthPx * 0.5f, bx + bar.lengthPx};
        for (int i = 0; i < 3; ++i) {
            // Numbers centre on their tick ("2" of "2 km" on the end): the unit hangs to the right.
            const std::string& label = bar.tickLabels[i];
            const std::string number = label.substr(0, label.find(' '));
            const float x = i == 0 ? positions[0] : positions[i] - m_out.measure(number, st).width * 0.5f;
            m_out.put(label, x, by - 2 * p - e.descent, st);
        }
    }
    return panel;
}

scene::PixelRect PagePainter::drawNorthArrow(const scene::PageDecor& page) {
    if (!page.northArrow) return {};
    const float p = page.pointPx;
    const TextStyle st = style(kHeadingPt, p, FontWeight::Bold, kInk);
    const TextExtent e = m_out.measure(page.northLabel, st);
    const float w = 24.0f * p;
    const float h = 34.0f * p;
    const float x1 = std::round(page.map.x1 - 8.0f * p);
    const float y0 = std::round(page.map.y0 + 8.0f * p);
    const scene::PixelRect panel{x1 - w, y0, x1, y0 + h};
    OverlayBatch& b = m_out.batch();
    b.rect(panel.x0, panel.y0, panel.x1, panel.y1, kPanel);
    const float cx = (panel.x0 + panel.x1) * 0.5f;
    // The map is north-up (Web Mercator): the arrow points to the top of the page.
    b.symbol(cx, panel.y0 + 11.0f * p, 8.0f * p, scene::PointSymbol::Triangle, scene::WorkStatus::Completed, false, kInk, kPaper);
    m_out.put(page.northLabel, cx - e.width * 0.5f, panel.y1 - 4.0f * p - e.descent, st);
    return panel;
}

void PagePainter::drawFooter(const scene::PageDecor& page) {
    const float p = page.pointPx;
    const TextStyle st = style(kFooterPt, p, FontWeight::Regular, kGreyInk);
    const TextExtent e = m_out.measure("Ag", st);
    const float baseline = page.footer.y1 - e.descent;
    const float rightW = m_out.measure(page.footerRight, st).width;
    m_out.put(fitted(page.footerLeft, st, page.footer.width() - rightW - 16 * p), page.footer.x0, baseline, st);
    m_out.put(page.footerRight, page.footer.x1 - rightW, baseline, st);
}

std::vector<scene::PixelRect> PagePainter::draw(const scene::RenderScene& scene, const scene::PageDecor& page) {
    OverlayBatch& b = m_out.batch();
    const float W = static_cast<float>(scene.camera.frameWidthPx);
    const float H = static_cast<float>(scene.camera.frameHeightPx);
    const scene::PixelRect& m = page.map;
    // The paper: four strips around the map frame, drawn over whatever map lies outside it.
    const std::vector<scene::PixelRect> paper{{0, 0, W, m.y0}, {0, m.y1, W, H}, {0, m.y0, m.x0, m.y1}, {m.x1, m.y0, W, m.y1}};
    for (const scene::PixelRect& r : paper)
        if (!r.empty()) b.rect(r.x0, r.y0, r.x1, r.y1, kPaper);
    const float line = std::max(1.0f, std::round(0.75f * page.pointPx));
    b.frame(m.x0 - line, m.y0 - line, m.x1 + line, m.y1 + line, line, kFrame);

    drawHeader(scene, page);
    const float legendShare = page.sideLines.empty() ? 1.0f : 0.40f;
    const float legendH = drawLegend(scene, page, page.side.height() * legendShare);
    drawSideLines(page, page.side.y0 + legendH + (legendH > 0 ? 10.0f * page.pointPx : 0.0f));
    drawFooter(page);

    std::vector<scene::PixelRect> reserved = paper;
    reserved.push_back(drawScaleBar(page));
    reserved.push_back(drawNorthArrow(page));
    return reserved;
}

}  // namespace gis::render
