#pragma once
/// The national project the benchmarks measure: the real 63 provinces, their districts and
/// 11,163 communes from the shared national layer, with synthetic but repeatable figures (each
/// value derived from the unit's code, so two runs build the same project).
#include <string>

namespace bench {

struct NationalScale {
    int assessmentYears = 1;      ///< one assessment per commune per year, ending 2024-12-31
    int works = 0;                ///< infrastructure points, spread over the communes
    int villages = 0;             ///< village units (points), spread over the communes
};

/// Builds `project` (a new .gpkg) from NATIONAL.gpkg; false (with a message on stderr) on failure.
bool buildNationalProject(const std::string& project, const std::string& national, const NationalScale& scale);

}  // namespace bench
