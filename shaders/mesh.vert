#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in float aOcclusion;
layout(location = 3) in vec3 aColour;

uniform mat4 uModel;
uniform mat4 uViewProjection;
uniform mat3 uNormalMatrix;
uniform vec4 uClipPlane;  // world-space plane; (0,0,0,1) keeps everything

out vec3 vWorldPosition;
out vec3 vWorldNormal;
out float vOcclusion;
out vec3 vColour;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vWorldPosition = world.xyz;
    vWorldNormal = uNormalMatrix * aNormal;
    vOcclusion = aOcclusion;
    vColour = aColour;
    gl_ClipDistance[0] = dot(uClipPlane, world);
    gl_Position = uViewProjection * world;
}
