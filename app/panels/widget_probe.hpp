#pragma once
/// Where the last frame drew a few named widgets (ranking rows, breadcrumb steps, slide rows,
/// filter switches), so a UI test can click them with the mouse as a user would instead of
/// pushing commands behind the panels' back. Costs one map insert per named widget per frame.
#include <imgui.h>

#include <optional>
#include <string>

namespace panels {

/// Records the rectangle of the item just drawn under `id`.
void recordWidget(const std::string& id);
/// The same, with the text the item shows (a banner, a message), for widgetText.
void recordWidget(const std::string& id, const std::string& text);
/// The centre of the widget recorded under `id` in the last frame that drew it.
std::optional<ImVec2> widgetCenter(const std::string& id);
/// The text recorded with `id` in the last frame that drew it.
std::optional<std::string> widgetText(const std::string& id);
/// Forgets every rectangle (call at the start of a frame).
void clearWidgets();

}  // namespace panels
