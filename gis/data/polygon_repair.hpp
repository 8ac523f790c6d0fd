#pragma once
/// Polygon validity check and repair with GEOS (IsValid, MakeValid keeping polygonal parts).
#include <string>
#include <vector>

#include "gis/core/geometry.hpp"

namespace gis::data {

enum class RepairOutcome { Valid, Repaired, Failed };

struct RepairResult {
    RepairOutcome outcome = RepairOutcome::Valid;
    std::string reason;  ///< GEOS's reason for invalidity, or why the repair failed
};

/// Checks one feature's polygons as a whole (overlapping parts of a multipolygon are invalid
/// too). When invalid, replaces them with the polygonal parts of GEOS MakeValid. Failed when the
/// geometry cannot be built or the repair leaves no area; `polygons` is then unspecified.
RepairResult validateAndRepair(std::vector<Polygon>& polygons);

}  // namespace gis::data
