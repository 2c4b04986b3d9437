#pragma once
// glTF 2.0 binary export of one bone mesh through Assimp's exporter.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tri_mesh.hpp"

namespace bonegen {

/// Encodes a mesh (millimetres) as a .glb in metres with smooth normals; returns the file bytes.
std::vector<std::byte> encodeGlb(const TriMesh& meshMm, const std::string& meshName);
/// Encodes and writes atomically; throws std::runtime_error naming the file on failure.
void writeGlb(const std::filesystem::path& file, const TriMesh& meshMm, const std::string& meshName);

}  // namespace bonegen
