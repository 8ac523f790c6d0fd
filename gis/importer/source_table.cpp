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

struct SourceReader::Impl {
    // Spreadsheets: the first row is always the header, even when every cell below is text too
    // (GDAL's AUTO guess would otherwise read a text-only sheet's header as data). GDAL 3.6 has
    // no open option for it, only these config options, set for this thread while we read.
    ThreadConfig xlsxHeaders{"OGR_XLSX_HEADERS", "FORCE"};
    ThreadConfig odsHeaders{"OGR_ODS_HEADERS", "FORCE"};
    gis::data::GdalErrorCapture gdalErrors;  // GDAL's messages go into our errors, not onto stderr
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
    OGRFeatureDefn* defn = nullptr;
    std::string driver;
    std::string encoding;
    bool wantGeometry = false;
    bool ended = false;
    std::unique_ptr<OGRCoordinateTransformation> transform;
};

SourceReader::SourceReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SourceReader::~SourceReader() {
    // The dataset closes while the error capture and the config options are still in place.
    if (m_impl) m_impl->ds.reset();
}

Result<std::unique_ptr<SourceReader>> SourceReader::open(const std::string& path, const ImportOptions& options, bool wantGeometry) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (auto checked = gis::data::checkUserPath(path); !checked) return checked.error();
    if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
        return makeError(ErrorCode::BadInput, path + ": the file is empty");

    gis::data::ensureGdalRegistered();
    auto impl = std::make_unique<Impl>();
    gis::data::GdalErrorCapture& gdalErrors = impl->gdalErrors;
    auto opened = gis::data::openUserVectorFile(path);
    if (!opened) {
        const bool damaged = std::any_of(gdalErrors.errors().begin(), gdalErrors.errors().end(), [](const std::string& e) {
            return e.find("malformed") != std::string::npos || e.find("truncated") != std::string::npos;
        });
        if (damaged) return makeError(ErrorCode::OpenFailed, path + ": the file is damaged or truncated" + gdalErrors.suffix());
        return opened.error();
    }
    impl->ds = std::move(*opened);
    GDALDataset* ds = impl->ds.get();
    const std::string driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";
    impl->driver = driver;
    impl->encoding = options.encoding;
    impl->wantGeometry = wantGeometry;
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
    impl->layer = layer;
    table.sheet = layer->GetName();
    if (driver == "CSV") table.sheet.clear();  // a CSV "layer" is just the file name again

    if (!options.where.empty()) {
        if (auto filtered = gis::data::applyWhereFilter(*layer, options.where, table.label()); !filtered) return filtered.error();
        gdalErrors.clear();
    }

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    impl->defn = defn;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        auto name = decodeCellText(trim(defn->GetFieldDefn(i)->GetNameRef()), options.encoding);
        if (!name) return makeError(ErrorCode::BadInput, table.label() + ": column header: " + name.error().message);
        table.columns.push_back(*name);
    }

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
        impl->transform.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
        if (!impl->transform) return makeError(ErrorCode::BadCrs, table.label() + ": cannot transform from its CRS to WGS 84");
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
    layer->ResetReading();
    std::unique_ptr<SourceReader> reader(new SourceReader(std::move(impl)));
    reader->m_header = std::move(table);
    return reader;
}

std::int64_t SourceReader::featureCountHint() {
    if (m_rowsRead > 0 || m_impl->ended) return -1;  // only before the first row: counting rewinds the layer
    const GIntBig count = m_impl->layer->GetFeatureCount(TRUE);
    m_impl->layer->ResetReading();
    return count;
}

Result<bool> SourceReader::next(SourceRow& row) {
    Impl& impl = *m_impl;
    const SourceTable& table = m_header;
    OGRFeatureDefn* defn = impl.defn;
    while (!impl.ended) {
        OGRFeatureUniquePtr feature(impl.layer->GetNextFeature());
        if (!feature) {
            impl.ended = true;
            break;
        }
        row.fid = feature->GetFID();
        if (impl.driver == "CSV")
            row.locationNumber = row.fid + 1;  // CSV FIDs count data lines from 1; the header is line 1
        else
            row.locationNumber = row.fid;  // XLSX/ODS FIDs are sheet row numbers; vector files: the feature
        row.location = table.locationOf(row.locationNumber);
        row.cells.resize(static_cast<std::size_t>(defn->GetFieldCount()));
        row.geometry.reset();
        row.geometryProblem.clear();
        bool anyValue = false;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            Cell& cell = row.cells[static_cast<std::size_t>(i)];
            cell.text.clear();
            cell.number.reset();
            cell.isDate = false;
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
                    auto text = decodeCellText(trim(feature->GetFieldAsString(i)), impl.encoding);
                    if (!text)
                        return makeError(ErrorCode::BadInput, table.label() + ", " + row.location + ", column '" +
                                                                  table.columns[static_cast<std::size_t>(i)] + "': " +
                                                                  text.error().message);
                    cell.text = std::move(text).value();
                }
            }
            anyValue = anyValue || !cell.empty();
        }
        if (impl.wantGeometry && feature->GetGeometryRef() != nullptr) {
            std::unique_ptr<OGRGeometry> geometry(feature->StealGeometry());
            geometry->flattenTo2D();
            // A feature that cannot be reprojected (NaN, 1e308, a point beyond the projection's
            // domain) is one problem line among the others, not the end of the whole read.
            if (!hasOnlyFiniteCoordinates(*geometry))
                row.geometryProblem = "coordinates that are not numbers (NaN or infinite)";
            else if (impl.transform && !geometry->IsEmpty() && geometry->transform(impl.transform.get()) != OGRERR_NONE)
                row.geometryProblem = "the geometry cannot be reprojected from the layer's CRS to WGS 84 (coordinates out of its range?)";
            else
                row.geometry = std::move(geometry);
            anyValue = true;
        }
        if (!anyValue) continue;  // blank spreadsheet rows between blocks are not data
        ++m_rowsRead;
        return true;
    }
    // A reader that fails half-way (a truncated GeoPackage, a broken sheet) just stops returning
    // features; importing what came before would silently lose the rest.
    if (!impl.gdalErrors.errors().empty())
        return makeError(ErrorCode::BadInput, table.label() + ": the file could not be read completely (damaged or truncated?)" +
                                                  impl.gdalErrors.suffix());
    return false;
}

Error tooManyRowsError(const SourceTable& table, std::size_t limit, const std::string& kind) {
    std::string n = std::to_string(limit);
    for (int i = static_cast<int>(n.size()) - 3; i > 0; i -= 3) n.insert(static_cast<std::size_t>(i), ",");
    return makeError(ErrorCode::BadInput, table.label() + ": more than " + n + " rows, the most an import of " + kind +
                                              " reads from one sheet; split the sheet into parts of at most " + n +
                                              " rows and import each (nothing was imported)");
}

Result<SourceTable> readSourceTable(const std::string& path, const ImportOptions& options, bool wantGeometry, std::size_t keepRows,
                                    std::size_t maxRows, const std::string& kind, std::size_t* rowCount) {
    auto reader = SourceReader::open(path, options, wantGeometry);
    if (!reader) return reader.error();
    SourceTable table = (*reader)->header();
    for (;;) {
        SourceRow row;
        auto more = (*reader)->next(row);
        if (!more) return more.error();
        if (!*more) break;
        if (static_cast<std::size_t>((*reader)->rowsRead()) > maxRows) return tooManyRowsError(table, maxRows, kind);
        if (table.rows.size() < keepRows) table.rows.push_back(std::move(row));
    }
    if ((*reader)->rowsRead() == 0)
        return makeError(ErrorCode::BadInput, table.label() + ": no data rows" +
                                                  (options.where.empty() ? std::string() : " match --where '" + options.where + "'"));
    if (rowCount != nullptr) *rowCount = static_cast<std::size_t>((*reader)->rowsRead());
    return table;
}

}  // namespace gis::importer
