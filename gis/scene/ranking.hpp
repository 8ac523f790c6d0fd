#pragma once
/// Features ranked by an indicator, as a steering committee ranks communes ("xếp thứ 8/11").
#include <cstddef>
#include <string>
#include <vector>

#include "gis/data/vector_layer.hpp"

namespace gis::scene {

struct RankedFeature {
    std::size_t featureIndex = 0;
    double value = 0.0;   ///< NaN when the feature has no figure (listed last, unranked)
    int rank = 0;         ///< 1 = highest value; equal values share a rank (1, 2, 2, 4); 0 = unranked
};

/// Every feature of the layer, highest value of `field` first, then those without a figure.
/// Empty when the field does not exist or is not numeric.
std::vector<RankedFeature> rankByField(const data::VectorLayer& layer, const std::string& field);

}  // namespace gis::scene
