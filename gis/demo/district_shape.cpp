#include "gis/demo/district_shape.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "gis/demo/commune_partition.hpp"
#include "gis/demo/noise.hpp"

namespace gis::demo {

DistrictShape generateDistrictShape(const GeosContext& ctx, Prng& rng, double widthM, double heightM) {
    const double a = widthM * 0.5, b = heightM * 0.5;

    // 1. Ellipse × radial noise. Low harmonics bend the whole shape, high ones give the
    //    small bays and spurs that real administrative borders (ridges, streams) have.
    RadialNoise coarse(rng, 7, 0.42);
    RadialNoise fine(rng, 24, 0.10);
    Polygon blob;
    Ring ring;
    const int n = 160;  // ~0.9 km pieces; the fractal pass below adds the fine detail
    for (int i = 0; i < n; ++i) {
        const double t = 2.0 * std::numbers::pi * i / n;
        const double r = coarse.at(t) * fine.at(t);
        // The river cuts off part of the eastern side, so extend the blob a bit to the east.
        const double stretch = std::cos(t) > 0 ? 1.0 + 0.18 * std::cos(t) : 1.0;
        ring.push_back({a * r * stretch * std::cos(t), b * r * std::sin(t)});
    }
    // Fractal detail (spurs and bays along streams and ridges), then ≤ 250 m segments.
    blob.rings.push_back(wiggleRing(ring, 0.0, 250.0, 0.18, rng.nextU64()));

    // 2. A meandering river from north to south, slightly slanted, east of the centre.
    CurveNoise meander(rng, 14000.0, 4);
    DistrictShape shape;
    const double riverX = a * 0.78;
    for (double y = -b * 1.8; y <= b * 1.8; y += 150.0)
        shape.river.push_back({riverX + 0.12 * y + 2600.0 * meander.at(y), y});

    // 3. Everything east of the river is removed.
    Polygon east;
    Ring eastRing = shape.river;
    eastRing.push_back({a * 4.0, b * 1.8});
    eastRing.push_back({a * 4.0, -b * 1.8});
    std::reverse(eastRing.begin(), eastRing.end());  // counter-clockwise
    east.rings.push_back(eastRing);

    GeosPtr blobG = toGeos(ctx, blob);
    GeosPtr eastG = toGeos(ctx, east);
    if (!GEOSisValid_r(ctx.handle(), blobG.get())) blobG = makeValidPolygonal(ctx, blobG.get());
    GeosPtr cut = wrap(ctx, GEOSDifference_r(ctx.handle(), blobG.get(), eastG.get()));
    std::vector<Polygon> parts = polygonsFromGeos(ctx, cut.get());

    // Keep the main piece (the river can isolate small lobes of the ellipse).
    std::size_t best = 0;
    for (std::size_t i = 1; i < parts.size(); ++i)
        if (polygonArea(parts[i]) > polygonArea(parts[best])) best = i;
    shape.outline.rings.push_back(parts.empty() ? ring : parts[best].rings[0]);
    Ring& out = shape.outline.rings[0];
    if (ringArea(out) < 0) std::reverse(out.begin(), out.end());
    return shape;
}

}  // namespace gis::demo
