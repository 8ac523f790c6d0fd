#include "gis/proj/transformer.hpp"

#include <proj.h>

#include <cmath>
#include <string_view>
#include <thread>

#include "gis/proj/proj_context.hpp"
#include "gis/proj/web_mercator.hpp"

namespace gis::proj {

namespace {

/// What proj_create_crs_to_crs + proj_normalize_for_visualization make of EPSG:4326 → EPSG:3857
/// (PROJ 9), however the two CRSs were spelled.
constexpr const char* kWgs84ToWebMercator =
    "proj=pipeline step proj=unitconvert xy_in=deg xy_out=rad step proj=webmerc lat_0=0 lon_0=0 x_0=0 y_0=0 ellps=WGS84";

}  // namespace

struct Transformer::Impl {
    PJ* pj = nullptr;
    bool wgs84ToWebMercator = false;  ///< pj is kWgs84ToWebMercator: forward() computes it itself (web_mercator.hpp)
    mutable std::thread::id owner;  ///< thread whose context `pj` currently uses

    /// PJ objects are tied to a context. If this transformer moved to another thread (used
    /// there sequentially, never concurrently), re-home it on that thread's context.
    PJ* get() const {
        const std::thread::id current = std::this_thread::get_id();
        if (current != owner) {
            proj_assign_context(pj, threadContext());
            owner = current;
        }
        return pj;
    }
    ~Impl() {
        if (pj != nullptr) {
            get();
            proj_destroy(pj);
        }
    }
};

Transformer::Transformer() : m_impl(std::make_unique<Impl>()) {}
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;
Transformer::~Transformer() = default;

Result<Transformer> Transformer::create(const std::string& sourceCrs, const std::string& targetCrs) {
    PJ_CONTEXT* ctx = threadContext();
    PJ* raw = proj_create_crs_to_crs(ctx, sourceCrs.c_str(), targetCrs.c_str(), nullptr);
    if (raw == nullptr) {
        const int err = proj_context_errno(ctx);
        return makeError(ErrorCode::BadCrs, "Cannot build a transformation from \"" + sourceCrs + "\" to \"" + targetCrs +
                                                 "\": " + (err != 0 ? proj_context_errno_string(ctx, err) : "unknown CRS") + ".");
    }
    // Always x = easting/longitude, y = northing/latitude, whatever the CRS axis order says
    // (EPSG:4326 is lat/lon, VN-2000 survey tables are northing first).
    PJ* normalized = proj_normalize_for_visualization(ctx, raw);
    proj_destroy(raw);
    if (normalized == nullptr)
        return makeError(ErrorCode::BadCrs, "Cannot normalise the axis order of the transformation from \"" + sourceCrs +
                                                "\" to \"" + targetCrs + "\".");
    Transformer t;
    t.m_impl->pj = normalized;
    const char* definition = proj_pj_info(normalized).definition;
    t.m_impl->wgs84ToWebMercator = definition != nullptr && std::string_view(definition) == kWgs84ToWebMercator;
    t.m_impl->owner = std::this_thread::get_id();
    return t;
}

namespace {
bool transformOne(PJ* pj, PJ_DIRECTION direction, Vec2& point) {
    PJ_COORD c = proj_coord(point.x, point.y, 0.0, HUGE_VAL);
    c = proj_trans(pj, direction, c);
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y)) return false;
    point = {c.xy.x, c.xy.y};
    return true;
}
}  // namespace

bool Transformer::forward(Vec2& point) const {
    if (m_impl->wgs84ToWebMercator && inWebMercatorRange(&point, 1)) {
        wgs84ToWebMercator(&point, 1);  // as the bulk call does: the same point, the same bits
        return true;
    }
    return transformOne(m_impl->get(), PJ_FWD, point);
}

bool Transformer::inverse(Vec2& point) const { return transformOne(m_impl->get(), PJ_INV, point); }

bool Transformer::forward(Geometry& geometry) const {
    bool ok = forward(geometry.points);
    for (LineString& line : geometry.lines) ok = forward(line) && ok;
    for (Polygon& polygon : geometry.polygons)
        for (Ring& ring : polygon.rings) ok = forward(ring) && ok;
    return ok;
}

bool Transformer::forward(std::vector<Vec2>& points) const {
    if (points.empty()) return true;
    if (m_impl->wgs84ToWebMercator && inWebMercatorRange(points.data(), points.size())) {
        wgs84ToWebMercator(points.data(), points.size());
        return true;
    }
    PJ* pj = m_impl->get();
    // One call for the whole array: x and y are strided views into the Vec2 vector. PROJ picks
    // the operation per point when several apply (proj_create_crs_to_crs), so this stays correct
    // across areas of use, while avoiding a function call and PJ_COORD copy per point.
    const std::size_t stride = sizeof(Vec2);
    const std::size_t transformed = proj_trans_generic(pj, PJ_FWD, &points[0].x, stride, points.size(), &points[0].y,
                                                       stride, points.size(), nullptr, 0, 0, nullptr, 0, 0);
    bool ok = transformed == points.size();
    for (const Vec2& p : points)
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            ok = false;
            break;
        }
    return ok;
}

}  // namespace gis::proj
