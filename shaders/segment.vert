// Line segments as screen-space capsules: one instance per segment, 4 vertices (triangle strip)
// expanded here to the segment's pixel rectangle plus round caps and a 1 px anti-aliasing fringe.
layout(location = 0) in vec4 a_segment;    // x0, y0, x1, y1 relative to the mesh origin (per instance)
layout(location = 1) in uint a_featureId;  // per instance

uniform vec2 u_shift;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_targetSize;
uniform float u_halfWidth;        // pixels
uniform int u_useFeatureColor;    // 1: colour table (line layers), 0: u_color (outlines, highlight)
uniform vec4 u_color;
uniform sampler2D u_colors;

out vec2 v_pixel;
flat out vec2 v_p0;
flat out vec2 v_p1;
flat out vec4 v_color;

void main() {
    vec2 p0 = ntmMeshToPixel(a_segment.xy, u_shift, u_scale, u_offset);
    vec2 p1 = ntmMeshToPixel(a_segment.zw, u_shift, u_scale, u_offset);
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    float r = u_halfWidth + 1.0;
    vec2 along = (gl_VertexID & 1) == 0 ? p0 - dir * r : p1 + dir * r;
    vec2 px = along + nrm * ((gl_VertexID & 2) == 0 ? -r : r);

    gl_Position = ntmPixelToClip(px, u_targetSize);
    v_pixel = px;
    v_p0 = p0;
    v_p1 = p1;
    // Branch on the uniform so outlines skip the texture fetch (vertex work is the llvmpipe bottleneck).
    if (u_useFeatureColor != 0)
        v_color = ntmFeatureColor(u_colors, a_featureId);
    else
        v_color = u_color;
}
