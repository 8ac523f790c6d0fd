#include "gis/scene/map_source.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>

#include "gis/data/vector_reader.hpp"
#include "gis/demo/demo_district.hpp"
#include "gis/figures/project_map.hpp"
#include "gis/scene/project_heading.hpp"
#include "gis/store/location.hpp"

namespace gis::scene {

namespace {

std::string fileStem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

/// "communes,roads" → {"communes", "roads"}; "" → {""} (the file's first layer).
std::vector<std::string> splitLayerNames(const std::string& list) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = list.find(',', start);
        names.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) return names;
        start = comma + 1;
    }
}

/// A project's layers named by --layer (in the order given), or all of them when none is named.
/// An unknown name is an error listing what the project has: silently drawing something else
/// would put the wrong map in a report.
Result<std::vector<data::VectorLayer>> selectLayers(const std::string& path, std::vector<data::VectorLayer> layers,
                                                    const std::string& layerList) {
    if (layerList.empty()) return layers;
    std::vector<data::VectorLayer> selected;
    for (const std::string& name : splitLayerNames(layerList)) {
        auto found = std::find_if(layers.begin(), layers.end(), [&](const data::VectorLayer& l) { return l.name == name; });
        if (found == layers.end()) {
            std::string names;
            for (const data::VectorLayer& l : layers) names += (names.empty() ? "" : ", ") + l.name;
            return makeError(ErrorCode::NotFound, path + ": the project has no layer '" + name + "' (its layers: " +
                                                      (names.empty() ? std::string("none") : names) + ")");
        }
        selected.push_back(*found);
    }
    return selected;
}

/// The named layers of a plain file, in the order named. They are read side by side, one
/// thread each: a layer's rows come from SQLite on one thread, so read one after another the
/// second core sat idle through the smaller layers' reads once the GL worker was done (the roads
/// and works of the 10,000-commune set). Each read has its own connection, PROJ transformers and
/// GEOS contexts, so nothing is shared between them.
std::vector<Result<data::VectorLayer>> readLayersSideBySide(const MapSourceSpec& spec, const std::vector<std::string>& names) {
    std::vector<std::optional<Result<data::VectorLayer>>> read(names.size());
    auto readOne = [&](std::size_t i) {
        data::ReadOptions options;
        options.layerName = names[i];
        options.sourceCrsOverride = spec.sourceCrs;
        read[i].emplace(data::readVectorLayer(spec.path, options));
    };
    std::vector<std::thread> others;
    for (std::size_t i = 1; i < names.size(); ++i) others.emplace_back(readOne, i);
    readOne(0);
    for (std::thread& t : others) t.join();
    std::vector<Result<data::VectorLayer>> layers;
    layers.reserve(read.size());
    for (auto& layer : read) layers.push_back(std::move(*layer));
    return layers;
}

}  // namespace

Result<LoadedSource> loadMapSource(const MapSourceSpec& spec) {
    LoadedSource loaded;
    if (spec.path.empty()) {
        const demo::DemoDistrict district = demo::generateDemoDistrict();
        loaded.layers = demo::demoMapLayers(district);
        loaded.isDemo = true;
        loaded.title = "Huyện Sơn Hà (mẫu) — kết quả xây dựng nông thôn mới";
        for (const demo::DemoUnit& unit : district.units)
            if (unit.level == "district") loaded.title = unit.name + " — kết quả xây dựng nông thôn mới";
        return loaded;
    }
    if (!store::isPostgresLocation(spec.path) && !std::filesystem::exists(spec.path))
        return makeError(ErrorCode::NotFound, "cannot open " + spec.path + ": no such file");

    if (figures::isProjectFile(spec.path)) {
        // The heading (title, assessment dates, demo marker) is read on a connection of its own
        // beside the layers: after them it added 35-40 ms of statements on PostgreSQL (the dates
        // and the marker scan the national project's tables) to the first frame.
        ProjectHeading heading;
        std::thread headingReader([&] { heading = readProjectHeading(spec.path, spec.asOf); });
        auto layers = figures::loadProjectMapLayers(spec.path, spec.asOf);
        headingReader.join();
        if (!layers) return layers.error();
        auto selected = selectLayers(spec.path, std::move(layers.value()), spec.layerName);
        if (!selected) return selected.error();
        loaded.layers = std::move(selected.value());
        loaded.title = heading.title;
        loaded.isDemo = heading.isDemo;
        loaded.asOfChoices = heading.assessmentDates;
        return loaded;
    }

    for (auto& layer : readLayersSideBySide(spec, splitLayerNames(spec.layerName))) {
        if (!layer) return layer.error();
        if (loaded.title.empty())
            loaded.title = layer->name.empty() ? fileStem(spec.path)
                                               : layer->name + " — " + std::filesystem::path(spec.path).filename().string();
        loaded.layers.push_back(std::move(layer.value()));
    }
    return loaded;
}

}  // namespace gis::scene
