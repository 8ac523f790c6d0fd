// Point symbols, shared by the map (point.frag) and the legend swatches (overlay.frag) so a
// swatch is the real symbol. Injected after _prelude.glsl into every shader (unused code is
// compiled away). Coordinates are pixels from the symbol centre, y down; `r` is half the symbol
// size. Shape codes are scene::PointSymbol, status codes scene::WorkStatus.

const int NTM_CIRCLE = 0, NTM_SQUARE = 1, NTM_TRIANGLE = 2, NTM_DIAMOND = 3, NTM_HEXAGON = 4, NTM_STAR = 5,
          NTM_CROSS = 6, NTM_TRIANGLE_DOWN = 7, NTM_PENTAGON = 8, NTM_HOURGLASS = 9, NTM_BAR = 10;
const int NTM_COMPLETED = 0, NTM_UNDER_CONSTRUCTION = 1, NTM_PLANNED = 2;

// Signed distance (negative inside) of an upward equilateral triangle of circumradius c; y up.
float ntmSdTriangle(vec2 p, float c) {
    const float k = sqrt(3.0);
    float r = c * k * 0.5;    // half the side
    p.x = abs(p.x) - r;
    p.y = p.y + r / k;
    if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
    p.x -= clamp(p.x, -2.0 * r, 0.0);
    return -length(p) * sign(p.y);
}

float ntmSdBox(vec2 p, vec2 halfSize) {
    vec2 q = abs(p) - halfSize;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
}

// Regular hexagon of inradius r (flat top and bottom). After Inigo Quilez's 2D SDFs (MIT).
float ntmSdHexagon(vec2 p, float r) {
    const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);
    p = abs(p);
    p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;
    p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);
    return length(p) * sign(p.y);
}

// Regular pentagon of inradius r with its flat side at +y (so, y down: a house, point on top).
float ntmSdPentagon(vec2 p, float r) {
    const vec3 k = vec3(0.809016994, 0.587785252, 0.726542528);
    p.x = abs(p.x);
    p -= 2.0 * min(dot(vec2(-k.x, k.y), p), 0.0) * vec2(-k.x, k.y);
    p -= 2.0 * min(dot(vec2(k.x, k.y), p), 0.0) * vec2(k.x, k.y);
    p -= vec2(clamp(p.x, -r * k.z, r * k.z), r);
    return length(p) * sign(p.y);
}

// Five-pointed star of outer radius r, point up when y is up; rf sets how deep the notches are.
float ntmSdStar5(vec2 p, float r, float rf) {
    const vec2 k1 = vec2(0.809016994375, -0.587785252292);
    const vec2 k2 = vec2(-k1.x, k1.y);
    p.x = abs(p.x);
    p -= 2.0 * max(dot(k1, p), 0.0) * k1;
    p -= 2.0 * max(dot(k2, p), 0.0) * k2;
    p.x = abs(p.x);
    p.y -= r;
    vec2 ba = rf * vec2(-k1.y, k1.x) - vec2(0.0, 1.0);
    float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, r);
    return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y);
}

// Sizes are tuned so every shape weighs about as much as the circle and keeps a hollow centre
// when planned (the ring is at most about half the shape's inradius).
float ntmSymbolDistance(vec2 p, float r, int shape) {
    vec2 up = vec2(p.x, -p.y);
    if (shape == NTM_SQUARE) return ntmSdBox(p, vec2(r * 0.86));
    if (shape == NTM_TRIANGLE) return ntmSdTriangle(up + vec2(0.0, r * 0.2), r * 1.25);
    if (shape == NTM_TRIANGLE_DOWN) return ntmSdTriangle(vec2(p.x, p.y + r * 0.2), r * 1.25);
    if (shape == NTM_DIAMOND) return (abs(p.x) + abs(p.y) - r * 1.15) * 0.70710678;
    if (shape == NTM_HEXAGON) return ntmSdHexagon(p, r * 0.9);
    if (shape == NTM_STAR) return ntmSdStar5(up + vec2(0.0, r * 0.08), r * 1.22, 0.55);
    if (shape == NTM_CROSS) return min(ntmSdBox(p, vec2(r, r * 0.42)), ntmSdBox(p, vec2(r * 0.42, r)));
    if (shape == NTM_PENTAGON) return ntmSdPentagon(p + vec2(0.0, r * 0.08), r * 0.88);
    if (shape == NTM_HOURGLASS) {
        float c = r * 0.75;   // two triangles meeting point to point at the centre
        return min(ntmSdTriangle(up + vec2(0.0, c), c), ntmSdTriangle(vec2(up.x, -up.y) + vec2(0.0, c), c));
    }
    if (shape == NTM_BAR) return ntmSdBox(p, vec2(r * 1.1, r * 0.6)) ;
    return length(p) - r;
}

// Inradius of each shape as a fraction of r: how thick a planned symbol's ring may be.
float ntmSymbolInradius(float r, int shape) {
    if (shape == NTM_TRIANGLE || shape == NTM_TRIANGLE_DOWN) return r * 0.62;
    if (shape == NTM_STAR) return r * 0.42;
    if (shape == NTM_CROSS) return r * 0.42;
    if (shape == NTM_HOURGLASS) return r * 0.37;
    if (shape == NTM_BAR) return r * 0.6;
    return r * 0.86;
}

float ntmSymbolCasingPx(float r) { return max(1.0, r * 0.09); }       // dark line round the shape
float ntmSymbolHaloPx(float r) { return max(1.5, r * 0.15); }         // light halo outside it
float ntmSymbolOverdueRingPx(float r) { return max(2.0, r * 0.25); }  // red ring of overdue works

// Half the side of the quad a symbol needs, overdue ring included.
float ntmSymbolExtent(float r) {
    return r * 1.3 + ntmSymbolCasingPx(r) + 2.0 * ntmSymbolHaloPx(r) + ntmSymbolOverdueRingPx(r) + 1.0;
}

// Farthest point of each shape from the symbol centre, as a multiple of r (from the shapes in
// ntmSymbolDistance: e.g. the triangles' lower corners at 1.36 r, the square's corners at 1.22 r).
float ntmSymbolReach(float r, int shape) {
    if (shape == NTM_TRIANGLE || shape == NTM_TRIANGLE_DOWN) return r * 1.362;
    if (shape == NTM_STAR || shape == NTM_HOURGLASS) return r * 1.301;
    if (shape == NTM_BAR) return r * 1.254;
    if (shape == NTM_SQUARE) return r * 1.217;
    if (shape == NTM_PENTAGON) return r * 1.169;
    if (shape == NTM_DIAMOND) return r * 1.15;
    if (shape == NTM_CROSS) return r * 1.085;
    if (shape == NTM_HEXAGON) return r * 1.04;
    return r;
}

// Half the side of the quad a symbol that is not overdue needs: its reach, the casing and the
// halo, and the half pixel of anti-aliasing, plus a pixel to spare; never more than
// ntmSymbolExtent. Fewer fragments: for a circle the quad has under half the area. The diamond's
// distance is exact only across its faces (it is less near the corners), so its margin grows by √2.
// The circle's distance is exact everywhere and its reach is r itself, so it needs no pixel to
// spare: a crowded layer's small discs are mostly that pixel (a 6 px disc's quad 36 % smaller).
// `halo` scales the halo (1, or 0 for a layer drawn without, see ntmSymbol).
float ntmSymbolQuadExtent(float r, int shape, bool overdue, float halo) {
    if (overdue) return ntmSymbolExtent(r);
    float margin = ntmSymbolCasingPx(r) + ntmSymbolHaloPx(r) * halo + 0.5;
    if (shape == NTM_DIAMOND) margin *= 1.415;
    float spare = shape == NTM_CIRCLE ? 0.0 : 1.0;
    return min(ntmSymbolExtent(r), ntmSymbolReach(r, shape) + margin + spare);
}

// Premultiplied colour of a symbol at p: fill (straight alpha) where the status fills it,
// nothing (the map shows through) where it is hollow, a dark casing and a halo (straight alpha)
// outside, and for overdue works a red ring with a halo of its own outside that. `haloScale`
// 0 leaves the halos out (and the ring sits on the casing): a crowded layer's.
vec4 ntmSymbol(vec2 p, float r, int shape, int status, bool overdue, vec4 fill, vec4 halo, float haloScale) {
    const vec4 kCasing = vec4(0.12, 0.12, 0.14, 1.0);
    const vec4 kOverdue = vec4(0.86, 0.05, 0.05, 1.0);
    float d = ntmSymbolDistance(p, r, shape);
    float casing = ntmSymbolCasingPx(r);
    float haloPx = ntmSymbolHaloPx(r) * haloScale;
    halo.a *= haloScale;
    float ringReach = casing + haloPx + ntmSymbolOverdueRingPx(r);

    vec4 c = vec4(0.0);
    if (overdue) {
        c = ntmPremultiply(halo) * clamp(0.5 - (d - ringReach - haloPx), 0.0, 1.0);
        vec4 ring = kOverdue * clamp(0.5 - (d - ringReach), 0.0, 1.0);
        c = ring + c * (1.0 - ring.a);
    }
    vec4 h = ntmPremultiply(halo) * clamp(0.5 - (d - casing - haloPx), 0.0, 1.0);
    c = h + c * (1.0 - h.a);
    vec4 k = kCasing * clamp(0.5 - (d - casing), 0.0, 1.0);
    c = k + c * (1.0 - k.a);

    // How much of the inside is filled: all, the lower half (y down: p.y > 0), or only a ring.
    float filled = status == NTM_COMPLETED ? 1.0 : (status == NTM_UNDER_CONSTRUCTION ? clamp(p.y + 0.5, 0.0, 1.0) : 0.0);
    float ring = min(r * 0.3, ntmSymbolInradius(r, shape) * 0.5);
    float deep = clamp(0.5 - (d + ring), 0.0, 1.0);              // inside, past the ring
    float body = clamp(0.5 - d, 0.0, 1.0);
    float fillCoverage = body * (1.0 - deep * (1.0 - filled));
    vec4 f = ntmPremultiply(fill) * fillCoverage;
    c = f + c * (1.0 - f.a);
    // The hollow part shows the map, not the casing underneath it.
    return c * (1.0 - deep * (1.0 - filled));
}
