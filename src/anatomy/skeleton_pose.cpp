#include "anatomy/skeleton_pose.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtx/quaternion.hpp>

namespace lumbarlab {
namespace {

glm::mat4 translate(const glm::vec3& t) { return glm::translate(glm::mat4(1.0f), t); }
glm::mat4 rotateX(float a) { return glm::rotate(glm::mat4(1.0f), a, glm::vec3{1, 0, 0}); }
glm::mat4 rotateY(float a) { return glm::rotate(glm::mat4(1.0f), a, glm::vec3{0, 1, 0}); }
glm::mat4 rotateZ(float a) { return glm::rotate(glm::mat4(1.0f), a, glm::vec3{0, 0, 1}); }

const char* sideSuffix(int side) { return side == 0 ? "_r" : "_l"; }

}  // namespace

glm::mat4 alignYTo(const glm::vec3& direction) {
    return glm::toMat4(glm::rotation(glm::vec3{0, 1, 0}, glm::normalize(direction)));
}

const glm::mat4& SkeletonFrames::of(const std::string& frame) const {
    static const glm::mat4 identity{1.0f};
    auto it = world.find(frame);
    return it == world.end() ? identity : it->second;
}

glm::vec3 SkeletonFrames::toWorld(const std::string& frame, const glm::vec3& local) const {
    return glm::vec3(of(frame) * glm::vec4(local, 1.0f));
}

SkeletonKinematics::SkeletonKinematics(const SkeletonDefinition& skeleton) {
    for (int side = 0; side < 2; ++side) {
        const std::string s = sideSuffix(side);
        hipCentre_[side] = skeleton.requireJoint("hip_bone" + s, "hip_centre");
        kneeCentre_[side] = skeleton.requireJoint("femur" + s, "knee_centre");
        patellaCentre_[side] = skeleton.requireJoint("femur" + s, "patella_rest_centre");
    }
    s1Centre_ = skeleton.requireJoint("sacrum", "s1_endplate_centre");
    s1Normal_ = glm::normalize(skeleton.requireJoint("sacrum", "s1_endplate_normal"));
    for (std::size_t i = 0; i < kVertebrae.size(); ++i) {
        const std::string v = kVertebrae[i];
        Endplates& e = vertebrae_[i];
        e.superiorCentre = skeleton.requireJoint(v, "superior_endplate_centre");
        e.superiorNormal = glm::normalize(skeleton.requireJoint(v, "superior_endplate_normal"));
        e.inferiorCentre = skeleton.requireJoint(v, "inferior_endplate_centre");
        e.inferiorNormal = glm::normalize(skeleton.requireJoint(v, "inferior_endplate_normal"));
        const std::string disc = std::string("disc_") + kDiscLevels[i] + "_annulus";
        const glm::vec3 top = skeleton.requireJoint(disc, "superior_centre");
        const glm::vec3 bottom = skeleton.requireJoint(disc, "inferior_centre");
        discs_[i].middleHeight = glm::length(top - bottom);
    }
}

SkeletonFrames SkeletonKinematics::solve(const SkeletonPose& pose) const {
    SkeletonFrames frames;
    // Pelvis: translation, then rotation (y), list (x) and tilt (z) as in OpenSim's pelvis joint.
    // Anterior tilt is a negative rotation about z (which would lift the front).
    const glm::mat4 pelvis = translate(pose.pelvisTranslation) * rotateY(pose.pelvisRotation) *
                             rotateX(pose.pelvisList) * rotateZ(-pose.pelvisTilt);
    frames.world["pelvis"] = pelvis;
    frames.world["sacrum"] = pelvis;

    for (int side = 0; side < 2; ++side) {
        const LegAngles& leg = side == 0 ? pose.right : pose.left;
        const float mirror = side == 0 ? 1.0f : -1.0f;  // adduction and rotation flip with the side
        const std::string s = sideSuffix(side);
        // Hip: flexion about z, adduction about x, rotation about y (OpenSim order).
        const glm::mat4 femur = pelvis * translate(hipCentre_[side]) * rotateZ(leg.hipFlexion) *
                                rotateX(mirror * leg.hipAdduction) * rotateY(mirror * leg.hipRotation);
        frames.world["femur" + s] = femur;
        // The patella rides in the femoral groove; with the knee straight it sits at rest.
        frames.world["patella" + s] = femur * translate(patellaCentre_[side]);
        // Knee: a hinge about z at the knee centre; flexion swings the tibia backwards.
        frames.world["tibia" + s] = femur * translate(kneeCentre_[side]) * rotateZ(-leg.kneeFlexion);
    }

    // Spine, bottom up: each segment rotates about its disc's centre, halfway between endplates.
    glm::mat4 lowerEndplate = pelvis * translate(s1Centre_) * alignYTo(s1Normal_);
    for (int i = int(kDiscLevels.size()) - 1; i >= 0; --i) {
        const SegmentAngles& a = pose.segments[std::size_t(i)];
        const float half = 0.5f * discs_[std::size_t(i)].middleHeight;
        const glm::mat4 rotation = rotateY(a.rotation) * rotateX(a.bending) * rotateZ(a.extension);
        const glm::mat4 halfRotation =
            rotateY(0.5f * a.rotation) * rotateX(0.5f * a.bending) * rotateZ(0.5f * a.extension);
        frames.world[std::string("disc_") + kDiscLevels[std::size_t(i)]] =
            lowerEndplate * translate({0, half, 0}) * halfRotation;
        const glm::mat4 upperInferiorEndplate = lowerEndplate * translate({0, half, 0}) * rotation * translate({0, half, 0});
        // The vertebra's own inferior endplate frame (y pointing into the body) maps onto it.
        const Endplates& e = vertebrae_[std::size_t(i)];
        const glm::mat4 vertebra =
            upperInferiorEndplate * glm::inverse(translate(e.inferiorCentre) * alignYTo(-e.inferiorNormal));
        frames.world[kVertebrae[std::size_t(i)]] = vertebra;
        lowerEndplate = vertebra * translate(e.superiorCentre) * alignYTo(e.superiorNormal);
    }
    return frames;
}

}  // namespace lumbarlab
