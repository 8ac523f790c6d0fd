in vec2 v_local;
flat in vec4 v_fillColor;

uniform float u_radius;
uniform float u_strokeWidth;
uniform int u_symbol;            // 0 circle, 1 square, 2 triangle, 3 diamond (scene::PointSymbol)
uniform vec4 u_strokeColor;
uniform float u_opacity;

out vec4 o_color;

// Signed distance (pixels, negative inside) of an upward equilateral triangle whose
// circumradius is `circumradius`; p has y pointing up.
float sdTriangle(vec2 p, float circumradius) {
    const float k = sqrt(3.0);
    float r = circumradius * k * 0.5;    // half the side
    p.x = abs(p.x) - r;
    p.y = p.y + r / k;
    if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
    p.x -= clamp(p.x, -2.0 * r, 0.0);
    return -length(p) * sign(p.y);
}

float symbolDistance(vec2 p, float r) {
    if (u_symbol == 1) {                 // square, a little smaller so it weighs like the circle
        vec2 q = abs(p) - vec2(r * 0.88);
        return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
    }
    if (u_symbol == 2) return sdTriangle(vec2(p.x, -p.y + r * 0.12), r * 1.12);
    if (u_symbol == 3) return (abs(p.x) + abs(p.y) - r) * 0.70710678;
    return length(p) - r;
}

void main() {
    float d = symbolDistance(v_local, u_radius);
    float outer = clamp(0.5 - d, 0.0, 1.0);
    float inner = clamp(0.5 - d - u_strokeWidth, 0.0, 1.0);
    vec4 c = mix(ntmPremultiply(u_strokeColor), ntmPremultiply(v_fillColor), inner) * outer * u_opacity;
    if (c.a <= 0.0) discard;
    o_color = c;
}
