#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in float aOcclusion;
layout(location = 3) in vec3 aColour;

uniform mat4 uModel;
uniform mat4 uViewProjection;
uniform mat3 uNormalMatrix;
uniform vec4 uClipPlane;  // world-space plane; (0,0,0,1) keeps everything
uniform vec4 uColour;     // sRGB colour + alpha
uniform uint uFlags;      // scene/draw_record.h DrawFlags

out vec3 vWorldPosition;
out vec3 vWorldNormal;
out float vOcclusion;
out vec3 vColour;  // sRGB, for unlit records
out vec3 vAlbedo;  // the same colour in linear light, for lit ones

const uint kVertexColour = 32u;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vWorldPosition = world.xyz;
    vWorldNormal = uNormalMatrix * aNormal;
    vOcclusion = aOcclusion;
    vColour = (uFlags & kVertexColour) != 0u ? aColour : uColour.rgb;
    // Per vertex, not per fragment: the power is the costly part of the material on software GL.
    vAlbedo = pow(vColour, vec3(2.2));
    gl_ClipDistance[0] = dot(uClipPlane, world);
    gl_Position = uViewProjection * world;
}
