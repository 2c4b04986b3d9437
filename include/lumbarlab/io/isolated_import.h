#pragma once
// Reading a mesh file someone brought, in a child process: the importer (Assimp) runs in a fork,
// the mesh comes back over a pipe, and the parent waits at most a time limit. A crash, an abort
// or a hang in the importer becomes a FileError naming the file; the program goes on. The built-in
// meshes do not come this way (they load from their checked cache, see mesh_loader.h).

#include "lumbarlab/core/mesh.h"

#include <chrono>
#include <filesystem>

namespace lumbarlab {

/// The default limit: LUMBARLAB_IMPORT_TIMEOUT_S seconds when set to a number in (0, 3600], else 30 s.
[[nodiscard]] std::chrono::milliseconds defaultImportTimeout();

/// loadMeshWithAssimp in a child process. Throws FileError naming `file` when the file cannot be
/// read, the importer fails, crashes (the signal is named) or runs past `timeout` (it is killed).
/// For tests, LUMBARLAB_IMPORT_TEST_HOOK=crash or =hang makes the child abort or hang before it
/// imports anything.
[[nodiscard]] MeshData loadMeshIsolated(const std::filesystem::path& file,
                                        std::chrono::milliseconds timeout = defaultImportTimeout());

}  // namespace lumbarlab
