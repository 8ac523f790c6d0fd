#include "gis/tess/polygon_triangulator.hpp"

#include <GL/glu.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <thread>

#include "gis/core/per_thread.hpp"
#include "gis/tess/convex_fan.hpp"
#include "gis/tess/ear_clipping.hpp"
#include "gis/tess/geos_triangulator.hpp"
#include "gis/tess/monotone_triangulator.hpp"

namespace gis::tess {
namespace {

std::atomic<std::uint64_t> g_gluErrors{0};
std::atomic<std::uint64_t> g_geosFallbacks{0};
std::atomic<std::uint64_t> g_dropped{0};
std::atomic<std::uint64_t> g_monotoneRefusals{0};

/// State of one gluTessBeginPolygon … gluTessEndPolygon run, passed to every callback as the
/// polygon data (so the callbacks need no globals and threads do not interfere).
struct TessRun {
    std::vector<Vec2>* vertices = nullptr;      ///< output, absolute display-CRS coordinates
    std::vector<std::uint32_t>* indices = nullptr;
    std::uint32_t firstVertex = 0;              ///< index in `vertices` of local vertex 0
    Vec2 centre;                                ///< of the polygon's bounds
    std::vector<Vec2> local;                    ///< per local vertex, relative to `centre`
    GLenum error = 0;                           ///< first GLU error, 0 if none
    bool nonTriangles = false;                  ///< GLU emitted a fan or strip (should not happen)
};

// Vertex data handed to GLU is the local vertex index + 1 cast to a pointer rather than a pointer
// into a container: no per-vertex allocation and nothing that reallocation could invalidate (the
// reason a deque would otherwise be needed for combined vertices). +1 because GLU treats a null
// combine result as "no combine callback" and reports GLU_TESS_NEED_COMBINE_CALLBACK.
void* toData(std::size_t local) { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(local + 1)); }
std::uint32_t fromData(void* data) { return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(data) - 1); }

void GLAPIENTRY onBegin(GLenum type, void* polygonData) {
    // With an edge-flag callback GLU only emits GL_TRIANGLES; anything else would be misread.
    if (type != GL_TRIANGLES) static_cast<TessRun*>(polygonData)->nonTriangles = true;
}

void GLAPIENTRY onVertex(void* vertexData, void* polygonData) {
    auto* run = static_cast<TessRun*>(polygonData);
    run->indices->push_back(run->firstVertex + fromData(vertexData));
}

void GLAPIENTRY onCombine(GLdouble coords[3], void* vertexData[4], GLfloat /*weight*/[4], void** outData,
                          void* polygonData) {
    auto* run = static_cast<TessRun*>(polygonData);
    // GLU also "combines" two coincident input vertices (repeated points, a hole touching the
    // shell); the result is the first one exactly, so reuse it instead of adding a duplicate.
    if (vertexData[0] != nullptr) {
        const Vec2 first = run->local[fromData(vertexData[0])];
        if (first.x == coords[0] && first.y == coords[1]) {
            *outData = vertexData[0];
            return;
        }
    }
    // An edge intersection (self-intersecting ring, or a ring crossing another): a new vertex.
    const Vec2 p{coords[0], coords[1]};
    *outData = toData(run->local.size());
    run->local.push_back(p);
    run->vertices->push_back({p.x + run->centre.x, p.y + run->centre.y});
}

void GLAPIENTRY onEdgeFlag(GLboolean /*flag*/, void* /*polygonData*/) {
    // Intentionally empty: registering it is what makes GLU emit independent triangles.
}

void GLAPIENTRY onError(GLenum error, void* polygonData) {
    auto* run = static_cast<TessRun*>(polygonData);
    if (run->error == 0) run->error = error;
}

/// One GLU tessellator per thread, configured once and reused across polygons (creating one per
/// polygon would cost an allocation-heavy setup 11k times per level).
class ThreadTessellator {
public:
    ~ThreadTessellator() { reset(); }
    /// The tessellator, created on first use; nullptr if GLU cannot allocate one.
    GLUtesselator* get() {
        if (m_tess == nullptr) {
            m_tess = gluNewTess();
            if (m_tess == nullptr) return nullptr;
            // Odd winding: holes are holes whatever their orientation, and a self-intersecting
            // ring fills its odd-winding parts, like an even-odd scanline fill would.
            gluTessProperty(m_tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
            gluTessProperty(m_tess, GLU_TESS_BOUNDARY_ONLY, GL_FALSE);
            // Planar data: a fixed normal skips GLU's normal estimation (and its sign flip).
            gluTessNormal(m_tess, 0.0, 0.0, 1.0);
            using Callback = _GLUfuncptr;
            gluTessCallback(m_tess, GLU_TESS_BEGIN_DATA, reinterpret_cast<Callback>(&onBegin));
            gluTessCallback(m_tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(&onVertex));
            gluTessCallback(m_tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(&onCombine));
            gluTessCallback(m_tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(&onEdgeFlag));
            gluTessCallback(m_tess, GLU_TESS_ERROR_DATA, reinterpret_cast<Callback>(&onError));
        }
        return m_tess;
    }
    /// Drops the tessellator (after an error its internal state is not trusted).
    void reset() {
        if (m_tess != nullptr) gluDeleteTess(m_tess);
        m_tess = nullptr;
    }
    /// Scratch buffers reused across polygons of this thread.
    std::vector<GLdouble> coords;  ///< x,y,z per fed vertex; must not move until EndPolygon
    TessRun run;

private:
    GLUtesselator* m_tess = nullptr;
};

/// Runs GLU on `polygon`; false on any GLU error (outputs then partially appended: the caller
/// rolls back).
bool tessellateWithGlu(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    ThreadTessellator& tt = perThread<ThreadTessellator>();  // one GLU tessellator a thread
    GLUtesselator* tess = tt.get();
    if (tess == nullptr) return false;

    Bounds bounds;
    std::size_t total = 0;
    for (const Ring& ring : polygon.rings) {
        total += ring.size();
        for (const Vec2& p : ring) bounds.expand(p);
    }
    TessRun& run = tt.run;
    run.vertices = &vertices;
    run.indices = &indices;
    run.firstVertex = static_cast<std::uint32_t>(vertices.size());
    run.centre = bounds.center();  // relative doubles: GLU's sweep keeps full precision near 0
    run.local.clear();
    run.error = 0;
    run.nonTriangles = false;

    // Fill the coordinate buffer completely before feeding: GLU keeps the pointers until
    // gluTessEndPolygon, so the buffer must not reallocate meanwhile.
    tt.coords.clear();
    tt.coords.reserve(3 * total);
    for (const Ring& ring : polygon.rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Vec2& p = ring[i];
            // Consecutive repeats (and a repeated closing vertex) only cost GLU merge work.
            const Vec2& previous = ring[i == 0 ? n - 1 : i - 1];
            if (n > 1 && p.x == previous.x && p.y == previous.y) continue;
            const Vec2 rel{p.x - run.centre.x, p.y - run.centre.y};
            tt.coords.insert(tt.coords.end(), {rel.x, rel.y, 0.0});
            run.local.push_back(rel);
            vertices.push_back(p);
        }
    }

    gluTessBeginPolygon(tess, &run);
    std::size_t fed = 0;
    for (const Ring& ring : polygon.rings) {
        const std::size_t n = ring.size();
        gluTessBeginContour(tess);
        for (std::size_t i = 0; i < n; ++i) {
            const Vec2& p = ring[i];
            const Vec2& previous = ring[i == 0 ? n - 1 : i - 1];
            if (n > 1 && p.x == previous.x && p.y == previous.y) continue;
            gluTessVertex(tess, &tt.coords[3 * fed], toData(fed));
            ++fed;
        }
        gluTessEndContour(tess);
    }
    gluTessEndPolygon(tess);

    if (run.error != 0 || run.nonTriangles) {
        tt.reset();
        return false;
    }
    return true;
}

}  // namespace

TriangulatorStats triangulatorStats() {
    return {g_gluErrors.load(std::memory_order_relaxed), g_geosFallbacks.load(std::memory_order_relaxed),
            g_dropped.load(std::memory_order_relaxed), g_monotoneRefusals.load(std::memory_order_relaxed)};
}

namespace {

/// One polygon as a whole: convex fan, GLU, or GEOS when GLU fails.
bool triangulateWhole(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    if (polygon.rings.empty() || polygon.rings[0].size() < 3) return false;
    if (polygon.rings.size() == 1 && triangulateConvexRing(polygon.rings[0], vertices, indices)) return true;
    const std::size_t firstVertex = vertices.size();
    const std::size_t firstIndex = indices.size();

    if (tessellateWithGlu(polygon, vertices, indices)) {
        // GLU can emit zero-area slivers along collinear runs; they draw nothing.
        std::size_t w = firstIndex;
        for (std::size_t i = firstIndex; i + 2 < indices.size(); i += 3) {
            const std::uint32_t a = indices[i], b = indices[i + 1], c = indices[i + 2];
            const std::vector<Vec2>& local = perThread<ThreadTessellator>().run.local;
            if (triangleArea(local[a - firstVertex], local[b - firstVertex], local[c - firstVertex]) == 0.0) continue;
            indices[w++] = a;
            indices[w++] = b;
            indices[w++] = c;
        }
        indices.resize(w);
        if (w == firstIndex) {
            vertices.resize(firstVertex);
            return false;
        }
        return true;
    }

    // GLU rejected the polygon (in practice: out of memory). Roll back and try GEOS, which wants
    // a valid polygon; if that fails too the feature keeps its outline but loses this fill.
    g_gluErrors.fetch_add(1, std::memory_order_relaxed);
    vertices.resize(firstVertex);
    indices.resize(firstIndex);
    if (triangulatePolygonGeos(polygon, vertices, indices)) {
        g_geosFallbacks.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    g_dropped.fetch_add(1, std::memory_order_relaxed);
    std::fprintf(stderr, "ntm tess: polygon with %zu rings dropped (GLU and GEOS triangulation failed)\n",
                 polygon.rings.size());
    return false;
}


// ---- Huge polygons: cut into pieces, each tessellated on its own ---------------------------------
//
// GLU's sweep keeps its active edges in a sorted linked list, so its cost grows with the number
// of edges a sweep line crosses: a ring of thousands of spikes (a wavy coastline whose detail
// survives simplification) took seconds for 40,000 vertices. Cut by axis-parallel lines, each
// piece holds few edges. Sutherland–Hodgman clipping of every ring against a half-plane keeps the
// winding number of every point inside it (the pieces of boundary it adds along the cut line
// cancel in pairs), so the even-odd fill of the pieces is the fill of the polygon, holes and
// self-intersections included. Both sides compute the same cut points, so the pieces meet edge
// to edge without cracks.

/// Where an edge p→q crosses the line `axis` = c (exactly c on that axis), computed from the edge's
/// endpoints in a fixed order so that both sides of the cut get bit-identical points.
Vec2 cutPoint(Vec2 p, Vec2 q, int axis, double c) {
    if (axis == 0 ? (q.x < p.x || (q.x == p.x && q.y < p.y)) : (q.y < p.y || (q.y == p.y && q.x < p.x))) std::swap(p, q);
    if (axis == 0) return {c, p.y + (c - p.x) * ((q.y - p.y) / (q.x - p.x))};
    return {p.x + (c - p.y) * ((q.x - p.x) / (q.y - p.y)), c};
}

/// The part of `ring` on one side of the line (`below`: coordinate <= c, else >= c).
void clipRing(const Ring& ring, int axis, double c, bool below, Ring& out) {
    out.clear();
    const std::size_t n = ring.size();
    auto coordinate = [axis](Vec2 v) { return axis == 0 ? v.x : v.y; };
    auto inside = [&](double v) { return below ? v <= c : v >= c; };
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 p = ring[i], q = ring[i + 1 == n ? 0 : i + 1];
        const double pc = coordinate(p), qc = coordinate(q);
        if (inside(pc)) out.push_back(p);
        if ((pc < c && qc > c) || (pc > c && qc < c)) out.push_back(cutPoint(p, q, axis, c));
    }
    if (out.size() < 3) out.clear();
}

struct Piece {
    Polygon polygon;
    Bounds bounds;
    std::size_t vertices = 0;
};

Piece makePiece(Polygon polygon) {
    Piece piece;
    for (const Ring& ring : polygon.rings) {
        piece.vertices += ring.size();
        for (const Vec2& v : ring) piece.bounds.expand(v);
    }
    piece.polygon = std::move(polygon);
    return piece;
}

/// Halves `piece` across its longer side until each part has at most kPieceVertices vertices
/// (or cannot be cut further), appending the parts to `leaves` in a fixed order.
void cutIntoLeaves(Piece piece, int depth, std::vector<Polygon>& leaves) {
    if (piece.vertices <= kPieceVertices || depth >= 40 || !piece.bounds.valid()) {
        if (piece.vertices > 0) leaves.push_back(std::move(piece.polygon));
        return;
    }
    const int axis = piece.bounds.width() >= piece.bounds.height() ? 0 : 1;
    const double lo = axis == 0 ? piece.bounds.minX : piece.bounds.minY, hi = axis == 0 ? piece.bounds.maxX : piece.bounds.maxY;
    const double c = 0.5 * (lo + hi);
    if (!(c > lo && c < hi)) {  // no room left between the coordinates (a cluster of equal points)
        leaves.push_back(std::move(piece.polygon));
        return;
    }
    Ring clipped;
    for (const bool below : {true, false}) {
        Polygon half;
        for (const Ring& ring : piece.polygon.rings) {
            clipRing(ring, axis, c, below, clipped);
            if (!clipped.empty()) half.rings.push_back(clipped);
        }
        if (!half.rings.empty()) cutIntoLeaves(makePiece(std::move(half)), depth + 1, leaves);
    }
}

bool triangulateInPieces(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    std::vector<Polygon> leaves;
    cutIntoLeaves(makePiece(polygon), 0, leaves);
    struct LeafMesh {
        std::vector<Vec2> vertices;
        std::vector<std::uint32_t> indices;
    };
    std::vector<LeafMesh> meshes(leaves.size());
    // Pieces on both cores (a huge feature is usually alone in its layer, so the per-feature
    // parallelism of the mesh builder does not help it); results per piece, so the output does
    // not depend on scheduling. A piece inside a hole or outside the rings yields nothing.
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next.fetch_add(1); i < leaves.size(); i = next.fetch_add(1))
            triangulateWhole(leaves[i], meshes[i].vertices, meshes[i].indices);
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, kPieceThreads);
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < leaves.size(); ++t) helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers) t.join();

    const std::size_t firstIndex = indices.size();
    for (const LeafMesh& mesh : meshes) {
        const auto base = static_cast<std::uint32_t>(vertices.size());
        vertices.insert(vertices.end(), mesh.vertices.begin(), mesh.vertices.end());
        for (const std::uint32_t i : mesh.indices) indices.push_back(base + i);
    }
    return indices.size() > firstIndex;
}

}  // namespace

bool triangulatePolygon(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    if (polygon.rings.empty() || polygon.rings[0].size() < 3) return false;
    if (polygon.rings.size() == 1 && triangulateConvexRing(polygon.rings[0], vertices, indices)) return true;
    if (polygon.rings.size() == 1 && triangulateRingByEars(polygon.rings[0], vertices, indices)) return true;
    // Simple rings (nearly every commune, of any size) in O(n log n); anything it refuses —
    // self-intersecting or touching rings, a failed check — goes the general way, which appended
    // nothing yet.
    if (triangulateMonotone(polygon, vertices, indices)) return true;
    g_monotoneRefusals.fetch_add(1, std::memory_order_relaxed);
    std::size_t total = 0;
    for (const Ring& ring : polygon.rings) total += ring.size();
    if (total > kPieceVertices) return triangulateInPieces(polygon, vertices, indices);
    return triangulateWhole(polygon, vertices, indices);
}

}  // namespace gis::tess
