#include "lumbarlab/scene/camera.h"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace lumbarlab {

std::string_view toString(ViewPreset v) {
    switch (v) {
        case ViewPreset::Anterior:
            return "anterior";
        case ViewPreset::Posterior:
            return "posterior";
        case ViewPreset::Lateral:
            return "lateral";
        case ViewPreset::Medial:
            return "medial";
        case ViewPreset::Superior:
            return "superior";
        case ViewPreset::Oblique:
            return "oblique";
    }
    return "anterior";
}

std::optional<ViewPreset> viewPresetFromString(std::string_view name) {
    for (auto v : kAllViewPresets)
        if (toString(v) == name) return v;
    return std::nullopt;
}

namespace {

struct Angles {
    float yaw, pitch;
};

Angles anglesOf(ViewPreset preset) {
    const float quarter = glm::half_pi<float>();
    switch (preset) {
        case ViewPreset::Anterior:
            return {0.0f, 0.0f};
        case ViewPreset::Posterior:
            return {2.0f * quarter, 0.0f};
        case ViewPreset::Lateral:
            return {quarter, 0.0f};  // from the subject's right
        case ViewPreset::Medial:
            return {-quarter, 0.0f};  // from the left, i.e. the right side's medial face
        case ViewPreset::Superior:
            return {0.0f, OrbitCamera::kMaxPitch};
        case ViewPreset::Oblique:
            return {0.65f, 0.35f};  // front-right, a little above
    }
    return {0.0f, 0.0f};
}

glm::vec3 directionTowardEye(float yaw, float pitch) {
    return {std::cos(pitch) * std::cos(yaw), std::sin(pitch), std::cos(pitch) * std::sin(yaw)};
}

constexpr float kMinDistance = 0.02f;  // x the scene radius
constexpr float kMaxDistance = 100.0f;

float smoothstep(float t) {
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

void OrbitCamera::setPose(const CameraPose& pose) {
    pose_ = pose;
    pose_.pitch = std::clamp(pose_.pitch, -kMaxPitch, kMaxPitch);
    pose_.distance = std::clamp(pose_.distance, kMinDistance * sceneRadius_, kMaxDistance * sceneRadius_);
    transition_.reset();
}

void OrbitCamera::setSceneRadius(float metres) {
    sceneRadius_ = std::isfinite(metres) && metres > 1e-6f ? metres : 1.0f;
    pose_.distance = std::clamp(pose_.distance, kMinDistance * sceneRadius_, kMaxDistance * sceneRadius_);
}

float OrbitCamera::nearPlane() const {
    return std::max(0.005f * sceneRadius_, pose_.distance * 0.05f);
}

float OrbitCamera::farPlane() const {
    return pose_.distance * 20.0f + 5.0f * sceneRadius_;
}

glm::vec3 OrbitCamera::eye() const {
    return pose_.target + pose_.distance * directionTowardEye(pose_.yaw, pose_.pitch);
}

glm::mat4 OrbitCamera::view() const {
    return glm::lookAt(eye(), pose_.target, glm::vec3{0.0f, 1.0f, 0.0f});
}

glm::mat4 OrbitCamera::projection(float aspect) const {
    return glm::perspective(fovY_, std::max(aspect, 1e-3f), nearPlane(), farPlane());
}

void OrbitCamera::orbit(float dYaw, float dPitch) {
    transition_.reset();
    pose_.yaw += dYaw;
    pose_.pitch = std::clamp(pose_.pitch + dPitch, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float dxFraction, float dyFraction) {
    transition_.reset();
    const glm::vec3 forward = -directionTowardEye(pose_.yaw, pose_.pitch);
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3{0, 1, 0}));
    const glm::vec3 up = glm::cross(right, forward);
    const float visibleHeight = 2.0f * pose_.distance * std::tan(0.5f * fovY_);
    pose_.target += visibleHeight * (-dxFraction * right + dyFraction * up);
}

void OrbitCamera::zoom(float steps) {
    transition_.reset();
    pose_.distance =
        std::clamp(pose_.distance * std::pow(0.88f, steps), kMinDistance * sceneRadius_, kMaxDistance * sceneRadius_);
}

CameraPose OrbitCamera::framedPose(const Bounds& bounds, float aspect) const {
    if (bounds.empty()) return pose_;
    std::vector<glm::vec3> corners;
    corners.reserve(8);
    for (int i = 0; i < 8; ++i)
        corners.emplace_back((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                             (i & 4) ? bounds.max.z : bounds.min.z);
    return framedPose(corners, aspect);
}

CameraPose OrbitCamera::framedPose(const Bounds& bounds, ViewPreset preset, float aspect) const {
    OrbitCamera oriented = *this;
    const Angles a = anglesOf(preset);
    oriented.pose_.yaw = a.yaw;
    oriented.pose_.pitch = a.pitch;
    return oriented.framedPose(bounds, aspect);
}

CameraPose OrbitCamera::framedPose(const std::vector<glm::vec3>& points, ViewPreset preset, float aspect) const {
    OrbitCamera oriented = *this;
    const Angles a = anglesOf(preset);
    oriented.pose_.yaw = a.yaw;
    oriented.pose_.pitch = a.pitch;
    return oriented.framedPose(points, aspect);
}

CameraPose OrbitCamera::framedPose(const std::vector<glm::vec3>& points, float aspect) const {
    CameraPose p = pose_;
    if (points.empty()) return p;
    Bounds box;
    for (const glm::vec3& q : points) box.include(q);
    const glm::vec3 centre = box.centre();
    const glm::vec3 back = directionTowardEye(p.yaw, p.pitch);
    const glm::vec3 right = glm::normalize(glm::cross(-back, glm::vec3{0, 1, 0}));
    const glm::vec3 up = glm::cross(right, -back);
    const float tanY = std::tan(0.5f * fovY_);
    const float tanX = tanY * std::max(aspect, 1e-3f);
    // A point at `across` from the view axis and `towardEye` nearer the eye than the target fits
    // the field of view from a distance of at least towardEye + |across - shift| / tan. Moving the
    // target sideways (`shift`) leaves towardEye alone, so each screen axis has its own best shift:
    // the one that needs the least distance (a convex function of it: ternary search). In
    // perspective that centres the picture, not the box (seen from above, near parts look bigger).
    auto need = [&](const glm::vec3& axis, float tanHalf, float shift) {
        float distance = 0.0f;
        for (const glm::vec3& q : points) {
            const glm::vec3 d = q - centre;
            distance = std::max(distance, glm::dot(d, back) + std::abs(glm::dot(d, axis) - shift) / tanHalf);
        }
        return distance;
    };
    auto bestShift = [&](const glm::vec3& axis, float tanHalf) {
        float lo = glm::dot(box.min - centre, axis), hi = lo;
        for (const glm::vec3& q : points) {
            const float a = glm::dot(q - centre, axis);
            lo = std::min(lo, a), hi = std::max(hi, a);
        }
        for (int i = 0; i < 48; ++i) {
            const float m1 = lo + (hi - lo) / 3.0f, m2 = hi - (hi - lo) / 3.0f;
            if (need(axis, tanHalf, m1) <= need(axis, tanHalf, m2))
                hi = m2;
            else
                lo = m1;
        }
        return 0.5f * (lo + hi);
    };
    const float shiftX = bestShift(right, tanX), shiftY = bestShift(up, tanY);
    p.target = centre + shiftX * right + shiftY * up;
    const float distance = std::max({0.01f * sceneRadius_, need(right, tanX, shiftX), need(up, tanY, shiftY)});
    p.distance = distance * 1.08f;  // a small margin around the silhouette
    return p;
}

void OrbitCamera::animateTo(const CameraPose& to, float seconds) {
    if (seconds <= 0.0f) {
        setPose(to);
        return;
    }
    transition_ = Transition{pose_, to, 0.0f, seconds};
}

bool OrbitCamera::update(float dtSeconds) {
    if (!transition_) return false;
    transition_->elapsed += std::max(dtSeconds, 0.0f);
    const float t = std::min(transition_->elapsed / transition_->duration, 1.0f);
    pose_ = interpolate(transition_->from, transition_->to, smoothstep(t));
    if (t >= 1.0f) {
        pose_ = transition_->to;
        transition_.reset();
    }
    return true;
}

CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t) {
    CameraPose p;
    p.target = glm::mix(a.target, b.target, t);
    p.distance = a.distance * std::pow(b.distance / a.distance, t);
    // Yaw goes the short way round so "posterior" from "lateral" turns 90 degrees, not 270.
    float dyaw = std::remainder(b.yaw - a.yaw, glm::two_pi<float>());
    p.yaw = a.yaw + dyaw * t;
    p.pitch = glm::mix(a.pitch, b.pitch, t);
    return p;
}

}  // namespace lumbarlab
