#pragma once
// Top-level generation: models -> meshes -> .glb files and the skeleton manifest.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bone_model.hpp"
#include "lumbarlab/anatomy/skeleton_manifest.h"
#include "params.hpp"
#include "tri_mesh.hpp"

namespace bonegen {

/// Result of generating one bone.
struct GeneratedBone {
    BoneModel model;    ///< with surface landmarks snapped onto the high-LOD mesh
    TriMesh high, low;  ///< millimetres, bone frame
    TopologyReport highTopology, lowTopology;
    lumbarlab::ManifestMeasured measured;  ///< measured dimensions (metres / degrees), as in the manifest
    double seconds = 0.0;
};

/// Options of one generator run.
struct GeneratorOptions {
    std::filesystem::path paramsFile;
    std::filesystem::path outDir;
    std::optional<std::string> onlyBone;          ///< generate just this bone id
    std::function<void(const std::string&)> log;  ///< one line per bone; may be empty
};

/// Ids of all bones in output order.
std::vector<std::string> allBoneIds(const SkeletonParams& params);
/// Generates the meshes (no files) of the requested bones; throws lumbarlab::FileError (a problem with
/// the parameters) or std::runtime_error (an unknown bone id) on failure.
std::vector<GeneratedBone> generateBones(const SkeletonParams& params, const std::optional<std::string>& onlyBone);
/// Full run: load params, generate, write .glb files and the manifest atomically. Returns the bones.
std::vector<GeneratedBone> runGenerator(const GeneratorOptions& options);

}  // namespace bonegen
