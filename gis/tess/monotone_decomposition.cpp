#include "gis/tess/monotone_decomposition.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <set>

#include "gis/core/planar.hpp"

namespace gis::tess {

bool buildRingSet(const Polygon& polygon, RingSet& rings) {
    rings.points.clear();
    rings.prev.clear();
    rings.next.clear();
    rings.ringStart.clear();
    for (const Ring& ring : polygon.rings) {
        const std::size_t first = rings.points.size();
        for (const Vec2& p : ring) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
            if (rings.points.size() > first && p.x == rings.points.back().x && p.y == rings.points.back().y) continue;
            rings.points.push_back(p);
        }
        while (rings.points.size() > first + 1 && rings.points.back().x == rings.points[first].x &&
               rings.points.back().y == rings.points[first].y)
            rings.points.pop_back();
        const std::size_t n = rings.points.size() - first;
        if (n < 3) return false;  // a ring without area: not worth a special case here
        if (rings.points.size() >= std::numeric_limits<std::uint32_t>::max()) return false;
        rings.ringStart.push_back(static_cast<std::uint32_t>(first));
        for (std::size_t i = 0; i < n; ++i) {
            rings.prev.push_back(static_cast<std::uint32_t>(first + (i == 0 ? n - 1 : i - 1)));
            rings.next.push_back(static_cast<std::uint32_t>(first + (i + 1 == n ? 0 : i + 1)));
        }
    }
    if (rings.ringStart.empty()) return false;
    rings.ringStart.push_back(static_cast<std::uint32_t>(rings.points.size()));
    return true;
}

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// De Berg's vertex types, named for the even-odd interior around the vertex (sweeping upwards).
enum class VertexKind : std::uint8_t { Regular, Start, Split, End, Merge };

/// The sweep from the lowest vertex to the highest in sweep order. The status holds every edge
/// crossing the sweep line (not only those with the interior to their right, as in the book):
/// with all of them, the region left of any vertex is known from its left neighbour in the
/// status, so the interior follows the even-odd rule without assuming ring orientations or that
/// holes lie inside the shell; and the same status runs Shamos–Hoey's test, so a pair of
/// segments that meet is found before the sweep passes the point where they meet.
class MonotoneSweep {
public:
    MonotoneSweep(const RingSet& rings, MonotoneSplit& split)
        : m_p(rings.points), m_prev(rings.prev), m_next(rings.next), m_split(split), m_status(LeftOf{this}) {}
    MonotoneSweep(const MonotoneSweep&) = delete;
    MonotoneSweep& operator=(const MonotoneSweep&) = delete;

    bool run(const RingSet& rings);

private:
    /// Status order: edge a left of edge b on the sweep line. std::set only compares an edge
    /// being inserted (starting at the sweep vertex) with edges already crossing the sweep line,
    /// so the later-starting edge's first vertex lies within the other edge's span and its side
    /// of that edge decides. A side too close to tell marks the sweep as failed.
    struct LeftOf {
        MonotoneSweep* sweep;
        bool operator()(std::uint32_t a, std::uint32_t b) const { return sweep->leftOf(a, b); }
    };
    using Status = std::set<std::uint32_t, LeftOf>;

    bool leftOf(std::uint32_t a, std::uint32_t b);
    bool mayMeet(std::uint32_t s, std::uint32_t t) const;
    bool before(std::uint32_t a, std::uint32_t b) const { return m_rank[a] < m_rank[b]; }
    bool helperIsMerge(std::uint32_t edge) const {
        const std::uint32_t h = m_helper[edge];
        return h != kNone && m_kind[h] == VertexKind::Merge;
    }
    void addDiagonal(std::uint32_t a, std::uint32_t b) { m_split.diagonals.emplace_back(a, b); }

    bool startPair(std::uint32_t v);
    bool endPair(std::uint32_t v);
    bool regular(std::uint32_t v, std::uint32_t ending, std::uint32_t starting);

    const std::vector<Vec2>& m_p;
    const std::vector<std::uint32_t>& m_prev;
    const std::vector<std::uint32_t>& m_next;
    MonotoneSplit& m_split;
    std::vector<std::uint32_t> m_rank;           ///< per vertex: position in sweep order
    std::vector<std::uint32_t> m_lo, m_hi;       ///< per edge: its first and last endpoint in sweep order
    std::vector<char> m_interiorRight;           ///< per edge: the interior lies right of it (set on insertion)
    std::vector<std::uint32_t> m_helper;         ///< per edge with the interior right of it
    std::vector<VertexKind> m_kind;              ///< per vertex, once swept
    std::vector<Status::iterator> m_where;       ///< per edge in the status
    Status m_status;
    bool m_uncertain = false;
};

bool MonotoneSweep::leftOf(std::uint32_t a, std::uint32_t b) {
    if (a == b) return false;
    const std::uint32_t la = m_lo[a], lb = m_lo[b];
    int side;  // > 0: a is left of b
    if (la == lb)
        side = -certainOrientation(m_p[la], m_p[m_hi[a]], m_p[m_hi[b]]);  // same start: compare far ends
    else if (before(lb, la))
        side = certainOrientation(m_p[lb], m_p[m_hi[b]], m_p[la]);  // a starts later: is its start left of b?
    else
        side = -certainOrientation(m_p[la], m_p[m_hi[a]], m_p[lb]);
    if (side == 0) {
        m_uncertain = true;
        return a < b;  // any strict order: the sweep is abandoned anyway
    }
    return side > 0;
}

/// Whether edges s and t may meet: certainly apart gives false; crossing, touching or too close
/// to tell gives true. Ring neighbours share a vertex and nothing else (fold-backs and repeated
/// vertices are refused before they get here).
bool MonotoneSweep::mayMeet(std::uint32_t s, std::uint32_t t) const {
    if (m_next[s] == t || m_next[t] == s) return false;
    return segmentsMayMeet(m_p[s], m_p[m_next[s]], m_p[t], m_p[m_next[t]]);
}

/// Both edges of v start here (both neighbours come later): a start vertex when the region left
/// of v is outside, a split vertex when it is inside.
bool MonotoneSweep::startPair(std::uint32_t v) {
    const std::uint32_t a = m_prev[v], b = m_next[v];
    const int turn = certainOrientation(m_p[v], m_p[a], m_p[b]);
    if (turn == 0) return false;  // the two edges fold onto each other, or too close to tell
    // Edge prev[v] runs a → v, edge v runs v → b; b left of the direction towards a: edge v is left.
    const std::uint32_t left = turn > 0 ? v : a, right = turn > 0 ? a : v;
    const auto [itLeft, inserted] = m_status.insert(left);
    if (!inserted || m_uncertain) return false;
    const auto itRight = m_status.insert(std::next(itLeft), right);
    if (m_uncertain || std::next(itLeft) != itRight) return false;
    m_where[left] = itLeft;
    m_where[right] = itRight;
    const bool hasLeft = itLeft != m_status.begin();
    const std::uint32_t leftNeighbour = hasLeft ? *std::prev(itLeft) : kNone;
    const auto after = std::next(itRight);
    if (hasLeft && mayMeet(leftNeighbour, left)) return false;
    if (after != m_status.end() && mayMeet(right, *after)) return false;
    if (hasLeft && m_interiorRight[leftNeighbour]) {
        // Split: the interior around v is cut by the wedge of outside between the new edges;
        // connect v to the last vertex seen in that interior region.
        m_kind[v] = VertexKind::Split;
        m_interiorRight[left] = 0;
        m_interiorRight[right] = 1;
        if (m_helper[leftNeighbour] == kNone) return false;
        addDiagonal(v, m_helper[leftNeighbour]);
        m_helper[leftNeighbour] = v;
        m_helper[right] = v;
    } else {
        m_kind[v] = VertexKind::Start;
        m_interiorRight[left] = 1;
        m_interiorRight[right] = 0;
        m_helper[left] = v;
    }
    return true;
}

/// Both edges of v end here: an end vertex when the region between them is inside, a merge
/// vertex when it is outside (two interior regions join above v).
bool MonotoneSweep::endPair(std::uint32_t v) {
    const std::uint32_t a = m_prev[v], b = m_next[v];
    if (certainOrientation(m_p[v], m_p[a], m_p[b]) == 0) return false;
    const auto itA = m_where[a], itB = m_where[v];
    Status::iterator itLeft, itRight;
    if (std::next(itA) == itB) {
        itLeft = itA;
        itRight = itB;
    } else if (std::next(itB) == itA) {
        itLeft = itB;
        itRight = itA;
    } else {
        return false;  // something lies between two edges that meet at v: they cannot be simple
    }
    const std::uint32_t left = *itLeft, right = *itRight;
    const bool hasLeft = itLeft != m_status.begin();
    const std::uint32_t leftNeighbour = hasLeft ? *std::prev(itLeft) : kNone;
    if (m_interiorRight[left]) {
        m_kind[v] = VertexKind::End;
        if (helperIsMerge(left)) addDiagonal(v, m_helper[left]);
    } else {
        if (!hasLeft || !m_interiorRight[leftNeighbour] || !m_interiorRight[right]) return false;
        m_kind[v] = VertexKind::Merge;
        if (helperIsMerge(right)) addDiagonal(v, m_helper[right]);
        if (helperIsMerge(leftNeighbour)) addDiagonal(v, m_helper[leftNeighbour]);
        m_helper[leftNeighbour] = v;
    }
    const auto after = m_status.erase(itRight);
    m_status.erase(itLeft);
    return !(hasLeft && after != m_status.end() && mayMeet(leftNeighbour, *after));
}

/// One edge ends at v and the next one of the ring starts: the new edge takes the old one's
/// place in the status (the node is reused, no search).
bool MonotoneSweep::regular(std::uint32_t v, std::uint32_t ending, std::uint32_t starting) {
    const auto it = m_where[ending];
    const bool hasLeft = it != m_status.begin();
    const std::uint32_t leftNeighbour = hasLeft ? *std::prev(it) : kNone;
    m_kind[v] = VertexKind::Regular;
    if (m_interiorRight[ending]) {  // v on the left boundary of an interior region
        if (helperIsMerge(ending)) addDiagonal(v, m_helper[ending]);
        m_helper[starting] = v;
    } else {  // v on the right boundary: the region is the one right of the left neighbour
        if (!hasLeft || !m_interiorRight[leftNeighbour]) return false;
        if (helperIsMerge(leftNeighbour)) addDiagonal(v, m_helper[leftNeighbour]);
        m_helper[leftNeighbour] = v;
    }
    m_interiorRight[starting] = m_interiorRight[ending];
    const auto after = std::next(it);
    auto node = m_status.extract(it);
    node.value() = starting;
    const auto placed = m_status.insert(after, std::move(node));
    if (m_uncertain || std::next(placed) != after) return false;
    m_where[starting] = placed;
    if (hasLeft && mayMeet(leftNeighbour, starting)) return false;
    return !(after != m_status.end() && mayMeet(starting, *after));
}

bool MonotoneSweep::run(const RingSet& rings) {
    const std::size_t n = m_p.size();
    // Sorting copies of the keys keeps the sort in cache (the ring order is not the sweep order).
    struct Key {
        double y, x;
        std::uint32_t vertex;
    };
    std::vector<Key> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = {m_p[i].y, m_p[i].x, static_cast<std::uint32_t>(i)};
    std::sort(order.begin(), order.end(), [](const Key& l, const Key& r) { return l.y < r.y || (l.y == r.y && l.x < r.x); });
    m_rank.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        // A repeated vertex makes the rings touch: not simple (and the sweep order would tie).
        if (k > 0 && order[k].x == order[k - 1].x && order[k].y == order[k - 1].y) return false;
        m_rank[order[k].vertex] = static_cast<std::uint32_t>(k);
    }
    m_lo.resize(n);
    m_hi.resize(n);
    for (std::size_t e = 0; e < n; ++e) {
        const auto v = static_cast<std::uint32_t>(e), w = m_next[e];
        m_lo[e] = before(v, w) ? v : w;
        m_hi[e] = before(v, w) ? w : v;
    }
    m_interiorRight.assign(n, 0);
    m_helper.assign(n, kNone);
    m_kind.assign(n, VertexKind::Regular);
    m_where.assign(n, m_status.end());
    m_split.diagonals.clear();

    for (const Key& key : order) {
        const std::uint32_t v = key.vertex, a = m_prev[v], b = m_next[v];
        const bool aLater = before(v, a), bLater = before(v, b);
        bool ok;
        if (aLater && bLater)
            ok = startPair(v);
        else if (!aLater && !bLater)
            ok = endPair(v);
        else if (!aLater)
            ok = regular(v, a, v);  // edge a → v ends, edge v → b starts
        else
            ok = regular(v, v, a);  // edge v → b ends (b is earlier), edge a → v starts
        if (!ok) return false;
    }
    if (!m_status.empty()) return false;

    // The side of the interior per ring, from the sides recorded per edge in sweep direction;
    // every edge of a ring must agree (they do for simple rings: a check, not a computation).
    const std::size_t ringCount = rings.ringStart.size() - 1;
    m_split.interiorLeft.assign(ringCount, 0);
    for (std::size_t r = 0; r < ringCount; ++r) {
        for (std::uint32_t e = rings.ringStart[r]; e < rings.ringStart[r + 1]; ++e) {
            const bool forward = m_lo[e] == e;  // the edge runs in sweep direction as stored
            const char left = forward ? !m_interiorRight[e] : m_interiorRight[e];
            if (e == rings.ringStart[r])
                m_split.interiorLeft[r] = left;
            else if (left != m_split.interiorLeft[r])
                return false;
        }
    }
    return true;
}

}  // namespace

bool splitIntoMonotone(const RingSet& rings, MonotoneSplit& split) {
    if (rings.points.size() < 3 || rings.ringStart.size() < 2) return false;
    MonotoneSweep sweep(rings, split);
    return sweep.run(rings);
}

}  // namespace gis::tess
