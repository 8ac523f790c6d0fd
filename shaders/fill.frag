flat in uint v_featureId;

uniform sampler2D u_colors;
uniform int u_highlightId;    // feature to brighten, or -1
uniform float u_opacity;

out vec4 o_color;

void main() {
    vec4 c = ntmFeatureColor(u_colors, v_featureId);
    if (u_highlightId >= 0 && v_featureId == uint(u_highlightId)) c.rgb = mix(c.rgb, vec3(1.0), 0.3);
    c.a *= u_opacity;
    o_color = ntmPremultiply(c);
}
