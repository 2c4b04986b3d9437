#pragma once
// Axis-aligned bounding box in metres. Pure maths: no GL, no UI.

#include <glm/glm.hpp>

#include <limits>

namespace lumbarlab {

/// An axis-aligned box; starts empty and grows to include points or other boxes.
struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    [[nodiscard]] bool empty() const { return min.x > max.x || min.y > max.y || min.z > max.z; }
    [[nodiscard]] glm::vec3 centre() const { return 0.5f * (min + max); }
    [[nodiscard]] glm::vec3 size() const { return empty() ? glm::vec3{0.0f} : max - min; }
    /// Radius of the sphere around centre() that encloses the box.
    [[nodiscard]] float radius() const { return 0.5f * glm::length(size()); }

    void include(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void include(const Bounds& other) {
        if (other.empty()) return;
        include(other.min);
        include(other.max);
    }
    /// The box that encloses this one after transforming it (all eight corners).
    [[nodiscard]] Bounds transformed(const glm::mat4& m) const {
        Bounds out;
        if (empty()) return out;
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner{(i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z};
            out.include(glm::vec3(m * glm::vec4(corner, 1.0f)));
        }
        return out;
    }
};

}  // namespace lumbarlab
