#pragma once
// Small affine helpers shared by the model code.
#include <glm/glm.hpp>

namespace lumbarlab {

/// Where the point p lands under the affine transform m.
inline glm::vec3 transformPoint(const glm::mat4& m, const glm::vec3& p) {
    return glm::vec3(m * glm::vec4(p, 1.0f));
}

}  // namespace lumbarlab
