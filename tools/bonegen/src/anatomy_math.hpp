#pragma once
// Small geometric helpers shared by the bone builders.

#include <glm/glm.hpp>

namespace bonegen {

/// Degrees to radians.
constexpr float radians(float degrees) {
    return degrees * 0.017453292519943295f;
}
/// Rotates v about a unit axis by an angle in radians (Rodrigues).
glm::vec3 rotateAbout(const glm::vec3& v, const glm::vec3& axis, float angle);
/// Point on a quadratic Bezier curve.
glm::vec3 bezier(const glm::vec3& a, const glm::vec3& control, const glm::vec3& b, float t);
/// Linear interpolation of points.
glm::vec3 lerp(const glm::vec3& a, const glm::vec3& b, float t);

}  // namespace bonegen
