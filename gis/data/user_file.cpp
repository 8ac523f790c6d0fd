#include "gis/data/user_file.hpp"

#include <ogrsf_frmts.h>

#include <filesystem>

#include "gis/data/gdal_error_capture.hpp"

namespace gis::data {
namespace {

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

/// "PG:dbname=x", "CSV:/etc/passwd", "http://…", "GPKG:file.gpkg:table": a run of letters,
/// digits or underscores followed by ':' before any '/'. A local path never needs that form
/// (write ./a:b.csv for a file really called that).
bool looksLikeConnectionString(const std::string& path) {
    const auto colon = path.find(':');
    if (colon == std::string::npos || colon < 2) return false;  // "C:" drive letters do not occur here
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = path[i];
        const bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!word) return false;
    }
    return true;
}

}  // namespace

const char* const* supportedVectorDrivers() {
    static const char* const drivers[] = {"GPKG",  "ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "KML", "LIBKML", "CSV",
                                          "XLSX",  "ODS",            "GPX",     "MapInfo File", "FlatGeobuf", nullptr};
    return drivers;
}

Status checkUserPath(const std::string& path) {
    namespace fs = std::filesystem;
    if (path.empty()) return makeError(ErrorCode::BadInput, "No file was named.");
    if (startsWith(path, "/vsi"))
        return makeError(ErrorCode::BadInput, path + ": GDAL virtual file systems (/vsi…) are not accepted; name a local file.");
    if (path.find("://") != std::string::npos || looksLikeConnectionString(path))
        return makeError(ErrorCode::BadInput, path +
                                                  ": URLs, connection strings and driver prefixes (http:, ftp:, PG:, CSV: …) "
                                                  "are not accepted; name a local file.");
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return makeError(ErrorCode::NotFound, path + ": no such file");
    if (!fs::is_regular_file(status) && !fs::is_directory(status))
        return makeError(ErrorCode::BadInput, path + ": not a regular file (a FIFO, socket or device cannot be read as data).");
    return Ok{};
}

Result<GDALDatasetUniquePtr> openUserVectorFile(const std::string& path, const char* const* openOptions) {
    if (auto checked = checkUserPath(path); !checked) return checked.error();
    ensureGdalRegistered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, supportedVectorDrivers(),
                                              openOptions, nullptr));
    if (!ds) {
        // Does a driver outside the allow-list claim it (a VRT, say)? Identify only reads the
        // header, never what the file points to, and never echoes its content.
        GDALDriverH other = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
        if (other != nullptr)
            return makeError(ErrorCode::UnsupportedFormat,
                             path + ": " + GDALGetDriverLongName(other) + " (" + GDALGetDriverShortName(other) +
                                 ") files are not opened, as they can point to other files or to the network; "
                                 "supported: GeoPackage, Shapefile, GeoJSON, KML, GPX, MapInfo, FlatGeobuf, CSV, XLSX, ODS.");
        return makeError(ErrorCode::OpenFailed, path + ": not a vector file or table of a supported format (damaged?).");
    }
    return ds;
}

Status checkWhereText(const std::string& where) {
    bool inString = false;
    for (const char c : where) {
        if (c == '\'') inString = !inString;
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
            return makeError(ErrorCode::Sql, "--where: '" + where + "' is not a valid filter (control characters).");
        if (c == ';' && !inString)
            return makeError(ErrorCode::Sql, "--where: '" + where +
                                                 "' is not a valid filter: one expression only, nothing after ';'.");
    }
    if (inString) return makeError(ErrorCode::Sql, "--where: '" + where + "' is not a valid filter (a quote is not closed).");
    return Ok{};
}

Status applyWhereFilter(OGRLayer& layer, const std::string& where, const std::string& label) {
    if (auto text = checkWhereText(where); !text) return text.error();
    GdalErrorCapture capture;
    const OGRErr err = layer.SetAttributeFilter(where.c_str());
    if (err == OGRERR_NONE) {
        // GeoPackage and other SQL drivers only prepare the statement on the first read.
        OGRFeature::DestroyFeature(layer.GetNextFeature());
        layer.ResetReading();
    }
    if (err != OGRERR_NONE || !capture.errors().empty()) {
        layer.SetAttributeFilter(nullptr);
        return makeError(ErrorCode::Sql, "--where: '" + where + "' is not a valid filter for " + label + capture.suffix() +
                                             "; write it as in SQL: name = 'value', code IN (1, 2), population > 1000.");
    }
    return Ok{};
}

}  // namespace gis::data
