#pragma once
// Point queries against a closed triangle mesh: is a point inside, and how far is the surface.
// Used to check that muscle paths run over bones rather than through them.

#include "lumbarlab/core/mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace lumbarlab {

class MeshQuery {
public:
    explicit MeshQuery(const MeshData& mesh);

    /// Inside a closed mesh, by counting crossings of a ray (points within the bounds only).
    [[nodiscard]] bool contains(const glm::vec3& point) const;
    /// The nearest point on the surface.
    [[nodiscard]] glm::vec3 closestPoint(const glm::vec3& point) const;
    /// Distance to the surface (metres), negative inside.
    [[nodiscard]] float signedDistance(const glm::vec3& point) const;
    [[nodiscard]] const Bounds& bounds() const { return bounds_; }

    /// Where a line parallel to x through (y, z) enters and leaves the mesh: every crossing's x, sorted.
    [[nodiscard]] std::vector<float> crossingsAlongX(float y, float z) const;

private:
    std::vector<glm::vec3> a_, b_, c_;  ///< triangle corners
    Bounds bounds_;
    /// Triangles binned by their (y, z) extent, so a ray along x only tests those in its cell.
    int cellsY_ = 1, cellsZ_ = 1;
    glm::vec2 cellSize_{1.0f};
    std::vector<std::vector<std::uint32_t>> cells_;
    [[nodiscard]] int cellOf(float y, float z) const;
};

/// The closest point to `p` on triangle abc (Ericson, Real-Time Collision Detection, 5.1.5).
[[nodiscard]] glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                                               const glm::vec3& c);

}  // namespace lumbarlab
