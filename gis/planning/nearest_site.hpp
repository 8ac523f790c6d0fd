#pragma once
/// Nearest site on the ground: a k-d tree over points on the unit sphere (chord length orders
/// points exactly as great-circle distance does), then the WGS 84 ellipsoidal geodesic
/// (PROJ's geod_inverse, Karney) over every site the sphere cannot rule out, so the answer is
/// the nearest in metres on the ellipsoid, not on a sphere and never in degrees.
#include <cstddef>
#include <optional>
#include <vector>

namespace gis::planning {

struct LonLat {
    double lon = 0, lat = 0;  ///< degrees, WGS 84
};

class NearestSite {
public:
    /// Indexes `sites`; a query answers with an index into this vector.
    explicit NearestSite(std::vector<LonLat> sites);

    struct Hit {
        std::size_t site = 0;
        double metres = 0;  ///< ellipsoidal geodesic distance
    };
    /// The nearest site to `from`; nullopt when there are no sites.
    std::optional<Hit> nearest(LonLat from) const;

    std::size_t size() const { return m_sites.size(); }

private:
    struct Node {
        double xyz[3];
        std::size_t site;
    };
    void build(std::size_t begin, std::size_t end, int depth);
    void nearestIn(std::size_t begin, std::size_t end, int depth, const double q[3], double& best, std::size_t& bestNode) const;
    void within(std::size_t begin, std::size_t end, int depth, const double q[3], double radius2, std::vector<std::size_t>& out) const;

    std::vector<LonLat> m_sites;
    std::vector<Node> m_nodes;  ///< implicit balanced tree: the median of [begin, end) splits on axis depth % 3
};

/// WGS 84 geodesic distance in metres (PROJ geod_inverse).
double geodesicMetres(LonLat a, LonLat b);

}  // namespace gis::planning
