#include "lumbarlab/core/mesh_query.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lumbarlab {

MeshQuery::MeshQuery(const MeshData& mesh) {
    const std::size_t n = mesh.triangleCount();
    a_.reserve(n), b_.reserve(n), c_.reserve(n);
    for (std::size_t t = 0; t < n; ++t) {
        a_.push_back(mesh.positions[mesh.indices[3 * t]]);
        b_.push_back(mesh.positions[mesh.indices[3 * t + 1]]);
        c_.push_back(mesh.positions[mesh.indices[3 * t + 2]]);
    }
    bounds_ = mesh.bounds();
    if (n == 0) return;
    // About 2 mm cells for a bone; capped so a huge mesh does not explode the grid.
    const glm::vec2 extent{bounds_.max.y - bounds_.min.y, bounds_.max.z - bounds_.min.z};
    cellsY_ = std::clamp(int(extent.x / 0.002f), 1, 256);
    cellsZ_ = std::clamp(int(extent.y / 0.002f), 1, 256);
    cellSize_ = {std::max(extent.x, 1e-6f) / float(cellsY_), std::max(extent.y, 1e-6f) / float(cellsZ_)};
    cells_.assign(std::size_t(cellsY_) * std::size_t(cellsZ_), {});
    for (std::uint32_t t = 0; t < n; ++t) {
        const float y0 = std::min({a_[t].y, b_[t].y, c_[t].y}), y1 = std::max({a_[t].y, b_[t].y, c_[t].y});
        const float z0 = std::min({a_[t].z, b_[t].z, c_[t].z}), z1 = std::max({a_[t].z, b_[t].z, c_[t].z});
        const int iy0 = std::clamp(int((y0 - bounds_.min.y) / cellSize_.x), 0, cellsY_ - 1);
        const int iy1 = std::clamp(int((y1 - bounds_.min.y) / cellSize_.x), 0, cellsY_ - 1);
        const int iz0 = std::clamp(int((z0 - bounds_.min.z) / cellSize_.y), 0, cellsZ_ - 1);
        const int iz1 = std::clamp(int((z1 - bounds_.min.z) / cellSize_.y), 0, cellsZ_ - 1);
        for (int iy = iy0; iy <= iy1; ++iy)
            for (int iz = iz0; iz <= iz1; ++iz)
                cells_[std::size_t(iy) * std::size_t(cellsZ_) + std::size_t(iz)].push_back(t);
    }
}

int MeshQuery::cellOf(float y, float z) const {
    const int iy = std::clamp(int((y - bounds_.min.y) / cellSize_.x), 0, cellsY_ - 1);
    const int iz = std::clamp(int((z - bounds_.min.z) / cellSize_.y), 0, cellsZ_ - 1);
    return iy * cellsZ_ + iz;
}

std::vector<float> MeshQuery::crossingsAlongX(float y, float z) const {
    std::vector<float> xs;
    if (cells_.empty() || y < bounds_.min.y || y > bounds_.max.y || z < bounds_.min.z || z > bounds_.max.z) return xs;
    const glm::vec2 p{y, z};
    for (std::uint32_t t : cells_[std::size_t(cellOf(y, z))]) {
        // Barycentric test of (y, z) in the triangle's projection onto the y-z plane.
        const glm::vec2 a{a_[t].y, a_[t].z}, b{b_[t].y, b_[t].z}, c{c_[t].y, c_[t].z};
        const float det = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
        if (std::abs(det) < 1e-16f) continue;
        const float u = ((p.x - a.x) * (c.y - a.y) - (c.x - a.x) * (p.y - a.y)) / det;
        const float v = ((b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y)) / det;
        if (u < 0.0f || v < 0.0f || u + v > 1.0f) continue;
        xs.push_back(a_[t].x + u * (b_[t].x - a_[t].x) + v * (c_[t].x - a_[t].x));
    }
    std::sort(xs.begin(), xs.end());
    return xs;
}

bool MeshQuery::contains(const glm::vec3& p) const {
    if (p.x < bounds_.min.x || p.y < bounds_.min.y || p.z < bounds_.min.z || p.x > bounds_.max.x ||
        p.y > bounds_.max.y || p.z > bounds_.max.z)
        return false;
    // Parity of the crossings in front of the point along +x.
    int crossings = 0;
    for (float x : crossingsAlongX(p.y, p.z))
        if (x > p.x) ++crossings;
    return (crossings & 1) != 0;
}

glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

glm::vec3 MeshQuery::closestPoint(const glm::vec3& p) const {
    glm::vec3 best{0.0f};
    float bestD2 = std::numeric_limits<float>::max();
    for (std::size_t t = 0; t < a_.size(); ++t) {
        const glm::vec3 q = closestPointOnTriangle(p, a_[t], b_[t], c_[t]);
        const glm::vec3 d = q - p;
        const float d2 = glm::dot(d, d);
        if (d2 < bestD2) bestD2 = d2, best = q;
    }
    return best;
}

float MeshQuery::signedDistance(const glm::vec3& p) const {
    const float d = glm::distance(closestPoint(p), p);
    return contains(p) ? -d : d;
}

}  // namespace lumbarlab
