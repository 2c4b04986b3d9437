#include "tri_mesh.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "lumbarlab/core/mesh_query.h"

namespace bonegen {

TriMesh weldIdenticalPositions(const TriMesh& mesh) {
    std::map<std::tuple<float, float, float>, std::uint32_t> firstIndex;
    std::vector<std::uint32_t> remap(mesh.positions.size());
    TriMesh out;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3& p = mesh.positions[i];
        const auto [it, inserted] =
            firstIndex.emplace(std::make_tuple(p.x, p.y, p.z), static_cast<std::uint32_t>(out.positions.size()));
        if (inserted) out.positions.push_back(p);
        remap[i] = it->second;
    }
    out.indices.reserve(mesh.indices.size());
    for (const std::uint32_t idx : mesh.indices) out.indices.push_back(remap[idx]);
    return out;
}

TopologyReport analyseTopology(const TriMesh& mesh) {
    TopologyReport report;
    // Directed edge -> use count; an undirected edge is fine when (a,b) and (b,a) each appear once.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::array<std::uint32_t, 3> v{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) {
            ++report.degenerateTriangles;
            continue;
        }
        for (int e = 0; e < 3; ++e) ++directed[{v[e], v[(e + 1) % 3]}];
    }
    for (const auto& [edge, count] : directed) {
        if (edge.first > edge.second && directed.contains({edge.second, edge.first}))
            continue;  // counted from the other side
        const auto reverse = directed.find({edge.second, edge.first});
        const int back = reverse == directed.end() ? 0 : reverse->second;
        const int total = count + back;
        if (total == 1)
            ++report.boundaryEdges;
        else if (total > 2)
            ++report.nonManifoldEdges;
        else if (count != 1 || back != 1)
            ++report.inconsistentEdges;
    }
    return report;
}

lumbarlab::MeshData toMeshData(const TriMesh& mesh) {
    lumbarlab::MeshData out;
    out.positions = mesh.positions;
    out.indices = mesh.indices;
    return out;
}

double signedVolume(const TriMesh& mesh) {
    return lumbarlab::signedVolume(toMeshData(mesh));
}

void flipWinding(TriMesh& mesh) {
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
}

TriMesh mirroredZ(const TriMesh& mesh) {
    TriMesh out = mesh;
    for (glm::vec3& p : out.positions) p.z = -p.z;
    flipWinding(out);
    return out;
}

TriMesh scaled(const TriMesh& mesh, float factor) {
    TriMesh out = mesh;
    for (glm::vec3& p : out.positions) p *= factor;
    return out;
}

std::vector<glm::vec3> smoothNormals(const TriMesh& mesh) {
    lumbarlab::MeshData data = toMeshData(mesh);
    lumbarlab::computeSmoothNormals(data);
    return std::move(data.normals);
}

glm::vec3 closestPointOnSurface(const TriMesh& mesh, const glm::vec3& point) {
    // A plain scan: lumbarlab::MeshQuery would also bin the triangles for ray tests, which costs more
    // than the scan itself for the handful of points asked per mesh.
    float best = std::numeric_limits<float>::max();
    glm::vec3 bestPoint = point;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 q =
            lumbarlab::closestPointOnTriangle(point, mesh.positions[mesh.indices[t]],
                                              mesh.positions[mesh.indices[t + 1]], mesh.positions[mesh.indices[t + 2]]);
        const float d = glm::dot(q - point, q - point);
        if (d < best) {
            best = d;
            bestPoint = q;
        }
    }
    return bestPoint;
}

float distanceToSurface(const TriMesh& mesh, const glm::vec3& point) {
    return glm::length(closestPointOnSurface(mesh, point) - point);
}

void bounds(const TriMesh& mesh, glm::vec3& lo, glm::vec3& hi) {
    lumbarlab::Bounds box;
    for (const glm::vec3& p : mesh.positions) box.include(p);
    lo = box.min;
    hi = box.max;
}

std::optional<SphereFit> fitSphere(const std::vector<glm::vec3>& points) {
    if (points.size() < 4) return std::nullopt;
    // Solve |p|^2 = 2 c.p + k in least squares (normal equations, 4x4), centred for conditioning.
    glm::dvec3 mean(0.0);
    for (const glm::vec3& p : points) mean += glm::dvec3(p);
    mean /= static_cast<double>(points.size());
    double m[4][5] = {};
    for (const glm::vec3& pf : points) {
        const glm::dvec3 p = glm::dvec3(pf) - mean;
        const double row[4] = {2.0 * p.x, 2.0 * p.y, 2.0 * p.z, 1.0};
        const double rhs = glm::dot(p, p);
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j) m[i][j] += row[i] * row[j];
            m[i][4] += row[i] * rhs;
        }
    }
    for (int col = 0; col < 4; ++col) {  // Gaussian elimination with partial pivoting
        int pivot = col;
        for (int r = col + 1; r < 4; ++r)
            if (std::abs(m[r][col]) > std::abs(m[pivot][col])) pivot = r;
        if (std::abs(m[pivot][col]) < 1e-12) return std::nullopt;
        for (int j = 0; j < 5; ++j) std::swap(m[col][j], m[pivot][j]);
        for (int r = 0; r < 4; ++r) {
            if (r == col) continue;
            const double factor = m[r][col] / m[col][col];
            for (int j = col; j < 5; ++j) m[r][j] -= factor * m[col][j];
        }
    }
    const glm::dvec3 c(m[0][4] / m[0][0], m[1][4] / m[1][1], m[2][4] / m[2][2]);
    const double k = m[3][4] / m[3][3];
    SphereFit fit;
    fit.centre = glm::vec3(c + mean);
    fit.radius = static_cast<float>(std::sqrt(std::max(k + glm::dot(c, c), 0.0)));
    double sq = 0.0;
    for (const glm::vec3& p : points) {
        const double e = glm::length(glm::dvec3(p) - glm::dvec3(fit.centre)) - fit.radius;
        sq += e * e;
    }
    fit.rmsError = static_cast<float>(std::sqrt(sq / static_cast<double>(points.size())));
    return fit;
}

}  // namespace bonegen
