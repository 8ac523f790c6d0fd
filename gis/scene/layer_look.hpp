#pragma once
/// How each kind of layer looks by default, which field labels it, and the texts of the map
/// (legend, short labels, tooltips). Pure functions of the data.
#include <string>
#include <vector>

#include "gis/core/color.hpp"
#include "gis/core/translation.hpp"
#include "gis/data/vector_layer.hpp"
#include "gis/scene/map_document.hpp"

namespace gis::scene {

/// Fill of polygons when no indicator colours them.
inline constexpr Rgba8 kPlainFillColor{222, 214, 190, 255};

/// District and province borders drawn over the communes for context: outline only, never
/// picked by a click, never the thematic layer.
bool isBoundaryLayer(const std::string& layerName);

/// Outline width, symbol size and shape for a layer from its name and geometry kind
/// (roads, villages, infrastructure and commune boundaries each get their own look).
LayerStyle defaultLayerStyle(const std::string& layerName, GeometryKind kind);

/// Styles a secondary layer (not the thematic one): infrastructure by type and status, roads
/// by status, villages in one colour; fills MapLayer::colors, ::symbols and ::legend (the caller
/// bumps colorVersion and symbolVersion).
void applyDefaultLook(MapLayer& layer);

/// The layer's name for people: "communes" → "Ranh giới xã", "roads" → "Đường giao thông" …;
/// other layers keep their own name.
std::string layerDisplayName(const std::string& layerName);

/// The field that names features (name, commune_vn, ten_xa …), or -1.
int pickLabelField(const data::VectorLayer& layer);

/// The indicator a briefing map shows first: criteria_met when present, else none ("").
std::string naturalIndicator(const data::VectorLayer& layer);

/// The thematic layer's legend followed by the symbols of the other visible layers.
Legend combinedLegend(const std::vector<MapLayer>& layers, std::size_t mainLayer, const std::vector<bool>& leftOut = {});

/// Map label of an administrative name: "Xã Thành Sơn" → "Thành Sơn", "Thị trấn X" → "TT. X",
/// "Phường X" → "P. X".
std::string shortLabel(const std::string& name);

/// One tooltip line, e.g. "Xã Thành Sơn — 14/19 tiêu chí (73,7 %)" ("… 14/19 criteria (73.7 %)" in English).
std::string describeFeature(const data::VectorLayer& layer, std::size_t featureIndex, const std::string& colorField,
                            Language language = Language::Vi);

/// The legend with its title and entries in `language` (the table's map texts).
Legend localizeLegend(Legend legend, Language language);

}  // namespace gis::scene
