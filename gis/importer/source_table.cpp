#include "gis/importer/source_table.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "gis/data/gdal_error_capture.hpp"
#include "gis/data/text_encoding.hpp"
#include "gis/data/user_file.hpp"

namespace gis::importer {
namespace {

std::string trim(const std::string& s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    const auto end = s.find_last_not_of(" \t\r\n");
    return s.substr(begin, end - begin + 1);
}

/// Numbers as a user typed them: 6331 not 6331.000000, 2.5 not 2.500000.
std::string formatNumber(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

/// Sets a GDAL config option for this thread and restores the previous value on scope exit.
class ThreadConfig {
public:
    ThreadConfig(const char* key, const char* value) : m_key(key) {
        const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
        if (old != nullptr) m_old = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ThreadConfig(const ThreadConfig&) = delete;
    ThreadConfig& operator=(const ThreadConfig&) = delete;
    ~ThreadConfig() { CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr); }

private:
    const char* m_key;
    std::optional<std::string> m_old;
};


}  // namespace

std::string SourceTable::label() const {
    std::string out = file;
    if (!sheet.empty()) out += std::string(spreadsheet ? ", sheet '" : ", layer '") + sheet + "'";
    return out;
}

Result<std::string> decodeCellText(const std::string& raw, const std::string& encoding) {
    if (encoding.empty() || encoding == "UTF-8" || encoding == "utf-8" || encoding == "UTF8") return gis::data::decodeText(raw, "UTF-8");
    const auto narrowed = gis::data::narrowToLegacyBytes(raw);
    return gis::data::decodeText(narrowed ? *narrowed : raw, encoding);
}

Result<SourceTable> readSourceTable(const std::string& path, const ImportOptions& options, bool wantGeometry) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (auto checked = gis::data::checkUserPath(path); !checked) return checked.error();
    if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
        return makeError(ErrorCode::BadInput, path + ": the file is empty");

    gis::data::ensureGdalRegistered();
    // Spreadsheets: the first row is always the header, even when every cell below is text too
    // (GDAL's AUTO guess would otherwise read a text-only sheet's header as data). GDAL 3.6 has
    // no open option for it, only these config options, set for this thread while we read.
    const ThreadConfig xlsxHeaders("OGR_XLSX_HEADERS", "FORCE");
    const ThreadConfig odsHeaders("OGR_ODS_HEADERS", "FORCE");
    gis::data::GdalErrorCapture gdalErrors;  // GDAL's messages go into our errors, not onto stderr
    auto opened = gis::data::openUserVectorFile(path);
    if (!opened) {
        const bool damaged = std::any_of(gdalErrors.errors().begin(), gdalErrors.errors().end(), [](const std::string& e) {
            return e.find("malformed") != std::string::npos || e.find("truncated") != std::string::npos;
        });
        if (damaged) return makeError(ErrorCode::OpenFailed, path + ": the file is damaged or truncated" + gdalErrors.suffix());
        return opened.error();
    }
    GDALDatasetUniquePtr ds = std::move(*opened);
    const std::string driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";
    SourceTable table;
    table.file = path;
    table.spreadsheet = driver == "XLSX" || driver == "ODS" || driver == "CSV";
    if (ds->GetLayerCount() == 0) return makeError(ErrorCode::BadInput, path + ": the file has no layers or sheets");

    OGRLayer* layer = nullptr;
    if (!options.layer.empty()) {
        layer = ds->GetLayerByName(options.layer.c_str());
        if (layer == nullptr) {
            std::string names;
            for (OGRLayer* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string("'") + l->GetName() + "'";
            return makeError(ErrorCode::NotFound, path + ": no layer or sheet '" + options.layer + "' (it has " + names + ")");
        }
    } else {
        layer = ds->GetLayer(0);
    }
    table.sheet = layer->GetName();
    if (driver == "CSV") table.sheet.clear();  // a CSV "layer" is just the file name again

    if (!options.where.empty()) {
        if (auto filtered = gis::data::applyWhereFilter(*layer, options.where, table.label()); !filtered) return filtered.error();
        gdalErrors.clear();
    }

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        auto name = decodeCellText(trim(defn->GetFieldDefn(i)->GetNameRef()), options.encoding);
        if (!name) return makeError(ErrorCode::BadInput, table.label() + ": column header: " + name.error().message);
        table.columns.push_back(*name);
    }

    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (wantGeometry && defn->GetGeomFieldCount() > 0) {
        OGRSpatialReference source;
        if (!options.sourceSrs.empty()) {
            if (source.SetFromUserInput(options.sourceSrs.c_str()) != OGRERR_NONE)
                return makeError(ErrorCode::BadCrs, path + ": --s-srs '" + options.sourceSrs + "' is not a CRS PROJ knows");
        } else if (const OGRSpatialReference* own = layer->GetSpatialRef(); own != nullptr) {
            source = *own;
        } else {
            return makeError(ErrorCode::BadCrs, table.label() +
                                                    ": the layer has no coordinate reference system; give it with --s-srs "
                                                    "(e.g. --s-srs EPSG:9209 for VN-2000 Hà Tĩnh)");
        }
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
        if (!transform) return makeError(ErrorCode::BadCrs, table.label() + ": cannot transform from its CRS to WGS 84");
        table.hasGeometryField = true;
        double west = 0, south = 0, east = 0, north = 0;
        const char* areaName = nullptr;
        if (source.GetAreaOfUse(&west, &south, &east, &north, &areaName) && west <= east && south <= north) {
            const char* authority = source.GetAuthorityName(nullptr);
            const char* code = source.GetAuthorityCode(nullptr);
            std::string name = authority != nullptr && code != nullptr ? std::string(authority) + ":" + code : std::string();
            if (const char* own = source.GetName(); own != nullptr) name += (name.empty() ? "" : " ") + std::string(own);
            table.crsArea = CrsAreaOfUse{name, west, south, east, north};
        }
    }

    for (auto& feature : *layer) {
        SourceRow row;
        row.fid = feature->GetFID();
        if (driver == "CSV")
            row.location = "row " + std::to_string(row.fid + 1);  // CSV FIDs count data lines from 1; the header is line 1
        else if (table.spreadsheet)
            row.location = "row " + std::to_string(row.fid);  // XLSX/ODS FIDs are sheet row numbers
        else
            row.location = "feature " + std::to_string(row.fid);
        bool anyValue = false;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            Cell cell;
            if (feature->IsFieldSetAndNotNull(i)) {
                const OGRFieldType type = defn->GetFieldDefn(i)->GetType();
                if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
                    cell.number = feature->GetFieldAsDouble(i);
                    cell.text = formatNumber(*cell.number);
                } else if (type == OFTDate || type == OFTDateTime) {
                    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                    float ss = 0;
                    feature->GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
                    char buffer[16];
                    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
                    cell.text = buffer;
                    cell.isDate = true;
                } else {
                    auto text = decodeCellText(trim(feature->GetFieldAsString(i)), options.encoding);
                    if (!text)
                        return makeError(ErrorCode::BadInput, table.label() + ", " + row.location + ", column '" +
                                                                  table.columns[static_cast<std::size_t>(i)] + "': " +
                                                                  text.error().message);
                    cell.text = *text;
                }
            }
            anyValue = anyValue || !cell.empty();
            row.cells.push_back(std::move(cell));
        }
        if (wantGeometry && feature->GetGeometryRef() != nullptr) {
            std::unique_ptr<OGRGeometry> geometry(feature->StealGeometry());
            geometry->flattenTo2D();
            // A feature that cannot be reprojected (NaN, 1e308, a point beyond the projection's
            // domain) is one problem line among the others, not the end of the whole read.
            if (!hasOnlyFiniteCoordinates(*geometry))
                row.geometryProblem = "coordinates that are not numbers (NaN or infinite)";
            else if (transform && !geometry->IsEmpty() && geometry->transform(transform.get()) != OGRERR_NONE)
                row.geometryProblem = "the geometry cannot be reprojected from the layer's CRS to WGS 84 (coordinates out of its range?)";
            else
                row.geometry = std::move(geometry);
            anyValue = true;
        }
        if (!anyValue) continue;  // blank spreadsheet rows between blocks are not data
        table.rows.push_back(std::move(row));
    }
    // A reader that fails half-way (a truncated GeoPackage, a broken sheet) just stops returning
    // features; importing what came before would silently lose the rest.
    if (!gdalErrors.errors().empty())
        return makeError(ErrorCode::BadInput, table.label() + ": the file could not be read completely (damaged or truncated?)" +
                                                  gdalErrors.suffix());
    if (table.rows.empty())
        return makeError(ErrorCode::BadInput, table.label() + ": no data rows" +
                                                  (options.where.empty() ? std::string() : " match --where '" + options.where + "'"));
    return table;
}

}  // namespace gis::importer
