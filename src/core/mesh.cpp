#include "lumbarlab/core/mesh.h"

namespace lumbarlab {

Bounds MeshData::bounds() const {
    Bounds b;
    for (const auto& p : positions) b.include(p);
    return b;
}

bool MeshData::isConsistent() const {
    if (normals.size() != positions.size()) return false;
    if (!occlusion.empty() && occlusion.size() != positions.size()) return false;
    if (!colours.empty() && colours.size() != positions.size()) return false;
    if (indices.size() % 3 != 0) return false;
    for (auto i : indices)
        if (i >= positions.size()) return false;
    return true;
}

void computeSmoothNormals(MeshData& mesh) {
    mesh.normals.assign(mesh.positions.size(), glm::vec3{0.0f});
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const auto a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        // The cross product's length is twice the area, so this weights by area for free.
        const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
        mesh.normals[a] += n;
        mesh.normals[b] += n;
        mesh.normals[c] += n;
    }
    for (auto& n : mesh.normals) {
        const float len = glm::length(n);
        n = len > 0.0f ? n / len : glm::vec3{0.0f, 1.0f, 0.0f};
    }
}

double signedVolume(const MeshData& mesh) {
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
        volume += glm::dot(a, glm::cross(b, c));
    }
    return volume / 6.0;
}

}  // namespace lumbarlab
