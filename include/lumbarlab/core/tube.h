#pragma once
// Smooth tubes along polylines (muscle paths) and round markers, in one colour each.

#include "lumbarlab/core/mesh.h"

#include <glm/glm.hpp>

#include <vector>

namespace lumbarlab {

/// Appends a closed tube of `sides` facets along `path` (rotation-minimising frames, so it
/// does not twist), with rounded ends, in one colour.
void appendTube(MeshData& mesh, const std::vector<glm::vec3>& path, float radius, const glm::vec3& colour,
                int sides = 10);

/// Appends a small sphere (origin and insertion markers).
void appendMarker(MeshData& mesh, const glm::vec3& centre, float radius, const glm::vec3& colour);

}  // namespace lumbarlab
