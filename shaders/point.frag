in vec2 v_local;
flat in vec4 v_fillColor;
flat in ivec3 v_symbol;          // shape, status, overdue (see _symbols.glsl)

uniform float u_radius;
uniform vec4 u_strokeColor;      // halo round the symbol (straight alpha)
uniform float u_halo;            // 1, or 0 for a crowded layer's symbols (scene::LayerStyle::pointHalo)
uniform float u_opacity;

out vec4 o_color;

void main() {
    // A layer whose symbols all share one shape gets a program with it compiled in
    // (NTM_POINT_SHAPE): llvmpipe evaluates every branch, so the general program computed all
    // eleven shapes' distances for every pixel of every symbol.
#ifdef NTM_POINT_SHAPE
    const int shape = NTM_POINT_SHAPE;
#else
    int shape = v_symbol.x;
#endif
    vec4 c = ntmSymbol(v_local, u_radius, shape, v_symbol.y, v_symbol.z != 0, v_fillColor, u_strokeColor, u_halo) * u_opacity;
    if (c.a <= 0.0) discard;
    o_color = c;
}
