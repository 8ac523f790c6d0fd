#include "gis/store/gpkg_blob_decoder.hpp"

#include <cmath>
#include <cstring>

namespace gis::store {
namespace {

/// OGR refuses a collection nested 32 deep (ogrgeometrycollection.cpp); the same limit here
/// bounds the recursion and keeps the two decoders agreeing on what can be read.
constexpr int kMaxCollectionDepth = 32;

/// The smallest member a collection can hold (byte order, type, a count): a count above the bytes
/// left divided by this is a lie, refused before it is believed.
constexpr std::size_t kMinMemberBytes = 9;

/// Envelope sizes of the GeoPackage header by its flags' envelope code (none, xy, xyz, xym, xyzm).
constexpr std::size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64};

constexpr bool kHostBigEndian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;

enum WkbType : std::uint32_t { kPoint = 1, kLineString, kPolygon, kMultiPoint, kMultiLineString, kMultiPolygon, kCollection };

enum class Status { Ok, Malformed, Unsupported };

std::uint32_t load32(const std::uint8_t* p, bool bigEndian) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return bigEndian != kHostBigEndian ? __builtin_bswap32(v) : v;
}

double loadDouble(const std::uint8_t* p, bool bigEndian) {
    std::uint64_t bits;
    std::memcpy(&bits, p, 8);
    if (bigEndian != kHostBigEndian) bits = __builtin_bswap64(bits);
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
}

/// The bytes not read yet. Every read says whether the bytes were there.
struct Cursor {
    const std::uint8_t* p;
    std::size_t left;

    bool has(std::size_t n) const { return n <= left; }
    void skip(std::size_t n) { p += n, left -= n; }
    bool u32(bool bigEndian, std::uint32_t& v) {
        if (!has(4)) return false;
        v = load32(p, bigEndian);
        skip(4);
        return true;
    }
};

/// A geometry's preamble: byte order, flat type, bytes per coordinate tuple.
struct Preamble {
    bool bigEndian = false;
    std::uint32_t type = 0;
    std::size_t pointBytes = 16;
};

/// The plain type codes, read the way OGR reads them: ISO (1–7, +1000 Z, +2000 M, +3000 ZM) and
/// the EWKB flags (0x80000000 Z, 0x40000000 M) on a bare 1–7. Any other code OGR may still read
/// (curves, the SQL/MM draft codes, a Z bit in the second byte), so it is Unsupported.
Status parseType(std::uint32_t raw, Preamble& h) {
    const bool zFlag = (raw & 0x80000000u) != 0, mFlag = (raw & 0x40000000u) != 0;
    std::uint32_t code = raw & 0x3FFFFFFFu;
    std::size_t dims = 2;
    if (zFlag || mFlag) {
        dims += (zFlag ? 1 : 0) + (mFlag ? 1 : 0);
    } else if (code > 1000 && code < 4000) {
        const std::uint32_t thousands = code / 1000;  // 1 Z, 2 M, 3 ZM
        dims += (thousands != 2 ? 1 : 0) + (thousands != 1 ? 1 : 0);
        code %= 1000;
    }
    if (code < kPoint || code > kCollection) return Status::Unsupported;
    h.type = code;
    h.pointBytes = 8 * dims;
    return Status::Ok;
}

/// The rule of data::convertOgrGeometry's readCurve: consecutive repeated vertices dropped.
void dropRepeats(std::vector<Vec2>& pts) {
    if (pts.empty()) return;
    std::size_t w = 1;
    for (std::size_t r = 1; r < pts.size(); ++r)
        if (pts[r].x != pts[w - 1].x || pts[r].y != pts[w - 1].y) pts[w++] = pts[r];
    pts.resize(w);
}

/// Walks one WKB geometry. Without an output it only checks the structure and counts the
/// vertices (the first pass, which allocates nothing); with one it also fills it the way
/// convertOgrGeometry's collect() does.
class WkbWalker {
public:
    explicit WkbWalker(Geometry* out) : m_out(out) {}

    std::size_t vertices() const { return m_vertices; }

    /// `requiredType`: the member type a multi-geometry allows (0 for any).
    Status geometry(Cursor& c, int depth, std::uint32_t requiredType) {
        Preamble h;
        if (!c.has(5)) return Status::Malformed;
        // 0 = big-endian (XDR), 1 = little-endian (NDR); OGR also takes a few legacy spellings.
        if (c.p[0] > 1) return Status::Unsupported;
        h.bigEndian = c.p[0] == 0;
        if (const Status s = parseType(load32(c.p + 1, h.bigEndian), h); s != Status::Ok) return s;
        c.skip(5);
        // OGR refuses a member of another type ("Cannot add geometry of type …").
        if (requiredType != 0 && h.type != requiredType) return Status::Malformed;
        switch (h.type) {
            case kPoint: return point(c, h);
            case kLineString: return lineString(c, h);
            case kPolygon: return polygon(c, h);
            default: return collection(c, h, depth);
        }
    }

private:
    Status point(Cursor& c, const Preamble& h) {
        if (!c.has(h.pointBytes)) return Status::Malformed;
        const double x = loadDouble(c.p, h.bigEndian), y = loadDouble(c.p + 8, h.bigEndian);
        c.skip(h.pointBytes);
        if (std::isnan(x) && std::isnan(y)) return Status::Ok;  // WKB's empty point
        ++m_vertices;
        if (m_out != nullptr && std::isfinite(x) && std::isfinite(y)) m_out->points.push_back({x, y});
        return Status::Ok;
    }

    /// A point count and its points; `pts` filled (repeats dropped) when there is an output.
    Status pointList(Cursor& c, const Preamble& h, std::vector<Vec2>* pts) {
        std::uint32_t n = 0;
        if (!c.u32(h.bigEndian, n)) return Status::Malformed;
        if (n > c.left / h.pointBytes) return Status::Malformed;
        m_vertices += n;
        if (pts != nullptr) {
            pts->resize(n);
            if (h.pointBytes == sizeof(Vec2) && h.bigEndian == kHostBigEndian) {
                // Our own blobs: one copy (none into an empty vector, whose data() may be null).
                if (n > 0) std::memcpy(pts->data(), c.p, n * sizeof(Vec2));
            } else {
                for (std::uint32_t i = 0; i < n; ++i) {
                    const std::uint8_t* at = c.p + i * h.pointBytes;
                    (*pts)[i] = {loadDouble(at, h.bigEndian), loadDouble(at + 8, h.bigEndian)};
                }
            }
            dropRepeats(*pts);
        }
        c.skip(n * h.pointBytes);
        return Status::Ok;
    }

    Status lineString(Cursor& c, const Preamble& h) {
        LineString line;
        if (const Status s = pointList(c, h, m_out != nullptr ? &line : nullptr); s != Status::Ok) return s;
        if (m_out != nullptr && line.size() >= 2) m_out->lines.push_back(std::move(line));
        return Status::Ok;
    }

    Status polygon(Cursor& c, const Preamble& h) {
        std::uint32_t ringCount = 0;
        if (!c.u32(h.bigEndian, ringCount)) return Status::Malformed;
        if (ringCount > c.left / 4) return Status::Malformed;  // each ring has at least its count
        std::vector<Ring> rings(m_out != nullptr ? ringCount : 0);
        const std::size_t before = m_vertices;
        for (std::uint32_t r = 0; r < ringCount; ++r)
            if (const Status s = pointList(c, h, m_out != nullptr ? &rings[r] : nullptr); s != Status::Ok) return s;
        // Every ring without points: OGR's polygon is empty and contributes nothing.
        if (m_out != nullptr && m_vertices != before) addPolygon(std::move(rings));
        return Status::Ok;
    }

    /// convertOgrGeometry's polygon: rings opened, holes of fewer than 3 vertices dropped, and a
    /// degenerate shell kept as read (closing vertex and all) so validation can name the feature.
    void addPolygon(std::vector<Ring> rings) {
        Polygon polygon;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            Ring& ring = rings[r];
            const bool closed = ring.size() >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
            const bool degenerate = ring.size() - (closed ? 1 : 0) < 3;
            if (r == 0 && degenerate) {
                m_out->polygons.push_back(Polygon{{std::move(ring)}});
                return;
            }
            if (degenerate) continue;
            if (closed) ring.pop_back();
            polygon.rings.push_back(std::move(ring));
        }
        m_out->polygons.push_back(std::move(polygon));
    }

    Status collection(Cursor& c, const Preamble& h, int depth) {
        if (depth >= kMaxCollectionDepth) return Status::Malformed;
        std::uint32_t count = 0;
        if (!c.u32(h.bigEndian, count)) return Status::Malformed;
        if (count > c.left / kMinMemberBytes) return Status::Malformed;
        const std::uint32_t memberType = h.type == kCollection ? 0 : h.type - (kMultiPoint - kPoint);
        for (std::uint32_t i = 0; i < count; ++i)
            if (const Status s = geometry(c, depth + 1, memberType); s != Status::Ok) return s;
        return Status::Ok;
    }

    Geometry* m_out;
    std::size_t m_vertices = 0;
};

/// convertOgrGeometry's rule for a mixed collection: the highest dimension present is kept.
/// Returns whether anything of a lower dimension was dropped.
bool settleKind(Geometry& g) {
    const bool dropped = (!g.polygons.empty() && (!g.lines.empty() || !g.points.empty())) || (!g.lines.empty() && !g.points.empty());
    if (!g.polygons.empty()) {
        g.kind = GeometryKind::Polygon;
        g.lines.clear();
        g.points.clear();
    } else if (!g.lines.empty()) {
        g.kind = GeometryKind::Line;
        g.points.clear();
    } else if (!g.points.empty()) {
        g.kind = GeometryKind::Point;
    }
    return dropped;
}

}  // namespace

DecodedBlob decodeGpkgBlob(const std::uint8_t* data, std::size_t size, std::size_t maxVertices) {
    DecodedBlob result;
    // Header: "GP", version, flags (bit 0 byte order of the header, bits 1–3 envelope code, bit 4
    // empty, bit 5 ExtendedGeoPackageBinary, 6–7 reserved), srs_id, then the envelope.
    if (size < 8 || data[0] != 'G' || data[1] != 'P') return result;
    const std::uint8_t version = data[2], flags = data[3];
    const unsigned envelope = (flags >> 1) & 0x07;
    if (version != 0 || (flags & 0xE0) != 0 || envelope > 4) {
        result.outcome = BlobOutcome::Unsupported;  // an extension's layout, or codes the spec leaves open
        return result;
    }
    result.srsId = static_cast<std::int32_t>(load32(data + 4, (flags & 0x01) == 0));
    const std::size_t offset = 8 + kEnvelopeBytes[envelope];
    if (size <= offset) return result;
    // The empty flag is not trusted on its own: the WKB that follows says what is stored (an empty
    // geometry is still written, e.g. POINT(NaN NaN)), which is what the OGR path reads too.
    Cursor counting{data + offset, size - offset};
    WkbWalker counter(nullptr);
    if (const Status s = counter.geometry(counting, 0, 0); s != Status::Ok) {
        result.outcome = s == Status::Malformed ? BlobOutcome::Malformed : BlobOutcome::Unsupported;
        return result;
    }
    result.vertices = counter.vertices();
    if (result.vertices > maxVertices) {
        result.outcome = BlobOutcome::TooManyVertices;
        return result;
    }
    Cursor reading{data + offset, size - offset};
    WkbWalker reader(&result.geometry);
    reader.geometry(reading, 0, 0);  // the same walk, already known to succeed
    result.droppedLowerDimensions = settleKind(result.geometry);
    result.outcome = BlobOutcome::Decoded;
    return result;
}

}  // namespace gis::store
