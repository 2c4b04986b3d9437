#include "lod.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include <meshoptimizer.h>

namespace bonegen {

namespace {

TriMesh compact(const TriMesh& mesh, std::vector<std::uint32_t> indices) {
    meshopt_optimizeVertexCache(indices.data(), indices.data(), indices.size(), mesh.positions.size());
    std::vector<std::uint32_t> remap(mesh.positions.size());
    const std::size_t vertexCount =
        meshopt_optimizeVertexFetchRemap(remap.data(), indices.data(), indices.size(), mesh.positions.size());
    TriMesh out;
    out.positions.resize(vertexCount);
    meshopt_remapVertexBuffer(out.positions.data(), mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3),
                              remap.data());
    out.indices.resize(indices.size());
    meshopt_remapIndexBuffer(out.indices.data(), indices.data(), indices.size(), remap.data());
    return out;
}

// Edge collapses occasionally leave a folded pair of triangles over the same three vertices (a
// zero-volume fin whose edges then have four users). Dropping both triangles of such a pair
// restores a manifold surface without changing the shape.
std::vector<std::uint32_t> removeFoldedPairs(const std::vector<std::uint32_t>& indices) {
    std::map<std::array<std::uint32_t, 3>, int> counts;
    const auto key = [&](std::size_t t) {
        std::array<std::uint32_t, 3> k{indices[t], indices[t + 1], indices[t + 2]};
        std::sort(k.begin(), k.end());
        return k;
    };
    for (std::size_t t = 0; t < indices.size(); t += 3) ++counts[key(t)];
    std::vector<std::uint32_t> out;
    out.reserve(indices.size());
    for (std::size_t t = 0; t < indices.size(); t += 3)
        if (counts[key(t)] == 1) out.insert(out.end(), {indices[t], indices[t + 1], indices[t + 2]});
    return out;
}

std::vector<std::uint32_t> simplifyIndices(const TriMesh& mesh, std::size_t targetTriangles) {
    std::vector<std::uint32_t> out(mesh.indices.size());
    // Never ask for more indices than the mesh has: Debian's meshoptimizer asserts on it.
    const std::size_t targetIndices = std::min(targetTriangles * 3, mesh.indices.size());
    const float targetError = 0.05f;  // relative to the mesh extent: generous so the budget is reached
    float resultError = 0.0f;
    const std::size_t count =
        meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                         mesh.positions.size(), sizeof(glm::vec3), targetIndices, targetError, 0, &resultError);
    out.resize(count);
    return removeFoldedPairs(out);
}

}  // namespace

TriMesh simplifyToBudget(const TriMesh& mesh, std::size_t maxTriangles) {
    if (mesh.triangleCount() <= maxTriangles) return compact(mesh, mesh.indices);
    // Try the budget, then a few slightly smaller targets: collapses that pinch the surface are rare
    // and depend on the exact target, so a nearby target usually avoids them.
    for (const double fraction : {1.0, 0.97, 0.93, 0.88, 0.8, 0.7}) {
        const auto target = static_cast<std::size_t>(static_cast<double>(maxTriangles) * fraction);
        TriMesh candidate = compact(mesh, simplifyIndices(mesh, target));
        if (candidate.triangleCount() <= maxTriangles && analyseTopology(candidate).watertight() &&
            signedVolume(candidate) > 0.0)
            return candidate;
    }
    return compact(mesh, simplifyIndices(mesh, maxTriangles));  // caller reports the failed check
}

}  // namespace bonegen
