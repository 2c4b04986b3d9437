#pragma once
// Shared geometry of the knee, in the femur frame (mm): the circle the trochlear groove follows and
// the patella slides on, the flexion axis the posterior condyles are round about, and the
// cross-section of the groove that the patella's posterior surface copies.

#include <glm/glm.hpp>

#include "params.hpp"

namespace bonegen {

struct KneeLayout {
    float kneeY = 0.0f;               ///< distal condyle contact (tibia frame origin), femur frame y
    glm::vec3 trochlearCentre{0.0f};  ///< centre of the groove circle (z: groove plane)
    float grooveRadius = 0.0f;        ///< radius of the deepest line of the groove
    float zGroove = 0.0f;             ///< z of the groove's deepest line (lateral of the midline)
    float lateralSlope = 0.0f;        ///< rise of the lateral trochlear facet per mm of width
    float medialSlope = 0.0f;         ///< rise of the medial trochlear facet per mm of width
    float patellaGap = 0.0f;          ///< bone-to-bone patellofemoral gap (cartilage)
    float patellaRestAngle = 0.0f;    ///< radians below the groove centre's level, knee straight
    float patellaRidgeOffset = 0.0f;  ///< the patella's vertical ridge lies this far medial of its centre
    glm::vec3 flexionAxis{0.0f};      ///< centre of the posterior condyle circles (z = 0)
    float condyleRadius = 0.0f;       ///< radius of those circles
    float tibiofemoralGap = 0.0f;     ///< bone-to-bone gap between condyles and plateau
    /// Radius of the trochlear surface at width z (groove floor at zGroove, facets rising either side).
    [[nodiscard]] float trochlearRadiusAt(float z) const;
    /// Distance from the trochlear centre to the patella centre.
    [[nodiscard]] float patellaTrackRadius(float patellaThickness) const;
};

/// The knee layout from the femur, patella and tibia parameters.
KneeLayout kneeLayout(const SkeletonParams& params);

}  // namespace bonegen
