#pragma once
// Signed distance function -> closed triangle mesh through an OpenVDB narrow-band level set.
// This is the only translation unit that includes OpenVDB (its headers are slow and heavy to compile).

#include <glm/glm.hpp>

#include "sdf.hpp"
#include "tri_mesh.hpp"

namespace bonegen {

/// Settings for one bone's volume meshing.
struct VolumeMeshSettings {
    glm::vec3 boundsMin{0.0f};  ///< region to sample (mm); the shape must lie inside with a margin
    glm::vec3 boundsMax{0.0f};
    float voxelSize = 0.6f;    ///< mm
    float adaptivity = 0.02f;  ///< volumeToMesh adaptivity (0 = uniform)
    int smoothingPasses = 1;   ///< mean-curvature flow passes
};

/// Samples the SDF in a narrow band, smooths it once by mean-curvature flow (which renormalises the
/// band) and extracts the zero isosurface.
/// The result is wound outward (positive signed volume), in millimetres.
TriMesh meshFromSdf(const Sdf& sdf, const VolumeMeshSettings& settings);

}  // namespace bonegen
