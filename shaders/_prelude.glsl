// Shared by every vertex and fragment shader (injected after "#version 330 core").

// Optimisers (Mesa's included) may rewrite (p - shift) * scale + offset as
// p * scale + (offset - shift * scale), grouping the uniforms: that reintroduces the huge
// intermediate values the shift exists to avoid (metres of error when zoomed in). `precise`
// forbids it; it needs GL_ARB_gpu_shader5 (core in 4.0), which Mesa and current drivers have.
#ifdef GL_ARB_gpu_shader5
#extension GL_ARB_gpu_shader5 : enable
#define NTM_PRECISE precise
#else
#define NTM_PRECISE
#endif

// Target pixel (origin top-left, y down) -> clip space. The render target covers
// [0, targetSize] pixels; GL's y axis points up, hence the flip.
vec4 ntmPixelToClip(vec2 px, vec2 targetSize) {
    vec2 ndc = px / targetSize * 2.0 - 1.0;
    return vec4(ndc.x, -ndc.y, 0.0, 1.0);
}

// Per-feature colour table: RGBA8 texture 1024 texels wide, one texel per feature id.
vec4 ntmFeatureColor(sampler2D table, uint featureId) {
    return texelFetch(table, ivec2(int(featureId % 1024u), int(featureId / 1024u)), 0);
}

// Per-feature symbol table (scene::FeatureSymbol): RGBA8UI, same layout as the colour table;
// x = shape, y = status, z = overdue.
uvec4 ntmFeatureSymbol(usampler2D table, uint featureId) {
    return texelFetch(table, ivec2(int(featureId % 1024u), int(featureId / 1024u)), 0);
}

// Everything we blend is premultiplied (glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA)).
vec4 ntmPremultiply(vec4 c) {
    return vec4(c.rgb * c.a, c.a);
}

// Mesh position (float, relative to the mesh origin) -> target pixel. The CPU computes, in double,
// `shift` (~ camera centre relative to the origin, exactly representable) and `offset`, so the
// subtraction below cancels exactly and the products stay small: no jitter when zoomed in.
vec2 ntmMeshToPixel(vec2 position, vec2 shift, vec2 scale, vec2 offset) {
    NTM_PRECISE vec2 local = position - shift;
    NTM_PRECISE vec2 px = local * scale + offset;
    return px;
}
