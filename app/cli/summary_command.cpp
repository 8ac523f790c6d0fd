// ntm-atlas summary: the committee figures of one unit or all, as JSON.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/cli/command_errors.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/arg_parser.hpp"
#include "gis/figures/summary.hpp"
#include "gis/figures/summary_json.hpp"
#include "gis/figures/unit_summary_read.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"

namespace cli {
namespace {

/// Pads to `width` characters (UTF-8 code points, so Vietnamese names line up), never truncates.
std::string padRight(const std::string& text, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
    return chars >= width ? text : text + std::string(width - chars, ' ');
}

}  // namespace

int runSummary(const Args& args) {
    const ParsedArgs parsed = parseArgs(args, {"unit", "as-of"}, {"json"});
    auto fail = [](const std::string& message) { return reportFailure("summary", message); };
    if (!parsed.error.empty()) return fail(parsed.error);
    if (parsed.positional.size() != 1) return fail("usage: ntm-atlas summary PROJECT [--unit CODE] [--as-of YYYY-MM-DD] --json");
    auto db = gis::store::openProject(parsed.positional[0], false);
    if (!db) return fail(db.error().message);
    gis::figures::SummaryOptions options;
    options.asOf = parsed.value("as-of");
    options.unitCode = parsed.value("unit");
    // One unit's summary reads that unit's part of the project (a province of a national
    // database), its siblings' money added up by the database.
    gis::Result<std::vector<gis::figures::UnitSummary>> summary = std::vector<gis::figures::UnitSummary>{};
    if (!options.unitCode.empty()) {
        auto one = gis::figures::readUnitSummary(*db, options);
        if (!one) return fail(one.error().message);
        summary->push_back(std::move(one).value());
    } else {
        auto data = gis::store::loadProjectData(*db, false);
        if (!data) return fail(data.error().message);
        summary = gis::figures::computeSummary(*data, options);
    }
    if (parsed.flag("json")) {
        const std::string json = options.unitCode.empty() ? gis::figures::summariesToJson(*summary)
                                                           : gis::figures::summaryToJson(summary->front());
        std::printf("%s\n", json.c_str());
        return 0;
    }
    // Without --json: one readable line per unit.
    for (const gis::figures::UnitSummary& s : *summary) {
        std::printf("%s %s %s", padRight(s.code, 8).c_str(), padRight(s.name, 30).c_str(), padRight(s.level, 9).c_str());
        if (s.assessed) std::printf(" %d/%d tiêu chí (%s)", s.criteriaMet, s.criteriaTotal, s.assessmentAsOf.c_str());
        if (s.communesTotal > 0 && s.level != "commune")
            std::printf(" %d/%d xã đạt chuẩn", s.communesMeetingStandard, s.communesTotal);
        for (const auto& f : s.programmes)
            if (f.disbursedPct) std::printf(" %s %.1f%%", f.programme.c_str(), *f.disbursedPct);
        std::printf("\n");
    }
    return 0;
}

}  // namespace cli
