#include "gis/tess/monotone_triangulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "gis/core/planar.hpp"
#include "gis/tess/monotone_decomposition.hpp"

namespace gis::tess {
namespace {

/// The boundaries of the monotone pieces as half-edges that all have the interior on their left:
/// ring half-edge v runs from vertex v to its ring neighbour on that side; diagonal i gives
/// half-edges n + 2i (first → second vertex) and n + 2i + 1 (back). next[h] follows h around its
/// piece, counter-clockwise.
struct HalfEdges {
    std::vector<std::uint32_t> target;
    std::vector<std::uint32_t> next;
    std::size_t ringCount = 0;  ///< n: half-edges below this are ring edges, with origin == id

    std::uint32_t origin(std::uint32_t h) const {
        if (h < ringCount) return h;
        return target[ringCount + ((h - ringCount) ^ 1u)];  // the twin's target
    }
};

/// A key increasing with the counter-clockwise angle of (x, y) from the +x axis, in [0, 4): sorts
/// directions like atan2 without trigonometry, and as plain doubles (a strict order whatever the
/// rounding).
double pseudoAngle(double x, double y) {
    const double p = x / (std::fabs(x) + std::fabs(y));
    return y < 0 ? 3.0 + p : 1.0 - p;
}

bool buildHalfEdges(const RingSet& rings, const MonotoneSplit& split, HalfEdges& he) {
    const std::vector<Vec2>& p = rings.points;
    const std::size_t n = p.size(), d = split.diagonals.size();
    he.ringCount = n;
    he.target.resize(n + 2 * d);
    he.next.resize(n + 2 * d);
    for (std::size_t r = 0; r + 1 < rings.ringStart.size(); ++r)
        for (std::uint32_t v = rings.ringStart[r]; v < rings.ringStart[r + 1]; ++v)
            he.target[v] = split.interiorLeft[r] ? rings.next[v] : rings.prev[v];
    // Diagonal half-edges grouped by the vertex they leave (a counting sort).
    std::vector<std::uint32_t> first(n + 1, 0);
    for (std::size_t i = 0; i < d; ++i) {
        const auto [a, b] = split.diagonals[i];
        if (a == b || a >= n || b >= n) return false;
        he.target[n + 2 * i] = b;
        he.target[n + 2 * i + 1] = a;
        ++first[a + 1];
        ++first[b + 1];
    }
    for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];
    std::vector<std::pair<double, std::uint32_t>> leaving(2 * d);
    {
        std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
        for (std::size_t i = 0; i < 2 * d; ++i) {
            const auto h = static_cast<std::uint32_t>(n + i);
            leaving[fill[he.origin(h)]++].second = h;
        }
    }
    // Around vertex v the diagonals lie in the interior wedge, counter-clockwise from the ring
    // half-edge leaving v to the one arriving; sort them by their angle from the leaving one.
    std::vector<std::uint32_t> position(2 * d);  // per diagonal half-edge: its rank among those leaving its origin
    for (std::size_t v = 0; v < n; ++v) {
        if (first[v + 1] == first[v]) continue;
        const Vec2 o = p[v], out = p[he.target[v]];
        const double ux = out.x - o.x, uy = out.y - o.y;
        for (std::uint32_t k = first[v]; k < first[v + 1]; ++k) {
            const Vec2 t = p[he.target[leaving[k].second]];
            const double dx = t.x - o.x, dy = t.y - o.y;
            leaving[k].first = pseudoAngle(ux * dx + uy * dy, ux * dy - uy * dx);
        }
        std::sort(leaving.begin() + first[v], leaving.begin() + first[v + 1]);
        for (std::uint32_t k = first[v]; k < first[v + 1]; ++k) position[leaving[k].second - n] = k - first[v];
    }
    // Arriving at w, a piece continues with the next half-edge clockwise from the one it came by:
    // after the ring edge, the last diagonal (or the ring edge leaving w); after diagonal k, the
    // diagonal k − 1 (or the ring edge).
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t w = he.target[v];
        he.next[v] = first[w + 1] > first[w] ? leaving[first[w + 1] - 1].second : w;
    }
    for (std::size_t i = 0; i < 2 * d; ++i) {
        const auto h = static_cast<std::uint32_t>(n + i);
        const std::uint32_t w = he.target[h];
        const std::uint32_t k = position[i ^ 1u];  // the twin leaves w
        he.next[h] = k > 0 ? leaving[first[w] + k - 1].second : w;
    }
    return true;
}

enum class Chain : std::uint8_t { Right, Left };

struct PieceScratch {
    std::vector<std::pair<std::uint32_t, Chain>> sorted;
    std::vector<std::uint32_t> stack;
};

/// Triangulates one piece (vertices counter-clockwise) that must be monotone in sweep order, in
/// linear time (de Berg et al. 3.3): the vertices are taken from both chains in sweep order, and
/// a stack holds those that still need triangles (a reflex chain). Appends counter-clockwise
/// triangles and adds their area; false when the piece is not monotone or a triangle would come
/// out clockwise. Zero-area triangles (collinear vertices) are left out: they draw nothing.
bool triangulatePiece(const std::vector<Vec2>& p, const std::vector<std::uint32_t>& piece, PieceScratch& scratch,
                      std::vector<std::uint32_t>& triangles, double& area) {
    const std::size_t m = piece.size();
    if (m < 3) return false;
    std::size_t lowest = 0, highest = 0;
    for (std::size_t i = 1; i < m; ++i) {
        if (sweepsBefore(p[piece[i]], p[piece[lowest]])) lowest = i;
        if (sweepsBefore(p[piece[highest]], p[piece[i]])) highest = i;
    }
    // Counter-clockwise, the boundary climbs from the lowest vertex to the highest on the right
    // and comes back down on the left. Merge both chains by sweep order.
    std::vector<std::pair<std::uint32_t, Chain>>& sorted = scratch.sorted;
    sorted.clear();
    sorted.emplace_back(piece[lowest], Chain::Right);
    std::size_t r = lowest + 1 == m ? 0 : lowest + 1, l = lowest == 0 ? m - 1 : lowest - 1;
    while (r != highest || l != highest) {
        const bool right = l == highest || (r != highest && sweepsBefore(p[piece[r]], p[piece[l]]));
        if (right) {
            sorted.emplace_back(piece[r], Chain::Right);
            r = r + 1 == m ? 0 : r + 1;
        } else {
            sorted.emplace_back(piece[l], Chain::Left);
            l = l == 0 ? m - 1 : l - 1;
        }
    }
    sorted.emplace_back(piece[highest], Chain::Right);
    // Both chains were monotone exactly when the merged sequence is sorted.
    for (std::size_t i = 1; i < m; ++i)
        if (!sweepsBefore(p[sorted[i - 1].first], p[sorted[i].first])) return false;

    auto emit = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        const double t = triangleArea(p[a], p[b], p[c]);
        if (t < 0) return false;
        if (t > 0) {
            triangles.insert(triangles.end(), {a, b, c});
            area += t;
        }
        return true;
    };
    // u sees every vertex on the stack (it lies on the other chain, or is the highest vertex):
    // a fan from u over consecutive stack vertices, oriented by the side u is on.
    std::vector<std::uint32_t>& stack = scratch.stack;
    auto fan = [&](std::uint32_t u, Chain side) {
        for (std::size_t i = stack.size() - 1; i >= 1; --i) {
            const std::uint32_t upper = stack[i], lower = stack[i - 1];
            if (!(side == Chain::Right ? emit(u, upper, lower) : emit(u, lower, upper))) return false;
        }
        return true;
    };
    stack.assign({sorted[0].first, sorted[1].first});
    Chain stackChain = sorted[1].second;
    for (std::size_t j = 2; j + 1 < m; ++j) {
        const auto [u, side] = sorted[j];
        if (side != stackChain) {
            if (!fan(u, side)) return false;
            stack.assign({sorted[j - 1].first, u});
        } else {
            // Cut off triangles while the chain turns convex at the last vertex (towards the
            // interior: left on the right chain, right on the left chain).
            std::uint32_t last = stack.back();
            stack.pop_back();
            while (!stack.empty()) {
                const std::uint32_t top = stack.back();
                const double t = side == Chain::Right ? triangleArea(p[top], p[last], p[u]) : triangleArea(p[top], p[u], p[last]);
                if (!(t > 0)) break;
                if (side == Chain::Right)
                    triangles.insert(triangles.end(), {top, last, u});
                else
                    triangles.insert(triangles.end(), {top, u, last});
                area += t;
                last = top;
                stack.pop_back();
            }
            stack.push_back(last);
            stack.push_back(u);
        }
        stackChain = side;
    }
    return fan(sorted[m - 1].first, stackChain == Chain::Right ? Chain::Left : Chain::Right);
}

/// |shoelace area| of each ring relative to the centre (precise for coordinates of ~1e7 m).
double evenOddArea(const RingSet& rings) {
    Bounds bounds;
    for (const Vec2& v : rings.points) bounds.expand(v);
    const Vec2 c = bounds.center();
    double total = 0.0;
    for (std::size_t r = 0; r + 1 < rings.ringStart.size(); ++r) {
        double sum = 0.0;
        for (std::uint32_t v = rings.ringStart[r]; v < rings.ringStart[r + 1]; ++v) {
            const Vec2 a = rings.points[v], b = rings.points[rings.next[v]];
            sum += (a.x - c.x) * (b.y - c.y) - (b.x - c.x) * (a.y - c.y);
        }
        total += (r == 0 ? 0.5 : -0.5) * std::fabs(sum);
    }
    return total;
}

}  // namespace

bool triangulateMonotone(const Polygon& polygon, std::vector<Vec2>& vertices, std::vector<std::uint32_t>& indices) {
    RingSet rings;
    if (!buildRingSet(polygon, rings)) return false;
    if (vertices.size() + rings.points.size() >= std::numeric_limits<std::uint32_t>::max()) return false;
    MonotoneSplit split;
    if (!splitIntoMonotone(rings, split)) return false;
    HalfEdges he;
    if (!buildHalfEdges(rings, split, he)) return false;

    std::vector<std::uint32_t> triangles;
    triangles.reserve(3 * (rings.points.size() + 2 * rings.ringStart.size()));
    double area = 0.0;
    std::vector<char> seen(he.next.size(), 0);
    std::vector<std::uint32_t> piece;
    PieceScratch scratch;
    for (std::uint32_t h = 0; h < he.next.size(); ++h) {
        if (seen[h]) continue;
        piece.clear();
        std::uint32_t g = h;
        do {
            if (seen[g]) return false;  // the pieces' boundaries do not close: a bug, not data
            seen[g] = 1;
            piece.push_back(he.origin(g));
            g = he.next[g];
        } while (g != h);
        if (!triangulatePiece(rings.points, piece, scratch, triangles, area)) return false;
    }

    // The cheap proof that nothing overlaps or is missing: counter-clockwise triangles (checked
    // as they were made) covering exactly the polygon's area.
    const double expected = evenOddArea(rings);
    if (!(expected > 0.0) || !(std::fabs(area - expected) <= 1e-9 * expected)) return false;

    const auto base = static_cast<std::uint32_t>(vertices.size());
    vertices.insert(vertices.end(), rings.points.begin(), rings.points.end());
    indices.reserve(indices.size() + triangles.size());
    for (const std::uint32_t i : triangles) indices.push_back(base + i);
    return true;
}

}  // namespace gis::tess
