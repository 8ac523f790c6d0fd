#pragma once
/// Internal working state shared by the demo generator's steps (not part of the public API).
/// Geometry here is in the local metric frame (metres from the district centre); it is turned
/// into WGS84 only when the DemoDistrict is assembled.
#include <string>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/demo/demo_district.hpp"

namespace gis::demo {

/// The demo's "today": figures are as of the end of 2024; a task open after its deadline
/// at this date is overdue.
inline constexpr const char* kDemoReferenceDate = "2024-12-31";
/// The NTM programme id in programmes.json.
inline constexpr const char* kNtmProgrammeId = "ntp_ntm_2021_2025";
inline constexpr const char* kCommuneSetId = "ntm_xa_2021_2025";
inline constexpr const char* kAdvancedSetId = "ntm_nc_xa_2021_2025";
inline constexpr const char* kNoticeDocument = "Thông báo số 45/TB-UBND ngày 12/3/2024 (mẫu)";

struct CommuneWork {
    std::string code;
    std::string baseName;      ///< "Yên Lạc"
    std::string fullName;      ///< "Xã Yên Lạc" / "Thị trấn Thanh Lâm"
    bool township = false;
    Polygon shape;             ///< local metres
    Vec2 centre;               ///< the commune seat (UBND), well inside the shape
    double areaKm2 = 0;
    double population = 0;
    double development = 0;    ///< 0 = remote mountain commune … 1 = lowland, near the township
    std::vector<Vec2> villages;
    std::vector<std::string> villageNames;
};

}  // namespace gis::demo
