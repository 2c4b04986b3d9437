#pragma once
// Reads triangle meshes through Assimp (glTF 2.0 .glb/.gltf, OBJ, STL, PLY and whatever else
// Assimp reads). Every failure becomes a FileError with Assimp's reason.
//
// A mesh may have a binary cache beside it ("<file>.llmesh", written at build time by
// lumbarlab-meshcache): positions, normals and indices exactly as the Assimp path produced them,
// so loading skips the import and its post-processing. The cache is used only when it is not older
// than the source, records the source's size, and passes validation; anything else (missing, stale,
// bad magic or version, truncated, counts or indices that do not fit) silently falls back to Assimp,
// because the source file is the truth and a broken cache must never stop a mesh from loading.

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/mesh.h"

#include <filesystem>
#include <optional>

namespace lumbarlab {

/// Loads every mesh in the file, baked into one MeshData in the file's units (node transforms
/// applied), with smooth normals and the cavity occlusion term. Uses a valid cache when there is
/// one (see above). Throws FileError.
[[nodiscard]] MeshData loadMesh(const std::filesystem::path& file);

/// As loadMesh, but always through Assimp (the converter and the tests use it).
[[nodiscard]] MeshData loadMeshWithAssimp(const std::filesystem::path& file);

/// "<file>.llmesh": where the cache of `file` lives.
[[nodiscard]] std::filesystem::path meshCachePath(const std::filesystem::path& file);

/// Writes `mesh` (positions, normals, indices) as the cache of `source`, atomically. The cache
/// records the source's size. Throws FileError naming the cache file.
void writeMeshCache(const MeshData& mesh, const std::filesystem::path& source, const std::filesystem::path& cache);

/// The cached mesh of `source` read from `cache` (occlusion recomputed, name from the source), or
/// nullopt when the cache is missing, older than the source, made for a source of another size, or
/// malformed in any way. Never throws for a bad cache.
[[nodiscard]] std::optional<MeshData> readMeshCache(const std::filesystem::path& source,
                                                    const std::filesystem::path& cache);

}  // namespace lumbarlab
