#include "gis/data/layer_builder.hpp"

#include <utility>

namespace gis::data {

VectorLayer makeLayer(std::string name, std::string sourcePath, std::string sourceCrs, std::vector<Field> fields) {
    VectorLayer layer;
    layer.name = std::move(name);
    layer.sourcePath = std::move(sourcePath);
    layer.sourceCrs = std::move(sourceCrs);
    layer.fields = std::move(fields);
    return layer;
}

void appendFeature(VectorLayer& layer, Geometry geometry, std::vector<AttributeValue> attributes) {
    Feature feature;
    feature.fid = static_cast<std::int64_t>(layer.features.size()) + 1;
    feature.bounds = geometry.bounds();
    layer.bounds.expand(feature.bounds);
    feature.geometry = std::move(geometry);
    feature.attributes = std::move(attributes);
    layer.features.push_back(std::move(feature));
}

}  // namespace gis::data
