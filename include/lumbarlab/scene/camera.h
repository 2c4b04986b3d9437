#pragma once
// An orbit camera around a target, preset anatomical views and smooth transitions between them.
// World frame as in OpenSim: x anterior, y superior, z to the subject's right; metres.

#include "lumbarlab/core/bounds.h"

#include <glm/glm.hpp>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace lumbarlab {

/// The standard anatomical viewpoints.
enum class ViewPreset { Anterior, Posterior, Lateral, Medial, Superior, Oblique };

inline constexpr std::array<ViewPreset, 6> kAllViewPresets{ViewPreset::Anterior, ViewPreset::Posterior,
                                                           ViewPreset::Lateral,  ViewPreset::Medial,
                                                           ViewPreset::Superior, ViewPreset::Oblique};
[[nodiscard]] std::string_view toString(ViewPreset v);
[[nodiscard]] std::optional<ViewPreset> viewPresetFromString(std::string_view name);

/// Where the camera is: spherical coordinates around a target. Plain data, interpolable.
struct CameraPose {
    glm::vec3 target{0.0f};
    float distance = 1.5f;  ///< metres from target to eye
    float yaw = 0.0f;       ///< radians about +y; 0 looks from +x (anterior), pi/2 from +z (right)
    float pitch = 0.0f;     ///< radians above the horizontal, clamped short of the poles
};

/// The orbit camera: pose, lens, interaction and transitions.
class OrbitCamera {
public:
    static constexpr float kMaxPitch = 1.55f;  ///< ~89 degrees: keeps the up vector well defined

    [[nodiscard]] const CameraPose& pose() const { return pose_; }
    void setPose(const CameraPose& pose);
    [[nodiscard]] float fovY() const { return fovY_; }
    /// Scales the zoom range (0.02..100 x radius) and the near/far planes with the scene: a model of
    /// radius r frames and clips as one of radius 1 m does. Default 1 m (the built-in skeleton).
    void setSceneRadius(float metres);
    [[nodiscard]] float sceneRadius() const { return sceneRadius_; }
    [[nodiscard]] float nearPlane() const;
    [[nodiscard]] float farPlane() const;

    [[nodiscard]] glm::vec3 eye() const;
    [[nodiscard]] glm::mat4 view() const;
    /// Perspective projection; near and far follow the distance so depth precision stays useful.
    [[nodiscard]] glm::mat4 projection(float aspect) const;

    /// Rotate by screen-space drag in radians (dx turns about y, dy tilts).
    void orbit(float dYaw, float dPitch);
    /// Move the target in the view plane by a fraction of the visible height.
    void pan(float dxFraction, float dyFraction);
    /// Multiply the distance (steps > 0 zoom in), kept within sane limits.
    void zoom(float steps);

    /// The pose that looks at `bounds` from `preset`, fitting it in view.
    [[nodiscard]] CameraPose framedPose(const Bounds& bounds, ViewPreset preset, float aspect) const;
    /// The pose that keeps the current direction and fits `bounds` in view.
    [[nodiscard]] CameraPose framedPose(const Bounds& bounds, float aspect) const;
    /// The same for a cloud of points (e.g. every object's box corners, see Scene::framingPoints):
    /// tighter than one box around them all, and centred on their picture, not their box.
    [[nodiscard]] CameraPose framedPose(const std::vector<glm::vec3>& points, ViewPreset preset, float aspect) const;
    [[nodiscard]] CameraPose framedPose(const std::vector<glm::vec3>& points, float aspect) const;

    /// Start a smooth move to `to` over `seconds` (0 jumps).
    void animateTo(const CameraPose& to, float seconds = 0.45f);
    /// Advance a running transition; returns true while one is running.
    bool update(float dtSeconds);
    [[nodiscard]] bool animating() const { return transition_.has_value(); }

private:
    struct Transition {
        CameraPose from, to;
        float elapsed = 0.0f, duration = 0.0f;
    };
    CameraPose pose_;
    float fovY_ = 0.6f;  ///< ~34 degrees: little perspective distortion of anatomy
    float sceneRadius_ = 1.0f;
    std::optional<Transition> transition_;
};

/// Interpolates two poses (shortest way round in yaw, geometric in distance), t in [0, 1].
[[nodiscard]] CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t);

}  // namespace lumbarlab
