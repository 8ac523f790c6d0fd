#pragma once
/// A vector layer read into memory: plain structs, no GDAL handles. Geometry is in the
/// display CRS (EPSG:3857 metres) once read by readVectorLayer(); text is UTF-8 NFC.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::data {

enum class FieldKind : std::uint8_t { Integer, Real, Text, Date, Other };

struct Field {
    std::string name;
    FieldKind kind = FieldKind::Text;
};

/// NULL, integer, real or text (dates are ISO text "YYYY-MM-DD").
using AttributeValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Feature {
    std::int64_t fid = 0;                    ///< the source's feature id, used in messages
    Geometry geometry;
    std::vector<AttributeValue> attributes;  ///< one per VectorLayer::fields entry
    /// geometry.bounds(), kept by the readers (readVectorLayer, appendFeature), which have every
    /// vertex at hand: the map, its spatial order and the layer's extent each walked the 10,000
    /// communes' 2 million vertices again for it, one thread each time. Empty when not known:
    /// read it through boundsOf().
    Bounds bounds;
};

/// The feature's bounds: as kept, else computed from its geometry.
inline Bounds boundsOf(const Feature& feature) { return feature.bounds.valid() ? feature.bounds : feature.geometry.bounds(); }

struct VectorLayer {
    std::string name;        ///< layer name in the source
    std::string sourcePath;  ///< file it came from (for messages)
    std::string sourceCrs;   ///< the source CRS as the user would recognise it (e.g. "EPSG:9209")
    std::vector<Field> fields;
    std::vector<Feature> features;
    Bounds bounds;                      ///< of all features, display CRS
    std::vector<std::string> warnings;  ///< repaired / skipped features, each naming file and feature

    /// Index into fields, or -1.
    int fieldIndex(const std::string& fieldName) const {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == fieldName) return static_cast<int>(i);
        return -1;
    }
};

/// Numeric view of an attribute: integers and reals as double, numeric text parsed, else NaN.
double attributeAsNumber(const AttributeValue& value);
/// attributeAsNumber of field `fieldIndex` for every feature of `layer` (NaN where a feature has
/// fewer attributes).
std::vector<double> numericColumn(const VectorLayer& layer, std::size_t fieldIndex);
/// Text view of an attribute ("" for NULL; numbers printed without trailing zeros).
std::string attributeAsText(const AttributeValue& value);

}  // namespace gis::data
