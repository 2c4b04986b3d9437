#pragma once
// glTF 2.0 binary export of one bone mesh through Assimp's exporter.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "tri_mesh.hpp"

namespace bonegen {

/// Encodes a mesh (millimetres) as a .glb in metres with smooth normals; returns the file bytes.
/// Throws lumbarlab::FileError naming `file` (the intended output) if Assimp cannot export it.
std::vector<std::byte> encodeGlb(const TriMesh& meshMm, const std::string& meshName, const std::filesystem::path& file);
/// Encodes and writes atomically (lumbarlab::writeFileAtomically); throws lumbarlab::FileError naming the file.
void writeGlb(const std::filesystem::path& file, const TriMesh& meshMm, const std::string& meshName);

}  // namespace bonegen
