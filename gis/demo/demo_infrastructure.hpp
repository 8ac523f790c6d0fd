#pragma once
/// Roads and infrastructure points of the demo, and the conclusion-notice tasks about them.
/// Geometry is produced in the local metric frame.
#include <vector>

#include "gis/demo/demo_context.hpp"
#include "gis/demo/demo_district.hpp"
#include "gis/demo/prng.hpp"

namespace gis::demo {

/// Department names as written in district notices (conventions.json lists the formal ones).
namespace dept {
inline constexpr const char* kAgriculture = "Phòng Nông nghiệp và PTNT";
inline constexpr const char* kEnvironment = "Phòng Tài nguyên và Môi trường";
inline constexpr const char* kInfrastructure = "Phòng Kinh tế và Hạ tầng";
inline constexpr const char* kCulture = "Phòng Văn hóa và Thông tin";
inline constexpr const char* kEducation = "Phòng Giáo dục và Đào tạo";
inline constexpr const char* kHealth = "Phòng Y tế";
inline constexpr const char* kFinance = "Phòng Tài chính - Kế hoạch";
inline constexpr const char* kNtmOffice = "Văn phòng Điều phối NTM huyện";
inline constexpr const char* kProvinceTransport = "Sở Giao thông vận tải";
}  // namespace dept

/// Roads (a provincial road across the district through the township, district roads
/// ĐH 131… from the township to outlying communes, access roads to new waste sites) and
/// points (waste sites, cultural houses, schools, health stations, clean-water works).
/// Statuses follow the communes' criteria (e.g. a commune short of criterion 17 still has
/// its waste site planned or under construction).
std::vector<DemoInfrastructure> generateInfrastructure(const std::vector<CommuneWork>& communes,
                                                       const Polygon& district,
                                                       const std::vector<DemoAssessment>& assessments, Prng& rng);

/// Tasks of the (fictional) conclusion notice 45/TB-UBND about the infrastructure and the
/// laggard communes; some are done, some open, some overdue at the demo reference date.
std::vector<DemoTask> generateTasks(const std::vector<CommuneWork>& communes,
                                    const std::vector<DemoInfrastructure>& infrastructure,
                                    const std::vector<DemoAssessment>& assessments,
                                    const std::vector<DemoMoney>& money, Prng& rng);

}  // namespace gis::demo
