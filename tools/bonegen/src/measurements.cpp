#include "measurements.hpp"

#include <glm/gtx/intersect.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace bonegen {

float verticalExtent(const TriMesh& mesh) {
    glm::vec3 lo, hi;
    bounds(mesh, lo, hi);
    return hi.y - lo.y;
}

std::optional<SphereFit> fitSphereNear(const TriMesh& mesh, glm::vec3 guessCentre, float guessRadius, float tolerance,
                                       glm::vec3 excludeDirection, float maxCos) {
    const glm::vec3 exclude = glm::normalize(excludeDirection);
    std::vector<glm::vec3> selected;
    for (const glm::vec3& p : mesh.positions) {
        const glm::vec3 d = p - guessCentre;
        const float r = glm::length(d);
        if (std::abs(r - guessRadius) > tolerance || r < 1e-3f) continue;
        if (glm::dot(d / r, exclude) > maxCos) continue;
        selected.push_back(p);
    }
    if (selected.size() < 50) return std::nullopt;
    return fitSphere(selected);
}

namespace {

std::optional<glm::vec3> sliceCentroid(const TriMesh& mesh, float y, float halfWindow) {
    glm::dvec3 sum(0.0);
    std::size_t n = 0;
    for (const glm::vec3& p : mesh.positions)
        if (std::abs(p.y - y) < halfWindow) {
            sum += glm::dvec3(p);
            ++n;
        }
    if (n < 8) return std::nullopt;
    return glm::vec3(sum / static_cast<double>(n));
}

}  // namespace

std::optional<float> neckShaftAngle(const TriMesh& femur, glm::vec3 headCentre, float headRadius,
                                    glm::vec3 neckAxisGuess, float shaftSliceHighY, float shaftSliceLowY) {
    // Neck centre: centroid of the vertices on a spherical shell just outside the head, on the neck side.
    const glm::vec3 towardsNeck = -glm::normalize(neckAxisGuess);
    glm::dvec3 sum(0.0);
    std::size_t n = 0;
    for (const glm::vec3& p : femur.positions) {
        const glm::vec3 d = p - headCentre;
        const float r = glm::length(d);
        if (r < headRadius + 7.0f || r > headRadius + 11.0f) continue;
        if (glm::dot(d / r, towardsNeck) < 0.6f) continue;
        sum += glm::dvec3(p);
        ++n;
    }
    const auto high = sliceCentroid(femur, shaftSliceHighY, 1.0f);
    const auto low = sliceCentroid(femur, shaftSliceLowY, 1.0f);
    if (n < 20 || !high || !low) return std::nullopt;
    const glm::vec3 neckCentre(sum / static_cast<double>(n));
    const glm::vec3 towardsHead = glm::normalize(headCentre - neckCentre);
    const glm::vec3 towardsKnee = glm::normalize(*low - *high);
    return glm::degrees(std::acos(std::clamp(glm::dot(towardsHead, towardsKnee), -1.0f, 1.0f)));
}

std::optional<float> acetabularRimDiameter(const TriMesh& hip, glm::vec3 centre, glm::vec3 axis, float openingOffset) {
    const glm::vec3 a = glm::normalize(axis);
    const glm::vec3 u = glm::normalize(glm::cross(a, std::abs(a.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0)));
    const glm::vec3 v = glm::cross(a, u);
    constexpr int kSectors = 36;
    std::vector<float> outermost(kSectors, -1.0f);
    for (const glm::vec3& p : hip.positions) {
        const glm::vec3 d = p - centre;
        const float along = glm::dot(d, a);
        if (along < openingOffset - 3.0f || along > openingOffset + 6.0f) continue;
        const float x = glm::dot(d, u), y = glm::dot(d, v);
        const float radial = std::sqrt(x * x + y * y);
        if (radial > 40.0f) continue;
        const float angle = std::atan2(y, x) + 3.14159265f;
        const int sector = std::min(kSectors - 1, static_cast<int>(angle / (2.0f * 3.14159265f) * kSectors));
        outermost[static_cast<std::size_t>(sector)] = std::max(outermost[static_cast<std::size_t>(sector)], radial);
    }
    std::vector<float> found;
    for (const float r : outermost)
        if (r > 0.0f) found.push_back(r);
    if (found.size() < kSectors / 2) return std::nullopt;
    std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(found.size() / 2), found.end());
    return 2.0f * found[found.size() / 2];
}

glm::vec3 mostAnteriorAbove(const TriMesh& mesh, float minY) {
    glm::vec3 best(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : mesh.positions)
        if (p.y > minY && p.x > best.x) best = p;
    return best;
}

glm::vec2 endplateWidthDepth(const TriMesh& vertebra, float topY, float canalHalfWidth, float bodyHalfDepth) {
    float zMin = std::numeric_limits<float>::max(), zMax = std::numeric_limits<float>::lowest();
    float xMin = zMin, xMax = zMax;
    for (const glm::vec3& p : vertebra.positions) {
        if (p.y < topY - 4.0f || p.y > topY - 1.5f) continue;
        if (p.x > -bodyHalfDepth + 8.0f) {  // in front of the pedicles: the body only
            zMin = std::min(zMin, p.z);
            zMax = std::max(zMax, p.z);
        }
        if (std::abs(p.z) < canalHalfWidth && p.x > -bodyHalfDepth - 4.0f) {
            xMin = std::min(xMin, p.x);
            xMax = std::max(xMax, p.x);
        }
    }
    return {zMax - zMin, xMax - xMin};
}

std::vector<float> rayCrossings(const TriMesh& mesh, glm::vec3 origin, glm::vec3 direction) {
    std::vector<float> hits;
    glm::vec2 barycentric;
    float distance = 0.0f;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)  // GLM's Moller-Trumbore: both faces, signed
        if (glm::intersectRayTriangle(origin, direction, mesh.positions[mesh.indices[t]],
                                      mesh.positions[mesh.indices[t + 1]], mesh.positions[mesh.indices[t + 2]],
                                      barycentric, distance))
            hits.push_back(distance);
    std::sort(hits.begin(), hits.end());
    return hits;
}

std::optional<float> heightAt(const TriMesh& mesh, float x) {
    const std::vector<float> hits = rayCrossings(mesh, {x, -1000.0f, 0.0f}, {0.0f, 1.0f, 0.0f});
    if (hits.size() < 2) return std::nullopt;
    return hits.back() - hits.front();
}

}  // namespace bonegen
