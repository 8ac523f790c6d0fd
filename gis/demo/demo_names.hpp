#pragma once
/// Names used by the demo district. Realistic Vietnamese place names (common across the
/// country, so none of them identifies a real commune); all text is UTF-8 NFC.
#include <string>
#include <vector>

namespace gis::demo {

/// The fictional district and province (the province code is a real GSO code, the names say
/// "mẫu" so nobody mistakes the demo for real data).
struct DemoAdminNames {
    std::string provinceCode = "38";
    std::string provinceName = "Tỉnh Thanh Hóa (mẫu)";
    std::string districtCode = "999";  ///< not a real GSO district code
    std::string districtName = "Huyện Thanh Lâm (mẫu)";
    std::string townshipName = "Thị trấn Thanh Lâm";
};

/// Commune names without prefix, in the order they are handed out (west → east); at least 30.
const std::vector<std::string>& communeBaseNames();
/// The name of the commune on the river bank.
const std::string& riverCommuneBaseName();
/// Village (thôn) names for a commune with `count` villages: numbered ("Thôn 1") in some
/// communes, named ("Thôn Đông", "Thôn Trung") in others, chosen by `style`.
std::vector<std::string> villageNames(int count, int style);

}  // namespace gis::demo
