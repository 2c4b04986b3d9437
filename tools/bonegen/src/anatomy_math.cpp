#include "anatomy_math.hpp"

#include <cmath>

#include "bone_model.hpp"

namespace bonegen {

glm::vec3 rotateAbout(const glm::vec3& v, const glm::vec3& axis, float angle) {
    const glm::vec3 k = glm::normalize(axis);
    const float c = std::cos(angle), s = std::sin(angle);
    return v * c + glm::cross(k, v) * s + k * glm::dot(k, v) * (1.0f - c);
}

glm::vec3 bezier(const glm::vec3& a, const glm::vec3& control, const glm::vec3& b, float t) {
    const float u = 1.0f - t;
    return u * u * a + 2.0f * u * t * control + t * t * b;
}

glm::vec3 lerp(const glm::vec3& a, const glm::vec3& b, float t) {
    return a + (b - a) * t;
}

BoneModel mirroredAnnotations(const BoneModel& right, std::string leftId, std::string leftDisplayName,
                              std::string leftParentFrame) {
    BoneModel left;
    left.id = std::move(leftId);
    left.displayName = std::move(leftDisplayName);
    left.commonName = right.commonName;
    left.side = "left";
    left.parentFrame = std::move(leftParentFrame);
    left.mirrorOf = right.id;
    left.voxelSize = right.voxelSize;
    left.highTriangles = right.highTriangles;
    left.lowTriangles = right.lowTriangles;
    const auto flip = [](glm::vec3 v) { return glm::vec3(v.x, v.y, -v.z); };
    left.boundsMin = glm::vec3(right.boundsMin.x, right.boundsMin.y, -right.boundsMax.z);
    left.boundsMax = glm::vec3(right.boundsMax.x, right.boundsMax.y, -right.boundsMin.z);
    for (Landmark l : right.landmarks) {
        l.position = flip(l.position);
        left.landmarks.push_back(l);
    }
    for (FrameVector j : right.joints) {
        j.value = flip(j.value);
        left.joints.push_back(j);
    }
    left.design = right.design;
    return left;
}

}  // namespace bonegen
