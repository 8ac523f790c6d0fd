#pragma once
/// Where the overlay's text goes: drawn as SDF glyphs into the batch (screen, PNG, tests), or
/// handed back as runs for a PDF to set as real text at the very same positions.
#include <string>
#include <string_view>
#include <vector>

#include "gis/render/overlay_batch.hpp"
#include "gis/render/text_atlas.hpp"
#include "gis/render/text_run.hpp"

namespace gis::render {

class TextOut {
public:
    /// `runs` null: text is drawn into `batch`; otherwise it is only recorded there.
    TextOut(TextAtlas& atlas, OverlayBatch& batch, std::vector<TextRun>* runs) : m_atlas(atlas), m_batch(batch), m_runs(runs) {}

    TextExtent measure(std::string_view utf8, const TextStyle& style) { return m_atlas.measure(utf8, style); }
    void put(std::string_view utf8, float x, float baselineY, const TextStyle& style) {
        if (m_runs != nullptr)
            m_runs->push_back({std::string(utf8), x, baselineY, style});
        else
            m_atlas.append(m_batch, utf8, x, baselineY, style);
    }
    OverlayBatch& batch() { return m_batch; }

private:
    TextAtlas& m_atlas;
    OverlayBatch& m_batch;
    std::vector<TextRun>* m_runs;
};

}  // namespace gis::render
