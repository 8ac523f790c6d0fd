#pragma once
#include "app/cli/commands.hpp"

/// `ntm-atlas [gui] [FILE] [--layer NAME] [--color-by FIELD] [--screenshot PNG --frames N]`:
/// opens the map window on FILE, or on the demo project when none is given.
int runGui(const cli::Args& args);
