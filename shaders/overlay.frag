in vec2 v_uv;
flat in vec4 v_color;
flat in vec4 v_params;
flat in vec4 v_haloColor;

uniform sampler2D u_atlas;        // single-channel glyph distance field
uniform float u_sdfOnEdge;        // atlas value on the glyph outline (0..1)
uniform float u_sdfPxPerUnit;     // atlas pixels of distance per 1.0 of value

out vec4 o_color;

void main() {
    float coverage = 1.0;
    if (v_params.x > 2.5) {                       // 3: a map symbol (legend swatch), code = shape + 16 status + 64 overdue
        int code = int(v_params.z + 0.5);
        vec4 s = ntmSymbol(v_uv, v_params.y, code % 16, (code / 16) % 4, code >= 64, v_color, v_haloColor);
        if (s.a <= 0.0) discard;
        o_color = s;
        return;
    }
    if (v_params.x > 1.5) {                       // 2: anti-aliased disc
        coverage = clamp(v_params.y - length(v_uv) + 0.5, 0.0, 1.0);
    } else if (v_params.x > 0.5) {                // 1: glyph over its halo, composited here
        float value = texture(u_atlas, v_uv).r;
        float signedPx = (value - u_sdfOnEdge) * u_sdfPxPerUnit * v_params.y;
        float textAlpha = v_color.a * clamp(signedPx + 0.5, 0.0, 1.0);
        float haloAlpha = v_haloColor.a * clamp(signedPx + v_params.z + 0.5, 0.0, 1.0) * (1.0 - textAlpha);
        float alpha = textAlpha + haloAlpha;
        if (alpha <= 0.0) discard;
        o_color = vec4(v_color.rgb * textAlpha + v_haloColor.rgb * haloAlpha, alpha);  // premultiplied
        return;
    }
    vec4 c = v_color;
    c.a *= coverage;
    if (c.a <= 0.0) discard;
    o_color = ntmPremultiply(c);
}
