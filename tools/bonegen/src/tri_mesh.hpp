#pragma once
// Indexed triangle mesh plus the checks and measurements shared by the generator and the tests.

#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "lumbarlab/core/mesh.h"

namespace bonegen {

/// Indexed triangle mesh (counter-clockwise = outward), positions in the bone frame. Geometry that the
/// project's core already has (normals, volume, bounds, closest points) goes through lumbarlab::MeshData.
struct TriMesh {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;

    /// Number of triangles.
    [[nodiscard]] std::size_t triangleCount() const { return indices.size() / 3; }
};

/// Edge statistics of a mesh after welding identical positions.
struct TopologyReport {
    std::size_t boundaryEdges = 0;      ///< edges used by one triangle (holes)
    std::size_t nonManifoldEdges = 0;   ///< edges used by three or more triangles
    std::size_t inconsistentEdges = 0;  ///< edges traversed twice in the same direction (flipped faces)
    std::size_t degenerateTriangles = 0;

    /// Closed, edge-manifold and consistently oriented.
    [[nodiscard]] bool watertight() const {
        return boundaryEdges == 0 && nonManifoldEdges == 0 && inconsistentEdges == 0;
    }
};

/// Merges vertices with bit-identical positions (glTF round trips split them per normal).
TriMesh weldIdenticalPositions(const TriMesh& mesh);
/// Counts boundary, non-manifold and inconsistently oriented edges.
TopologyReport analyseTopology(const TriMesh& mesh);
/// The same triangles as the project's mesh type (no normals), for the lumbarlab::core algorithms.
lumbarlab::MeshData toMeshData(const TriMesh& mesh);
/// Signed volume (positive when triangles wind outward).
double signedVolume(const TriMesh& mesh);
/// Reverses every triangle's winding.
void flipWinding(TriMesh& mesh);
/// Mirror across z = 0 and flip winding so the result stays outward.
TriMesh mirroredZ(const TriMesh& mesh);
/// Uniform scale of positions.
TriMesh scaled(const TriMesh& mesh, float factor);
/// Area-weighted smooth vertex normals.
std::vector<glm::vec3> smoothNormals(const TriMesh& mesh);
/// Unsigned distance from a point to the closest point on the mesh surface.
float distanceToSurface(const TriMesh& mesh, const glm::vec3& point);
/// Closest point on the mesh surface (lumbarlab::closestPointOnTriangle over every triangle).
glm::vec3 closestPointOnSurface(const TriMesh& mesh, const glm::vec3& point);
/// Axis-aligned bounds of the vertices.
void bounds(const TriMesh& mesh, glm::vec3& lo, glm::vec3& hi);

/// Least-squares sphere through points.
struct SphereFit {
    glm::vec3 centre{0.0f};
    float radius = 0.0f;
    float rmsError = 0.0f;
};
/// Algebraic least-squares sphere fit (needs at least 4 well-spread points).
std::optional<SphereFit> fitSphere(const std::vector<glm::vec3>& points);

}  // namespace bonegen
