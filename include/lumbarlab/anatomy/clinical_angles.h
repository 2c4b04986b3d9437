#pragma once
// The angles clinicians name, measured on the assembled skeleton the way they are measured on a
// lateral radiograph (projected onto the sagittal plane), in degrees.

#include "lumbarlab/anatomy/skeleton_pose.h"

namespace lumbarlab {

struct ClinicalAngles {
    double lumbarLordosis = 0.0;   ///< Cobb angle, L1 superior endplate to S1 endplate; positive = lordosis
    double sacralSlope = 0.0;      ///< S1 endplate against the horizontal
    double pelvicTilt = 0.0;       ///< vertical against the line from the hip axis to the S1 centre
    double pelvicIncidence = 0.0;  ///< S1 endplate normal against the line from the S1 centre to the hip axis
    double hipFlexionRight = 0.0, hipFlexionLeft = 0.0;  ///< thigh against the pelvis
    double kneeFlexionRight = 0.0, kneeFlexionLeft = 0.0;
    /// Lordosis of each segment (disc level order), degrees; positive opens the front.
    std::array<double, 6> segmentLordosis{};
};

/// Measures the angles on solved frames. Needs the geometry the kinematics were built from.
class ClinicalAngleGauge {
public:
    explicit ClinicalAngleGauge(const SkeletonDefinition& skeleton);
    [[nodiscard]] ClinicalAngles measure(const SkeletonPose& pose, const SkeletonFrames& frames) const;

private:
    glm::vec3 hipCentre_[2]{};
    glm::vec3 s1Centre_{0.0f}, s1Normal_{0, 1, 0};
    glm::vec3 l1SuperiorNormal_{0, 1, 0};
};

}  // namespace lumbarlab
