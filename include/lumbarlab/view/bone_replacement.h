#pragma once
// `--replace BONE=FILE`: a real bone mesh shown in place of a built-in bone. The file's mesh is
// registered onto the built-in bone's mesh (in the bone's own frame) by a similarity transform, so
// it moves with the skeleton and every muscle keeps its attachment. The fit comes from landmark
// pairs when FILE.landmarks.json names at least three of the bone's landmarks, otherwise from ICP on
// the two surfaces (core/registration.h). A fit whose surface residual is over the limit is refused.

#include "lumbarlab/anatomy/skeleton_definition.h"
#include "lumbarlab/core/mesh.h"
#include "lumbarlab/core/registration.h"
#include "lumbarlab/io/mesh_import.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// The default refusal limit on the surface residual (RMS, mm). Real bones from another source onto
/// their built-in counterparts measured 3.2 (L4) to 8.0 mm (sacrum); a hip bone onto the femur
/// 20.2 mm. See the README.
inline constexpr double kDefaultReplaceLimitMm = 10.0;
/// A fit must scale the file's bone by 0.5..2: outside that, the units (or the bone) are wrong.
inline constexpr double kReplaceMinScale = 0.5;
inline constexpr double kReplaceMaxScale = 2.0;

/// One `--replace BONE=FILE[:OPTIONS]`.
struct BoneReplacementRequest {
    std::string bone;
    MeshSource source;
};

/// Parses "BONE=FILE[:OPTIONS]" (options as for --mesh); throws MeshSpecError.
[[nodiscard]] BoneReplacementRequest parseReplaceSpec(const std::string& spec);

/// How a replacement was fitted.
struct BoneFit {
    Similarity transform;  ///< file mesh (world-converted) -> bone frame
    std::string method;    ///< "landmarks" or "surface ICP"
    std::size_t landmarkPairs = 0;
    double landmarkRmsMm = 0.0;  ///< landmarks only
    double surfaceRmsMm = 0.0;   ///< both ways, every vertex to the other surface
    double milliseconds = 0.0;
};

/// "FILE.landmarks.json" beside the mesh: where its landmarks are read from.
[[nodiscard]] std::filesystem::path landmarkSidecarPath(const std::filesystem::path& meshFile);

/// Landmarks of a sidecar file, in the mesh file's own coordinates:
///   {"landmarks": {"<name as in the built-in landmark table>": [x, y, z], ...}}
/// Throws FileError naming the file and the JSON path.
[[nodiscard]] std::vector<std::pair<std::string, glm::dvec3>> loadLandmarkSidecar(const std::filesystem::path& file);

/// Fits `mesh` (already in metres and y up; `toWorld` is what made it so, applied to the sidecar's
/// points) onto `builtIn`, the bone's mesh in its frame. Uses the sidecar when it exists. Throws
/// FileError (naming the mesh or sidecar file) when the fit cannot be made or its surface residual
/// exceeds `limitMm`.
[[nodiscard]] BoneFit fitReplacement(const BoneDefinition& bone, const MeshData& builtIn, const MeshData& mesh,
                                     const std::filesystem::path& meshFile, const glm::dmat4& toWorld, double limitMm);

}  // namespace lumbarlab
