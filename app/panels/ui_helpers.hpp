#pragma once
/// Small drawing helpers every panel shares (no state, ImGui only).
#include <imgui.h>

#include "gis/core/translation.hpp"

namespace panels {

/// A button drawn pressed when `active` (indicator, date, language choices).
bool toggleButton(const char* label, bool active, ImVec2 size = ImVec2(0, 0));

/// A section heading in the bold font, with a separator above it.
void sectionHeading(const char* text, ImFont* strong);

/// The translation of `key` in the controller's language.
inline const char* T(gis::Text key, gis::Language language) { return gis::tr(key, language); }

/// Colours of the dashboard: warnings (behind a milestone, overdue) and good news.
inline const ImVec4 kWarningColor{0.78f, 0.16f, 0.12f, 1.0f};
inline const ImVec4 kGoodColor{0.10f, 0.50f, 0.22f, 1.0f};
inline const ImVec4 kMutedColor{0.38f, 0.38f, 0.40f, 1.0f};

}  // namespace panels
