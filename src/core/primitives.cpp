#include "lumbarlab/core/primitives.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>

namespace lumbarlab {
namespace {

void addQuad(MeshData& m, std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
}

}  // namespace

MeshData makeSphere(float radius, int rings, int segments) {
    rings = std::max(rings, 2);
    segments = std::max(segments, 3);
    MeshData m;
    m.name = "sphere";
    // Poles are single vertices so the mesh stays closed and manifold.
    m.positions.emplace_back(0.0f, radius, 0.0f);
    for (int r = 1; r < rings; ++r) {
        const float phi = glm::pi<float>() * float(r) / float(rings);
        for (int s = 0; s < segments; ++s) {
            const float theta = glm::two_pi<float>() * float(s) / float(segments);
            m.positions.push_back(
                radius * glm::vec3{std::sin(phi) * std::cos(theta), std::cos(phi), -std::sin(phi) * std::sin(theta)});
        }
    }
    m.positions.emplace_back(0.0f, -radius, 0.0f);
    const auto south = std::uint32_t(m.positions.size() - 1);
    auto ring = [&](int r, int s) { return std::uint32_t(1 + (r - 1) * segments + (s % segments)); };
    for (int s = 0; s < segments; ++s) m.indices.insert(m.indices.end(), {0u, ring(1, s), ring(1, s + 1)});
    for (int r = 1; r + 1 < rings; ++r)
        for (int s = 0; s < segments; ++s) addQuad(m, ring(r, s), ring(r + 1, s), ring(r + 1, s + 1), ring(r, s + 1));
    for (int s = 0; s < segments; ++s)
        m.indices.insert(m.indices.end(), {south, ring(rings - 1, s + 1), ring(rings - 1, s)});
    for (const auto& p : m.positions) m.normals.push_back(glm::normalize(p));
    return m;
}

MeshData makeBox(const glm::vec3& size) {
    MeshData m;
    m.name = "box";
    const glm::vec3 h = 0.5f * size;
    // One quad per face with its own vertices, so edges stay sharp.
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const auto& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3{1, 0, 0} : glm::vec3{0, 1, 0};
        const glm::vec3 v = glm::cross(n, u);
        const auto base = std::uint32_t(m.positions.size());
        for (const auto& [su, sv] : {std::pair{-1.f, -1.f}, {1.f, -1.f}, {1.f, 1.f}, {-1.f, 1.f}}) {
            m.positions.push_back((n + su * u + sv * v) * h);
            m.normals.push_back(n);
        }
        addQuad(m, base, base + 1, base + 2, base + 3);
    }
    return m;
}

MeshData makeCylinder(float radius, float height, int segments) {
    segments = std::max(segments, 3);
    MeshData m;
    m.name = "cylinder";
    const float hy = 0.5f * height;
    auto rim = [&](float y, const glm::vec3& normalOf, bool radial) {
        const auto base = std::uint32_t(m.positions.size());
        for (int s = 0; s < segments; ++s) {
            const float theta = glm::two_pi<float>() * float(s) / float(segments);
            const glm::vec3 dir{std::cos(theta), 0.0f, -std::sin(theta)};
            m.positions.push_back(radius * dir + glm::vec3{0, y, 0});
            m.normals.push_back(radial ? dir : normalOf);
        }
        return base;
    };
    const auto sideBottom = rim(-hy, {}, true), sideTop = rim(hy, {}, true);
    for (int s = 0; s < segments; ++s) {
        const auto s1 = std::uint32_t((s + 1) % segments);
        addQuad(m, sideBottom + s, sideBottom + s1, sideTop + s1, sideTop + s);
    }
    const auto capTop = rim(hy, {0, 1, 0}, false), capBottom = rim(-hy, {0, -1, 0}, false);
    for (int s = 1; s + 1 < segments; ++s) {
        m.indices.insert(m.indices.end(), {capTop, capTop + s, capTop + s + 1});
        m.indices.insert(m.indices.end(), {capBottom, capBottom + s + 1, capBottom + s});
    }
    return m;
}

MeshData makeTorus(float ringRadius, float tubeRadius, int ringSegments, int tubeSegments) {
    ringSegments = std::max(ringSegments, 3);
    tubeSegments = std::max(tubeSegments, 3);
    MeshData m;
    m.name = "torus";
    for (int i = 0; i < ringSegments; ++i) {
        const float a = glm::two_pi<float>() * float(i) / float(ringSegments);
        const glm::vec3 radial{std::cos(a), 0.0f, -std::sin(a)};
        for (int j = 0; j < tubeSegments; ++j) {
            const float b = glm::two_pi<float>() * float(j) / float(tubeSegments);
            const glm::vec3 n = std::cos(b) * radial + std::sin(b) * glm::vec3{0, 1, 0};
            m.positions.push_back(ringRadius * radial + tubeRadius * n);
            m.normals.push_back(n);
        }
    }
    auto at = [&](int i, int j) { return std::uint32_t((i % ringSegments) * tubeSegments + (j % tubeSegments)); };
    for (int i = 0; i < ringSegments; ++i)
        for (int j = 0; j < tubeSegments; ++j) addQuad(m, at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1));
    return m;
}

}  // namespace lumbarlab
