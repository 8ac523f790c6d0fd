#include "gis/core/assets.hpp"

namespace gis {

std::optional<std::string_view> findAsset(std::string_view name) {
    for (const EmbeddedAsset& asset : embeddedAssets())
        if (asset.name == name) return asset.content;
    return std::nullopt;
}

}  // namespace gis
