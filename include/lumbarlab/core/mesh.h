#pragma once
// Triangle mesh data as the model core sees it: positions, normals, a per-vertex occlusion
// term and indices. No GL here; the renderer uploads it.

#include "lumbarlab/core/bounds.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lumbarlab {

/// An indexed triangle mesh in metres, counter-clockwise front faces, normals pointing out.
struct MeshData {
    std::string name;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;      ///< one per position, unit length
    std::vector<float> occlusion;        ///< one per position, 1 = open, 0 = fully occluded
    std::vector<glm::vec3> colours;      ///< optional, one per position (sRGB): used with kDrawVertexColour
    std::vector<std::uint32_t> indices;  ///< three per triangle

    [[nodiscard]] std::size_t vertexCount() const { return positions.size(); }
    [[nodiscard]] std::size_t triangleCount() const { return indices.size() / 3; }
    [[nodiscard]] Bounds bounds() const;
    /// True when sizes agree and every index points at a vertex.
    [[nodiscard]] bool isConsistent() const;
};

/// Recomputes smooth vertex normals as the area-weighted mean of the adjacent face normals.
void computeSmoothNormals(MeshData& mesh);

/// Signed volume enclosed by a closed mesh (positive when its faces wind outward).
[[nodiscard]] double signedVolume(const MeshData& mesh);

}  // namespace lumbarlab
