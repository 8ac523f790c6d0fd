#include "gis/core/translation.hpp"

#include <array>

namespace gis {
namespace {

struct Row {
    Text key;
    const char* vi;
    const char* en;
};

// Wording follows the conclusion notices (thông báo kết luận) our users write and read.
constexpr Row kRows[] = {
    {Text::WholeProject, "Toàn bộ dự án", "Whole project"},
    {Text::FiguresAsOf, "số liệu đến", "figures as of"},
    {Text::DemoData, "DỮ LIỆU MẪU", "DEMO DATA"},
    {Text::SearchUnit, "Tìm xã, huyện, tỉnh hoặc mã…", "Find a commune, district, province or code…"},
    {Text::NoMatch, "Không tìm thấy", "Nothing found"},
    {Text::KpiCommunesAtStandard, "Xã đạt chuẩn NTM", "Communes at NTM standard"},
    {Text::KpiAverageCriteria, "Bình quân tiêu chí/xã", "Average criteria per commune"},
    {Text::KpiDisbursement, "Giải ngân", "Disbursement"},
    {Text::KpiTasks, "Nhiệm vụ", "Tasks"},
    {Text::KpiWorks, "Công trình", "Works"},
    {Text::NotInProject, "chưa có số liệu", "no figures in the project"},
    {Text::ChangeSince, "so với", "since"},
    {Text::NoChange, "không đổi", "unchanged"},
    {Text::Province, "tỉnh", "province"},
    {Text::Rank, "xếp thứ", "rank"},
    {Text::Milestone, "mốc", "milestone"},
    {Text::Open, "đang thực hiện", "open"},
    {Text::Overdue, "quá hạn", "overdue"},
    {Text::Planned, "kế hoạch", "planned"},
    {Text::UnderConstruction, "đang thi công", "under construction"},
    {Text::Completed, "hoàn thành", "completed"},
    {Text::CriteriaUnit, "tiêu chí", "criteria"},
    {Text::CommunesUnit, "xã", "communes"},
    {Text::PerCommune, "tiêu chí/xã", "criteria per commune"},
    {Text::CardCriteria, "Tiêu chí", "Criteria"},
    {Text::CardCountOnly, "chỉ có tổng số tiêu chí đạt, chưa có kết quả từng tiêu chí",
     "only the number of criteria met, no result per criterion"},
    {Text::CardHistory, "Kết quả qua các lần đánh giá", "Assessments over time"},
    {Text::CardMoney, "Vốn theo chương trình", "Money per programme"},
    {Text::CardWorks, "Công trình", "Works"},
    {Text::CardTasks, "Nhiệm vụ", "Tasks"},
    {Text::Met, "Đạt", "Met"},
    {Text::NotMet, "Chưa đạt", "Not met"},
    {Text::InProgress, "Đang thực hiện", "In progress"},
    {Text::NotAssessed, "chưa đánh giá", "not assessed"},
    {Text::Assessed, "đã đánh giá", "assessed"},
    {Text::Plan, "Kế hoạch vốn", "Plan"},
    {Text::Disbursed, "Đã giải ngân", "Disbursed"},
    {Text::Gap, "còn thiếu", "short by"},
    {Text::Deadline, "Thời hạn", "Deadline"},
    {Text::Department, "Đơn vị phụ trách", "Department"},
    {Text::Budget, "Kinh phí", "Budget"},
    {Text::Responsible, "Chủ trì", "Responsible"},
    {Text::SourceDocument, "Văn bản", "Notice"},
    {Text::Done, "đã xong", "done"},
    {Text::DefaultMilestones, "mốc mặc định", "default milestones"},
    {Text::TierNone, "Chưa đạt chuẩn", "Not yet at standard"},
    {Text::TierNtm, "Đạt chuẩn NTM", "NTM standard"},
    {Text::TierAdvanced, "NTM nâng cao", "Advanced NTM"},
    {Text::TierModel, "NTM kiểu mẫu", "Model NTM"},
    {Text::Filters, "Lọc", "Filters"},
    {Text::FilterCriterionUnmet, "Chưa đạt tiêu chí", "Criterion not met"},
    {Text::FilterTier, "Danh hiệu", "Tier"},
    {Text::FilterDisbursedBelow, "Giải ngân dưới (%)", "Disbursed below (%)"},
    {Text::FilterWorkType, "Loại công trình", "Work type"},
    {Text::FilterWorkStatus, "Tình trạng công trình", "Work status"},
    {Text::FilterOverdueTasks, "Có nhiệm vụ quá hạn", "Has overdue tasks"},
    {Text::FilterAny, "(tất cả)", "(any)"},
    {Text::ClearFilters, "Bỏ lọc", "Clear filters"},
    {Text::Ranking, "Xếp hạng", "Ranking"},
    {Text::RankingSet, "theo bộ tiêu chí", "by criteria set"},
    {Text::ColumnRank, "#", "#"},
    {Text::ColumnName, "Tên", "Name"},
    {Text::ColumnCriteria, "Tiêu chí", "Criteria"},
    {Text::ColumnAtStandard, "Đạt chuẩn", "At standard"},
    {Text::ColumnDisbursed, "Giải ngân", "Disbursed"},
    {Text::ColumnOverdue, "Quá hạn", "Overdue"},
    {Text::ColorBy, "Tô màu theo", "Colour by"},
    {Text::IndicatorCriteriaMet, "Số tiêu chí đạt", "Criteria met"},
    {Text::IndicatorTier, "Danh hiệu NTM", "NTM tier"},
    {Text::IndicatorDisbursed, "Tỷ lệ giải ngân", "Disbursement rate"},
    {Text::IndicatorPoverty, "Tỷ lệ hộ nghèo", "Poverty rate"},
    {Text::IndicatorPopulation, "Dân số", "Population"},
    {Text::IndicatorGaps, "Thiếu công trình", "Infrastructure gaps"},
    {Text::GapsTab, "Thiếu công trình", "Gaps"},
    {Text::GapsNone, "Không có tiêu chí nào chưa đạt mà chưa có công trình", "No unmet criterion without a work planned"},
    {Text::GapsUnknown, "xã chỉ có tổng số tiêu chí đạt: chưa rõ thiếu gì", "communes with only a count: gaps unknown"},
    {Text::WorkTypesNeeded, "Cần công trình", "Works needed"},
    {Text::Undo, "Hoàn tác", "Undo"},
    {Text::Redo, "Làm lại", "Redo"},
    {Text::CardChanges, "Lịch sử thay đổi", "Change history"},
    {Text::MarkMet, "Đánh dấu đạt", "Mark met"},
    {Text::MarkNotMet, "Đánh dấu chưa đạt", "Mark not met"},
    {Text::Exported, "Đã xuất", "Exported"},
    {Text::ExportCurrentView, "Khung đang xem", "Current view"},
    {Text::ExportPageA4, "Trang A4", "A4 page"},
    {Text::ExportPageA3, "Trang A3", "A3 page"},
    {Text::Landscape, "Khổ ngang", "Landscape"},
    {Text::OverwriteQuestion, "Tệp này đã có. Ghi đè?", "This file exists. Replace it?"},
    {Text::ChangedElsewhere, "Dữ liệu vừa được cập nhật từ nơi khác; bản đồ đã vẽ lại.",
     "The project was changed elsewhere; the map shows the new data."},
    {Text::ReadOnlyProject, "Chỉ xem: có thể xem, trình chiếu và xuất bản đồ; không nhập số liệu, sửa hay lưu trang chiếu.",
     "Read only: you can view, present and export; importing, editing and saving slides are not allowed."},
    {Text::Overwrite, "Ghi đè", "Replace"},
    {Text::Cancel, "Hủy", "Cancel"},
    {Text::ImportPreviewButton, "Xem trước", "Preview"},
    {Text::Import, "Nhập dữ liệu", "Import data"},
    {Text::ImportFile, "Tệp (bảng tính, shapefile, GeoPackage, CSV…)", "File (spreadsheet, shapefile, GeoPackage, CSV…)"},
    {Text::ImportKind, "Loại dữ liệu", "Kind"},
    {Text::ImportGuess, "tự nhận biết", "guess"},
    {Text::ImportLevel, "Cấp", "Level"},
    {Text::ImportSet, "Bộ tiêu chí", "Criteria set"},
    {Text::ImportProgramme, "Chương trình", "Programme"},
    {Text::ImportRows, "dòng", "rows"},
    {Text::ImportNotBound, "(bỏ qua)", "(not used)"},
    {Text::ImportUnmatched, "Tên không khớp đơn vị nào", "Names that match no unit"},
    {Text::ImportRemember, "Ghi nhớ", "Remember"},
    {Text::ImportProblems, "Lỗi cần sửa", "Problems to fix"},
    {Text::ImportCommit, "Nhập", "Import"},
    {Text::ImportDone, "Đã nhập", "Imported"},
    {Text::ImportOpen, "Nhập dữ liệu…", "Import data…"},
    {Text::Layers, "Lớp bản đồ", "Map layers"},
    {Text::Briefing, "Trình chiếu", "Briefing"},
    {Text::Play, "Chạy", "Play"},
    {Text::Pause, "Dừng", "Pause"},
    {Text::PlainFileSelectHint, "Bấm vào một vùng trên bản đồ để xem thuộc tính của nó.",
     "Click an area on the map to see its attributes."},
    {Text::PlainFileColorHint, "Chọn một trường ở mục \"Tô màu theo\" (bên trái) để tô màu và xếp hạng các vùng.",
     "Choose a field under \"Colour by\" (left) to colour and rank the areas."},
    {Text::PlainFileProjectHint,
     "Đây là tệp bản đồ, chưa phải dự án nông thôn mới: chưa có xếp hạng xã, tiến độ tiêu chí hay giải ngân. "
     "Tạo dự án bằng lệnh \"ntm-atlas init\" rồi nhập ranh giới xã và bảng tiêu chí (\"ntm-atlas import\").",
     "This is a map file, not an NTM project: there is no commune ranking, criteria progress or disbursement. "
     "Create a project with \"ntm-atlas init\" and import the commune boundaries and criteria sheets (\"ntm-atlas import\")."},
    {Text::Latest, "Mới nhất", "Latest"},
    {Text::Bookmarks, "Trang trình chiếu", "Slides"},
    {Text::SaveBookmark, "Lưu trang", "Save slide"},
    {Text::BookmarkName, "Tên trang", "Slide name"},
    {Text::ExportPng, "Xuất ảnh", "Export image"},
    {Text::FitAll, "Xem toàn bộ", "Fit all"},
    {Text::Language, "English", "Tiếng Việt"},
    {Text::PrintLegend, "Chú giải", "Legend"},
    {Text::PrintKeyFigures, "Số liệu chính", "Key figures"},
    {Text::PrintDataSource, "Nguồn số liệu:", "Data source:"},
    {Text::PrintDemoSource, "dữ liệu mẫu của NTM Atlas (không phải số liệu thật)", "NTM Atlas demo data (not real figures)"},
    {Text::PrintExportedOn, "Xuất ngày", "Exported on"},
    {Text::PrintNorth, "B", "N"},
    {Text::PrintKilometre, "km", "km"},
    {Text::PrintOverdueTasks, "Nhiệm vụ quá hạn", "Overdue tasks"},
    {Text::PrintNoOverdueTasks, "Không có nhiệm vụ quá hạn", "No overdue tasks"},
    {Text::PrintMoreItems, "mục khác", "more"},
    {Text::PrintAtlasOf, "Tập bản đồ các xã", "Atlas of the communes"},
    {Text::PrintNeighbours, "Các xã lân cận tô xám", "Neighbouring communes in grey"},
};

/// The map's own texts, keyed by their Vietnamese wording as the legend, layer and tooltip
/// builders write it. Composite legend lines ("Đường giao thông — Kế hoạch") are translated
/// piece by piece.
struct MapText {
    const char* vi;
    const char* en;
};
constexpr MapText kMapTexts[] = {
    // Legend titles
    {"Số tiêu chí đạt (bộ 19 tiêu chí)", "Criteria met (set of 19)"},
    {"Tỷ lệ tiêu chí đạt (%)", "Criteria met (%)"},
    {"Tỷ lệ giải ngân (%)", "Disbursement rate (%)"},
    {"Tỷ lệ hộ nghèo (%)", "Poverty rate (%)"},
    {"Mức đạt chuẩn nông thôn mới", "NTM tier"},
    {"Tình trạng", "Status"},
    {"Loại", "Type"},
    {"Dân số (người)", "Population (persons)"},
    {"Diện tích (km²)", "Area (km²)"},
    {"Kinh phí (đồng)", "Budget (VND)"},
    {"Tên", "Name"},
    {"Đơn vị chủ trì", "Lead agency"},
    {"Loại đơn vị hành chính", "Administrative unit type"},
    {"Loại công trình", "Work type"},
    // Classes and categories
    {"19 (đạt chuẩn)", "19 (at standard)"},
    {"Tiêu chí chưa đạt chưa có công trình", "Unmet criteria with no work planned"},
    {"Không thiếu", "None"},
    {"1 tiêu chí", "1 criterion"},
    {"2 tiêu chí", "2 criteria"},
    {"3 tiêu chí trở lên", "3 or more criteria"},
    {"Không có số liệu", "No data"},
    {"Chưa đạt chuẩn", "Not yet at standard"},
    {"Đạt chuẩn NTM", "NTM standard"},
    {"NTM nâng cao", "Advanced NTM"},
    {"NTM kiểu mẫu", "Model NTM"},
    {"Kế hoạch", "Planned"},
    {"Đang thi công", "Under construction"},
    {"Đã hoàn thành", "Completed"},
    {"Hoàn thành", "Completed"},
    {"Đang thực hiện", "Open"},
    {"Xã", "Commune"},
    {"Phường", "Ward"},
    {"Thị trấn", "Township"},
    {"Thôn", "Village"},
    {"Ký hiệu điểm: phóng to để xem", "Point symbols: zoom in to see them"},
    {"(không có)", "(none)"},
    // Layers
    {"Ranh giới xã", "Commune boundaries"},
    {"Ranh giới huyện", "District boundaries"},
    {"Ranh giới tỉnh", "Province boundaries"},
    {"Đường giao thông", "Roads"},
    {"Thôn, tổ dân phố", "Villages"},
    {"Công trình hạ tầng", "Infrastructure"},
    // Works and their states
    {"Trường học", "School"},
    {"Trạm y tế", "Health station"},
    {"Nhà văn hóa", "Cultural house"},
    {"Nước sạch", "Clean water"},
    {"Công trình nước sạch", "Clean water works"},
    {"Thủy lợi", "Irrigation"},
    {"Chợ", "Market"},
    {"Thể thao", "Sports ground"},
    {"Điểm tập kết rác thải", "Waste collection point"},
    {"Cầu", "Bridge"},
    {"Công trình khác", "Other works"},
    {"Quá hạn, chưa hoàn thành", "Overdue, not completed"},
    {"quá hạn", "overdue"},
    {"kế hoạch", "planned"},
    {"đang thi công", "under construction"},
    {"hoàn thành", "completed"},
    {"tiêu chí", "criteria"},
};

/// The rows in key order, built once; a key without a row stays null (the test catches it).
const std::array<const Row*, static_cast<std::size_t>(Text::Count)>& table() {
    static const auto kTable = [] {
        std::array<const Row*, static_cast<std::size_t>(Text::Count)> byKey{};
        for (const Row& row : kRows) byKey[static_cast<std::size_t>(row.key)] = &row;
        return byKey;
    }();
    return kTable;
}

}  // namespace

std::optional<Language> parseLanguage(std::string_view code) {
    if (code == "vi") return Language::Vi;
    if (code == "en") return Language::En;
    return std::nullopt;
}

std::string localize(const std::string& vietnamese, Language language) {
    if (language == Language::Vi || vietnamese.empty()) return vietnamese;
    for (const MapText& t : kMapTexts)
        if (vietnamese == t.vi) return t.en;
    // "Đường giao thông — Đang thi công": each piece on its own.
    constexpr std::string_view kDash = " — ";
    const std::size_t dash = vietnamese.find(kDash);
    if (dash == std::string::npos) return vietnamese;
    return localize(vietnamese.substr(0, dash), language) + std::string(kDash) +
           localize(vietnamese.substr(dash + kDash.size()), language);
}

std::vector<std::string> mapTexts() {
    std::vector<std::string> all;
    for (const MapText& t : kMapTexts) all.push_back(t.vi);
    return all;
}

const char* tr(Text key, Language language) {
    const auto index = static_cast<std::size_t>(key);
    if (index >= table().size() || table()[index] == nullptr) return "?";
    return language == Language::Vi ? table()[index]->vi : table()[index]->en;
}

}  // namespace gis
