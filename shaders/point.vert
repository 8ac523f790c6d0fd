// Point symbols: one instance per point, a quad around it; the fragment shader draws the symbol
// as a signed distance field. Shape, status and overdue come from the layer's symbol table, read
// here once per vertex (not per pixel) like the colour.
// A point is 4 vertices of an indexed draw (gl_VertexID = 4 × point + corner, the draw's base
// vertex included), read from buffer textures rather than per-instance attributes (segment.vert
// says why).
uniform samplerBuffer u_quadData;       // x, y relative to the mesh origin
uniform usamplerBuffer u_quadFeatures;  // feature id

uniform vec2 u_shift;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_targetSize;
uniform float u_radius;         // pixels (half the symbol size)
uniform float u_halo;           // 1, or 0 without halos (point.frag)
uniform sampler2D u_colors;
uniform usampler2D u_symbols;

out vec2 v_local;               // pixels from the symbol centre, y down
flat out vec4 v_fillColor;
flat out ivec3 v_symbol;        // shape, status, overdue

void main() {
    int point = gl_VertexID >> 2;
    vec2 a_position = texelFetch(u_quadData, point).xy;
    uint a_featureId = texelFetch(u_quadFeatures, point).r;
    vec2 centre = ntmMeshToPixel(a_position, u_shift, u_scale, u_offset);
    ivec3 symbol = ivec3(ntmFeatureSymbol(u_symbols, a_featureId).xyz);
#ifdef NTM_POINT_SHAPE
    symbol.x = NTM_POINT_SHAPE;   // the layer's one shape, compiled in (point.frag says why)
#endif
    float r = ntmSymbolQuadExtent(u_radius, symbol.x, symbol.z != 0, u_halo);
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -r : r, (gl_VertexID & 2) == 0 ? -r : r);
    gl_Position = ntmPixelToClip(centre + corner, u_targetSize);
    v_local = corner;
    v_fillColor = ntmFeatureColor(u_colors, a_featureId);
    v_symbol = symbol;
}
