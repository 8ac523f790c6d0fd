// One source, several programs. llvmpipe runs every branch of a shader for every fragment
// (its branches only mask lanes), so one program serving every mode made each glyph pixel pay
// for the legend's symbol SDFs as well: about 4 ms of a district frame's 9 ms of labels. The
// renderer therefore builds this file once per kind, with NTM_OVERLAY_KIND defined as
//   0: solid rectangles and discs (modes 0 and 2), 1: glyphs (mode 1), 2: map symbols (mode 3),
// and draws each run of the batch with the program of its kind (OverlayBatch::runs). Built
// without the define, it is the single program of every mode (the reference the tests compare with).
#ifndef NTM_OVERLAY_KIND
#define NTM_OVERLAY_KIND -1
#endif

in vec2 v_uv;
flat in vec4 v_color;
flat in vec4 v_params;
flat in vec4 v_haloColor;

uniform sampler2D u_atlas;        // single-channel glyph distance field
uniform float u_sdfOnEdge;        // atlas value on the glyph outline (0..1)
uniform float u_sdfPxPerUnit;     // atlas pixels of distance per 1.0 of value

out vec4 o_color;

// 3: a map symbol (legend swatch), code = shape + 16 status + 64 overdue. Premultiplied.
vec4 overlaySymbol() {
    int code = int(v_params.z + 0.5);
    return ntmSymbol(v_uv, v_params.y, code % 16, (code / 16) % 4, code >= 64, v_color, v_haloColor, 1.0);
}

// 1: a glyph over its halo, composited here. Premultiplied.
vec4 overlayGlyph() {
    float value = texture(u_atlas, v_uv).r;
    float signedPx = (value - u_sdfOnEdge) * u_sdfPxPerUnit * v_params.y;
    float textAlpha = v_color.a * clamp(signedPx + 0.5, 0.0, 1.0);
    float haloAlpha = v_haloColor.a * clamp(signedPx + v_params.z + 0.5, 0.0, 1.0) * (1.0 - textAlpha);
    return vec4(v_color.rgb * textAlpha + v_haloColor.rgb * haloAlpha, textAlpha + haloAlpha);
}

// 0: solid, 2: anti-aliased disc. Premultiplied.
vec4 overlayPlain() {
    float coverage = v_params.x > 1.5 ? clamp(v_params.y - length(v_uv) + 0.5, 0.0, 1.0) : 1.0;
    vec4 c = v_color;
    c.a *= coverage;
    return ntmPremultiply(c);
}

void main() {
#if NTM_OVERLAY_KIND == 0
    vec4 c = overlayPlain();
#elif NTM_OVERLAY_KIND == 1
    vec4 c = overlayGlyph();
#elif NTM_OVERLAY_KIND == 2
    vec4 c = overlaySymbol();
#else
    vec4 c;
    if (v_params.x > 2.5) c = overlaySymbol();
    else if (v_params.x > 1.5 || v_params.x < 0.5) c = overlayPlain();
    else c = overlayGlyph();
#endif
    if (c.a <= 0.0) discard;
    o_color = c;
}
