#include "lumbarlab/core/implicit_surface.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace lumbarlab {

float smoothMin(float a, float b, float k) {
    if (k <= 0.0f) return std::min(a, b);
    const float h = std::clamp(0.5f + 0.5f * (b - a) / k, 0.0f, 1.0f);
    return b + (a - b) * h - k * h * (1.0f - h);
}

float roundConeDistance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra, float rb) {
    // In the plane of the axis and the point: x along the axis from a, y away from it.
    const glm::vec3 ab = b - a;
    const float length = glm::length(ab);
    if (length < 1e-6f) return glm::length(p - a) - std::max(ra, rb);
    const glm::vec3 axis = ab / length;
    const float x = glm::dot(p - a, axis);
    const float y = glm::length((p - a) - x * axis);
    // The side touches both spheres; its outward normal is (s, c) with s = (ra - rb) / length.
    const float s = std::clamp((ra - rb) / length, -0.999f, 0.999f);
    const float c = std::sqrt(1.0f - s * s);
    const glm::vec2 q{x, y}, tangentA{ra * s, ra * c};
    const float along = glm::dot(q - tangentA, glm::vec2(c, -s));  // from a's tangent point along the side
    if (along <= 0.0f) return glm::length(q) - ra;
    if (along >= length * c) return glm::length(q - glm::vec2(length, 0.0f)) - rb;
    return glm::dot(q, glm::vec2(s, c)) - ra;
}

float ellipsoidDistance(const glm::vec3& p, const glm::vec3& r) {
    // The usual bound k0 (k0 - 1) / k1: exact on the axes, close elsewhere for moderate ratios.
    const float k0 = glm::length(p / r);
    const float k1 = glm::length(p / (r * r));
    if (k1 < 1e-9f) return -std::min({r.x, r.y, r.z});
    return k0 * (k0 - 1.0f) / k1;
}

namespace {

struct Grid {
    glm::vec3 origin{0.0f};
    float cell = 0.01f;
    int nx = 0, ny = 0, nz = 0;  // points per axis
    [[nodiscard]] std::size_t index(int i, int j, int k) const {
        return (std::size_t(k) * std::size_t(ny) + std::size_t(j)) * std::size_t(nx) + std::size_t(i);
    }
    [[nodiscard]] glm::vec3 point(int i, int j, int k) const {
        return origin + cell * glm::vec3(float(i), float(j), float(k));
    }
};

// Samples the field at every grid point, exactly only near the surface: blocks of kBlock cells
// whose centre is further from the surface than the block reaches are filled with the centre's value.
std::vector<float> sample(const DistanceField& field, const Grid& g) {
    constexpr int kBlock = 4;
    std::vector<float> values(std::size_t(g.nx) * std::size_t(g.ny) * std::size_t(g.nz), 0.0f);
    std::vector<std::uint8_t> exact(values.size(), 0);
    const float reach = 0.5f * std::sqrt(3.0f) * float(kBlock) * g.cell + 2.0f * g.cell;
    for (int bk = 0; bk < g.nz - 1; bk += kBlock)
        for (int bj = 0; bj < g.ny - 1; bj += kBlock)
            for (int bi = 0; bi < g.nx - 1; bi += kBlock) {
                const int ei = std::min(bi + kBlock, g.nx - 1), ej = std::min(bj + kBlock, g.ny - 1),
                          ek = std::min(bk + kBlock, g.nz - 1);
                const float centre = field(0.5f * (g.point(bi, bj, bk) + g.point(ei, ej, ek)));
                const bool near = std::abs(centre) <= reach;
                for (int k = bk; k <= ek; ++k)
                    for (int j = bj; j <= ej; ++j)
                        for (int i = bi; i <= ei; ++i) {
                            const std::size_t n = g.index(i, j, k);
                            if (exact[n]) continue;
                            if (near) {
                                values[n] = field(g.point(i, j, k));
                                exact[n] = 1;
                            } else {
                                values[n] = centre;
                            }
                        }
            }
    return values;
}

}  // namespace

MeshData meshDistanceField(const DistanceField& field, const Bounds& box, float cell) {
    MeshData mesh;
    if (box.empty() || !(cell > 0.0f)) return mesh;
    Grid g;
    g.cell = cell;
    g.origin = box.min - glm::vec3(2.0f * cell);
    const glm::vec3 size = box.size() + glm::vec3(4.0f * cell);
    g.nx = int(std::ceil(size.x / cell)) + 1;
    g.ny = int(std::ceil(size.y / cell)) + 1;
    g.nz = int(std::ceil(size.z / cell)) + 1;
    const std::vector<float> values = sample(field, g);
    auto value = [&](int i, int j, int k) { return values[g.index(i, j, k)]; };

    // One vertex per crossed cell, at the mean of its edges' crossings.
    const int cx = g.nx - 1, cy = g.ny - 1, cz = g.nz - 1;
    std::vector<std::int32_t> vertexOfCell(std::size_t(cx) * std::size_t(cy) * std::size_t(cz), -1);
    auto cellIndex = [&](int i, int j, int k) {
        return (std::size_t(k) * std::size_t(cy) + std::size_t(j)) * std::size_t(cx) + std::size_t(i);
    };
    static constexpr std::array<std::array<int, 2>, 12> kEdges{
        {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}}};
    for (int k = 0; k < cz; ++k)
        for (int j = 0; j < cy; ++j)
            for (int i = 0; i < cx; ++i) {
                std::array<float, 8> d{};
                std::array<glm::vec3, 8> p{};
                int inside = 0;
                for (int c = 0; c < 8; ++c) {
                    const int di = c & 1, dj = (c >> 1) & 1, dk = (c >> 2) & 1;
                    d[std::size_t(c)] = value(i + di, j + dj, k + dk);
                    p[std::size_t(c)] = g.point(i + di, j + dj, k + dk);
                    inside += d[std::size_t(c)] < 0.0f ? 1 : 0;
                }
                if (inside == 0 || inside == 8) continue;
                glm::vec3 sum{0.0f};
                int crossings = 0;
                for (const auto& e : kEdges) {
                    const float a = d[std::size_t(e[0])], b = d[std::size_t(e[1])];
                    if ((a < 0.0f) == (b < 0.0f)) continue;
                    const float t = a / (a - b);
                    sum += glm::mix(p[std::size_t(e[0])], p[std::size_t(e[1])], t);
                    ++crossings;
                }
                vertexOfCell[cellIndex(i, j, k)] = std::int32_t(mesh.positions.size());
                mesh.positions.push_back(sum / float(crossings));
            }

    // One quad per crossed grid edge, joining the four cells around it.
    for (int k = 1; k < g.nz - 1; ++k)
        for (int j = 1; j < g.ny - 1; ++j)
            for (int i = 1; i < g.nx - 1; ++i) {
                const bool in0 = value(i, j, k) < 0.0f;
                for (int axis = 0; axis < 3; ++axis) {
                    const int ni = i + (axis == 0), nj = j + (axis == 1), nk = k + (axis == 2);
                    if (ni >= g.nx - 1 || nj >= g.ny - 1 || nk >= g.nz - 1) continue;
                    if (in0 == (value(ni, nj, nk) < 0.0f)) continue;
                    // The other two axes in cyclic order keep the quad's handedness.
                    const int u = (axis + 1) % 3, v = (axis + 2) % 3;
                    auto cellAt = [&](int du, int dv) {
                        std::array<int, 3> c{i, j, k};
                        c[std::size_t(u)] -= du;
                        c[std::size_t(v)] -= dv;
                        return vertexOfCell[cellIndex(c[0], c[1], c[2])];
                    };
                    std::array<std::int32_t, 4> q{cellAt(1, 1), cellAt(0, 1), cellAt(0, 0), cellAt(1, 0)};
                    if (std::any_of(q.begin(), q.end(), [](std::int32_t x) { return x < 0; })) continue;
                    if (!in0) std::swap(q[1], q[3]);  // the outside is toward -axis
                    // Split along the shorter diagonal.
                    const auto at = [&](std::int32_t n) { return mesh.positions[std::size_t(n)]; };
                    const bool first = glm::distance(at(q[0]), at(q[2])) <= glm::distance(at(q[1]), at(q[3]));
                    const std::array<std::int32_t, 6> tri =
                        first ? std::array<std::int32_t, 6>{q[0], q[1], q[2], q[0], q[2], q[3]}
                              : std::array<std::int32_t, 6>{q[0], q[1], q[3], q[1], q[2], q[3]};
                    for (const std::int32_t n : tri) mesh.indices.push_back(std::uint32_t(n));
                }
            }

    // Onto the surface (one Newton step on forward differences); normals from the same gradient.
    const float h = 0.1f * cell;
    mesh.normals.resize(mesh.positions.size());
    for (std::size_t n = 0; n < mesh.positions.size(); ++n) {
        glm::vec3& p = mesh.positions[n];
        const float d = field(p);
        const glm::vec3 grad = glm::vec3(field(p + glm::vec3(h, 0, 0)) - d, field(p + glm::vec3(0, h, 0)) - d,
                                         field(p + glm::vec3(0, 0, h)) - d) /
                               h;
        const float g2 = glm::dot(grad, grad);
        if (g2 > 1e-8f) {
            const glm::vec3 step = d * grad / g2;
            if (glm::length(step) < cell) p -= step;  // never out of its cell's neighbourhood
        }
        mesh.normals[n] = g2 > 1e-8f ? grad / std::sqrt(g2) : glm::vec3(0, 1, 0);
    }
    mesh.occlusion.assign(mesh.positions.size(), 1.0f);
    return mesh;
}

}  // namespace lumbarlab
