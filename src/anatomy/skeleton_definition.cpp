#include "lumbarlab/anatomy/skeleton_definition.h"

#include "lumbarlab/anatomy/json_file.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace lumbarlab {
namespace {

using nlohmann::json;

glm::vec3 toVec3(const json& value, const std::filesystem::path& file, const std::string& where) {
    if (!value.is_array() || value.size() != 3 || !value[0].is_number() || !value[1].is_number() ||
        !value[2].is_number())
        throw FileError(file, where + " must be an array of three numbers");
    return {value[0].get<float>(), value[1].get<float>(), value[2].get<float>()};
}

const json& member(const json& object, const char* key, const std::filesystem::path& file, const std::string& where) {
    auto it = object.find(key);
    if (it == object.end()) throw FileError(file, where + " has no '" + key + "'");
    return *it;
}

std::string text(const json& object, const char* key, const std::filesystem::path& file, const std::string& where) {
    const json& value = member(object, key, file, where);
    if (!value.is_string()) throw FileError(file, where + "." + key + " must be a string");
    return value.get<std::string>();
}

/// Landmarks and joints come as {"name": [x, y, z]}, {"name": {"point"|"direction"|"value": [...]}}
/// or [{"name": ..., "position": [...]}].
template <typename Add>
void readNamedPoints(const json& node, const std::filesystem::path& file, const std::string& where, Add add) {
    if (node.is_object()) {
        for (const auto& [name, value] : node.items()) {
            const json* point = &value;
            if (value.is_object())
                for (const char* key : {"point", "direction", "value", "position"})
                    if (value.contains(key)) {
                        point = &value[key];
                        break;
                    }
            add(name, toVec3(*point, file, where + "." + name));
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            const std::string at = where + "[" + std::to_string(i) + "]";
            const json& entry = node[i];
            if (!entry.is_object()) throw FileError(file, at + " must be an object");
            const std::string name = text(entry, "name", file, at);
            const char* key = entry.contains("position") ? "position" : "value";
            add(name, toVec3(member(entry, key, file, at), file, at + "." + key));
        }
    } else {
        throw FileError(file, where + " must be an object or an array");
    }
}

}  // namespace

std::optional<glm::vec3> BoneDefinition::joint(const std::string& name) const {
    auto it = joints.find(name);
    if (it == joints.end()) return std::nullopt;
    return it->second;
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
    const json root = readJsonFile(manifest);
    const json& bones = member(root, "bones", manifest, "manifest");
    if (!bones.is_array() || bones.empty()) throw FileError(manifest, "'bones' must be a non-empty array");

    SkeletonDefinition skeleton;
    skeleton.manifest = manifest;
    const std::filesystem::path dir = manifest.parent_path();
    for (std::size_t i = 0; i < bones.size(); ++i) {
        const json& b = bones[i];
        const std::string at = "bones[" + std::to_string(i) + "]";
        if (!b.is_object()) throw FileError(manifest, at + " must be an object");
        BoneDefinition bone;
        bone.id = text(b, "id", manifest, at);
        const std::string where = "bone '" + bone.id + "'";
        bone.displayName = text(b, "display_name", manifest, where);
        bone.commonName = b.value("common_name", std::string{});
        bone.side = b.value("side", std::string{"midline"});
        bone.parentFrame = text(b, "parent_frame", manifest, where);
        bone.group = boneGroupOf(bone.id);
        const json& meshes = member(b, "mesh_files", manifest, where);
        bone.meshHigh = dir / text(meshes, "high", manifest, where + ".mesh_files");
        bone.meshLow = dir / text(meshes, "low", manifest, where + ".mesh_files");
        if (b.contains("landmarks"))
            readNamedPoints(b["landmarks"], manifest, where + ".landmarks", [&](const std::string& name, glm::vec3 p) {
                bone.landmarks.push_back({name, p});
            });
        if (b.contains("joints"))
            readNamedPoints(b["joints"], manifest, where + ".joints",
                            [&](const std::string& name, glm::vec3 p) { bone.joints[name] = p; });
        if (b.contains("design") && b["design"].is_object())
            for (const auto& [name, value] : b["design"].items()) {
                const json& v = value.is_object() && value.contains("value") ? value["value"] : value;
                if (v.is_number()) bone.design[name] = v.get<double>();
            }
        if (skeleton.find(bone.id)) throw FileError(manifest, "bone '" + bone.id + "' appears twice");
        skeleton.bones.push_back(std::move(bone));
    }
    return skeleton;
}

}  // namespace lumbarlab
