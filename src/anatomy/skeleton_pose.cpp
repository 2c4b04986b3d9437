#include "lumbarlab/anatomy/skeleton_pose.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtx/quaternion.hpp>

#include <cmath>
#include <optional>

namespace lumbarlab {
namespace {

glm::mat4 translate(const glm::vec3& t) {
    return glm::translate(glm::mat4(1.0f), t);
}
glm::mat4 rotateX(float a) {
    return glm::rotate(glm::mat4(1.0f), a, glm::vec3{1, 0, 0});
}
glm::mat4 rotateY(float a) {
    return glm::rotate(glm::mat4(1.0f), a, glm::vec3{0, 1, 0});
}
glm::mat4 rotateZ(float a) {
    return glm::rotate(glm::mat4(1.0f), a, glm::vec3{0, 0, 1});
}

const char* sideSuffix(int side) {
    return side == 0 ? "_r" : "_l";
}

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

void SkeletonFrames::translate(const glm::vec3& delta) {
    for (auto& [name, m] : world) m[3] += glm::vec4(delta, 0.0f);
}

SkeletonKinematics::SkeletonKinematics(const SkeletonDefinition& skeleton) {
    for (int side = 0; side < 2; ++side) {
        const std::string s = sideSuffix(side);
        hipCentre_[side] = skeleton.requireJoint("hip_bone" + s, "hip_centre");
        kneeCentre_[side] = skeleton.requireJoint("femur" + s, "knee_centre");
        kneeAxis_[side] = kneeCentre_[side];
        patellaCentre_[side] = skeleton.requireJoint("femur" + s, "patella_rest_centre");
        // Tracking needs four landmarks; without them the patella stays fixed to the femur.
        auto landmark = [&](const std::string& bone, const std::string& name) -> std::optional<glm::vec3> {
            if (const BoneDefinition* b = skeleton.find(bone))
                for (const auto& l : b->landmarks)
                    if (l.name == name) return l.position;
            return std::nullopt;
        };
        const auto medial = landmark("femur" + s, "medial_epicondyle"),
                   lateral = landmark("femur" + s, "lateral_epicondyle");
        const auto apex = landmark("patella" + s, "patella_apex"),
                   tuberosity = landmark("tibia" + s, "tibial_tuberosity");
        if (medial && lateral && apex && tuberosity) {
            PatellaTrack& track = patellaTrack_[side];
            track.axisPoint = 0.5f * (*medial + *lateral);
            // Without an explicit hinge, the knee flexes about an axis halfway between the distal
            // contact and the transepicondylar axis (Churchill 1998: the TEA approximates the flexion
            // axis; the femur also rolls back).
            kneeAxis_[side] =
                glm::mix(kneeCentre_[side], glm::vec3{track.axisPoint.x, track.axisPoint.y, kneeCentre_[side].z}, 0.5f);
            // A generated femur names its hinge (the centre the posterior condyles are round about, so
            // the plateau keeps its joint space) and the centre of its trochlear groove circle, on
            // which the patella slides at a constant gap.
            const BoneDefinition* femur = skeleton.find("femur" + s);
            if (femur && femur->joints.contains("flexion_axis")) {
                const glm::vec3 hinge = femur->joints.at("flexion_axis");
                kneeAxis_[side] = {hinge.x, hinge.y, kneeCentre_[side].z};
            }
            if (femur && femur->joints.contains("trochlear_centre"))
                track.axisPoint = femur->joints.at("trochlear_centre");
            track.axisPoint.z = patellaCentre_[side].z;  // the groove's plane
            track.apex = *apex;
            track.tuberosity = *tuberosity;
            track.enabled = true;
            track.ligamentLength = 0.0f;
            track.ligamentLength = patellarLigamentLength(side, 0.0f);
        }
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

glm::mat4 SkeletonKinematics::tibiaInFemur(int side, float kneeFlexion) const {
    return translate(kneeAxis_[side]) * rotateZ(-kneeFlexion) * translate(kneeCentre_[side] - kneeAxis_[side]);
}

glm::mat4 SkeletonKinematics::patellaInFemur(int side, float kneeFlexion) const {
    const PatellaTrack& track = patellaTrack_[side];
    if (!track.enabled || track.ligamentLength <= 0.0f) return translate(patellaCentre_[side]);
    const glm::vec3 tuberosity = glm::vec3(tibiaInFemur(side, kneeFlexion) * glm::vec4(track.tuberosity, 1.0f));
    auto placed = [&](float slide) {
        return translate(track.axisPoint) * rotateZ(-slide) * translate(patellaCentre_[side] - track.axisPoint);
    };
    auto excess = [&](float slide) {
        return glm::length(glm::vec3(placed(slide) * glm::vec4(track.apex, 1.0f)) - tuberosity) - track.ligamentLength;
    };
    // Sliding down the groove shortens the ligament until the apex points at the tuberosity, then
    // lengthens it again: bisect for the first slide that restores its length, before that point.
    float lo = -0.5f, hi = std::max(kneeFlexion, 0.0f) + 0.8f;
    const glm::vec3 apexRest = patellaCentre_[side] + track.apex - track.axisPoint;
    const glm::vec3 towardTuberosity = tuberosity - track.axisPoint;
    const float closest = std::remainder(
        std::atan2(apexRest.y, apexRest.x) - std::atan2(towardTuberosity.y, towardTuberosity.x), 6.2831853f);
    if (closest > lo && closest < hi && excess(closest) < 0.0f) hi = closest;
    if (excess(lo) * excess(hi) > 0.0f) return placed(0.7f * kneeFlexion);  // out of reach: a plain ratio
    for (int i = 0; i < 24; ++i) {  // about 1e-7 rad: far below anything visible or measurable
        const float mid = 0.5f * (lo + hi);
        if ((excess(mid) > 0.0f) == (excess(lo) > 0.0f))
            lo = mid;
        else
            hi = mid;
    }
    return placed(0.5f * (lo + hi));
}

float SkeletonKinematics::patellarLigamentLength(int side, float kneeFlexion) const {
    const PatellaTrack& track = patellaTrack_[side];
    const glm::mat4 patella = patellaInFemur(side, kneeFlexion);
    const glm::mat4 tibia = tibiaInFemur(side, kneeFlexion);
    return glm::length(glm::vec3(patella * glm::vec4(track.apex, 1.0f)) -
                       glm::vec3(tibia * glm::vec4(track.tuberosity, 1.0f)));
}

SkeletonFrames SkeletonKinematics::solve(const SkeletonPose& pose) const {
    SkeletonFrames frames;
    frames.world.reserve(48);  // every frame below, without rehashing
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
        // The patella rides in the femoral groove, tracked so its ligament keeps its length.
        frames.world["patella" + s] = femur * patellaInFemur(side, leg.kneeFlexion);
        // Knee: a hinge about the transepicondylar axis; flexion swings the tibia backwards.
        frames.world["tibia" + s] = femur * tibiaInFemur(side, leg.kneeFlexion);
    }

    // Spine, bottom up: each segment rotates about its disc's centre, halfway between endplates.
    glm::mat4 lowerEndplate = pelvis * translate(s1Centre_) * alignYTo(s1Normal_);
    for (int i = int(kDiscLevels.size()) - 1; i >= 0; --i) {
        const SegmentAngles& a = pose.segments[std::size_t(i)];
        const float half = 0.5f * discs_[std::size_t(i)].middleHeight;
        const glm::mat4 rotation = rotateY(a.rotation) * rotateX(a.bending) * rotateZ(a.extension);
        const glm::mat4 halfRotation =
            rotateY(0.5f * a.rotation) * rotateX(0.5f * a.bending) * rotateZ(0.5f * a.extension);
        const std::string disc = std::string("disc_") + kDiscLevels[std::size_t(i)];
        frames.world[disc] = lowerEndplate * translate({0, half, 0}) * halfRotation;
        const glm::mat4 upperInferiorEndplate =
            lowerEndplate * translate({0, half, 0}) * rotation * translate({0, half, 0});
        // The endplates the disc fills the space between (y pointing up, into the upper body).
        frames.world[disc + "_bottom"] = lowerEndplate;
        frames.world[disc + "_top"] = upperInferiorEndplate;
        // The vertebra's own inferior endplate frame (y pointing into the body) maps onto it.
        const Endplates& e = vertebrae_[std::size_t(i)];
        const glm::mat4 vertebra =
            upperInferiorEndplate * glm::inverse(translate(e.inferiorCentre) * alignYTo(-e.inferiorNormal));
        frames.world[kVertebrae[std::size_t(i)]] = vertebra;
        lowerEndplate = vertebra * translate(e.superiorCentre) * alignYTo(e.superiorNormal);
    }
    // The thorax sits on T12's upper endplate (the last lowerEndplate); flexion tips it forward.
    frames.world["thorax"] = lowerEndplate * rotateZ(-pose.thoracicFlexion);
    // The arms belong to the body figure, not the skeleton: these frames are the thorax's, swung
    // forward about its side-to-side axis by shoulder flexion (orientation only; the figure puts
    // the shoulder joint on the thorax).
    frames.world["upper_arm_r"] = frames.world["thorax"] * rotateZ(pose.shoulderFlexion[0]);
    frames.world["upper_arm_l"] = frames.world["thorax"] * rotateZ(pose.shoulderFlexion[1]);
    return frames;
}

}  // namespace lumbarlab
