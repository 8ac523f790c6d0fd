#pragma once
/// For a plain vector file (no project, so no commune card): the clicked feature's attributes.
#include "app/shell/controller.hpp"

namespace panels {

void drawFeatureInfo(const shell::Controller& controller);

}  // namespace panels
