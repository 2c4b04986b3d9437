#pragma once
// The muscle volumes of one pose: one mesh per muscle and side (index 2 * muscle + side), each the
// volumes of its fascicles with their attachment footprints.

#include "lumbarlab/anatomy/muscle_shapes.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/core/mesh.h"

#include <vector>

namespace lumbarlab {

enum class MuscleColouring { Anatomy, LengthChange };

/// `geometry` is MuscleModel::solve's output for the pose; `coreA`-`coreB` the trunk's core line
/// (pelvis to L1) that flat muscles face away from. `meshes` is refilled in place (its buffers are
/// reused, so a pose change allocates nothing once they have grown).
void buildMuscleMeshes(const MuscleModel& muscles, const std::vector<MuscleShape>& shapes,
                       const std::vector<PathGeometry>& geometry, MuscleColouring colouring, const glm::vec3& coreA,
                       const glm::vec3& coreB, std::vector<MeshData>& meshes);

}  // namespace lumbarlab
