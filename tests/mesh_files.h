#pragma once
// Test helpers: the bundled real bone meshes, binary STL written from a MeshData, and temporary
// folders, for the tests that make millimetre and z-up variants of the bones.

#include "lumbarlab/core/mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

namespace lumbarlab::test {

inline std::filesystem::path testMesh(const std::string& name) {
    return std::filesystem::path(LUMBARLAB_TEST_MESH_DIR) / name;
}

/// A fresh folder under the system temporary folder, removed when it goes.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ =
            std::filesystem::temp_directory_path() / ("lumbarlab-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// Writes `mesh` as binary STL with every position mapped through `map` (facet normals from the
/// mapped corners).
inline void writeStl(
    const std::filesystem::path& file, const MeshData& mesh,
    const std::function<glm::vec3(glm::vec3)>& map = [](glm::vec3 p) { return p; }) {
    std::ofstream out(file, std::ios::binary);
    const char header[80] = "lumbarlab test mesh";
    out.write(header, 80);
    const auto triangles = std::uint32_t(mesh.triangleCount());
    out.write(reinterpret_cast<const char*>(&triangles), 4);
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        glm::vec3 c[3];
        for (int k = 0; k < 3; ++k) c[k] = map(mesh.positions[mesh.indices[3 * t + std::size_t(k)]]);
        glm::vec3 n = glm::cross(c[1] - c[0], c[2] - c[0]);
        if (glm::length(n) > 0.0f) n = glm::normalize(n);
        out.write(reinterpret_cast<const char*>(&n), 12);
        for (const auto& p : c) out.write(reinterpret_cast<const char*>(&p), 12);
        const std::uint16_t attributes = 0;
        out.write(reinterpret_cast<const char*>(&attributes), 2);
    }
}

/// The inverse of `--up z`: a y-up point as a z-up file stores it.
inline glm::vec3 yUpToZUp(glm::vec3 p) {
    return {p.x, -p.z, p.y};
}

}  // namespace lumbarlab::test
