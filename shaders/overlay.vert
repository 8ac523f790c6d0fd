// Screen-space overlay (labels, legend, title, watermark), in full-frame pixels so that
// tiles of one frame line up.
layout(location = 0) in vec2 a_position;   // frame pixels, y down
layout(location = 1) in vec2 a_uv;         // atlas uv (text) or pixels from the centre (disc)
layout(location = 2) in vec4 a_color;      // straight alpha
layout(location = 3) in vec4 a_params;     // x: mode, y: text scale / disc or symbol radius, z: halo px / symbol code
layout(location = 4) in vec4 a_haloColor;  // text: halo colour, straight alpha (alpha 0 = none)

uniform vec2 u_tileOffset;
uniform vec2 u_targetSize;

out vec2 v_uv;
flat out vec4 v_color;
flat out vec4 v_params;
flat out vec4 v_haloColor;

void main() {
    gl_Position = ntmPixelToClip(a_position - u_tileOffset, u_targetSize);
    v_uv = a_uv;
    v_color = a_color;
    v_params = a_params;
    v_haloColor = a_haloColor;
}
