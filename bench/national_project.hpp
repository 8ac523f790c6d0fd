#pragma once
/// The national project the benchmarks share: every province, district and commune of the real
/// national layer (../shared/data/real/censusVN2009_communes_c2016, 11,161 named communes of its
/// 11,163 features, their 710 districts and 63 provinces) imported into a new GeoPackage project
/// by the real importer, with the layer's own ids as codes (its GSO codes have gaps and repeats,
/// see SOURCE.md there). What figures go on top is each benchmark's own choice.
#include <string>

#include "gis/core/result.hpp"

namespace bench {

/// Creates `project` (which must not exist) and imports the provinces, districts and communes of
/// `nationalGpkg` into it, in that order.
gis::Status buildNationalUnits(const std::string& project, const std::string& nationalGpkg);

}  // namespace bench
