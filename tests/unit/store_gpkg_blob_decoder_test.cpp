// Our GeoPackage blob decoder against the way blobs were read before it (OGR's WKB reader, then
// data::convertOgrGeometry): the same Geometry, bit for bit, for every kind, both byte orders,
// every envelope, empty geometries and Z/M variants; and a clear refusal, never a crash or a huge
// allocation, for malformed blobs (cut short at every byte, counts that lie, nesting bombs).
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "gis/core/geometry_identity.hpp"
#include "gis/data/ogr_geometry_convert.hpp"
#include "gis/figures/display_geometry.hpp"
#include "gis/proj/transformer.hpp"
#include "gis/store/gpkg_blob_decoder.hpp"
#include "gis/store/gpkg_geometry.hpp"

using namespace gis;

namespace {

using Bytes = std::vector<std::uint8_t>;
constexpr std::size_t kNoLimit = 1u << 30;

std::unique_ptr<OGRGeometry> fromWkt(const std::string& wkt) {
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
    return std::unique_ptr<OGRGeometry>(g);
}

Bytes wkb(const OGRGeometry& g, OGRwkbByteOrder order, OGRwkbVariant variant) {
    Bytes out(static_cast<std::size_t>(g.WkbSize()));
    REQUIRE(g.exportToWkb(order, out.data(), variant) == OGRERR_NONE);
    return out;
}

void put32(Bytes& out, std::uint32_t v, bool bigEndian) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (bigEndian ? 24 - 8 * i : 8 * i)));
}

/// A StandardGeoPackageBinary header (envelope code 0–4, filled with arbitrary doubles: readers
/// skip it) followed by `body`.
Bytes gpkg(const Bytes& body, unsigned envelope, bool headerBigEndian, bool emptyFlag = false, std::int32_t srsId = 4326) {
    static constexpr std::size_t kEnvelopeDoubles[] = {0, 4, 6, 6, 8};
    Bytes out{'G', 'P', 0, static_cast<std::uint8_t>((headerBigEndian ? 0 : 1) | (envelope << 1) | (emptyFlag ? 0x10 : 0))};
    put32(out, static_cast<std::uint32_t>(srsId), headerBigEndian);
    for (std::size_t i = 0; i < kEnvelopeDoubles[envelope] * 8; ++i) out.push_back(static_cast<std::uint8_t>(0x40 + i));
    out.insert(out.end(), body.begin(), body.end());
    return out;
}


/// The blob read both ways; both must read it, to the same geometry and vertex count.
void requireAgreesWithOgr(const Bytes& blob) {
    const auto ogr = store::decodeGpkgGeometry(blob);
    REQUIRE(ogr != nullptr);
    const store::DecodedBlob ours = store::decodeGpkgBlob(blob, kNoLimit);
    REQUIRE(ours.outcome == store::BlobOutcome::Decoded);
    CHECK(ours.vertices == data::countOgrVertices(ogr.get()));
    CHECK(gis::identicalGeometry(ours.geometry, data::convertOgrGeometry(ogr.get())));
}

const char* const kShapes[] = {
    "POINT (105.5 21.25)",
    "POINT EMPTY",
    "LINESTRING (105 21,105 21,105.1 21.1,105.2 21.05,105.2 21.05)",
    "LINESTRING (105 21,105 21)",
    "LINESTRING EMPTY",
    "POLYGON ((105 21,105.2 21,105.2 21.2,105 21.2,105 21),(105.05 21.05,105.1 21.05,105.1 21.1,105.05 21.05),(105.15 21.15,105.16 21.15,105.15 21.15))",
    "POLYGON ((105 21,105.2 21,105.2 21.2,105 21))",  // closing vertex only: opened
    "POLYGON ((105 21,105.2 21,105 21))",             // degenerate shell: kept as read
    "POLYGON ((105 21,105.2 21,105.2 21.2))",         // not closed
    "POLYGON EMPTY",
    "MULTIPOINT ((105 21),(105.1 21.1),EMPTY)",
    "MULTILINESTRING ((105 21,105.1 21.1),(105.2 21.2,105.2 21.2),EMPTY)",
    "MULTIPOLYGON (((105 21,105.2 21,105.2 21.2,105 21)),((106 21,106.2 21,106.2 21.2,106 21),(106.1 21.05,106.15 21.05,106.15 21.1,106.1 21.05)),EMPTY)",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION (POINT (105 21),LINESTRING (105 21,105.1 21.1))",                                // lines win
    "GEOMETRYCOLLECTION (POINT (105 21),POLYGON ((105 21,105.2 21,105.2 21.2,105 21)),LINESTRING (1 1,2 2))",  // polygons win
    "GEOMETRYCOLLECTION (GEOMETRYCOLLECTION (MULTIPOINT ((105 21),(106 22))),POINT (107 23))",
    "GEOMETRYCOLLECTION EMPTY",
};

/// Each shape with Z, M and ZM added (values that must be dropped).
std::vector<std::unique_ptr<OGRGeometry>> variantsOf(const std::string& wkt) {
    std::vector<std::unique_ptr<OGRGeometry>> out;
    out.push_back(fromWkt(wkt));
    for (int v = 1; v <= 3; ++v) {
        auto g = fromWkt(wkt);
        if (v & 1) g->set3D(TRUE);
        if (v & 2) g->setMeasured(TRUE);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace

TEST_CASE("GeoPackage blobs: every kind, byte order, envelope and Z/M variant reads as OGR reads it", "[unit][store]") {
    for (const char* shape : kShapes) {
        for (const auto& geometry : variantsOf(shape)) {
            for (OGRwkbByteOrder order : {wkbNDR, wkbXDR}) {
                // ISO codes (1000/2000/3000) and the EWKB high-bit flags (PostGIS 1 variant).
                for (OGRwkbVariant variant : {wkbVariantIso, wkbVariantPostGIS1}) {
                    const Bytes body = wkb(*geometry, order, variant);
                    for (unsigned envelope = 0; envelope <= 4; ++envelope)
                        for (bool headerBigEndian : {false, true}) {
                            INFO(shape << " dims " << geometry->CoordinateDimension() << (geometry->IsMeasured() ? " M" : "") << " order "
                                       << order << " variant " << variant << " envelope " << envelope << " header BE " << headerBigEndian);
                            requireAgreesWithOgr(gpkg(body, envelope, headerBigEndian, geometry->IsEmpty()));
                        }
                }
            }
        }
    }
}

TEST_CASE("GeoPackage blobs: the header's srs_id in either byte order, trailing bytes ignored", "[unit][store]") {
    const Bytes body = wkb(*fromWkt("POINT (1 2)"), wkbNDR, wkbVariantIso);
    CHECK(store::decodeGpkgBlob(gpkg(body, 1, false, false, 9209), kNoLimit).srsId == 9209);
    CHECK(store::decodeGpkgBlob(gpkg(body, 1, true, false, -1), kNoLimit).srsId == -1);
    Bytes longer = gpkg(body, 0, false);
    longer.insert(longer.end(), {1, 2, 3});
    requireAgreesWithOgr(longer);
}

TEST_CASE("GeoPackage blobs: members of mixed byte order in one collection", "[unit][store]") {
    Bytes body{1};
    put32(body, 7, false);
    put32(body, 2, false);
    const Bytes little = wkb(*fromWkt("POINT (1 2)"), wkbNDR, wkbVariantIso);
    const Bytes big = wkb(*fromWkt("LINESTRING (1 2,3 4)"), wkbXDR, wkbVariantIso);
    body.insert(body.end(), little.begin(), little.end());
    body.insert(body.end(), big.begin(), big.end());
    requireAgreesWithOgr(gpkg(body, 0, false));
}

TEST_CASE("GeoPackage blobs: a blob cut short at any byte is refused, as OGR refuses it", "[unit][store]") {
    const char* const shapes[] = {"MULTIPOLYGON (((105 21,105.2 21,105.2 21.2,105 21)),((106 21,106.2 21,106.2 21.2,106 21)))",
                                  "GEOMETRYCOLLECTION (POINT Z (1 2 3),LINESTRING M (1 2 3,4 5 6))"};
    for (const char* shape : shapes) {
        const Bytes blob = gpkg(wkb(*fromWkt(shape), wkbXDR, wkbVariantIso), 1, false);
        for (std::size_t size = 0; size < blob.size(); ++size) {
            INFO(shape << " cut at " << size);
            const Bytes cut(blob.begin(), blob.begin() + static_cast<std::ptrdiff_t>(size));
            CHECK(store::decodeGpkgBlob(cut, kNoLimit).outcome == store::BlobOutcome::Malformed);
            CHECK(store::decodeGpkgGeometry(cut) == nullptr);
        }
    }
}

TEST_CASE("GeoPackage blobs: bad magic, lying counts and nesting bombs are refused", "[unit][store]") {
    using store::BlobOutcome;
    SECTION("bad magic") {
        Bytes blob = gpkg(wkb(*fromWkt("POINT (1 2)"), wkbNDR, wkbVariantIso), 0, false);
        blob[1] = 'Q';
        CHECK(store::decodeGpkgBlob(blob, kNoLimit).outcome == BlobOutcome::Malformed);
        CHECK(store::decodeGpkgBlob(Bytes{'G', 'P'}, kNoLimit).outcome == BlobOutcome::Malformed);
        CHECK(store::decodeGpkgBlob(Bytes{}, kNoLimit).outcome == BlobOutcome::Malformed);
    }
    SECTION("counts far past the blob's end") {
        for (std::uint32_t type : {2u, 3u, 4u, 5u, 6u, 7u, 1002u, 3007u}) {
            for (std::uint32_t count : {0xFFFFFFFFu, 0x80000000u, 0x10000000u, 3u}) {
                Bytes body{1};
                put32(body, type, false);
                put32(body, count, false);
                body.resize(body.size() + 20, 0xFF);  // a little data (each inner count huge), far less than promised
                INFO("type " << type << " count " << count);
                CHECK(store::decodeGpkgBlob(gpkg(body, 0, false), kNoLimit).outcome == BlobOutcome::Malformed);
                CHECK(store::decodeGpkgGeometry(gpkg(body, 0, false)) == nullptr);
            }
        }
        // A polygon whose second ring's count lies.
        Bytes body{1};
        put32(body, 3, false);
        put32(body, 2, false);
        put32(body, 0, false);
        put32(body, 0x7FFFFFFF, false);
        CHECK(store::decodeGpkgBlob(gpkg(body, 0, false), kNoLimit).outcome == BlobOutcome::Malformed);
    }
    SECTION("collections nested without end") {
        auto nested = [](int depth) {
            Bytes body;
            for (int i = 0; i < depth; ++i) {
                body.push_back(1);
                put32(body, 7, false);
                put32(body, 1, false);
            }
            const Bytes point = wkb(*fromWkt("POINT (1 2)"), wkbNDR, wkbVariantIso);
            body.insert(body.end(), point.begin(), point.end());
            return gpkg(body, 0, false);
        };
        requireAgreesWithOgr(nested(32));  // OGR's own limit: 32 collections deep is still read
        for (int depth : {33, 40, 100000}) {
            INFO("depth " << depth);
            CHECK(store::decodeGpkgBlob(nested(depth), kNoLimit).outcome == BlobOutcome::Malformed);
            CHECK(store::decodeGpkgGeometry(nested(depth)) == nullptr);
        }
    }
    SECTION("a member of the wrong type in a multi-geometry") {
        Bytes body{1};
        put32(body, 4, false);  // MultiPoint holding a LineString
        put32(body, 1, false);
        const Bytes line = wkb(*fromWkt("LINESTRING (1 2,3 4)"), wkbNDR, wkbVariantIso);
        body.insert(body.end(), line.begin(), line.end());
        CHECK(store::decodeGpkgBlob(gpkg(body, 0, false), kNoLimit).outcome == BlobOutcome::Malformed);
        CHECK(store::decodeGpkgGeometry(gpkg(body, 0, false)) == nullptr);
    }
}

TEST_CASE("GeoPackage blobs: the vertex limit is checked on the stored counts", "[unit][store]") {
    const Bytes blob = gpkg(wkb(*fromWkt("MULTILINESTRING ((1 1,2 2,3 3),(4 4,5 5))"), wkbNDR, wkbVariantIso), 1, false);
    const store::DecodedBlob over = store::decodeGpkgBlob(blob, 4);
    CHECK(over.outcome == store::BlobOutcome::TooManyVertices);
    CHECK(over.vertices == 5);
    CHECK(over.geometry.lines.empty());
    CHECK(store::decodeGpkgBlob(blob, 5).outcome == store::BlobOutcome::Decoded);
}

TEST_CASE("GeoPackage blobs: what the decoder does not read is left to OGR and still drawn", "[unit][store]") {
    auto toMercator = proj::Transformer::create("EPSG:4326", "EPSG:3857");
    REQUIRE(toMercator);
    SECTION("a curve") {
        const Bytes blob = gpkg(wkb(*fromWkt("CIRCULARSTRING (105 21,105.1 21.1,105.2 21)"), wkbNDR, wkbVariantIso), 1, false);
        CHECK(store::decodeGpkgBlob(blob, kNoLimit).outcome == store::BlobOutcome::Unsupported);
        const figures::DisplayGeometry shown = figures::toDisplay(blob, *toMercator);
        CHECK(shown.whyNot.empty());
        CHECK(shown.geometry.kind == GeometryKind::Line);
    }
    SECTION("ExtendedGeoPackageBinary and envelope codes the spec leaves open") {
        Bytes blob = gpkg(wkb(*fromWkt("POINT (105 21)"), wkbNDR, wkbVariantIso), 0, false);
        blob[3] |= 0x20;
        CHECK(store::decodeGpkgBlob(blob, kNoLimit).outcome == store::BlobOutcome::Unsupported);
        blob[3] = 0x01 | (5 << 1);
        CHECK(store::decodeGpkgBlob(blob, kNoLimit).outcome == store::BlobOutcome::Unsupported);
        CHECK(figures::toDisplay(blob, *toMercator).geometry.kind == GeometryKind::Point);  // read as before
    }
    SECTION("a malformed blob is named, not drawn") {
        const figures::DisplayGeometry shown = figures::toDisplay(Bytes{'G', 'P', 0, 1, 0, 0, 0, 0, 1, 1}, *toMercator);
        CHECK(shown.geometry.kind == GeometryKind::None);
        CHECK(shown.whyNot == "its stored geometry cannot be read");
    }
}

TEST_CASE("Display geometry: many blobs on several threads keep their order", "[unit][figures]") {
    std::vector<Bytes> blobs;
    for (int i = 0; i < 5000; ++i) {
        OGRPoint p(100.0 + i * 0.001, 10.0 + i * 0.0005);
        blobs.push_back(i % 997 == 0 ? Bytes{'X'} : store::encodeGpkgGeometry(p, 4326));
    }
    auto one = figures::toDisplayAll(blobs, 1);
    auto two = figures::toDisplayAll(blobs, 2);
    REQUIRE(one);
    REQUIRE(two);
    REQUIRE(one->size() == blobs.size());
    REQUIRE(two->size() == blobs.size());
    for (std::size_t i = 0; i < blobs.size(); ++i) {
        INFO(i);
        REQUIRE(gis::identicalGeometry((*one)[i].geometry, (*two)[i].geometry));
        REQUIRE((*one)[i].whyNot == (*two)[i].whyNot);
        REQUIRE(((*one)[i].geometry.kind == GeometryKind::None) == (i % 997 == 0));
    }
}
