#pragma once
// The generated skeleton as data: which bones exist, where their meshes are, their landmarks and
// the joint points the kinematic model assembles them with. Read from skeleton_manifest.json
// (written by tools/bonegen) through the shared schema in skeleton_manifest.h, which validates it.

#include <glm/glm.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

/// A named point on or in a bone, in the bone's frame (metres).
struct Landmark {
    std::string name;
    glm::vec3 position{0.0f};
};

/// One bone (or disc part) of the built-in model.
struct BoneDefinition {
    std::string id;                           ///< stable snake_case id, e.g. "femur_r", "disc_l4_l5_nucleus"
    std::string displayName;                  ///< anatomical name, e.g. "Right femur"
    std::string commonName;                   ///< plain words, e.g. "thigh bone"
    std::string side;                         ///< "right", "left" or "midline"
    std::string parentFrame;                  ///< kinematic frame its coordinates are in, e.g. "pelvis", "l4"
    std::string group;                        ///< visibility group: pelvis, spine, discs, legs
    std::filesystem::path meshHigh, meshLow;  ///< absolute paths
    std::vector<Landmark> landmarks;
    std::map<std::string, glm::vec3> joints;  ///< named points (m) and unit directions
    std::map<std::string, double> design;     ///< cited design values (m, deg)

    [[nodiscard]] std::optional<glm::vec3> joint(const std::string& name) const;
};

/// All bones of the built-in model.
struct SkeletonDefinition {
    std::filesystem::path manifest;
    std::vector<BoneDefinition> bones;

    [[nodiscard]] const BoneDefinition* find(const std::string& id) const;
    /// A landmark of a bone, in the bone's frame (metres); nullopt when either is missing.
    [[nodiscard]] std::optional<glm::vec3> landmark(const std::string& bone, const std::string& name) const;
    /// The bone, or a FileError naming the manifest and the missing id.
    [[nodiscard]] const BoneDefinition& require(const std::string& id) const;
    /// A joint point of a bone, or a FileError naming the manifest, bone and joint.
    [[nodiscard]] glm::vec3 requireJoint(const std::string& boneId, const std::string& joint) const;
};

/// Reads and validates a skeleton manifest (readSkeletonManifest); throws FileError ("<file>: <problem>")
/// on any defect, including a manifest of another format.
[[nodiscard]] SkeletonDefinition loadSkeletonDefinition(const std::filesystem::path& manifest);

/// The visibility group a bone id belongs to (pelvis, spine, discs, legs).
[[nodiscard]] std::string boneGroupOf(const std::string& id);

}  // namespace lumbarlab
