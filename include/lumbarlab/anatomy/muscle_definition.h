#pragma once
// Muscles as data (assets/muscles/muscles.json): each muscle's fascicles as origin, via points and
// insertion on bones, plus the wrapping surfaces that keep a path off the bone. Points are written
// once for the right side; the left side is their mirror image. Every point carries a source.
// Wrap surfaces are declared once, by name, on the bone they ride on (the top-level "wraps"); paths
// list the names they wrap over, with per-path options such as the barred side.

#include "lumbarlab/anatomy/skeleton_definition.h"

#include <glm/glm.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

enum class BodySide { Right = 0, Left = 1 };

/// "r" or "l": the suffix of sided ids (femur_r, hip_flexion_l).
[[nodiscard]] inline const char* sideSuffix(BodySide side) {
    return side == BodySide::Right ? "r" : "l";
}

/// One point a path passes through, fixed in a kinematic frame.
struct PathPoint {
    std::string frame;         ///< kinematic frame, e.g. "pelvis", "femur_l", "l3"
    glm::vec3 position{0.0f};  ///< in that frame, metres
    /// A via point used only while `coordinate` lies within [min, max] degrees (empty: always).
    std::string coordinate;
    double min = 0.0, max = 0.0;
};

/// A smooth surface the path wraps over instead of cutting through the bone beneath it.
struct WrapSurface {
    enum class Shape { Sphere, Cylinder, Ellipsoid };
    std::string id;  ///< the declared name with the side, e.g. "femoral_head_l"
    Shape shape = Shape::Sphere;
    std::string frame;
    glm::vec3 centre{0.0f};  ///< in the frame, metres
    glm::mat3 axes{1.0f};    ///< columns: the surface's x, y, z in the frame (cylinder axis = z)
    glm::vec3 radii{0.0f};   ///< sphere: x; cylinder: x = radius, z = half length; ellipsoid: all three
    /// Surface coordinates of the side the path may not wrap round (zero: either side), e.g. +y
    /// for a path that must pass under the ischial tuberosity, never over it through the bone.
    glm::vec3 forbiddenSide{0.0f};
};

/// One fascicle of one muscle on one side: the unit whose length the app computes.
struct MusclePathDefinition {
    std::size_t muscle = 0;  ///< index into MuscleSet::muscles
    std::string fascicle;    ///< e.g. "psoas_l3"; equals the muscle id for single-path muscles
    BodySide side = BodySide::Right;
    std::vector<PathPoint> points;  ///< origin first, insertion last
    std::vector<WrapSurface> wraps;
};

/// What the app tells a user about a muscle.
struct MuscleDefinition {
    std::string id;     ///< stable snake_case id, e.g. "rectus_femoris"
    std::string name;   ///< e.g. "Rectus femoris"
    std::string group;  ///< visibility group, e.g. "hip_flexors"
    std::string origin, insertion, action;
    std::vector<std::string> crosses;  ///< joints in words: "hip", "knee", "lumbar spine"
    std::string source;                ///< where the attachments come from
    double optimalFibreLengthM = 0.0;  ///< for the info card; 0 when not given
    std::string fibreLengthSource;
};

/// Every muscle and every path (both sides, all fascicles).
struct MuscleSet {
    std::filesystem::path file;
    std::string referencePosture;  ///< the posture whose lengths are 0 % change by default
    std::vector<MuscleDefinition> muscles;
    std::vector<MusclePathDefinition> paths;
    std::vector<std::string> groups;          ///< in file order
    std::vector<std::size_t> fascicleCounts;  ///< per muscle: its fascicles on one side

    [[nodiscard]] const MuscleDefinition* find(const std::string& id) const;
};

/// Reads and validates muscles.json against the skeleton (bones, landmarks and frames must exist).
/// `coordinates` lists the real coordinate names for conditional via points. A path naming a wrap
/// surface that is not declared is an error naming the muscle and the name. Throws FileError.
[[nodiscard]] MuscleSet loadMuscleSet(const std::filesystem::path& file, const SkeletonDefinition& skeleton,
                                      const std::vector<std::string>& frames,
                                      const std::vector<std::string>& coordinates);

}  // namespace lumbarlab
