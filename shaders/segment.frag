in vec2 v_pixel;
flat in vec2 v_p0;
flat in vec2 v_p1;
flat in vec4 v_color;
flat in vec4 v_casingColor;
flat in float v_halfWidth;
flat in float v_casingHalfWidth;
flat in float v_startPx;
flat in vec2 v_dash;

uniform float u_opacity;

out vec4 o_color;

#ifdef NTM_LINE_MODE
const int kLineMode = NTM_LINE_MODE;
#else
uniform int u_lineMode;
#define kLineMode u_lineMode
#endif

// Depth of a line layer's fragment (the renderer clears it to 1 and tests LEQUAL): a line's
// pixels (0-0.25, nearer the more they are covered) are never covered by any casing (0.5-0.75,
// likewise), whatever order the roads come in; a line still goes over a casing and another
// line, and a casing over a casing, as when all casings were drawn before all lines.
float ntmLineLayerDepth(float lineCoverage, float casingCoverage) {
    return lineCoverage > 0.0 ? 0.25 * (1.0 - lineCoverage) : 0.5 + 0.25 * (1.0 - casingCoverage);
}

void main() {
    // Distance to the segment (not the infinite line) gives round caps, hence round joins.
    vec2 ab = v_p1 - v_p0;
    float len2 = max(dot(ab, ab), 1e-12);
    float t = clamp(dot(v_pixel - v_p0, ab) / len2, 0.0, 1.0);
    float dist = length(v_pixel - (v_p0 + ab * t));
    float coverage = clamp(v_halfWidth + 0.5 - dist, 0.0, 1.0);
#if !defined(NTM_LINE_MODE) || NTM_LINE_MODE == 2
    if (kLineMode == 2) {
        if (v_dash.x > 0.0) {
            // Distance along the whole line, so dashes run on across vertices.
            float along = v_startPx + t * sqrt(len2);
            float phase = mod(along, v_dash.x + v_dash.y);
            coverage *= clamp(min(phase, v_dash.x - phase) + 0.5, 0.0, 1.0);
        }
        float casingCoverage = clamp(v_casingHalfWidth + 0.5 - dist, 0.0, 1.0);
        vec4 line = ntmPremultiply(vec4(v_color.rgb, v_color.a * coverage));
        vec4 casing = ntmPremultiply(vec4(v_casingColor.rgb, v_casingColor.a * casingCoverage));
        vec4 both = line + casing * (1.0 - line.a);
        if (both.a <= 0.0) discard;
        gl_FragDepth = ntmLineLayerDepth(coverage, casingCoverage);
        o_color = both * u_opacity;
        return;
    }
    gl_FragDepth = gl_FragCoord.z;  // the general program writes it on every path; no depth test then
#endif
    if (coverage <= 0.0) discard;
    vec4 c = v_color;
    c.a *= coverage * u_opacity;
    o_color = ntmPremultiply(c);
}
