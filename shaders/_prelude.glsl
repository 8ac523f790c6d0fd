// Shared by every vertex and fragment shader (injected after "#version 330 core").

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

// Everything we blend is premultiplied (glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA)).
vec4 ntmPremultiply(vec4 c) {
    return vec4(c.rgb * c.a, c.a);
}

// Mesh position (float, relative to the mesh origin) -> target pixel. The CPU computes, in double,
// `shift` (~ camera centre relative to the origin, exactly representable) and `offset`, so the
// subtraction below cancels exactly and the products stay small: no jitter when zoomed in.
vec2 ntmMeshToPixel(vec2 position, vec2 shift, vec2 scale, vec2 offset) {
    return (position - shift) * scale + offset;
}
