#include "lumbarlab/anatomy/clinical_angles.h"

#include <glm/gtc/constants.hpp>

#include <cmath>

namespace lumbarlab {
namespace {

/// Angle of a direction in the sagittal (x-y) plane, from +y toward +x (anterior), degrees.
double sagittalAngle(const glm::vec3& d) {
    return glm::degrees(std::atan2(double(d.x), double(d.y)));
}

glm::vec3 direction(const glm::mat4& frame, const glm::vec3& local) {
    return glm::vec3(frame * glm::vec4(local, 0.0f));
}

}  // namespace

ClinicalAngleGauge::ClinicalAngleGauge(const SkeletonDefinition& skeleton) {
    hipCentre_[0] = skeleton.requireJoint("hip_bone_r", "hip_centre");
    hipCentre_[1] = skeleton.requireJoint("hip_bone_l", "hip_centre");
    s1Centre_ = skeleton.requireJoint("sacrum", "s1_endplate_centre");
    s1Normal_ = glm::normalize(skeleton.requireJoint("sacrum", "s1_endplate_normal"));
    l1SuperiorNormal_ = glm::normalize(skeleton.requireJoint("l1", "superior_endplate_normal"));
}

ClinicalAngles ClinicalAngleGauge::measure(const SkeletonPose& pose, const SkeletonFrames& frames) const {
    ClinicalAngles a;
    const glm::mat4& pelvis = frames.of("pelvis");
    const glm::vec3 s1Normal = direction(pelvis, s1Normal_);
    const glm::vec3 s1Centre = frames.toWorld("pelvis", s1Centre_);
    const glm::vec3 hipAxis =
        0.5f * (frames.toWorld("pelvis", hipCentre_[0]) + frames.toWorld("pelvis", hipCentre_[1]));
    const glm::vec3 l1Normal = direction(frames.of("l1"), l1SuperiorNormal_);

    a.sacralSlope = sagittalAngle(s1Normal);
    const glm::vec3 hipToS1 = s1Centre - hipAxis;
    a.pelvicTilt = -sagittalAngle(hipToS1);  // positive when the S1 centre lies behind the hip axis
    a.pelvicIncidence = a.sacralSlope + a.pelvicTilt;
    a.lumbarLordosis = sagittalAngle(s1Normal) - sagittalAngle(l1Normal);
    // Joint angles are the pose's own coordinates: the thigh and shank relative to their parents.
    a.hipFlexionRight = glm::degrees(double(pose.right.hipFlexion));
    a.hipFlexionLeft = glm::degrees(double(pose.left.hipFlexion));
    a.kneeFlexionRight = glm::degrees(double(pose.right.kneeFlexion));
    a.kneeFlexionLeft = glm::degrees(double(pose.left.kneeFlexion));
    for (std::size_t i = 0; i < a.segmentLordosis.size(); ++i)
        a.segmentLordosis[i] = glm::degrees(double(pose.segments[i].extension));
    return a;
}

}  // namespace lumbarlab
