#include "gis/data/gpkg_feature_rows.hpp"

#include <cstring>

#include "gis/data/text_encoding.hpp"
#include "gis/store/database.hpp"
#include "gis/store/gpkg_blob_decoder.hpp"

namespace gis::data {
namespace {

std::string quoted(const std::string& identifier) {
    std::string out = "\"";
    for (const char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// The statement OGR's GeoPackage driver runs for a layer without filters: its columns, in the
/// table's own order (no ORDER BY, as OGR's). Columns: fid, geometry, then the fields.
std::string selectRowsSql(const GpkgTable& table) {
    std::string sql = "SELECT " + quoted(table.fidColumn) + ", " + quoted(table.geometryColumn);
    for (const GpkgTable::Column& field : table.fields) sql += ", " + quoted(field.name);
    return sql + " FROM " + quoted(table.table);
}

/// A field's value the way OGR's GeoPackage driver converts it (sqlite3_column_int for OFTInteger,
/// _int64, _double, _text up to its first NUL byte), then as the OGR path stores it: text as NFC.
AttributeValue readField(const store::Statement& row, int column, const GpkgTable::Column& field) {
    if (row.isNull(column)) return {};
    switch (field.kind) {
        case FieldKind::Integer: {
            const std::int64_t value = row.int64(column);
            return field.int32 ? static_cast<std::int64_t>(static_cast<std::int32_t>(value)) : value;
        }
        case FieldKind::Real: return row.real(column);
        default: {
            std::string text = row.text(column);
            text.resize(std::strlen(text.c_str()));
            return toNfc(text);
        }
    }
}

enum class BlobUse { Taken, AskOgr };

/// Decodes one row's geometry into `geometry`, or past the limit gives its vertex count in `refused`.
BlobUse takeGeometry(const std::vector<std::uint8_t>& blob, std::size_t vertexLimit, Geometry& geometry, std::size_t& refused) {
    store::DecodedBlob decoded = store::decodeGpkgBlob(blob, vertexLimit);
    switch (decoded.outcome) {
        case store::BlobOutcome::Decoded:
            if (decoded.droppedLowerDimensions) return BlobUse::AskOgr;  // OGR's path words a note for it
            geometry = std::move(decoded.geometry);
            return BlobUse::Taken;
        case store::BlobOutcome::TooManyVertices: refused = decoded.vertices; return BlobUse::Taken;
        case store::BlobOutcome::Malformed:
        case store::BlobOutcome::Unsupported: return BlobUse::AskOgr;
    }
    return BlobUse::AskOgr;
}

}  // namespace

std::optional<GpkgRows> readGpkgRows(const GpkgTable& table, std::size_t vertexLimit) {
    auto db = store::Database::open(table.path, store::Database::Mode::ReadOnlyOneThread);
    if (!db) return std::nullopt;
    // One pass over the table: SQLite's page cache (2 MB by default) would only hold pages never
    // read again, and what malloc got for it stays in the process's peak.
    if (!db->exec("PRAGMA cache_size = 16")) return std::nullopt;
    auto statement = db->prepare(selectRowsSql(table));
    if (!statement) return std::nullopt;
    store::Statement& row = *statement;
    GpkgRows rows;
    while (row.step()) {
        Feature& feature = rows.features.emplace_back();
        std::size_t& refused = rows.refusedVertices.emplace_back(0);
        feature.fid = row.int64(0);
        // A NULL geometry is a feature without one (OGR: no geometry, no message); an empty blob
        // is not a geometry (OGR: an error), which the decoder calls malformed.
        if (!row.isNull(1) && takeGeometry(row.blob(1), vertexLimit, feature.geometry, refused) == BlobUse::AskOgr)
            return std::nullopt;
        feature.attributes.reserve(table.fields.size());
        for (std::size_t i = 0; i < table.fields.size(); ++i)
            feature.attributes.push_back(readField(row, static_cast<int>(i) + 2, table.fields[i]));
    }
    if (!row.lastError().empty()) return std::nullopt;
    return rows;
}

}  // namespace gis::data
