in vec2 v_pixel;
flat in vec2 v_p0;
flat in vec2 v_p1;
flat in vec4 v_color;
flat in float v_halfWidth;
flat in float v_startPx;
flat in vec2 v_dash;

uniform float u_opacity;

out vec4 o_color;

void main() {
    // Distance to the segment (not the infinite line) gives round caps, hence round joins.
    vec2 ab = v_p1 - v_p0;
    float len2 = max(dot(ab, ab), 1e-12);
    float t = clamp(dot(v_pixel - v_p0, ab) / len2, 0.0, 1.0);
    float dist = length(v_pixel - (v_p0 + ab * t));
    float coverage = clamp(v_halfWidth + 0.5 - dist, 0.0, 1.0);
#if !defined(NTM_LINE_MODE) || NTM_LINE_MODE == 3
    if (v_dash.x > 0.0) {
        // Distance along the whole line, so dashes run on across vertices.
        float along = v_startPx + t * sqrt(len2);
        float phase = mod(along, v_dash.x + v_dash.y);
        coverage *= clamp(min(phase, v_dash.x - phase) + 0.5, 0.0, 1.0);
    }
#endif  // only the line of a line layer is dashed
    if (coverage <= 0.0) discard;
    vec4 c = v_color;
    c.a *= coverage * u_opacity;
    o_color = ntmPremultiply(c);
}
