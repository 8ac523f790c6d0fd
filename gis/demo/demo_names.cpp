#include "gis/demo/demo_names.hpp"

namespace gis::demo {

const std::vector<std::string>& communeBaseNames() {
    static const std::vector<std::string> names = {
        "Thành Sơn", "Hòa Bình", "Yên Lạc",  "Quảng Phú", "Đông Tiến", "Minh Châu", "Tân Phúc",
        "Xuân Lập",  "Cẩm Tâm",  "Vĩnh Hùng", "Định Tân", "Thiệu Nguyên", "Phú Lâm", "Hợp Lý",
        "Quý Lộc",   "Kiên Thọ", "Ngọc Liên", "Trung Thành", "Hải Nhân", "Nga Thạch", "Thọ Diên",
        "Cao Ngọc",  "Lương Sơn", "Đồng Tâm", "Tế Lợi", "Văn Phú", "An Nông", "Hà Lĩnh",
        "Phúc Thịnh", "Tiến Nông", "Cát Vân", "Xuân Du"};
    return names;
}

const std::string& riverCommuneBaseName() {
    static const std::string name = "Tân Giang";
    return name;
}

std::vector<std::string> villageNames(int count, int style) {
    static const std::vector<std::string> named = {
        "Đông", "Trung", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Tân Lập", "Đồng Tâm", "Quyết Thắng",
        "Liên Sơn", "Hòa Lạc", "Phú Thọ", "Cây Đa", "Bãi Sậy", "Mới"};
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        if (style % 2 == 0)
            out.push_back("Thôn " + std::to_string(i + 1));
        else
            out.push_back("Thôn " + named[static_cast<std::size_t>((i + style) % static_cast<int>(named.size()))]);
    }
    return out;
}

}  // namespace gis::demo
