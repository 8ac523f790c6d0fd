#pragma once
/// Files from assets/ compiled into the binary, so nothing is read relative to the working directory.
#include <optional>
#include <string_view>
#include <vector>

namespace gis {

struct EmbeddedAsset {
    std::string_view name;     ///< file name in assets/, e.g. "criteria_sets.json"
    std::string_view content;  ///< the file's bytes (UTF-8 text)
};

/// Every embedded asset, sorted by name. Defined in the generated assets_embedded.cpp.
const std::vector<EmbeddedAsset>& embeddedAssets();

/// The content of one asset, or nullopt when no asset has that name.
std::optional<std::string_view> findAsset(std::string_view name);

}  // namespace gis
