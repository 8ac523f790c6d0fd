// Polygon fills: indexed triangles; the colour comes from the layer's colour table.
layout(location = 0) in vec2 a_position;   // metres relative to the mesh origin
layout(location = 1) in uint a_featureId;

uniform vec2 u_shift;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_targetSize;

flat out uint v_featureId;

void main() {
    gl_Position = ntmPixelToClip(ntmMeshToPixel(a_position, u_shift, u_scale, u_offset), u_targetSize);
    v_featureId = a_featureId;
}
