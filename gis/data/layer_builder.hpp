#pragma once
/// Building in-memory layers feature by feature (the demo's and a project's map layers).
#include <string>
#include <vector>

#include "gis/data/vector_layer.hpp"

namespace gis::data {

/// An empty layer with its fields; `sourcePath` and `sourceCrs` are for messages.
VectorLayer makeLayer(std::string name, std::string sourcePath, std::string sourceCrs, std::vector<Field> fields);

/// Appends a feature (fid = its 1-based position) and grows the layer's bounds.
void appendFeature(VectorLayer& layer, Geometry geometry, std::vector<AttributeValue> attributes);

/// NULL for empty text, the text otherwise.
inline AttributeValue textOrNull(const std::string& text) { return text.empty() ? AttributeValue{} : AttributeValue{text}; }

}  // namespace gis::data
