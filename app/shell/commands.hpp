#pragma once
/// Everything the user can do to the map, as values. Panels push them; the Controller applies
/// them between frames, so no panel mutates the document mid-frame.
#include <string>
#include <variant>

namespace shell {

struct ColorByField { std::string field; };                 ///< "" = plain fill
struct SetLayerVisible { std::size_t layerIndex; bool visible; };
struct FitToData {};
struct PanByPixels { double dxPx; double dyPx; };
struct ZoomAroundPixel { double xPx; double yPx; double factor; };  ///< factor > 1 zooms in
struct SetBriefingMode { bool enabled; };                   ///< large type for projectors
struct ExportView { std::string path; int scale; };         ///< the current view, `scale` × window size

using Command = std::variant<ColorByField, SetLayerVisible, FitToData, PanByPixels, ZoomAroundPixel, SetBriefingMode, ExportView>;

}  // namespace shell
