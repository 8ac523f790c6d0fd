#pragma once
/// Everything the user can do to the map, as values. Panels push them; the Controller applies
/// them between frames, so no panel mutates the document mid-frame.
#include <optional>
#include <string>
#include <variant>

#include "gis/scene/map_document.hpp"

namespace shell {

struct ColorByField { std::string field; };                 ///< "" = plain fill
struct SetLayerVisible { std::size_t layerIndex; bool visible; };
struct FitToData {};
struct PanByPixels { double dxPx; double dyPx; };
struct ZoomAroundPixel { double xPx; double yPx; double factor; };  ///< factor > 1 zooms in
struct SetBriefingMode { bool enabled; };                   ///< large type for projectors
struct ExportView { std::string path; int scale; };         ///< the current view, `scale` × window size
struct SelectFeature { std::optional<gis::scene::FeatureHit> hit; };  ///< click on the map; nullopt clears
struct ShowFiguresAsOf { std::string date; };               ///< projects: reopen at YYYY-MM-DD ("" = latest)
struct FocusFeature { gis::scene::FeatureHit hit; };        ///< bring a feature into view (centre, zoom in if small)

using Command = std::variant<ColorByField, SetLayerVisible, FitToData, PanByPixels, ZoomAroundPixel, SetBriefingMode, ExportView,
                             SelectFeature, ShowFiguresAsOf, FocusFeature>;

}  // namespace shell
