// Line segments as screen-space capsules: one instance per segment, 4 vertices (triangle strip)
// expanded here to the segment's pixel rectangle plus round caps and a half-pixel anti-aliasing fringe.
// A line layer's segment carries its casing (light, red when overdue) and the line itself, whose
// width and dash follow the work's status from the symbol table: one quad, as wide as the casing,
// whose fragments are the line, the casing or both (segment.frag; the depth buffer keeps a
// casing from covering any line, the renderer's drawLines says how). Drawn as two passes, all
// casings and then all lines, the 10,000-commune set's 20,000 roads cost twice the quads and
// shaded every line pixel twice.
// A segment is 4 vertices of an indexed draw (gl_VertexID = 4 × segment + corner, the draw's base
// vertex included), read from buffer textures rather than per-instance attributes: llvmpipe ran
// its whole vertex pipeline once per instance.
uniform samplerBuffer u_quadData;       // x0, y0, x1, y1 relative to the mesh origin
uniform usamplerBuffer u_quadFeatures;  // feature id
uniform samplerBuffer u_quadStarts;     // metres along the line where the segment starts
uniform bool u_hasStarts;                 // line layers have them; outlines are never dashed

uniform vec2 u_shift;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_targetSize;
uniform float u_halfWidth;        // pixels (of a completed line; planned ones are thinner)
uniform float u_casingPx;         // line layers: how far the casing reaches beyond the line (0: none)
// 0: u_color (outlines, highlight); 1: colour table (hairline fill edges);
// 2: a line layer: its line (colour table, status width and dash) over its casing (u_color, red
// when overdue).
// The Renderer builds one program per mode (NTM_LINE_MODE): llvmpipe runs both sides of every
// branch, so with the mode a uniform each outline vertex paid for the symbol-table fetch and
// the dash set-up of the line layers. Without the define the mode is the uniform u_lineMode,
// the reference program the tests compare the three with.
#ifdef NTM_LINE_MODE
const int kLineMode = NTM_LINE_MODE;
#else
uniform int u_lineMode;
#define kLineMode u_lineMode
#endif
uniform vec4 u_color;
uniform sampler2D u_colors;
uniform usampler2D u_symbols;

out vec2 v_pixel;
flat out vec2 v_p0;
flat out vec2 v_p1;
flat out vec4 v_color;
flat out vec4 v_casingColor;      // mode 2; alpha 0 without a casing
flat out float v_halfWidth;
flat out float v_casingHalfWidth; // mode 2: the line's half width plus the casing
flat out float v_startPx;
flat out vec2 v_dash;             // on, off (pixels); on = 0: solid

const vec4 kOverdueCasing = vec4(0.86, 0.05, 0.05, 1.0);

void main() {
    int segment = gl_VertexID >> 2;
    vec4 a_segment = texelFetch(u_quadData, segment);
    uint a_featureId = texelFetch(u_quadFeatures, segment).r;
    float a_startDistance = kLineMode == 2 && u_hasStarts ? texelFetch(u_quadStarts, segment).r : 0.0;  // dashes only

    vec2 p0 = ntmMeshToPixel(a_segment.xy, u_shift, u_scale, u_offset);
    vec2 p1 = ntmMeshToPixel(a_segment.zw, u_shift, u_scale, u_offset);

    float halfWidth = u_halfWidth;
    float reach = halfWidth;          // how far from the segment anything is drawn
    v_dash = vec2(0.0);
    v_casingColor = vec4(0.0);
    v_casingHalfWidth = 0.0;
    if (kLineMode == 0) {
        v_color = u_color;
    } else if (kLineMode == 1) {
        v_color = ntmFeatureColor(u_colors, a_featureId);
    } else {
        uvec4 symbol = ntmFeatureSymbol(u_symbols, a_featureId);
        int status = int(symbol.y);
        // Planned: thin and finely dashed; under construction: full width, long dashes whose gaps
        // show the casing (two-tone); completed: solid. The casing stays continuous: it is the
        // light half of the two tones.
        if (status == NTM_PLANNED) {
            halfWidth *= 0.6;
            v_dash = vec2(2.2, 1.8) * u_halfWidth;
        } else if (status == NTM_UNDER_CONSTRUCTION) {
            v_dash = vec2(4.0, 2.5) * u_halfWidth;
        }
        v_color = ntmFeatureColor(u_colors, a_featureId);
        if (u_casingPx > 0.0) {
            v_casingColor = symbol.z != 0u ? kOverdueCasing : u_color;
            v_casingHalfWidth = halfWidth + u_casingPx;
        }
        reach = max(halfWidth, v_casingHalfWidth);
    }

    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    // Coverage (segment.frag) falls to zero half a pixel past the line's edge: the quad reaches
    // just that far, so no fragment is shaded only to be discarded (llvmpipe is raster bound here).
    float r = reach + 0.5;
    vec2 along = (gl_VertexID & 1) == 0 ? p0 - dir * r : p1 + dir * r;
    vec2 px = along + nrm * ((gl_VertexID & 2) == 0 ? -r : r);

    gl_Position = ntmPixelToClip(px, u_targetSize);
    v_pixel = px;
    v_p0 = p0;
    v_p1 = p1;
    v_halfWidth = halfWidth;
    v_startPx = a_startDistance * abs(u_scale.x);
}
