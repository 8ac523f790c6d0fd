#include "gis/tess/spatial_order.hpp"

#include <algorithm>

namespace gis::tess {
namespace {

/// Spreads the low 16 bits of v to the even bit positions.
std::uint32_t spreadBits(std::uint32_t v) {
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
}

}  // namespace

std::vector<std::uint32_t> mortonOrder(const std::vector<Bounds>& featureBounds, const Bounds& extent) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(featureBounds.size());
    const double w = std::max(extent.width(), 1e-9), h = std::max(extent.height(), 1e-9);
    for (std::size_t i = 0; i < featureBounds.size(); ++i) {
        const Bounds& b = featureBounds[i];
        std::uint64_t code = ~0ull;
        if (b.valid() && extent.valid()) {
            const Vec2 c = b.center();
            const auto qx = static_cast<std::uint32_t>(std::clamp((c.x - extent.minX) / w, 0.0, 1.0) * 65535.0);
            const auto qy = static_cast<std::uint32_t>(std::clamp((c.y - extent.minY) / h, 0.0, 1.0) * 65535.0);
            code = spreadBits(qx) | (static_cast<std::uint64_t>(spreadBits(qy)) << 1);
        }
        keyed[i] = {code, static_cast<std::uint32_t>(i)};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> order(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
    return order;
}

}  // namespace gis::tess
