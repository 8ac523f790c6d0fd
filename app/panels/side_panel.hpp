#pragma once
/// The left column: which indicator colours the communes (big buttons for briefings), which
/// layers show, briefing mode, fit and export.
#include <array>
#include <string>

#include "app/panels/ranking_panel.hpp"
#include "app/shell/controller.hpp"

namespace panels {

class SidePanel {
public:
    void draw(shell::Controller& controller);

private:
    std::array<char, 256> m_exportPath{"ban-do-ntm.png"};
    int m_exportScale = 2;  ///< the export is this many times the map view's pixels (same frame)
    RankingPanel m_ranking;
};

}  // namespace panels
