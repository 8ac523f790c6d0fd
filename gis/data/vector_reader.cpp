#include "gis/data/vector_reader.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <thread>
#include <variant>

#include "gis/core/ascii_case.hpp"
#include "gis/data/gdal_error_capture.hpp"
#include "gis/data/gpkg_catalog.hpp"
#include "gis/data/gpkg_feature_rows.hpp"
#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/data/polygon_repair.hpp"
#include "gis/data/text_encoding.hpp"
#include "gis/data/user_file.hpp"
#include "gis/proj/transformer.hpp"

namespace gis::data {
namespace {

bool needsDecoding(const std::string& encoding) {
    const std::string e = asciiUpper(encoding);
    return !e.empty() && e != "UTF-8" && e != "UTF8";
}

/// Opens a vector dataset read-only. With a legacy `encoding`, asks the Shapefile driver not to
/// recode the DBF (its .cpg/LDID would otherwise be applied), so decodeText sees the raw bytes.
Result<GDALDatasetUniquePtr> openDataset(const std::string& path, const std::string& encoding, GdalErrorCapture& capture) {
    (void)capture;  // openUserVectorFile words its own errors (GDAL's could echo a referenced file)
    const std::string ext = asciiUpper(std::filesystem::path(path).extension().string());
    const char* openOptions[] = {"ENCODING=", nullptr};
    const bool rawDbf = needsDecoding(encoding) && (ext == ".SHP" || ext == ".DBF");
    return openUserVectorFile(path, rawDbf ? openOptions : nullptr);
}

/// How the user would name the CRS: "EPSG:9209" when it has (or can be matched to) an EPSG
/// code, else its name.
std::string describeCrs(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr) return std::string(authority) + ":" + code;
    OGRSpatialReference copy(srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
        authority = copy.GetAuthorityName(nullptr);
        code = copy.GetAuthorityCode(nullptr);
        if (authority != nullptr && code != nullptr) return std::string(authority) + ":" + code;
    }
    const char* name = srs.GetName();
    return name != nullptr ? name : "unnamed CRS";
}

/// What PROJ is given for the source CRS: the EPSG code when the definition carries one (so PROJ
/// finds the registered datum transformations, e.g. EPSG:6960 for VN-2000), else WKT2.
std::string projInputFor(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr) return std::string(authority) + ":" + code;
    // ESRI .prj files lose the EPSG code; match against proj.db when GDAL is confident.
    int matchCount = 0;
    int* confidences = nullptr;
    OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &matchCount, &confidences);
    std::string best;
    if (matches != nullptr && matchCount > 0 && confidences[0] >= 90) {
        const auto* m = OGRSpatialReference::FromHandle(matches[0]);
        if (m->GetAuthorityName(nullptr) && m->GetAuthorityCode(nullptr))
            best = std::string(m->GetAuthorityName(nullptr)) + ":" + m->GetAuthorityCode(nullptr);
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidences);
    if (!best.empty()) return best;
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, options);
    std::string out = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
    return out;
}

FieldKind fieldKindOf(OGRFieldType type) {
    switch (type) {
        case OFTInteger:
        case OFTInteger64: return FieldKind::Integer;
        case OFTReal: return FieldKind::Real;
        case OFTString: return FieldKind::Text;
        case OFTDate:
        case OFTDateTime: return FieldKind::Date;
        default: return FieldKind::Other;
    }
}

bool isAscii(const char* s) {
    for (; *s != 0; ++s)
        if (static_cast<unsigned char>(*s) >= 0x80) return false;
    return true;
}

std::string featureLabel(const std::string& path, const std::string& layer, std::int64_t fid) {
    return path + ", layer \"" + layer + "\", feature fid " + std::to_string(fid);
}

/// "…, feature fid 7 ("Xã Thạch Hà")" when the feature has a name.
std::string featureLabelWithName(const std::string& path, const std::string& layer, std::int64_t fid, const std::string& name) {
    const std::string label = featureLabel(path, layer, fid);
    return name.empty() ? label : label + " (\"" + name + "\")";
}

/// The field a person would name a feature by, or -1: the first text field called (in any case)
/// name, ten, ten_xa, commune_vn or commune — the names the project's own layers use.
int nameFieldIndex(const std::vector<Field>& fields) {
    for (const char* wanted : {"NAME", "TEN", "TEN_XA", "COMMUNE_VN", "COMMUNE"})
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].kind == FieldKind::Text && asciiUpper(fields[i].name) == wanted) return static_cast<int>(i);
    return -1;
}

std::size_t convertedVertexCount(const Geometry& geometry) {
    std::size_t count = geometry.points.size();
    for (const LineString& line : geometry.lines) count += line.size();
    for (const Polygon& polygon : geometry.polygons)
        for (const Ring& ring : polygon.rings) count += ring.size();
    return count;
}

/// Refusal of a feature with more vertices than a layer may hold (the import's limit): the
/// check that keeps one absurd shape from taking the whole load's memory and time.
std::string tooManyVerticesWarning(const std::string& label, std::size_t vertices, std::size_t limit) {
    return label + ": skipped, the shape has " + std::to_string(vertices) + " vertices; at most " + std::to_string(limit) +
           " per feature are loaded: simplify it first (e.g. ogr2ogr -simplify 0.00001).";
}

/// The GeoPackage table behind `layer` when its rows can be read without OGR (gpkg_feature_rows.hpp):
/// a plain GeoPackage layer with a fid and one geometry column, fields that are integers, reals
/// or text, read whole (no filter) and as UTF-8 (no legacy encoding to decode).
std::optional<GpkgTable> directlyReadableTable(GDALDataset& ds, OGRLayer& layer, const ReadOptions& options,
                                               const std::string& path) {
    const GDALDriver* driver = ds.GetDriver();
    if (options.throughOgr || driver == nullptr || !EQUAL(driver->GetDescription(), "GPKG")) return std::nullopt;
    if (!options.attributeFilter.empty() || needsDecoding(options.encoding)) return std::nullopt;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    GpkgTable table{path, layer.GetName(), layer.GetFIDColumn(), layer.GetGeometryColumn(), {}};
    if (table.fidColumn.empty() || table.geometryColumn.empty() || defn->GetGeomFieldCount() != 1) return std::nullopt;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* field = defn->GetFieldDefn(i);
        const OGRFieldType type = field->GetType();
        if (type != OFTInteger && type != OFTInteger64 && type != OFTReal && type != OFTString) return std::nullopt;
        table.fields.push_back({field->GetNameRef(), fieldKindOf(type), type == OFTInteger});
    }
    return table;
}

/// The rows read through SQLite become the layer's features where they are (no second copy of
/// the layer in memory); those past the vertex limit are named in a warning and left out.
void takeRowsWithinLimit(GpkgRows rows, int nameField, std::size_t vertexLimit, VectorLayer& out) {
    std::vector<Feature>& features = rows.features;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (const std::size_t refused = rows.refusedVertices[i]; refused > 0) {
            const std::string* name =
                nameField < 0 ? nullptr : std::get_if<std::string>(&features[i].attributes[static_cast<std::size_t>(nameField)]);
            const std::string label = featureLabelWithName(out.sourcePath, out.name, features[i].fid, name != nullptr ? *name : std::string());
            out.warnings.push_back(tooManyVerticesWarning(label, refused, vertexLimit));
            continue;
        }
        if (kept != i) features[kept] = std::move(features[i]);
        ++kept;
    }
    features.resize(kept);
    out.features = std::move(features);
}

/// Per-feature outcome of the parallel reprojection + validation pass.
struct FeatureCheck {
    bool skip = false;
    std::string warning;
};

/// Reprojects every feature to `targetCrs` and validates (repairs or skips) its polygons, in two
/// threads, each with its own PROJ transformer (PJ objects are per context) and GEOS context.
/// Results land per feature, so the output order and the warnings do not depend on scheduling.
Result<VectorLayer> reprojectAndValidate(VectorLayer out, proj::Transformer transformer, const std::string& projSource,
                                         const std::string& targetCrs, const std::string& where) {
    std::vector<FeatureCheck> checks(out.features.size());
    const unsigned threadCount = out.features.size() > 2000 ? 2u : 1u;
    std::atomic<std::size_t> next{0};
    std::vector<std::string> threadErrors(threadCount);
    auto work = [&](unsigned index) {
        Result<proj::Transformer> local = index == 0 ? std::move(transformer) : proj::Transformer::create(projSource, targetCrs);
        if (!local) {
            threadErrors[index] = local.error().message;
            return;
        }
        constexpr std::size_t kBatch = 256;
        for (;;) {
            const std::size_t begin = next.fetch_add(kBatch);
            if (begin >= out.features.size()) break;
            const std::size_t end = std::min(begin + kBatch, out.features.size());
            for (std::size_t i = begin; i < end; ++i) {
                Feature& f = out.features[i];
                FeatureCheck& check = checks[i];
                f.bounds = Bounds{};
                if (f.geometry.kind == GeometryKind::None) continue;
                if (!local->forward(f.geometry)) {
                    check.skip = true;
                    check.warning = featureLabel(out.sourcePath, out.name, f.fid) + ": skipped, some coordinates cannot be reprojected from " +
                                    out.sourceCrs + " to " + targetCrs + ".";
                    continue;
                }
                if (f.geometry.kind == GeometryKind::Polygon) {
                    const RepairResult r = validateAndRepair(f.geometry.polygons);
                    if (r.outcome == RepairOutcome::Repaired) {
                        check.warning = featureLabel(out.sourcePath, out.name, f.fid) + ": invalid polygon (" + r.reason +
                                        ") repaired with GEOS MakeValid.";
                    } else if (r.outcome == RepairOutcome::Failed) {
                        check.skip = true;
                        check.warning = featureLabel(out.sourcePath, out.name, f.fid) +
                                        ": skipped, invalid polygon that cannot be repaired (" + r.reason + ").";
                    }
                }
                f.bounds = f.geometry.bounds();  // its vertices are in this core's cache now
            }
        }
    };
    if (threadCount == 1) {
        work(0);
    } else {
        std::thread helper(work, 1u);
        work(0);
        helper.join();
    }
    for (const std::string& e : threadErrors)
        if (!e.empty()) return makeError(ErrorCode::BadCrs, "Cannot reproject " + where + ": " + e);

    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.features.size(); ++i) {
        if (!checks[i].warning.empty()) out.warnings.push_back(std::move(checks[i].warning));
        if (checks[i].skip) continue;
        if (kept != i) out.features[kept] = std::move(out.features[i]);
        ++kept;
    }
    out.features.resize(kept);
    for (const Feature& f : out.features) out.bounds.expand(f.bounds);
    return out;
}

/// readThroughOgr's work for a plain GeoPackage layer (gpkg_catalog.hpp) without OGR: the layer
/// described from the file's own tables, its rows read through SQLite. nullopt when OGR must read
/// it; `rowsNeedOgr` then says whether the rows must go through OGR too (a blob the fast path
/// leaves to it: OGR's path words its messages), or only the opening.
std::optional<Result<VectorLayer>> readPlainGeoPackage(const std::string& path, const ReadOptions& options, bool& rowsNeedOgr) {
    if (options.throughOgr || !options.attributeFilter.empty() || needsDecoding(options.encoding)) return std::nullopt;
    if (!checkUserPath(path)) return std::nullopt;  // refused in OGR's path, in its words
    std::optional<GpkgLayerDescription> described = describePlainGpkgLayer(path, options.layerName);
    if (!described) return std::nullopt;
    VectorLayer out;
    out.name = described->table.table;
    out.sourcePath = path;
    const std::string projSource = options.sourceCrsOverride.empty() ? described->crs : options.sourceCrsOverride;
    out.sourceCrs = projSource;
    auto transformer = proj::Transformer::create(projSource, options.targetCrs);
    if (!transformer) return std::nullopt;  // OGR's path says why, with the CRS as OGR names it
    for (const GpkgTable::Column& column : described->table.fields) out.fields.push_back({toNfc(column.name), column.kind});
    const std::size_t vertexLimit = options.maxFeatureVertices != 0 ? options.maxFeatureVertices : kMaxFeatureVertices;
    std::optional<GpkgRows> rows = readGpkgRows(described->table, vertexLimit);
    if (!rows) {
        rowsNeedOgr = true;
        return std::nullopt;
    }
    takeRowsWithinLimit(std::move(*rows), nameFieldIndex(out.fields), vertexLimit, out);
    const std::string where = path + ", layer \"" + out.name + "\"";
    return reprojectAndValidate(std::move(out), std::move(*transformer), projSource, options.targetCrs, where);
}

/// Everything through OGR but the rows of a plain GeoPackage table (directlyReadableTable).
Result<VectorLayer> readThroughOgr(const std::string& path, const ReadOptions& options);

}  // namespace

Result<std::vector<std::string>> listLayers(const std::string& path) {
    GdalErrorCapture capture;
    auto ds = openDataset(path, {}, capture);
    if (!ds) return ds.error();
    std::vector<std::string> names;
    for (OGRLayer* layer : (*ds)->GetLayers()) names.emplace_back(layer->GetName());
    return names;
}

Result<VectorLayer> readVectorLayer(const std::string& path, const ReadOptions& options) {
    bool rowsNeedOgr = false;
    if (std::optional<Result<VectorLayer>> plain = readPlainGeoPackage(path, options, rowsNeedOgr)) return std::move(*plain);
    if (!rowsNeedOgr) return readThroughOgr(path, options);
    ReadOptions everyRowThroughOgr = options;  // a row the fast path cannot read: OGR's messages for the whole layer
    everyRowThroughOgr.throughOgr = true;
    return readThroughOgr(path, everyRowThroughOgr);
}

namespace {

Result<VectorLayer> readThroughOgr(const std::string& path, const ReadOptions& options) {
    GdalErrorCapture capture;
    auto opened = openDataset(path, options.encoding, capture);
    if (!opened) return opened.error();
    GDALDataset& ds = **opened;

    OGRLayer* layer = options.layerName.empty() ? ds.GetLayer(0) : ds.GetLayerByName(options.layerName.c_str());
    if (layer == nullptr) {
        std::string available;
        for (OGRLayer* l : ds.GetLayers()) available += (available.empty() ? "" : ", ") + std::string(l->GetName());
        return makeError(ErrorCode::NotFound, options.layerName.empty()
                                                  ? "The file " + path + " has no vector layer."
                                                  : "The file " + path + " has no layer \"" + options.layerName +
                                                        "\" (layers: " + (available.empty() ? "none" : available) + ").");
    }
    VectorLayer out;
    out.name = layer->GetName();
    out.sourcePath = path;
    const std::string where = path + ", layer \"" + out.name + "\"";

    if (!options.attributeFilter.empty()) {
        if (auto filtered = applyWhereFilter(*layer, options.attributeFilter, where); !filtered) return filtered.error();
        capture.clear();
    }

    // Source CRS: the override wins (files whose CRS is missing or known to be wrong).
    std::string projSource;
    if (!options.sourceCrsOverride.empty()) {
        projSource = options.sourceCrsOverride;
        out.sourceCrs = options.sourceCrsOverride;
    } else if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        projSource = projInputFor(*srs);
        out.sourceCrs = describeCrs(*srs);
    } else {
        return makeError(ErrorCode::BadCrs, "The file " + path + " (layer \"" + out.name +
                                                "\") has no coordinate reference system; pass its CRS as the source "
                                                "CRS override (e.g. \"EPSG:9209\" for VN-2000 Hà Tĩnh).");
    }
    auto transformer = proj::Transformer::create(projSource, options.targetCrs);
    if (!transformer)
        return makeError(ErrorCode::BadCrs, "Cannot reproject " + where + " from " + out.sourceCrs + " to " +
                                                options.targetCrs + ": " + transformer.error().message);

    // Fields.
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int fieldCount = defn->GetFieldCount();
    for (int i = 0; i < fieldCount; ++i) {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        out.fields.push_back({toNfc(fd->GetNameRef()), fieldKindOf(fd->GetType())});
    }
    const bool decode = needsDecoding(options.encoding);
    const std::size_t vertexLimit = options.maxFeatureVertices != 0 ? options.maxFeatureVertices : kMaxFeatureVertices;
    const int nameField = nameFieldIndex(out.fields);
    auto labelWithName = [&](std::int64_t fid, const std::string& name) { return featureLabelWithName(path, out.name, fid, name); };
    auto labelOf = [&](const OGRFeature& feature, std::int64_t fid) {
        if (nameField < 0 || !feature.IsFieldSetAndNotNull(nameField)) return labelWithName(fid, {});
        const char* raw = feature.GetFieldAsString(nameField);
        std::string name = raw;
        if (decode) {
            auto text = decodeText(raw, options.encoding);
            name = text ? std::move(*text) : std::string();
        } else if (!isAscii(raw)) {
            name = toNfc(raw);
        }
        return labelWithName(fid, name);
    };

    // Features: geometry in the source CRS first; everything geometric happens afterwards in bulk.
    // The first feature whose reading made GDAL report an error (a damaged geometry blob, say):
    // named in the error, as GDAL's own words do not say which feature it was.
    std::optional<std::int64_t> firstFailingFid;
    auto readRowsWithOgr = [&]() -> Status {
        layer->ResetReading();
        const std::size_t errorsBefore = capture.errors().size();
        std::int64_t sequence = 0;
        for (auto& feature : *layer) {
            Feature f;
            f.fid = feature->GetFID() == OGRNullFID ? sequence : feature->GetFID();
            ++sequence;
            if (!firstFailingFid && capture.errors().size() > errorsBefore) firstFailingFid = f.fid;
            // Counted on GDAL's copy before ours is made; linearised curves are counted again after.
            const OGRGeometry* ogrGeometry = feature->GetGeometryRef();
            if (const std::size_t stored = countOgrVertices(ogrGeometry); stored > vertexLimit) {
                out.warnings.push_back(tooManyVerticesWarning(labelOf(*feature, f.fid), stored, vertexLimit));
                continue;
            }
            std::string note;
            f.geometry = convertOgrGeometry(ogrGeometry, &note);
            if (const std::size_t converted = convertedVertexCount(f.geometry); converted > vertexLimit) {
                out.warnings.push_back(tooManyVerticesWarning(labelOf(*feature, f.fid), converted, vertexLimit));
                continue;
            }
            if (!note.empty()) out.warnings.push_back(featureLabel(path, out.name, f.fid) + ": " + note + ".");
            f.attributes.resize(static_cast<std::size_t>(fieldCount));
            for (int i = 0; i < fieldCount; ++i) {
                if (!feature->IsFieldSetAndNotNull(i)) continue;
                AttributeValue& value = f.attributes[static_cast<std::size_t>(i)];
                switch (out.fields[static_cast<std::size_t>(i)].kind) {
                    case FieldKind::Integer: value = static_cast<std::int64_t>(feature->GetFieldAsInteger64(i)); break;
                    case FieldKind::Real: value = feature->GetFieldAsDouble(i); break;
                    case FieldKind::Date: {
                        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                        float ss = 0;
                        feature->GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
                        char buf[32];
                        if (defn->GetFieldDefn(i)->GetType() == OFTDate)
                            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
                        else
                            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mm, static_cast<int>(ss));
                        value = std::string(buf);
                        break;
                    }
                    default: {
                        const char* raw = feature->GetFieldAsString(i);
                        if (decode) {
                            auto text = decodeText(raw, options.encoding);
                            if (!text) return makeError(ErrorCode::BadInput, featureLabel(path, out.name, f.fid) + ", field \"" +
                                                                                 out.fields[static_cast<std::size_t>(i)].name +
                                                                                 "\": " + text.error().message);
                            value = std::move(*text);
                        } else {
                            value = isAscii(raw) ? std::string(raw) : toNfc(raw);
                        }
                    }
                }
            }
            out.features.push_back(std::move(f));
        }
        return Ok{};
    };
    // A plain GeoPackage's rows are read straight through SQLite when they can be (several times
    // faster); a row it leaves to OGR (a damaged blob, say) sends the whole layer the OGR way, so
    // a damaged file gives the messages it always gave.
    std::optional<GpkgRows> directRows;
    if (const std::optional<GpkgTable> table = directlyReadableTable(ds, *layer, options, path))
        directRows = readGpkgRows(*table, vertexLimit);
    if (directRows) {
        takeRowsWithinLimit(std::move(*directRows), nameField, vertexLimit, out);
        directRows.reset();
    } else if (Status read = readRowsWithOgr(); !read) {
        return read.error();
    }
    if (!capture.errors().empty()) {
        // Drivers backed by SQL (GeoPackage) only check the filter when reading starts.
        if (!options.attributeFilter.empty())
            return makeError(ErrorCode::Sql, "--where: '" + options.attributeFilter + "' is not a valid filter for " + where +
                                                 capture.suffix() + ".");
        const std::string at = firstFailingFid ? " at feature fid " + std::to_string(*firstFailingFid) : std::string();
        return makeError(ErrorCode::BadInput, "Reading " + where + " failed" + at + capture.suffix() + ".");
    }

    return reprojectAndValidate(std::move(out), std::move(*transformer), projSource, options.targetCrs, where);
}

}  // namespace

}  // namespace gis::data
