#version 330 core
// One triangle that covers the screen; no vertex buffer needed.
// uWindow: this render's part of the full picture in uv (x0, y0, width, height); (0, 0, 1, 1) whole.
uniform vec4 uWindow;
out vec2 vUv;
void main() {
    vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    vUv = uWindow.xy + p * uWindow.zw;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
