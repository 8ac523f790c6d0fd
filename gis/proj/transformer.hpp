#pragma once
/// Coordinate transforms through PROJ, always in normalized (visualization) axis order:
/// x = easting / longitude, y = northing / latitude. Move-only; not shared across threads.
#include <memory>
#include <string>
#include <vector>

#include "gis/core/geometry.hpp"
#include "gis/core/result.hpp"

namespace gis::proj {

class Transformer {
public:
    /// `sourceCrs` / `targetCrs`: anything PROJ accepts ("EPSG:9209", a PROJ string, WKT).
    static Result<Transformer> create(const std::string& sourceCrs, const std::string& targetCrs);
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;
    ~Transformer();

    /// Source → target. Returns false (point untouched) when PROJ cannot transform it.
    bool forward(Vec2& point) const;
    /// Target → source.
    bool inverse(Vec2& point) const;
    /// Transforms every point in place; false if any point failed.
    bool forward(std::vector<Vec2>& points) const;
    /// Transforms every part of a geometry in place; false if any point failed.
    bool forward(Geometry& geometry) const;

private:
    Transformer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The VN-2000 3° TM zone CRS ("EPSG:xxxx") of a province, by GSO province code (2 digits)
/// or by province name (any spelling that normalises equal). Empty when unknown.
std::string vn2000ZoneForProvince(const std::string& provinceCodeOrName);

}  // namespace gis::proj
