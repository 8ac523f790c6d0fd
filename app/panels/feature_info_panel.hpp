#pragma once
/// For a plain vector file (no project, so no commune card): the clicked feature's attributes,
/// and hints where a project's ranking would be.
#include "app/shell/controller.hpp"

namespace panels {

void drawFeatureInfo(const shell::Controller& controller);

/// What the right column can show for a plain file, in place of a ranking it does not have yet:
/// how to see an area's attributes, how to rank, and what an NTM project would add.
void drawPlainFileHints(const shell::Controller& controller);

}  // namespace panels
