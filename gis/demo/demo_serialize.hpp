#pragma once
/// A canonical text dump of a DemoDistrict: every field, doubles printed shortest-exact.
/// Used to check determinism (same seed → identical text) and to diff two generator versions.
#include <string>

#include "gis/demo/demo_district.hpp"

namespace gis::demo {

std::string serializeDemoDistrict(const DemoDistrict& district);

}  // namespace gis::demo
