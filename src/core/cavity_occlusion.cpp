#include "lumbarlab/core/cavity_occlusion.h"

#include <algorithm>
#include <vector>

namespace lumbarlab {

void computeCavityOcclusion(MeshData& mesh, float reach, float floor) {
    const std::size_t n = mesh.positions.size();
    mesh.occlusion.assign(n, 1.0f);
    if (n == 0 || mesh.normals.size() != n) return;

    // For each neighbour, 2 (d . n) / |d|^2 is the normal curvature along that edge: positive
    // where the neighbour rises above the tangent plane, i.e. the vertex sits in a hollow. Its
    // mean over the one-ring estimates the mean curvature whatever the tessellation.
    std::vector<float> rise(n, 0.0f);
    std::vector<float> weight(n, 0.0f);
    auto accumulate = [&](std::uint32_t v, std::uint32_t w) {
        const glm::vec3 d = mesh.positions[w] - mesh.positions[v];
        const float lengthSquared = glm::dot(d, d);
        if (lengthSquared <= 0.0f) return;
        rise[v] += 2.0f * glm::dot(d, mesh.normals[v]) / lengthSquared;
        weight[v] += 1.0f;
    };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t tri[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        for (int e = 0; e < 3; ++e) {
            accumulate(tri[e], tri[(e + 1) % 3]);
            accumulate(tri[(e + 1) % 3], tri[e]);
        }
    }
    // Smooth the signal over a few rings so one noisy vertex does not make a dark speck; the
    // number of passes follows the mean edge length against the requested reach.
    double edgeSum = 0.0;
    std::size_t edgeCount = 0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        edgeSum += glm::length(mesh.positions[mesh.indices[t]] - mesh.positions[mesh.indices[t + 1]]);
        ++edgeCount;
    }
    const float meanEdge = edgeCount ? float(edgeSum / double(edgeCount)) : reach;
    const int passes = std::clamp(int(reach / std::max(meanEdge, 1e-6f)), 1, 6);

    std::vector<float> cavity(n);
    for (std::size_t v = 0; v < n; ++v) cavity[v] = weight[v] > 0.0f ? rise[v] / weight[v] : 0.0f;
    std::vector<float> next(n);
    for (int pass = 0; pass < passes; ++pass) {
        std::fill(next.begin(), next.end(), 0.0f);
        std::vector<float> count(n, 0.0f);
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
            for (int e = 0; e < 3; ++e) {
                const auto v = mesh.indices[t + e];
                for (int k = 0; k < 3; ++k) {
                    next[v] += cavity[mesh.indices[t + k]];
                    count[v] += 1.0f;
                }
            }
        for (std::size_t v = 0; v < n; ++v) cavity[v] = count[v] > 0.0f ? next[v] / count[v] : cavity[v];
    }
    // A hollow whose radius of curvature is `reach` or tighter is fully dark.
    for (std::size_t v = 0; v < n; ++v) {
        const float depth = std::clamp(cavity[v] * reach, 0.0f, 1.0f);
        mesh.occlusion[v] = 1.0f - (1.0f - floor) * depth;
    }
}

}  // namespace lumbarlab
