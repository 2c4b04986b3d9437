#include "lumbarlab/core/tube.h"

#include <algorithm>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr float kPi = 3.14159265f;

glm::vec3 anyPerpendicular(const glm::vec3& d) {
    const glm::vec3 helper = std::abs(d.x) < 0.9f ? glm::vec3{1, 0, 0} : glm::vec3{0, 1, 0};
    return glm::normalize(glm::cross(d, helper));
}

}  // namespace

void appendTube(MeshData& mesh, const std::vector<glm::vec3>& path, float radius, const glm::vec3& colour, int sides) {
    // Drop repeated points: they have no direction.
    std::vector<glm::vec3> points;
    for (const glm::vec3& p : path)
        if (points.empty() || glm::distance(points.back(), p) > 1e-5f) points.push_back(p);
    if (points.size() < 2) return;
    const std::uint32_t base = std::uint32_t(mesh.positions.size());
    glm::vec3 tangent = glm::normalize(points[1] - points[0]);
    glm::vec3 normal = anyPerpendicular(tangent);
    for (std::size_t i = 0; i < points.size(); ++i) {
        // Tangent: the mean of the neighbouring segments; the normal is carried along by the
        // smallest rotation (double reflection would be exact; projection is enough here).
        glm::vec3 t = i + 1 < points.size() ? glm::normalize(points[i + 1] - points[i]) : tangent;
        if (i > 0 && i + 1 < points.size()) t = glm::normalize(glm::normalize(points[i] - points[i - 1]) + t);
        normal = normal - glm::dot(normal, t) * t;
        normal = glm::length(normal) > 1e-6f ? glm::normalize(normal) : anyPerpendicular(t);
        const glm::vec3 binormal = glm::cross(t, normal);
        tangent = t;
        for (int s = 0; s < sides; ++s) {
            const float a = 2.0f * kPi * float(s) / float(sides);
            const glm::vec3 n = std::cos(a) * normal + std::sin(a) * binormal;
            mesh.positions.push_back(points[i] + radius * n);
            mesh.normals.push_back(n);
            mesh.colours.push_back(colour);
            mesh.occlusion.push_back(1.0f);
        }
    }
    for (std::uint32_t i = 0; i + 1 < points.size(); ++i)
        for (int s = 0; s < sides; ++s) {
            const std::uint32_t a = base + i * std::uint32_t(sides) + std::uint32_t(s);
            const std::uint32_t b = base + i * std::uint32_t(sides) + std::uint32_t((s + 1) % sides);
            const std::uint32_t c = a + std::uint32_t(sides), d = b + std::uint32_t(sides);
            mesh.indices.insert(mesh.indices.end(), {a, b, d, a, d, c});
        }
    // Round the ends.
    appendMarker(mesh, points.front(), radius, colour);
    appendMarker(mesh, points.back(), radius, colour);
}

void appendMarker(MeshData& mesh, const glm::vec3& centre, float radius, const glm::vec3& colour) {
    constexpr int rings = 6, segments = 10;
    const std::uint32_t base = std::uint32_t(mesh.positions.size());
    for (int r = 0; r <= rings; ++r) {
        const float phi = kPi * float(r) / float(rings);
        for (int s = 0; s <= segments; ++s) {
            const float theta = 2.0f * kPi * float(s) / float(segments);
            const glm::vec3 n{std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta)};
            mesh.positions.push_back(centre + radius * n);
            mesh.normals.push_back(n);
            mesh.colours.push_back(colour);
            mesh.occlusion.push_back(1.0f);
        }
    }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            const std::uint32_t a = base + std::uint32_t(r * (segments + 1) + s), b = a + 1;
            const std::uint32_t c = a + std::uint32_t(segments + 1), d = c + 1;
            mesh.indices.insert(mesh.indices.end(), {a, b, c, b, d, c});
        }
}

}  // namespace lumbarlab
