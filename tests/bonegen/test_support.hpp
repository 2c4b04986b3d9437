#pragma once
// Helpers shared by the bone generator tests: the generated files, read back through Assimp.

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "params.hpp"
#include "tri_mesh.hpp"

namespace bonegen::test {

/// Directory the build wrote the models to.
std::filesystem::path modelDir();
/// The generated manifest (parsed once).
const nlohmann::json& manifest();
/// The manifest entry of one bone; fails the test if missing.
const nlohmann::json& boneEntry(const std::string& id);
/// The cited parameter file.
const SkeletonParams& params();
/// A generated .glb read back through Assimp, welded, converted to millimetres (cached).
const TriMesh& loadMeshMm(const std::string& boneId, const std::string& lod);
/// A manifest point (metres) as millimetres.
glm::vec3 pointMm(const nlohmann::json& xyz);
/// Genus of a closed connected mesh from its Euler characteristic.
int genus(const TriMesh& mesh);

}  // namespace bonegen::test
