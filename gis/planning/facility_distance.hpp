#pragma once
/// Distance to facilities: for each village (point units) the distance on the ground to the
/// nearest work of a type — completed ones, or any status with `anyStatus` — and whether it is
/// beyond a threshold (e.g. 2 km). Roads and other line works count by their nearest point
/// (sampled every 25 m along the line, so the distance is at most 12.5 m long).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gis/core/result.hpp"
#include "gis/store/project_reader.hpp"

namespace gis::planning {

struct FacilityOptions {
    std::string workType;          ///< required: school, health_station, market …
    bool anyStatus = false;        ///< count planned and under-construction works too
    std::optional<double> maxKm;   ///< flag villages farther than this
    std::string unitCode;          ///< empty = every village; else the villages under this unit
};

struct VillageDistance {
    std::string unitCode, unitName;
    std::string communeCode, communeName;
    bool positioned = false;             ///< false: the village has no geometry, nothing measured
    double lon = 0, lat = 0;             ///< where it was measured from (the point; a polygon's point on surface)
    std::optional<double> distanceM;     ///< none: no position, or no work of the type in the project
    std::int64_t workId = 0;             ///< nearest work's fid (0 when none)
    std::string workName, workStatus, workUnitCode;
    bool beyond = false;                 ///< farther than maxKm, or nothing found (with maxKm given)
};

struct DistanceReport {
    FacilityOptions options;
    int worksConsidered = 0;
    int beyondCount = 0;
    /// Farthest first: villages with no work in reach at all, then by distance descending, then
    /// villages without a position.
    std::vector<VillageDistance> villages;
    std::map<std::string, std::size_t> byUnit;  ///< village code → index into `villages` (map marking)
};

/// Needs `project` loaded with geometry. Fails on an empty type, a negative threshold or an
/// unknown unit code.
Result<DistanceReport> computeFacilityDistances(const store::ProjectData& project, const FacilityOptions& options);
/// Opens the project read-only and computes.
Result<DistanceReport> computeFacilityDistances(const std::string& projectPath, const FacilityOptions& options);

/// JSON array, one object per village: unit_code, unit_name, commune_code, commune_name, lon, lat,
/// distance_m (null when none), nearest {id, name, status, unit_code} or null, beyond (bool), and
/// work_type, any_status, max_km.
std::string distancesToJson(const DistanceReport& report);

}  // namespace gis::planning
