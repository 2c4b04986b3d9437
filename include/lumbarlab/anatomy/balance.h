#pragma once
// Static balance: the whole body's centre of mass over its base of support. The base of support is
// the convex outline, on the ground plane, of what carries the body in a posture: the soles that
// touch the ground, the sitting bones and thighs on a chair, the rear knee on the couch cushion.

#include "lumbarlab/anatomy/model_data.h"

#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace lumbarlab {

/// A sole counts as standing on the ground when it lies this close to the posture's ground height.
inline constexpr float kSoleContactM = 0.02f;
/// A sitting bone (or the middle of its thigh) counts as on the chair while it lies this close to
/// where the posture's first frame seated it.
inline constexpr float kSeatContactM = 0.01f;

struct Balance {
    glm::vec3 centreOfMass{0.0f};       ///< world, metres
    std::vector<glm::vec2> support;     ///< convex outline (x, z) counter-clockwise seen from above; empty if supported
    std::vector<std::string> contacts;  ///< what carries the body: "sole_r", "ischium_l", "knee_r", ...
    /// Signed distance (m) from the centre of mass's ground projection to the outline's edge:
    /// positive inside, negative outside.
    double marginM = 0.0;
    bool lying = false;  ///< the floor carries the whole body (no base of support to check)
};

/// Where the posture's first frame seats the body (loadModelData keeps one per chair posture).
[[nodiscard]] SeatReference seatReferenceOf(const ModelData& data, const Posture& posture);

/// Balance for solved (grounded) frames of a posture.
[[nodiscard]] Balance balanceOf(const ModelData& data, const Posture& posture, const SkeletonFrames& frames);

/// Convex hull of points (x, z), counter-clockwise seen from above (+y), without collinear points.
[[nodiscard]] std::vector<glm::vec2> convexHull(std::vector<glm::vec2> points);
/// Signed distance from p to the edge of a convex outline (positive inside).
[[nodiscard]] double signedDistanceInside(const std::vector<glm::vec2>& hull, const glm::vec2& p);

}  // namespace lumbarlab
