// Cell and header parsing on the values district sheets really contain.
#include <catch2/catch.hpp>

#include "gis/importer/cell_values.hpp"
#include "gis/importer/column_binding.hpp"
#include "gis/importer/value_vocabulary.hpp"
#include "gis/model/unit_naming.hpp"

using namespace gis;
using namespace gis::importer;

namespace {
Cell text(const std::string& t) { return Cell{t, std::nullopt, false}; }
Cell number(double v) { return Cell{"", v, false}; }
}  // namespace

TEST_CASE("importer: dates in Vietnamese and ISO forms, and only real ones", "[importer]") {
    CHECK(parseDate(text("30/6/2024")) == "2024-06-30");
    CHECK(parseDate(text("05/02/2021")) == "2021-02-05");
    CHECK(parseDate(text("2024-06-30")) == "2024-06-30");
    CHECK(parseDate(text("2024/06/30")) == "2024-06-30");
    CHECK(parseDate(text("30.06.2024")) == "2024-06-30");
    CHECK_FALSE(parseDate(text("31/02/2024")));
    CHECK_FALSE(parseDate(text("30/6/24")));  // two-digit years are refused, not guessed
    CHECK_FALSE(parseDate(text("quý III")));
    CHECK(parseDate(text("29/2/2024")) == "2024-02-29");
    CHECK_FALSE(parseDate(text("29/2/2023")));
    // Found by fuzz/cell_date_fuzz: a long run of digits wrapped through atoi into a real month.
    CHECK_FALSE(parseDate(text("2024-4294967302-30")));
    CHECK_FALSE(parseDate(text("30/00006/2024")));
}

TEST_CASE("importer: criterion cells accept Đạt / Chưa đạt / x / 1 / 0 / TRUE / FALSE", "[importer]") {
    using S = model::CriterionStatus;
    CHECK(parseCriterionCell(text("Đạt"))->status == S::Met);
    CHECK(parseCriterionCell(text("đạt"))->status == S::Met);
    CHECK(parseCriterionCell(text("Chưa đạt"))->status == S::NotMet);
    CHECK(parseCriterionCell(text("Không đạt"))->status == S::NotMet);
    CHECK(parseCriterionCell(text("x"))->status == S::Met);
    CHECK(parseCriterionCell(text("X"))->status == S::Met);
    CHECK(parseCriterionCell(number(1))->status == S::Met);
    CHECK(parseCriterionCell(number(0))->status == S::NotMet);
    CHECK(parseCriterionCell(text("TRUE"))->status == S::Met);
    CHECK(parseCriterionCell(text("FALSE"))->status == S::NotMet);
    CHECK(parseCriterionCell(text(""))->status == S::NotMet);
    CHECK(parseCriterionCell(text("Đang thực hiện"))->status == S::InProgress);
    const auto withNote = parseCriterionCell(text("Chưa đạt (thiếu nhà văn hóa)"));
    REQUIRE(withNote);
    CHECK(withNote->status == S::NotMet);
    CHECK(withNote->note == "Chưa đạt (thiếu nhà văn hóa)");
    CHECK_FALSE(parseCriterionCell(text("có lẽ")));
    CHECK_FALSE(parseCriterionCell(number(2)));
}

TEST_CASE("importer: Vietnamese and English number styles", "[importer]") {
    CHECK(parseNumber(text("1.500.000")) == 1500000.0);
    CHECK(parseNumber(text("1.500")) == 1500.0);  // one thousand five hundred (conventions.json)
    CHECK(parseNumber(text("1,5")) == 1.5);
    CHECK(parseNumber(text("1.500,25")) == 1500.25);
    CHECK(parseNumber(text("1,500,000.5")) == 1500000.5);
    CHECK(parseNumber(text("2.5")) == 2.5);
    CHECK(parseNumber(text("1.500.000 đ")) == 1500000.0);
    CHECK(parseNumber(text("-12")) == -12.0);
    CHECK_FALSE(parseNumber(text("nhiều")));
}

TEST_CASE("importer: counts like 14/19", "[importer]") {
    CHECK(parseCount(text("14/19")) == std::make_pair(14, 19));
    CHECK(parseCount(text("14 / 19 tiêu chí")) == std::make_pair(14, 19));
    CHECK(parseCount(text("14")) == std::make_pair(14, 0));
    CHECK(parseCount(number(15)) == std::make_pair(15, 0));
    CHECK_FALSE(parseCount(text("mười bốn")));
    CHECK_FALSE(parseCount(number(14.5)));
}

TEST_CASE("importer: Vietnamese headers fold to stable keys and criterion numbers", "[importer]") {
    CHECK(headerKey("Mã xã") == "ma xa");
    CHECK(headerKey("  Tên  xã ") == "ten xa");
    CHECK(headerKey("Kế hoạch vốn (triệu đồng)") == "ke hoach von");
    CHECK(headerKey("Số tiêu chí đạt") == "so tieu chi dat");
    CHECK(criterionNumberOfHeader("Tiêu chí 1") == 1);
    CHECK(criterionNumberOfHeader("Tiêu chí 19") == 19);
    CHECK(criterionNumberOfHeader("TC3") == 3);
    CHECK(criterionNumberOfHeader("TC.3") == 3);
    CHECK(criterionNumberOfHeader("Tiêu chí số 10: Thu nhập") == 10);
    CHECK(criterionNumberOfHeader("Số tiêu chí đạt") == 0);
    CHECK(criterionNumberOfHeader("Tiêu chí") == 0);
}

TEST_CASE("model: unit names, type prefixes and lost leading zeros", "[model]") {
    CHECK(model::unitTypeFromName("Xã Thành Sơn") == "xa");
    CHECK(model::unitTypeFromName("Thị trấn Anh Sơn") == "thi_tran");
    CHECK(model::unitTypeFromName("TT. Tân Châu") == "thi_tran");
    CHECK(model::unitTypeFromName("Thị xã Cửa Lò") == "thi_xa");
    CHECK(model::unitTypeFromName("Phường Bến Thủy") == "phuong");
    CHECK(model::unitTypeFromName("Huyện Anh Sơn") == "huyen");
    CHECK(model::unitTypeFromName("Thành phố Vinh") == "thanh_pho");
    CHECK(model::unitTypeFromName("Thành Sơn") == "");
    CHECK(model::unitTypeFor("Thành Sơn", "commune") == "xa");
    CHECK(model::unitMatchKey("Xã  Thành Sơn") == "thành sơn");
    CHECK(model::unitMatchKey("thành sơn") == "thành sơn");
    CHECK(model::unitFoldKey("Xã Hương Hoà") == model::unitFoldKey("Hương Hòa"));
    CHECK(model::unitFoldKey("Đỉnh Sơn") == "dinh son");
    CHECK(model::restoreCode("6331", "commune") == "06331");
    CHECK(model::restoreCode("185", "district") == "185");
    CHECK(model::restoreCode("2", "province") == "02");
    CHECK(model::restoreCode("4032701", "commune") == "4032701");
}

TEST_CASE("importer: programme, status and deadline words", "[importer]") {
    const std::vector<store::Programme> programmes = {{"ntp_ntm_2021_2025", "CTMTQG XDNTM", "Chương trình … nông thôn mới"},
                                                      {"ntp_gnbv_2021_2025", "CTMTQG GNBV", "… giảm nghèo bền vững"}};
    CHECK(programmeIdOf("ntm", programmes) == "ntp_ntm_2021_2025");
    CHECK(programmeIdOf("Nông thôn mới", programmes) == "ntp_ntm_2021_2025");
    CHECK(programmeIdOf("CTMTQG GNBV", programmes) == "ntp_gnbv_2021_2025");
    CHECK(programmeIdOf("xổ số", programmes).empty());
    CHECK(infrastructureTypeOf("Nhà văn hóa thôn 3") == "cultural_house");
    CHECK(infrastructureTypeOf("Điểm tập kết rác") == "waste_site");
    CHECK(infrastructureTypeOf("Trạm y tế") == "health_station");
    CHECK(infrastructureStatusOf("Đang thi công") == "under_construction");
    CHECK(infrastructureStatusOf("Đã hoàn thành") == "completed");
    CHECK(infrastructureStatusOf("Kế hoạch") == "planned");
    CHECK(taskStatusOf("") == "open");
    CHECK(taskStatusOf("Hoàn thành") == "done");
    CHECK(taskDeadlineOf("trước ngày 30/6/2024") == "2024-06-30");
    CHECK(taskDeadlineOf("trong tháng 7/2024") == "2024-07-31");
    CHECK(taskDeadlineOf("quý III/2024") == "2024-09-30");
    CHECK(taskDeadlineOf("hoàn thành trong năm 2024") == "2024-12-31");
    CHECK(taskDeadlineOf("thường xuyên") == "");
    CHECK_FALSE(taskDeadlineOf("sớm"));
}

TEST_CASE("importer: money in đồng stays within 64 bits", "[importer]") {
    CHECK(moneyInDong(12.5, 1e9) == 12'500'000'000);
    CHECK(moneyInDong(0, 1e9) == 0);
    CHECK_FALSE(moneyInDong(20000000000.0, 1e9));  // 2e19 đồng: llround would wrap to a negative sum
    CHECK_FALSE(moneyInDong(-1, 1));
    CHECK(moneyInDong(kMaxMoneyDong, 1) == static_cast<std::int64_t>(kMaxMoneyDong));
}
