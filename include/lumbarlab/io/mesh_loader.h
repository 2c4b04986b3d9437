#pragma once
// Reads triangle meshes through Assimp (glTF 2.0 .glb/.gltf, OBJ, STL, PLY and whatever else
// Assimp reads). Every failure becomes a FileError with Assimp's reason.

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/mesh.h"

#include <filesystem>

namespace lumbarlab {

/// Loads every mesh in the file, baked into one MeshData in the file's units (node transforms
/// applied), with smooth normals and the cavity occlusion term. Throws FileError.
[[nodiscard]] MeshData loadMesh(const std::filesystem::path& file);

}  // namespace lumbarlab
