#include "gis/figures/project_map.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "gis/figures/display_geometry.hpp"
#include "gis/figures/summary.hpp"
#include "gis/model/work_schedule.hpp"
#include "gis/data/layer_builder.hpp"
#include "gis/data/vector_reader.hpp"
#include "gis/store/project_reader.hpp"
#include "gis/store/schema.hpp"
#include "gis/store/location.hpp"

namespace gis::figures {
using namespace gis::model;  // the domain types the figures are computed from
namespace {

using data::AttributeValue;
using data::Feature;
using data::Field;
using data::FieldKind;
using data::VectorLayer;

VectorLayer makeLayer(const std::string& name, const std::string& path, std::vector<Field> fields) {
    return data::makeLayer(name, path, "EPSG:4326", std::move(fields));
}

AttributeValue optionalNumber(const std::optional<double>& v) { return v ? AttributeValue(*v) : AttributeValue(); }
using data::textOrNull;

void addFeature(VectorLayer& layer, Geometry geometry, std::vector<AttributeValue> attributes) {
    data::appendFeature(layer, std::move(geometry), std::move(attributes));
}

}  // namespace

bool isProjectFile(const std::string& path) {
    // A database location names a project store; openProject says whether it holds one.
    if (store::isPostgresLocation(path)) return true;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    {
        std::ifstream in(path, std::ios::binary);
        char header[16] = {};
        in.read(header, sizeof header);
        if (in.gcount() < 16 || std::string(header, 15) != "SQLite format 3") return false;
    }
    // A short wait only: a file another process holds locked is taken for a project, so that
    // openProject (which waits the full busy timeout) reports it busy instead of GDAL misreading it.
    constexpr int kProbeBusyTimeoutMs = 500;
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly, kProbeBusyTimeoutMs);
    if (!db) return db.error().code == ErrorCode::Busy;
    auto probe = db->prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ntm_meta'");
    if (!probe) return probe.error().code == ErrorCode::Busy;
    if (probe->step()) return true;
    return probe->busy();
}

Result<std::vector<VectorLayer>> loadProjectMapLayers(const std::string& projectPath, const std::string& asOf) {
    auto db = store::openProject(projectPath, false);
    if (!db) return db.error();
    auto project = store::loadProjectData(*db, true);
    if (!project) return project.error();
    // Every unit's and work's geometry (200,000 blobs for the national project) is decoded and
    // transformed on helper threads while this one computes the summary: the two only read the
    // project, and the summary (140-200 ms national) is longer than the decoding (35-50 ms), which
    // splitting over both cores did not shorten on its own. The blobs are moved out of the project
    // first, so the decoder owns what it frees and the summary never sees them change. The i-th
    // result is the i-th blob's, units then works.
    std::vector<std::vector<std::uint8_t>> blobs;
    blobs.reserve(project->units.size() + project->infrastructure.size());
    for (Unit& unit : project->units) blobs.push_back(std::move(unit.geometry));
    for (InfrastructureItem& item : project->infrastructure) blobs.push_back(std::move(item.geometry));
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    Result<std::vector<DisplayGeometry>> displayed = makeError(ErrorCode::BadInput, "not decoded");
    std::thread decoder([&] { displayed = toDisplayAll(std::move(blobs), cores > 2 ? cores - 1 : 1); });
    SummaryOptions options;
    options.asOf = asOf;
    auto summaries = computeSummary(*project, options);
    decoder.join();
    if (!summaries) return summaries.error();
    if (!displayed) return displayed.error();

    bool hasPoverty = false;
    for (const Indicator& i : project->indicators) hasPoverty = hasPoverty || i.name == "poverty_rate";

    std::vector<Field> communeFields = {{"code", FieldKind::Text},        {"name", FieldKind::Text},
                                        {"type", FieldKind::Text},        {"criteria_met", FieldKind::Integer},
                                        {"criteria_total", FieldKind::Integer}, {"criteria_pct", FieldKind::Real},
                                        {"tier", FieldKind::Text},        {"disbursed_pct", FieldKind::Real}};
    if (hasPoverty) communeFields.push_back({"poverty_rate", FieldKind::Real});
    communeFields.push_back({"population", FieldKind::Real});
    VectorLayer communes = makeLayer("communes", projectPath, communeFields);
    // District and province borders for context (units imported with geometry only).
    VectorLayer districts = makeLayer("districts", projectPath, {{"code", FieldKind::Text}, {"name", FieldKind::Text}});
    VectorLayer provinces = makeLayer("provinces", projectPath, {{"code", FieldKind::Text}, {"name", FieldKind::Text}});
    VectorLayer villages = makeLayer("villages", projectPath, {{"code", FieldKind::Text}, {"name", FieldKind::Text}, {"population", FieldKind::Real}});
    const std::vector<Field> workFields = {{"type", FieldKind::Text},   {"name", FieldKind::Text},     {"status", FieldKind::Text},
                                           {"budget", FieldKind::Real}, {"deadline", FieldKind::Date}, {"department", FieldKind::Text},
                                           {"overdue", FieldKind::Integer}};
    VectorLayer roads = makeLayer("roads", projectPath, workFields);
    VectorLayer works = makeLayer("infrastructure", projectPath, workFields);

    // Units whose stored geometry cannot be drawn are named, not silently dropped: an empty map
    // must say why it is empty.
    std::vector<std::string> undrawable;
    std::size_t mappedUnits = 0;
    // computeSummary over every unit gives the summaries in the units' order: the i-th is the i-th
    // unit's (a map by code over the country's 111,927 units cost more than the lookups it saved).
    for (std::size_t unitIndex = 0; unitIndex < project->units.size(); ++unitIndex) {
        const Unit& unit = project->units[unitIndex];
        if (unit.level == "commune" || unit.level == "village") ++mappedUnits;
        auto& [geometry, whyNot] = (*displayed)[unitIndex];
        if (geometry.kind == GeometryKind::None) {
            if (!whyNot.empty()) undrawable.push_back(projectPath + ": " + unit.level + " " + unit.code + " " + unit.name + ": " + whyNot + ", left out");
            continue;
        }
        if (unit.level == "district" || unit.level == "province") {
            if (geometry.kind == GeometryKind::Polygon)
                addFeature(unit.level == "district" ? districts : provinces, std::move(geometry), {unit.code, unit.name});
            continue;
        }
        const UnitSummary& s = (*summaries)[unitIndex];
        if (unit.level == "village") {
            if (geometry.kind == GeometryKind::Point) addFeature(villages, std::move(geometry), {unit.code, unit.name, optionalNumber(unit.population)});
            continue;
        }
        std::optional<double> disbursedPct;
        for (const ProgrammeFigures& f : s.programmes)
            if (f.programme.rfind("ntp_ntm", 0) == 0) disbursedPct = f.disbursedPct;
        std::vector<AttributeValue> attributes = {unit.code, unit.name, unit.type};
        attributes.push_back(s.assessed ? AttributeValue(std::int64_t{s.criteriaMet}) : AttributeValue());
        attributes.push_back(s.assessed ? AttributeValue(std::int64_t{s.criteriaTotal}) : AttributeValue());
        attributes.push_back(s.assessed ? AttributeValue(s.criteriaPct) : AttributeValue());
        attributes.push_back(s.assessed ? AttributeValue(tierLabel(s.tier)) : AttributeValue());
        attributes.push_back(optionalNumber(disbursedPct));
        if (hasPoverty) {
            const auto it = s.indicators.find("poverty_rate");
            attributes.push_back(it == s.indicators.end() ? AttributeValue() : AttributeValue(it->second));
        }
        attributes.push_back(optionalNumber(unit.population));
        addFeature(communes, std::move(geometry), std::move(attributes));
    }
    // The map's date: the one the figures are computed for, so "overdue" agrees with them.
    const std::string mapDate = asOf.empty() ? todayIso() : asOf;
    for (std::size_t itemIndex = 0; itemIndex < project->infrastructure.size(); ++itemIndex) {
        const InfrastructureItem& item = project->infrastructure[itemIndex];
        auto& [geometry, whyNot] = (*displayed)[project->units.size() + itemIndex];
        if (geometry.kind == GeometryKind::None) {
            if (!whyNot.empty()) undrawable.push_back(projectPath + ": work " + item.type + " \"" + item.name + "\": " + whyNot + ", left out");
            continue;
        }
        std::vector<AttributeValue> attributes = {
            item.type, item.name, item.status,
            item.budgetVnd ? AttributeValue(static_cast<double>(*item.budgetVnd)) : AttributeValue(),
            textOrNull(item.deadline), textOrNull(item.department),
            AttributeValue(std::int64_t{isWorkOverdue(item.status, item.deadline, mapDate) ? 1 : 0})};
        if (geometry.kind == GeometryKind::Line)
            addFeature(roads, std::move(geometry), std::move(attributes));
        else if (geometry.kind == GeometryKind::Point)
            addFeature(works, std::move(geometry), std::move(attributes));
    }
    communes.warnings.insert(communes.warnings.end(), undrawable.begin(), undrawable.end());
    std::vector<VectorLayer> layers;
    for (VectorLayer* layer : {&communes, &districts, &provinces, &roads, &villages, &works})
        if (!layer->features.empty()) layers.push_back(std::move(*layer));
    if (layers.empty()) {
        std::string why = mappedUnits == 0 ? "it has no communes or villages yet (import units with geometry first)"
                                           : std::to_string(mappedUnits) + " communes/villages, none with a geometry that can be drawn";
        if (!undrawable.empty())
            why += " (" + std::to_string(undrawable.size()) + " stored geometries cannot be drawn, e.g. " +
                   undrawable.front().substr(projectPath.size() + 2) + ")";
        return makeError(ErrorCode::BadInput, projectPath + ": nothing to draw: " + why);
    }
    return layers;
}

}  // namespace gis::figures
