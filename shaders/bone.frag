#version 330 core
// Bone material: wrapped diffuse with a soft specular sheen, hemisphere ambient, a key, fill and
// rim light fixed to the camera (the model stays well lit from any orbit), and the per-vertex
// cavity occlusion term that darkens grooves and sockets.

in vec3 vWorldPosition;
in vec3 vWorldNormal;
in float vOcclusion;
in vec3 vColour;  // sRGB
in vec3 vAlbedo;  // linear

uniform mat4 uView;
uniform vec3 uEye;
uniform vec4 uColour;     // sRGB colour + alpha
uniform uint uFlags;      // scene/draw_record.h DrawFlags
uniform float uExposure;

out vec4 fragColour;

const uint kHovered = 1u;
const uint kSelected = 2u;
const uint kFlat = 8u;

vec3 toSrgb(vec3 c) { return pow(c, vec3(1.0 / 2.2)); }

// Diffuse that wraps a little past the terminator, as light scatters into bone's surface.
float wrapped(vec3 n, vec3 l, float wrap) { return max((dot(n, l) + wrap) / (1.0 + wrap), 0.0); }

void main() {
    if ((uFlags & kFlat) != 0u) {
        fragColour = vec4(vColour, uColour.a);
        return;
    }
    vec3 albedo = vAlbedo;
    vec3 n = normalize(vWorldNormal);
    vec3 v = normalize(uEye - vWorldPosition);
    if (dot(n, v) < 0.0) n = -n;  // seen from inside (cut views, open meshes): light the inner face

    // Camera-space light directions, turned into world space.
    mat3 viewToWorld = transpose(mat3(uView));
    vec3 keyDir = normalize(viewToWorld * vec3(-0.62, 0.62, 0.48));
    vec3 fillDir = normalize(viewToWorld * vec3(0.7, 0.1, 0.5));
    vec3 rimDir = normalize(viewToWorld * vec3(0.1, 0.45, -0.9));

    float occlusion = vOcclusion;
    vec3 sky = vec3(0.60, 0.66, 0.75);
    vec3 ground = vec3(0.22, 0.20, 0.18);
    vec3 ambient = mix(ground, sky, 0.5 + 0.5 * n.y) * 0.22 * occlusion;

    vec3 light = ambient;
    light += vec3(1.00, 0.96, 0.90) * 1.10 * wrapped(n, keyDir, 0.08) * mix(0.5, 1.0, occlusion);
    light += vec3(0.70, 0.78, 0.90) * 0.22 * wrapped(n, fillDir, 0.3) * occlusion;

    vec3 colour = albedo * light;

    // Soft Blinn-Phong sheen from the key light: bone is matte, so broad and faint.
    vec3 h = normalize(keyDir + v);
    // x^24 as (x^8)^3: the same curve as pow() without its exp and log.
    float s2 = max(dot(n, h), 0.0);
    s2 *= s2;
    float s8 = s2 * s2 * s2 * s2;
    float spec = s8 * s8 * s8 * 0.18 * occlusion;
    colour += vec3(spec);

    // Rim light outlines the silhouette against the dark background.
    float grazing = 1.0 - max(dot(n, v), 0.0);
    float fresnel = grazing * grazing * grazing;
    colour += vec3(0.55, 0.62, 0.75) * 0.35 * fresnel * max(dot(n, rimDir) + 0.4, 0.0);

    if ((uFlags & kSelected) != 0u) {
        colour = mix(colour, colour * vec3(1.15, 0.95, 0.55) + vec3(0.06, 0.03, 0.0), 0.6);
        colour += vec3(1.0, 0.62, 0.12) * 0.9 * fresnel;
    } else if ((uFlags & kHovered) != 0u) {
        colour += vec3(0.25, 0.75, 1.0) * 0.8 * fresnel + vec3(0.02, 0.04, 0.06);
    }

    colour *= uExposure;
    colour = colour / (1.0 + 0.15 * colour);  // gentle highlight roll-off
    fragColour = vec4(toSrgb(colour), uColour.a);
}
