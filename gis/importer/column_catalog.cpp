#include "gis/importer/column_catalog.hpp"

namespace gis::importer {
namespace {

/// Columns that say which unit a row is about. `bareName`: whether "Tên" alone means the unit
/// (not in infrastructure/tasks sheets, where "Tên" is the work's own name).
std::vector<CanonicalColumn> unitReference(bool bareName) {
    std::vector<std::string> names = {"ten xa", "xa", "ten don vi", "don vi", "ten dvhc", "unit name", "xa thi tran",
                                      "ten xa thi tran", "xa phuong thi tran", "xa phuong", "dia phuong", "ten dia phuong",
                                      "dia ban", "ten xa phuong", "commune"};
    if (bareName) {
        names.push_back("ten");
        names.push_back("name");
    }
    return {
        {"unit_code", {"ma xa", "ma don vi", "ma dvhc", "ma so", "unit code", "ma xa phuong", "ma xa thi tran", "ma dia phuong", "ma"},
         "GSO code of the commune (or district/province) the row is about; leading zeros restored"},
        {"unit_name", names, "name of the unit, with or without its prefix (Xã, Thị trấn, Phường…)"},
        {"district_code", {"ma huyen", "ma quan huyen", "district code"}, "GSO code of the unit's district, to match names within it"},
        {"district_name", {"ten huyen", "huyen", "quan huyen", "ten quan huyen", "district"}, "district name, to match names within it"},
        {"province_code", {"ma tinh", "province code"}, "GSO code of the province"},
        {"province_name", {"ten tinh", "tinh", "tinh thanh pho", "province"}, "province name"},
    };
}

void append(std::vector<CanonicalColumn>& to, std::vector<CanonicalColumn> more) {
    for (auto& c : more) to.push_back(std::move(c));
}

}  // namespace

std::vector<CanonicalColumn> unitColumns(const std::string& level) {
    std::vector<std::string> code = {"ma", "ma so", "code", "ma dvhc", "ma don vi"};
    std::vector<std::string> name = {"ten", "name", "ten dvhc", "ten don vi", "don vi"};
    std::vector<std::string> parentCode = {"ma cap tren", "parent code"};
    std::vector<std::string> parentName = {"cap tren", "parent name"};
    if (level == "commune") {
        code.insert(code.end(), {"ma xa", "ma xa phuong", "ma xa thi tran"});
        name.insert(name.end(), {"ten xa", "xa", "ten xa phuong", "xa phuong", "xa thi tran", "ten xa thi tran", "xa phuong thi tran"});
        parentCode.insert(parentCode.end(), {"ma huyen", "ma quan huyen"});
        parentName.insert(parentName.end(), {"ten huyen", "huyen", "quan huyen", "ten quan huyen"});
    } else if (level == "district") {
        code.insert(code.end(), {"ma huyen", "ma quan huyen"});
        name.insert(name.end(), {"ten huyen", "huyen", "quan huyen", "ten quan huyen"});
        parentCode.insert(parentCode.end(), {"ma tinh"});
        parentName.insert(parentName.end(), {"ten tinh", "tinh"});
    } else if (level == "province") {
        code.insert(code.end(), {"ma tinh"});
        name.insert(name.end(), {"ten tinh", "tinh", "tinh thanh pho"});
    } else if (level == "village") {
        code.insert(code.end(), {"ma thon", "ma thon xom"});
        name.insert(name.end(), {"ten thon", "thon", "thon xom", "thon ban", "khu dan cu"});
        parentCode.insert(parentCode.end(), {"ma xa"});
        parentName.insert(parentName.end(), {"ten xa", "xa"});
    }
    return {
        {"code", code, "official code (GSO: 2 digits province, 3 district, 5 commune); leading zeros restored"},
        {"name", name, "name with its type prefix (Xã Thành Sơn); the type is derived from the prefix"},
        {"parent_code", parentCode, "code of the unit one level up"},
        {"parent_name", parentName, "name of the unit one level up (creates it when missing and parent_code is given)"},
        {"type", {"loai", "loai don vi", "loai dvhc", "type"}, "xa | phuong | thi_tran | huyen | quan | thi_xa | thanh_pho | tinh | thon, or the Vietnamese word"},
        {"population", {"dan so", "so dan", "population"}, "population (persons)"},
        {"area_km2", {"dien tich", "dien tich km2", "area km2"}, "area in km²"},
    };
}

std::vector<CanonicalColumn> criteriaColumns() {
    auto columns = unitReference(true);
    append(columns, {
        {"set", {"bo tieu chi", "ma bo tieu chi", "set", "set id"}, "criteria set id (else --set)"},
        {"as_of", {"ngay", "ngay danh gia", "thoi diem", "thoi diem danh gia", "as of", "ngay cap nhat", "date"}, "assessment date (else --as-of)"},
        {"criteria_met", {"so tieu chi dat", "so tc dat", "tieu chi dat", "so tieu chi da dat", "tong so tieu chi dat", "criteria met", "dat", "ket qua"},
         "number of criteria met, or \"14/19\""},
        {"criteria_total", {"tong so tieu chi", "so tieu chi", "tong so tc", "criteria total"}, "size of the set as the sheet states it (checked)"},
        {"note", {"ghi chu", "note"}, "free text kept with the assessment"},
    });
    return columns;
}

std::vector<CanonicalColumn> moneyColumns() {
    auto columns = unitReference(true);
    append(columns, {
        {"programme", {"chuong trinh", "ctmtqg", "programme", "program", "ma chuong trinh"}, "programme id or short name (else --programme)"},
        {"year", {"nam", "nam ke hoach", "nam kh", "year"}, "plan year (else the year of the date)"},
        {"capital_type", {"loai von", "tinh chat von", "capital type"}, "dtpt (đầu tư phát triển) | su_nghiep (sự nghiệp) | empty"},
        {"plan", {"ke hoach von", "ke hoach", "khv", "von ke hoach", "ke hoach von giao", "tong ke hoach von", "von giao", "plan"},
         "capital plan (kế hoạch vốn)"},
        {"disbursed", {"giai ngan", "da giai ngan", "luy ke giai ngan", "gia tri giai ngan", "so von da giai ngan", "giai ngan luy ke",
                       "von da giai ngan", "disbursed"},
         "disbursement (giải ngân) at the date"},
        {"date", {"ngay", "ngay giai ngan", "ngay bao cao", "tinh den ngay", "thoi diem", "date"}, "date of the disbursement figure (else --as-of)"},
    });
    return columns;
}

std::vector<CanonicalColumn> infrastructureColumns() {
    auto columns = unitReference(false);
    append(columns, {
        {"type", {"loai cong trinh", "loai", "loai hinh", "type"}, "waste_site | road | cultural_house | school | health_station | clean_water | … (Vietnamese words recognised)"},
        {"name", {"ten cong trinh", "ten", "cong trinh", "ten du an", "du an", "ten hang muc", "name"}, "name of the work"},
        {"status", {"tinh trang", "trang thai", "tien do", "tinh hinh thuc hien", "status"}, "planned | under_construction | completed (Vietnamese words recognised)"},
        {"budget", {"tong muc dau tu", "kinh phi", "du toan", "von dau tu", "tong von", "budget"}, "budget in đồng (header unit honoured)"},
        {"start_date", {"ngay khoi cong", "khoi cong", "ngay bat dau", "start date", "start"}, "start date"},
        {"deadline", {"thoi han", "han hoan thanh", "ngay hoan thanh", "thoi han hoan thanh", "deadline", "han"}, "deadline"},
        {"department", {"don vi phu trach", "co quan chu tri", "phong phu trach", "don vi chu tri", "chu dau tu", "phu trach", "department"},
         "responsible department"},
        {"lon", {"kinh do", "lon", "lng", "longitude"}, "longitude (WGS 84 unless --s-srs) for tables without geometry"},
        {"lat", {"vi do", "lat", "latitude"}, "latitude"},
        {"easting", {"easting", "toa do y"}, "projected easting (needs --s-srs; Vietnamese survey 'Y')"},
        {"northing", {"northing", "toa do x"}, "projected northing (needs --s-srs; Vietnamese survey 'X')"},
    });
    return columns;
}

std::vector<CanonicalColumn> taskColumns() {
    auto columns = unitReference(false);
    append(columns, {
        {"text", {"noi dung", "nhiem vu", "noi dung nhiem vu", "noi dung cong viec", "cong viec", "task", "text"}, "the task as written in the notice"},
        {"responsible", {"don vi thuc hien", "co quan chu tri", "chu tri", "don vi chu tri", "trach nhiem", "co quan thuc hien",
                         "don vi phu trach", "responsible"},
         "responsible body"},
        {"deadline", {"thoi han", "han hoan thanh", "thoi han hoan thanh", "deadline", "han"}, "deadline"},
        {"status", {"tinh trang", "trang thai", "ket qua", "status"}, "open | done (Vietnamese words recognised; empty = open)"},
        {"done_date", {"ngay hoan thanh", "done date"}, "date the task was done"},
        {"source_document", {"van ban", "nguon", "thong bao", "so van ban", "van ban giao", "source"}, "notice it comes from (e.g. 45/TB-UBND)"},
    });
    return columns;
}

std::vector<CanonicalColumn> criteriaSetColumns() {
    return {
        {"set", {"ma bo tieu chi", "bo tieu chi", "set", "set id"}, "set id, e.g. ht_nc_xa_2022_2025 (else --set)"},
        {"set_name", {"ten bo tieu chi", "set name"}, "set name"},
        {"tier", {"cap do", "hang", "tier"}, "ntm | ntm_nang_cao | ntm_kieu_mau | …"},
        {"level", {"cap", "cap ap dung", "level"}, "xa | huyen | thon (default xa)"},
        {"number", {"so tt", "stt", "tieu chi so", "so", "tt", "number"}, "criterion number 1…N"},
        {"criterion_name", {"ten tieu chi", "tieu chi", "noi dung", "criterion name", "name"}, "criterion name"},
    };
}

std::vector<CanonicalColumn> workTypeColumns() {
    return {
        {"set", {"ma bo tieu chi", "bo tieu chi", "set", "set id"}, "criteria set id (else --set)"},
        {"number", {"tieu chi so", "so tt", "stt", "tieu chi", "so", "tt", "number", "criterion"}, "criterion number"},
        {"work_type", {"loai cong trinh", "loai cong trinh dap ung", "cong trinh", "loai", "work type", "work types"},
         "the work types that can fix the criterion, separated by commas or semicolons (road, bridge; đường, cầu); empty = none"},
    };
}

}  // namespace gis::importer
