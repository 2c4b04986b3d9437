#include "anatomy/disc_deformer.h"

#include <algorithm>

namespace lumbarlab {

DiscDeformer::DiscDeformer(MeshData rest, const BoneDefinition& disc) : rest_(std::move(rest)) {
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

void DiscDeformer::deform(const glm::mat4& discFrame, const glm::mat4& bottom, const glm::mat4& top, MeshData& out) const {
    // Work in the disc frame: the draw record keeps using discFrame as its transform.
    const glm::mat4 toDisc = glm::inverse(discFrame);
    const glm::mat4 bottomInDisc = toDisc * bottom, topInDisc = toDisc * top;
    out.positions.resize(rest_.positions.size());
    for (std::size_t i = 0; i < rest_.positions.size(); ++i) {
        const glm::vec4 across{rest_.positions[i].x, 0.0f, rest_.positions[i].z, 1.0f};
        const glm::vec3 low = glm::vec3(bottomInDisc * across);
        const glm::vec3 high = glm::vec3(topInDisc * across);
        out.positions[i] = low + heightFraction_[i] * (high - low);
    }
    if (out.indices.size() != rest_.indices.size()) out.indices = rest_.indices;
    if (out.occlusion.size() != rest_.occlusion.size()) out.occlusion = rest_.occlusion;
    out.name = rest_.name;
    computeSmoothNormals(out);
}

}  // namespace lumbarlab
