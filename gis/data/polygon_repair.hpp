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

/// True only when the ring (open, as in gis::Geometry) is certainly simple: at least 3 distinct
/// vertices, no segment meeting a non-adjacent one, no fold-back at a vertex, every orientation
/// decided beyond double rounding. A ring it accepts is valid as a GEOS polygon shell; false
/// means "ask GEOS", not "invalid".
bool ringCertainlySimple(const Ring& ring);

/// Checks one feature's polygons as a whole (overlapping parts of a multipolygon are invalid
/// too). When invalid, replaces them with the polygonal parts of GEOS MakeValid. Failed when the
/// geometry cannot be built or the repair leaves no area; `polygons` is then unspecified.
RepairResult validateAndRepair(std::vector<Polygon>& polygons);

}  // namespace gis::data
