#version 330 core
// A calm vertical gradient with a soft vignette, so bone stands out on a projector.
in vec2 vUv;
uniform vec3 uTop;
uniform vec3 uBottom;
uniform vec2 uPixelOffset;  // tile origin in the full picture, so the dither pattern continues
out vec4 fragColour;
void main() {
    float t = smoothstep(0.0, 1.0, vUv.y);
    vec3 colour = mix(uBottom, uTop, t);
    vec2 centred = vUv - 0.5;
    colour *= 1.0 - 0.25 * dot(centred, centred);
    // A touch of noise-free dithering by pixel parity hides banding in 8-bit output.
    colour += (fract(dot(gl_FragCoord.xy + uPixelOffset, vec2(0.5, 0.25))) - 0.375) / 255.0;
    fragColour = vec4(colour, 1.0);
}
