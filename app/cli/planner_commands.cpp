// ntm-atlas gaps / distances / history: the planner tools over gis::planning and the project
// history (the window calls the same library functions).
#include <cstdio>
#include <functional>
#include <string>

#include "app/cli/arg_parser.hpp"
#include "app/cli/command_errors.hpp"
#include "app/cli/commands.hpp"
#include "gis/dashboard/commune_card.hpp"
#include "gis/dashboard/display_format.hpp"
#include "gis/figures/unit_tree.hpp"
#include "gis/model/json_writer.hpp"
#include "gis/planning/facility_distance.hpp"
#include "gis/planning/gap_analysis.hpp"
#include "gis/store/history.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"

namespace cli {
namespace {

int fail(const char* command, const std::string& message) { return reportFailure(command, message); }

/// Tab-separated: pasted into a spreadsheet or a Word table it lands one value per cell.
void printRow(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i == 0 ? "" : "\t") + cells[i];
    std::printf("%s\n", line.c_str());
}

std::string typeWords(const std::vector<std::string>& types) {
    std::string words;
    for (const std::string& t : types) words += (words.empty() ? "" : ", ") + gis::dashboard::workTypeWord(t, gis::Language::Vi);
    return words;
}

std::string criterionStatusWord(gis::model::CriterionStatus s) {
    return s == gis::model::CriterionStatus::InProgress ? "đang thực hiện" : "chưa đạt";
}

}  // namespace

int runGaps(const Args& args) {
    const ParsedArgs parsed = parseArgs(args, {"unit", "as-of"}, {"json"});
    if (!parsed.error.empty()) return fail("gaps", parsed.error);
    if (parsed.positional.size() != 1) return fail("gaps", "usage: ntm-atlas gaps PROJECT [--unit CODE] [--as-of YYYY-MM-DD] [--json]");
    auto report = gis::planning::computeGaps(parsed.positional[0], {parsed.value("as-of"), parsed.value("unit")});
    if (!report) return fail("gaps", report.error().message);
    if (parsed.flag("json")) {
        std::printf("%s\n", gis::planning::gapsToJson(*report).c_str());
        return 0;
    }
    using gis::dashboard::formatDate;
    printRow({"Mã xã", "Tên xã", "Huyện", "Tiêu chí", "Tên tiêu chí", "Tình trạng", "Loại công trình cần có", "Ngày đánh giá", "Ghi chú"});
    for (const gis::planning::Gap& g : report->gaps)
        printRow({g.unitCode, g.unitName, g.parentName, std::to_string(g.criterion), g.criterionName, criterionStatusWord(g.status),
                  typeWords(g.workTypes), formatDate(g.asOf), g.note});
    int withGaps = 0, unknown = 0, notAssessed = 0;
    for (const gis::planning::UnitGaps& u : report->units) {
        withGaps += u.state == gis::planning::GapState::Gaps ? 1 : 0;
        unknown += u.state == gis::planning::GapState::Unknown ? 1 : 0;
        notAssessed += u.state == gis::planning::GapState::NotAssessed ? 1 : 0;
    }
    if (unknown > 0) {
        std::printf("\nChưa rõ (đánh giá chỉ có số tiêu chí đạt, không biết tiêu chí nào chưa đạt):\n");
        printRow({"Mã xã", "Tên xã", "Kết quả", "Ngày đánh giá"});
        for (const gis::planning::UnitGaps& u : report->units)
            if (u.state == gis::planning::GapState::Unknown)
                printRow({u.unitCode, u.unitName, gis::dashboard::formatCount(u.criteriaMet, u.criteriaTotal), formatDate(u.asOf)});
    }
    std::printf("\n%zu khoảng trống ở %d/%zu xã; %d xã chưa rõ; %d xã chưa có đánh giá (tính đến %s)\n", report->gaps.size(), withGaps,
                report->units.size(), unknown, notAssessed, formatDate(report->asOf).c_str());
    return 0;
}

int runDistances(const Args& args) {
    const ParsedArgs parsed = parseArgs(args, {"type", "max-km", "unit"}, {"json", "any-status"});
    if (!parsed.error.empty()) return fail("distances", parsed.error);
    if (parsed.positional.size() != 1)
        return fail("distances", "usage: ntm-atlas distances PROJECT --type TYPE [--max-km K] [--unit CODE] [--any-status] [--json]");
    gis::planning::FacilityOptions options;
    options.workType = parsed.value("type");
    options.anyStatus = parsed.flag("any-status");
    options.unitCode = parsed.value("unit");
    if (const std::string km = parsed.value("max-km"); !km.empty()) {
        char* end = nullptr;
        const double value = std::strtod(km.c_str(), &end);
        if (end == km.c_str() || *end != '\0') return fail("distances", "--max-km " + km + ": not a number of kilometres");
        options.maxKm = value;
    }
    auto report = gis::planning::computeFacilityDistances(parsed.positional[0], options);
    if (!report) return fail("distances", report.error().message);
    if (parsed.flag("json")) {
        std::printf("%s\n", gis::planning::distancesToJson(*report).c_str());
        return 0;
    }
    using gis::Language;
    const std::string type = gis::dashboard::workTypeWord(options.workType, Language::Vi);
    printRow({"Mã thôn", "Tên thôn", "Xã", "Khoảng cách (km)", type + " gần nhất", "Tình trạng", options.maxKm ? "Vượt ngưỡng" : ""});
    for (const gis::planning::VillageDistance& v : report->villages) {
        const std::string km = !v.positioned ? "không có vị trí"
                               : v.distanceM ? gis::dashboard::formatNumber(*v.distanceM / 1000.0, 2, Language::Vi)
                                             : "không có";
        printRow({v.unitCode, v.unitName, v.communeName, km, v.workName,
                  v.workStatus.empty() ? "" : gis::dashboard::statusWord(v.workStatus, Language::Vi), v.beyond ? "x" : ""});
    }
    std::printf("\n%zu thôn; %d công trình %s (%s)", report->villages.size(), report->worksConsidered, type.c_str(),
                options.anyStatus ? "mọi tình trạng" : "đã hoàn thành");
    if (options.maxKm)
        std::printf("; %d thôn xa hơn %s km", report->beyondCount, gis::dashboard::formatNumber(*options.maxKm, 1, Language::Vi).c_str());
    std::printf("\n");
    return 0;
}

int runHistory(const Args& args) {
    const ParsedArgs parsed = parseArgs(args, {"unit"}, {"json"});
    if (!parsed.error.empty()) return fail("history", parsed.error);
    if (parsed.positional.size() != 1) return fail("history", "usage: ntm-atlas history PROJECT [--unit CODE] [--json]");
    auto db = gis::store::openProject(parsed.positional[0], false);
    if (!db) return fail("history", db.error().message);
    std::set<std::string> codes;
    if (const std::string unit = parsed.value("unit"); !unit.empty()) {
        // The unit and everything under it: a district's history includes its communes'.
        auto data = gis::store::loadProjectData(*db, false);
        if (!data) return fail("history", data.error().message);
        const gis::figures::UnitTree tree(data->units);
        const auto at = tree.find(unit);
        if (!at) return fail("history", "--unit " + unit + ": no unit with that code in the project");
        std::function<void(std::size_t)> add = [&](std::size_t i) {
            codes.insert(data->units[i].code);
            for (std::size_t c : tree.children(i)) add(c);
        };
        add(*at);
    }
    auto history = gis::store::loadHistory(*db, codes);
    if (!history) return fail("history", history.error().message);
    if (parsed.flag("json")) {
        gis::model::JsonWriter w;
        w.beginArray();
        for (const gis::store::HistoryEntry& e : *history) {
            w.beginObject();
            w.key("id").value(e.id);
            w.key("at_utc").value(e.atUtc);
            w.key("user").value(e.user);
            w.key("action").value(e.action);
            for (const auto& [key, text] : {std::pair<const char*, const std::string*>{"unit_code", &e.unitCode},
                                            {"subject", &e.subject}, {"field", &e.field}, {"old_value", &e.oldValue},
                                            {"new_value", &e.newValue}, {"source_file", &e.sourceFile}, {"note", &e.note}}) {
                w.key(key);
                if (text->empty() && std::string(key) != "subject") w.null(); else w.value(*text);
            }
            w.endObject();
        }
        w.endArray();
        std::printf("%s\n", w.str().c_str());
        return 0;
    }
    printRow({"Thời điểm (UTC)", "Người", "Thao tác", "Đơn vị", "Nội dung", "Trường", "Cũ", "Mới", "Tệp", "Ghi chú"});
    for (const gis::store::HistoryEntry& e : *history)
        printRow({e.atUtc, e.user, e.action, e.unitCode, e.subject, e.field, e.oldValue, e.newValue, e.sourceFile, e.note});
    return 0;
}

}  // namespace cli
