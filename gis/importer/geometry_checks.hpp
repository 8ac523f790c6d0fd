#pragma once
/// The checks every imported geometry passes before it may be written: a geometry that would put
/// a commune in the sea off Africa (latitude and longitude swapped), NaN or 1e308 coordinates, an
/// empty shape, or a ring with no area is refused; an invalid polygon (a bow-tie) is repaired with
/// GEOS MakeValid and said so. The project is a map of Vietnam: anything far outside it is an error.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <ogr_geometry.h>

namespace gis::importer {

/// A CRS's area of use (EPSG's bounding box), in degrees.
struct CrsAreaOfUse {
    std::string crsName;
    double west = 0, south = 0, east = 0, north = 0;
};

/// The kinds of shape an import accepts.
enum class ShapeKind { Area, AreaOrPoint, PointOrLine };

struct GeometryVerdict {
    std::unique_ptr<OGRGeometry> geometry;  ///< accepted geometry (repaired when `warning` says so); null when refused
    std::string problem;                    ///< why it is refused ("" when accepted)
    std::string warning;                    ///< accepted, but the user should know ("" when nothing to say)
};

/// Checks a geometry already reprojected to EPSG:4326 (x = longitude, y = latitude). `area` is
/// the source CRS's area of use when known: lying outside it only warns, because VN-2000's
/// "onshore" areas leave out the islands that are part of Vietnam.
GeometryVerdict checkImportGeometry(const OGRGeometry& wgs84, ShapeKind kind, const std::optional<CrsAreaOfUse>& area);

/// Every vertex a finite number (no NaN, no infinity)?
bool hasOnlyFiniteCoordinates(const OGRGeometry& geometry);

/// Whether a geometry already in the project is worth keeping: present, finite, inside Vietnam and
/// not degenerate. An import never replaces such a geometry with none or a worse one.
bool isGoodStoredGeometry(const OGRGeometry* wgs84);

}  // namespace gis::importer
