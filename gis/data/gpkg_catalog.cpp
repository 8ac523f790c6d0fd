#include "gis/data/gpkg_catalog.hpp"

#include <cstdint>
#include <filesystem>

#include "gis/core/ascii_case.hpp"
#include "gis/store/database.hpp"

namespace gis::data {
namespace {

/// 'GPKG' in the file header's application_id: a GeoPackage 1.2 or later (GDAL writes it). An
/// older or unmarked SQLite file is OGR's to judge.
constexpr std::int64_t kGeoPackageApplicationId = 0x47504B47;

/// A declared column type as OGR's GeoPackage driver reads it, for the types whose values
/// readGpkgRows converts the way OGR does; nullopt for any other (dates, blobs, geometry types,
/// or names OGR would skip with a warning, such as VARCHAR).
std::optional<GpkgTable::Column> plainColumn(const std::string& name, const std::string& declaredType) {
    const std::string type = asciiLower(declaredType);
    if (type == "integer" || type == "int") return GpkgTable::Column{name, FieldKind::Integer, false};
    if (type == "mediumint" || type == "smallint" || type == "tinyint" || type == "boolean")
        return GpkgTable::Column{name, FieldKind::Integer, true};  // OFTInteger: read as 32 bits
    if (type == "real" || type == "double" || type == "float") return GpkgTable::Column{name, FieldKind::Real, false};
    if (type == "text" || (type.rfind("text(", 0) == 0 && type.back() == ')')) return GpkgTable::Column{name, FieldKind::Text, false};
    return std::nullopt;
}

}  // namespace

std::optional<GpkgLayerDescription> describePlainGpkgLayer(const std::string& path, const std::string& layerName) {
    if (layerName.empty() || asciiLower(std::filesystem::path(path).extension().string()) != ".gpkg") return std::nullopt;
    auto db = store::Database::open(path, store::Database::Mode::ReadOnlyOneThread);
    if (!db) return std::nullopt;
    auto applicationId = db->prepare("PRAGMA application_id");
    if (!applicationId || !applicationId->step() || applicationId->int64(0) != kGeoPackageApplicationId) return std::nullopt;

    // The layer's geometry column and CRS. A file without these tables, or a layer that is not a
    // feature table, fails or finds nothing: OGR's turn.
    auto layer = db->prepare(
        "SELECT g.column_name, s.organization, s.organization_coordsys_id "
        "FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
        "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id "
        "WHERE c.data_type = 'features' AND c.table_name = ?1");
    if (!layer) return std::nullopt;
    layer->bind(1, layerName);
    if (!layer->step() || layer->isNull(0) || layer->isNull(1) || layer->isNull(2)) return std::nullopt;
    GpkgLayerDescription out;
    out.table.path = path;
    out.table.table = layerName;
    out.table.geometryColumn = layer->text(0);
    const std::int64_t code = layer->int64(2);
    if (asciiLower(layer->text(1)) != "epsg" || code <= 0) return std::nullopt;
    out.crs = "EPSG:" + std::to_string(code);
    if (layer->step()) return std::nullopt;  // two geometry columns: not a plain layer

    // Its columns in table order: the one integer primary key is the fid, the geometry column is
    // the geometry, every other one a field.
    auto columns = db->prepare("SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid");
    if (!columns) return std::nullopt;
    columns->bind(1, layerName);
    bool sawGeometry = false;
    while (columns->step()) {
        const std::string name = columns->text(0);
        const std::string type = columns->text(1);
        if (columns->int64(2) != 0) {
            if (!out.table.fidColumn.empty() || asciiLower(type) != "integer") return std::nullopt;  // a composite or non-integer key
            out.table.fidColumn = name;
            continue;
        }
        if (name == out.table.geometryColumn) {
            sawGeometry = true;
            continue;
        }
        std::optional<GpkgTable::Column> column = plainColumn(name, type);
        if (!column) return std::nullopt;
        out.table.fields.push_back(std::move(*column));
    }
    if (!columns->lastError().empty() || out.table.fidColumn.empty() || !sawGeometry) return std::nullopt;  // a view has no key
    return out;
}

}  // namespace gis::data
