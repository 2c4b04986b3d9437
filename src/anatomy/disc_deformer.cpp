#include "lumbarlab/anatomy/disc_deformer.h"

#include <algorithm>
#include <cassert>

namespace lumbarlab {

DiscDeformer::DiscDeformer(MeshData rest, const BoneDefinition& disc) : rest_(std::move(rest)) {
    for (const auto& p : rest_.positions) halfDepth_ = std::max(halfDepth_, std::abs(p.x));
    const glm::vec3 topCentre = disc.joint("superior_centre").value_or(glm::vec3{0.0f, 0.005f, 0.0f});
    const glm::vec3 topNormal = glm::normalize(disc.joint("superior_normal").value_or(glm::vec3{0, 1, 0}));
    const glm::vec3 bottomCentre = disc.joint("inferior_centre").value_or(glm::vec3{0.0f, -0.005f, 0.0f});
    const glm::vec3 bottomNormal = glm::normalize(disc.joint("inferior_normal").value_or(glm::vec3{0, -1, 0}));
    heightFraction_.reserve(rest_.positions.size());
    for (const auto& p : rest_.positions) {
        // Distances inside the faces (positive below the top face, above the bottom face).
        const float belowTop = -glm::dot(p - topCentre, topNormal);
        const float aboveBottom = -glm::dot(p - bottomCentre, bottomNormal);
        const float total = belowTop + aboveBottom;
        heightFraction_.push_back(total > 1e-6f ? std::clamp(aboveBottom / total, -0.2f, 1.2f) : 0.5f);
    }
}

float DiscDeformer::frontFraction(std::size_t i) const {
    assert(i < rest_.positions.size() && "DiscDeformer::frontFraction: vertex index past the rest mesh");
    return std::clamp(0.5f + 0.5f * rest_.positions[i].x / halfDepth_, 0.0f, 1.0f);
}

void DiscDeformer::deform(const glm::mat4& discFrame, const glm::mat4& bottom, const glm::mat4& top, MeshData& out,
                          const DiscAppearance& appearance) const {
    // Work in the disc frame: the draw record keeps using discFrame as its transform.
    const glm::mat4 toDisc = glm::inverse(discFrame);
    const glm::mat4 bottomInDisc = toDisc * bottom, topInDisc = toDisc * top;
    const float shift = appearance.isNucleus ? -float(appearance.nucleusShiftMm) * 0.001f : 0.0f;  // +x is anterior
    const float bulge = appearance.isNucleus ? 0.0f : float(appearance.bulgeMm) * 0.001f;
    out.positions.resize(rest_.positions.size());
    for (std::size_t i = 0; i < rest_.positions.size(); ++i) {
        const glm::vec3& restPoint = rest_.positions[i];
        // The back of the annulus bulges backwards most at mid-height, fading toward the sides.
        const float back = std::clamp(-restPoint.x / halfDepth_, 0.0f, 1.0f);
        const float t = heightFraction_[i];
        const float push = bulge * back * back * std::clamp(4.0f * t * (1.0f - t), 0.0f, 1.0f);
        const glm::vec4 across{restPoint.x + shift - push, 0.0f, restPoint.z, 1.0f};
        const glm::vec3 low = glm::vec3(bottomInDisc * across);
        const glm::vec3 high = glm::vec3(topInDisc * across);
        out.positions[i] = low + t * (high - low);
    }
    if (out.indices.size() != rest_.indices.size()) out.indices = rest_.indices;
    if (out.occlusion.size() != rest_.occlusion.size()) out.occlusion = rest_.occlusion;
    out.name = rest_.name;
    computeSmoothNormals(out);
}

}  // namespace lumbarlab
