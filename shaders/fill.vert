// Polygon fills: indexed triangles; the colour comes from the layer's colour table. The lookup
// happens here, once per vertex, not once per pixel: on llvmpipe a per-fragment texelFetch over
// a full-screen choropleth costs more than all the geometry.
layout(location = 0) in vec2 a_position;   // metres relative to the mesh origin
layout(location = 1) in uint a_featureId;
layout(location = 2) in vec2 a_outward;    // outward miter / 2 (normalized bytes); (0, 0) = stay

uniform vec2 u_shift;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_targetSize;
uniform sampler2D u_colors;
uniform int u_highlightId;    // feature to brighten, or -1
uniform float u_opacity;
uniform float u_growPx;       // how far the fill grows outward, in pixels (0: not at all)

flat out vec4 v_color;        // premultiplied

void main() {
    // Growing by a fraction of a pixel closes the cracks that simplifying each ring on its own
    // leaves between neighbours (gis/tess/fill_outward.hpp). The mesh-to-pixel map is a uniform
    // scale with y flipped, so a mesh-space miter becomes a pixel one by the scale's signs.
    vec2 px = ntmMeshToPixel(a_position, u_shift, u_scale, u_offset) + a_outward * (2.0 * u_growPx) * sign(u_scale);
    gl_Position = ntmPixelToClip(px, u_targetSize);
    vec4 c = ntmFeatureColor(u_colors, a_featureId);
    if (u_highlightId >= 0 && a_featureId == uint(u_highlightId)) c.rgb = mix(c.rgb, vec3(1.0), 0.3);
    c.a *= u_opacity;
    v_color = ntmPremultiply(c);
}
