#include "gis/figures/summary_json.hpp"

#include "gis/model/json_writer.hpp"

namespace gis::figures {
using namespace gis::model;  // the domain types the figures are computed from
namespace {

void writeUnit(JsonWriter& w, const UnitSummary& s) {
    w.beginObject();
    w.key("code").value(s.code);
    w.key("name").value(s.name);
    w.key("level").value(s.level);
    w.key("type").value(s.type);
    w.key("parent_code");
    if (s.parentCode.empty()) w.null(); else w.value(s.parentCode);
    w.key("summary_date").value(s.summaryDate);
    if (s.level == "commune") {
        if (s.assessed) {
            w.key("criteria_set").value(s.criteriaSet);
            w.key("criteria_met").value(s.criteriaMet);
            w.key("criteria_total").value(s.criteriaTotal);
            w.key("criteria_pct").value(s.criteriaPct, 1);
            w.key("meets_standard").value(s.meetsStandard);
            w.key("unmet");
            if (s.detailed) {
                w.beginArray();
                for (int n : s.unmet) w.value(n);
                w.endArray();
            } else {
                w.null();  // a count-only assessment ("14/19") does not say which
            }
            w.key("as_of").value(s.assessmentAsOf);
        } else {
            for (const char* key : {"criteria_set", "criteria_met", "criteria_total", "criteria_pct", "meets_standard", "unmet", "as_of"})
                w.key(key).null();
        }
        w.key("tier");
        if (s.tier.empty()) w.null(); else w.value(s.tier);
    }
    if (s.level == "district" || s.level == "province") {
        w.key("communes_total").value(s.communesTotal);
        w.key("communes_assessed").value(s.communesAssessed);
        w.key("communes_meeting_standard").value(s.communesMeetingStandard);
        w.key("avg_criteria_met");
        if (s.avgCriteriaMet) w.value(*s.avgCriteriaMet, 2); else w.null();
    }
    w.key("programmes").beginArray();
    for (const ProgrammeFigures& f : s.programmes) {
        w.beginObject();
        w.key("programme").value(f.programme);
        w.key("year").value(f.year);
        w.key("plan").value(f.plan);
        w.key("disbursed").value(f.disbursed);
        w.key("disbursed_pct");
        if (f.disbursedPct) w.value(*f.disbursedPct, 1); else w.null();
        w.key("rank");
        if (f.rank > 0) w.value(f.rank); else w.null();
        w.key("rank_of");
        if (f.rank > 0) w.value(f.rankOf); else w.null();
        w.endObject();
    }
    w.endArray();
    w.key("infrastructure").beginObject();
    for (const auto& [type, statuses] : s.infrastructure) {
        w.key(type).beginObject();
        for (const auto& [status, count] : statuses) w.key(status).value(count);
        w.endObject();
    }
    w.endObject();
    w.key("tasks_open").value(s.tasksOpen);
    w.key("tasks_overdue").value(s.tasksOverdue);
    if (!s.indicators.empty()) {
        w.key("indicators").beginObject();
        for (const auto& [name, value] : s.indicators) w.key(name).value(value, 2);
        w.endObject();
    }
    w.endObject();
}

}  // namespace

std::string summaryToJson(const UnitSummary& unit) {
    JsonWriter w;
    writeUnit(w, unit);
    return w.str();
}

std::string summariesToJson(const std::vector<UnitSummary>& units) {
    JsonWriter w;
    w.beginArray();
    for (const UnitSummary& u : units) writeUnit(w, u);
    w.endArray();
    return w.str();
}

}  // namespace gis::figures
