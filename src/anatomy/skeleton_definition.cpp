#include "lumbarlab/anatomy/skeleton_definition.h"

#include "lumbarlab/anatomy/skeleton_manifest.h"
#include "lumbarlab/core/file_error.h"

#include <algorithm>

namespace lumbarlab {

std::optional<glm::vec3> BoneDefinition::joint(const std::string& name) const {
    auto it = joints.find(name);
    if (it == joints.end()) return std::nullopt;
    return it->second;
}

std::optional<glm::vec3> SkeletonDefinition::landmark(const std::string& bone, const std::string& name) const {
    if (const BoneDefinition* b = find(bone))
        for (const auto& l : b->landmarks)
            if (l.name == name) return l.position;
    return std::nullopt;
}

const BoneDefinition* SkeletonDefinition::find(const std::string& id) const {
    for (const auto& b : bones)
        if (b.id == id) return &b;
    return nullptr;
}

const BoneDefinition& SkeletonDefinition::require(const std::string& id) const {
    if (const BoneDefinition* b = find(id)) return *b;
    throw FileError(manifest, "no bone '" + id + "'");
}

glm::vec3 SkeletonDefinition::requireJoint(const std::string& boneId, const std::string& joint) const {
    const BoneDefinition& bone = require(boneId);
    if (auto p = bone.joint(joint)) return *p;
    throw FileError(manifest, "bone '" + boneId + "' has no joint '" + joint + "'");
}

std::string boneGroupOf(const std::string& id) {
    if (id.rfind("disc_", 0) == 0) return "discs";
    if (id.rfind("hip_bone", 0) == 0 || id == "sacrum") return "pelvis";
    if (id == "t12" || (id.size() == 2 && id[0] == 'l')) return "spine";
    return "legs";
}

SkeletonDefinition loadSkeletonDefinition(const std::filesystem::path& manifest) {
    // The schema validates everything (format tag, fields, finite numbers); this only maps it.
    const SkeletonManifest file = readSkeletonManifest(manifest);
    SkeletonDefinition skeleton;
    skeleton.manifest = manifest;
    const std::filesystem::path dir = manifest.parent_path();
    for (const ManifestBone& b : file.bones) {
        BoneDefinition bone;
        bone.id = b.id;
        bone.displayName = b.displayName;
        bone.commonName = b.commonName;
        bone.side = b.side;
        bone.parentFrame = b.parentFrame;
        bone.group = boneGroupOf(b.id);
        bone.meshHigh = dir / b.meshFiles.high;
        bone.meshLow = dir / b.meshFiles.low;
        for (const ManifestLandmark& l : b.landmarks) bone.landmarks.push_back({l.name, glm::vec3(l.position)});
        // By name, as before the schema: listings and cards do not depend on the generator's order.
        std::sort(bone.landmarks.begin(), bone.landmarks.end(),
                  [](const Landmark& x, const Landmark& y) { return x.name < y.name; });
        for (const ManifestJoint& j : b.joints) bone.joints[j.name] = glm::vec3(j.value);
        for (const ManifestQuantity& d : b.design) bone.design[d.name] = d.value;
        skeleton.bones.push_back(std::move(bone));
    }
    return skeleton;
}

}  // namespace lumbarlab
