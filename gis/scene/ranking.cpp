#include "gis/scene/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace gis::scene {

std::vector<RankedFeature> rankByField(const data::VectorLayer& layer, const std::string& field) {
    std::vector<RankedFeature> ranked;
    const int index = layer.fieldIndex(field);
    if (index < 0) return ranked;
    const data::FieldKind kind = layer.fields[static_cast<std::size_t>(index)].kind;
    if (kind != data::FieldKind::Integer && kind != data::FieldKind::Real) return ranked;

    ranked.reserve(layer.features.size());
    for (std::size_t f = 0; f < layer.features.size(); ++f)
        ranked.push_back({f, data::attributeAsNumber(layer.features[f].attributes[static_cast<std::size_t>(index)]), 0});
    // Highest first, features without a figure last; stable so equal values keep layer order.
    std::stable_sort(ranked.begin(), ranked.end(), [](const RankedFeature& a, const RankedFeature& b) {
        const bool aMissing = std::isnan(a.value), bMissing = std::isnan(b.value);
        if (aMissing != bMissing) return bMissing;
        return !aMissing && a.value > b.value;
    });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (std::isnan(ranked[i].value)) break;
        ranked[i].rank = (i > 0 && ranked[i].value == ranked[i - 1].value) ? ranked[i - 1].rank : static_cast<int>(i) + 1;
    }
    return ranked;
}

}  // namespace gis::scene
