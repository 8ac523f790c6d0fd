#include "gis/planning/nearest_site.hpp"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gis::planning {
namespace {

constexpr double kPi = 3.14159265358979323846;
// A great circle on the mean sphere (R = 6 371 008.8 m) and the WGS 84 geodesic between the same
// points differ by less than 0.6 % (flattening 1/298.26: the extremes are the polar and equatorial
// radii of curvature). Sites the sphere puts within this factor of the best stay candidates.
constexpr double kMeanRadius = 6371008.8;
constexpr double kSphereSlack = 1.01;

void toUnitSphere(LonLat p, double out[3]) {
    const double lon = p.lon * kPi / 180.0, lat = p.lat * kPi / 180.0;
    out[0] = std::cos(lat) * std::cos(lon);
    out[1] = std::cos(lat) * std::sin(lon);
    out[2] = std::sin(lat);
}

double distance2(const double a[3], const double b[3]) {
    const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
    return dx * dx + dy * dy + dz * dz;
}

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, 6378137.0, 1.0 / 298.257223563);
        return init;
    }();
    return g;
}

}  // namespace

double geodesicMetres(LonLat a, LonLat b) {
    double s12 = 0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
    return s12;
}

NearestSite::NearestSite(std::vector<LonLat> sites) : m_sites(std::move(sites)) {
    m_nodes.resize(m_sites.size());
    for (std::size_t i = 0; i < m_sites.size(); ++i) {
        toUnitSphere(m_sites[i], m_nodes[i].xyz);
        m_nodes[i].site = i;
    }
    build(0, m_nodes.size(), 0);
}

void NearestSite::build(std::size_t begin, std::size_t end, int depth) {
    if (end - begin <= 1) return;
    const std::size_t mid = begin + (end - begin) / 2;
    const int axis = depth % 3;
    std::nth_element(m_nodes.begin() + static_cast<std::ptrdiff_t>(begin), m_nodes.begin() + static_cast<std::ptrdiff_t>(mid),
                     m_nodes.begin() + static_cast<std::ptrdiff_t>(end),
                     [axis](const Node& a, const Node& b) { return a.xyz[axis] < b.xyz[axis]; });
    build(begin, mid, depth + 1);
    build(mid + 1, end, depth + 1);
}

void NearestSite::nearestIn(std::size_t begin, std::size_t end, int depth, const double q[3], double& best, std::size_t& bestNode) const {
    if (begin >= end) return;
    const std::size_t mid = begin + (end - begin) / 2;
    const Node& node = m_nodes[mid];
    if (const double d = distance2(q, node.xyz); d < best) {
        best = d;
        bestNode = mid;
    }
    const int axis = depth % 3;
    const double delta = q[axis] - node.xyz[axis];
    // Near side first; the far side only when the splitting plane is closer than the best so far.
    if (delta < 0) {
        nearestIn(begin, mid, depth + 1, q, best, bestNode);
        if (delta * delta < best) nearestIn(mid + 1, end, depth + 1, q, best, bestNode);
    } else {
        nearestIn(mid + 1, end, depth + 1, q, best, bestNode);
        if (delta * delta < best) nearestIn(begin, mid, depth + 1, q, best, bestNode);
    }
}

void NearestSite::within(std::size_t begin, std::size_t end, int depth, const double q[3], double radius2,
                         std::vector<std::size_t>& out) const {
    if (begin >= end) return;
    const std::size_t mid = begin + (end - begin) / 2;
    const Node& node = m_nodes[mid];
    if (distance2(q, node.xyz) <= radius2) out.push_back(node.site);
    const int axis = depth % 3;
    const double delta = q[axis] - node.xyz[axis];
    if (delta < 0 || delta * delta <= radius2) within(begin, mid, depth + 1, q, radius2, out);
    if (delta >= 0 || delta * delta <= radius2) within(mid + 1, end, depth + 1, q, radius2, out);
}

std::optional<NearestSite::Hit> NearestSite::nearest(LonLat from) const {
    if (m_nodes.empty()) return std::nullopt;
    double q[3];
    toUnitSphere(from, q);
    double best2 = std::numeric_limits<double>::infinity();
    std::size_t bestNode = 0;
    nearestIn(0, m_nodes.size(), 0, q, best2, bestNode);
    // The sphere's nearest, measured on the ellipsoid, bounds the answer; any site whose sphere
    // distance is within the slack of that bound may be nearer on the ellipsoid.
    Hit hit{m_nodes[bestNode].site, geodesicMetres(from, m_sites[m_nodes[bestNode].site])};
    const double boundAngle = std::min(kPi, hit.metres * kSphereSlack / kMeanRadius);
    const double chord = 2.0 * std::sin(boundAngle / 2.0);
    std::vector<std::size_t> candidates;
    within(0, m_nodes.size(), 0, q, chord * chord, candidates);
    for (std::size_t site : candidates) {
        if (site == hit.site) continue;
        const double metres = geodesicMetres(from, m_sites[site]);
        if (metres < hit.metres || (metres == hit.metres && site < hit.site)) hit = {site, metres};
    }
    return hit;
}

}  // namespace gis::planning
