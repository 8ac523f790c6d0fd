#pragma once
/// The communes ranked by the indicator on the map ("xếp thứ 8/20"); a click selects the
/// commune and brings it into view.
#include <cstdint>
#include <vector>

#include "app/shell/controller.hpp"
#include "gis/scene/ranking.hpp"

namespace panels {

class RankingPanel {
public:
    /// Draws in the remaining height of the current window. False when there is nothing to
    /// rank (the map is not coloured by a field, or no feature has a value): nothing was drawn.
    bool draw(shell::Controller& controller);

private:
    /// The ranking is recomputed only when the indicator or the document changes.
    std::vector<gis::scene::RankedFeature> m_rows;
    std::uint64_t m_layerId = 0;
    std::uint64_t m_colorVersion = 0;
};

}  // namespace panels
