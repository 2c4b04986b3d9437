#pragma once
// Joint angles of the skeleton and the forward kinematics that turn them into a world transform
// for every kinematic frame (pelvis, femur_r, tibia_r, l4, disc_l4_l5, ...). World frame as in
// OpenSim: x anterior, y superior, z to the subject's right; metres and radians.

#include "lumbarlab/anatomy/skeleton_definition.h"

#include <glm/glm.hpp>

#include <array>
#include <cassert>
#include <string>
#include <unordered_map>

namespace lumbarlab {

/// The six lumbar motion segments, top to bottom, and the vertebra above each.
inline constexpr std::array<const char*, 6> kDiscLevels{"t12_l1", "l1_l2", "l2_l3", "l3_l4", "l4_l5", "l5_s1"};
inline constexpr std::array<const char*, 6> kVertebrae{"t12", "l1", "l2", "l3", "l4", "l5"};

/// Rotation of one motion segment (upper vertebra relative to lower), radians.
struct SegmentAngles {
    float extension = 0.0f;  ///< about z; positive opens the disc in front (lordosis), negative rounds
    float bending = 0.0f;    ///< about x; positive bends to the right
    float rotation = 0.0f;   ///< about y; positive turns the upper body to the left (OpenSim sign)
};

/// One leg's joint angles, radians, anatomical signs (both sides alike).
struct LegAngles {
    float hipFlexion = 0.0f;    ///< positive brings the thigh forward
    float hipAdduction = 0.0f;  ///< positive toward the midline
    float hipRotation = 0.0f;   ///< positive internal rotation
    float kneeFlexion = 0.0f;   ///< positive bends the knee
};

/// A full pose.
struct SkeletonPose {
    float pelvisTilt = 0.0f;            ///< positive: anterior tilt (the front of the pelvis drops)
    float pelvisList = 0.0f;            ///< about x; positive drops the right side
    float pelvisRotation = 0.0f;        ///< about y
    glm::vec3 pelvisTranslation{0.0f};  ///< world position of the pelvis origin (mid-ASIS)
    LegAngles right, left;
    std::array<SegmentAngles, 6> segments{};  ///< indexed like kDiscLevels
    float thoracicFlexion = 0.0f;             ///< the thorax (one rigid block) relative to T12; positive rounds
    /// Each straight arm's swing about the shoulder (right, left), relative to hanging under
    /// gravity; positive forward. The body figure draws the arms; the kinematics carries the angle
    /// as the frames "upper_arm_r" and "upper_arm_l".
    std::array<float, 2> shoulderFlexion{};
};

/// World transforms of every kinematic frame, by name.
struct SkeletonFrames {
    std::unordered_map<std::string, glm::mat4> world;
    /// The frame's transform; identity for an unknown name.
    [[nodiscard]] const glm::mat4& of(const std::string& frame) const;
    /// A point given in a frame, in world coordinates.
    [[nodiscard]] glm::vec3 toWorld(const std::string& frame, const glm::vec3& local) const;
    /// Moves every frame by `delta` (what a change of pelvis translation does to the whole body).
    void translate(const glm::vec3& delta);
};

/// Forward kinematics over the joint geometry read from a SkeletonDefinition.
class SkeletonKinematics {
public:
    /// Extracts joint centres and endplates; throws FileError if the definition lacks one.
    explicit SkeletonKinematics(const SkeletonDefinition& skeleton);

    [[nodiscard]] SkeletonFrames solve(const SkeletonPose& pose) const;

    /// Middle height (m) of the disc at a level, from the generated geometry.
    [[nodiscard]] float discMiddleHeight(std::size_t level) const {
        assert(level < discs_.size() && "discMiddleHeight: level is an index into kDiscLevels (0..5)");
        return discs_[level].middleHeight;
    }

private:
    struct Endplates {
        glm::vec3 superiorCentre{0.0f}, superiorNormal{0, 1, 0};
        glm::vec3 inferiorCentre{0.0f}, inferiorNormal{0, -1, 0};
    };
    struct Disc {
        float middleHeight = 0.01f;
    };
    glm::vec3 hipCentre_[2]{};      ///< right, left, pelvis frame
    glm::vec3 kneeCentre_[2]{};     ///< in the femur frame: the tibia frame's origin
    glm::vec3 kneeAxis_[2]{};       ///< a point on the flexion axis (the femur's `flexion_axis`), femur frame
    glm::vec3 patellaCentre_[2]{};  ///< in the femur frame, knee straight
    /// Patella tracking: it slides on a circle about the trochlear groove centre (the femur's
    /// `trochlear_centre`; else the epicondyle midpoint) so the patellar ligament keeps its length.
    struct PatellaTrack {
        bool enabled = false;
        glm::vec3 axisPoint{0.0f};    ///< groove centre, femur frame
        glm::vec3 apex{0.0f};         ///< ligament origin, patella frame
        glm::vec3 tuberosity{0.0f};   ///< ligament insertion, tibia frame
        float ligamentLength = 0.0f;  ///< with the knee straight
    };
    PatellaTrack patellaTrack_[2]{};
    [[nodiscard]] glm::mat4 patellaInFemur(int side, float kneeFlexion) const;
    [[nodiscard]] glm::mat4 tibiaInFemur(int side, float kneeFlexion) const;
    glm::vec3 s1Centre_{0.0f}, s1Normal_{0, 1, 0};  ///< pelvis frame
    std::array<Endplates, 6> vertebrae_{};
    std::array<Disc, 6> discs_{};

public:
    /// Patellar ligament length (m) at a knee angle: constant when tracking works (tests).
    [[nodiscard]] float patellarLigamentLength(int side, float kneeFlexion) const;
};

/// The rotation that carries +y onto `direction` by the shortest arc.
[[nodiscard]] glm::mat4 alignYTo(const glm::vec3& direction);

}  // namespace lumbarlab
