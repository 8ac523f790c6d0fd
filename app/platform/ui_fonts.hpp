#pragma once
#include "app/platform/glfw_window.hpp"

namespace platform {

/// Loads Noto Sans with the Vietnamese and General Punctuation ranges (so "—", "·" and "₫"
/// render) at normal and briefing sizes. Falls back to ImGui's font when Noto is missing.
UiFonts loadUiFonts();

}  // namespace platform
