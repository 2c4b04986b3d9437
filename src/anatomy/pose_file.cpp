#include "anatomy/pose_file.h"

#include "core/file_error.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

namespace lumbarlab {

const std::vector<CoordinateInfo>& coordinateTable() {
    static const std::vector<CoordinateInfo> table = [] {
        std::vector<CoordinateInfo> t;
        auto angle = [&](std::string name, std::function<float&(SkeletonPose&)> f) { t.push_back({std::move(name), true, std::move(f)}); };
        auto length = [&](std::string name, std::function<float&(SkeletonPose&)> f) { t.push_back({std::move(name), false, std::move(f)}); };
        angle("pelvis_tilt", [](SkeletonPose& p) -> float& { return p.pelvisTilt; });
        angle("pelvis_list", [](SkeletonPose& p) -> float& { return p.pelvisList; });
        angle("pelvis_rotation", [](SkeletonPose& p) -> float& { return p.pelvisRotation; });
        length("pelvis_tx", [](SkeletonPose& p) -> float& { return p.pelvisTranslation.x; });
        length("pelvis_ty", [](SkeletonPose& p) -> float& { return p.pelvisTranslation.y; });
        length("pelvis_tz", [](SkeletonPose& p) -> float& { return p.pelvisTranslation.z; });
        for (const char* side : {"r", "l"}) {
            const bool right = side[0] == 'r';
            auto leg = [right](SkeletonPose& p) -> LegAngles& { return right ? p.right : p.left; };
            angle(std::string("hip_flexion_") + side, [leg](SkeletonPose& p) -> float& { return leg(p).hipFlexion; });
            angle(std::string("hip_adduction_") + side, [leg](SkeletonPose& p) -> float& { return leg(p).hipAdduction; });
            angle(std::string("hip_rotation_") + side, [leg](SkeletonPose& p) -> float& { return leg(p).hipRotation; });
            angle(std::string("knee_angle_") + side, [leg](SkeletonPose& p) -> float& { return leg(p).kneeFlexion; });
        }
        for (std::size_t i = 0; i < kDiscLevels.size(); ++i) {
            const std::string level = kDiscLevels[i];
            angle("lumbar_extension_" + level, [i](SkeletonPose& p) -> float& { return p.segments[i].extension; });
            angle("lumbar_bending_" + level, [i](SkeletonPose& p) -> float& { return p.segments[i].bending; });
            angle("lumbar_rotation_" + level, [i](SkeletonPose& p) -> float& { return p.segments[i].rotation; });
        }
        return t;
    }();
    return table;
}

const CoordinateInfo* findCoordinate(std::string_view name) {
    for (const auto& c : coordinateTable())
        if (c.name == name) return &c;
    return nullptr;
}

PoseFile loadPoseFile(const std::filesystem::path& file) {
    using nlohmann::json;
    std::ifstream in(file);
    if (!in) throw FileError(file, "cannot open");
    json root;
    try {
        root = json::parse(in);
    } catch (const json::parse_error& e) {
        throw FileError(file, std::string("malformed JSON: ") + e.what());
    }
    if (!root.is_object()) throw FileError(file, "must be a JSON object");
    PoseFile pose;
    pose.id = root.value("id", file.stem().string());
    pose.name = root.value("name", pose.id);
    pose.description = root.value("description", std::string{});

    // Each entry: {"value": number, "source": "..."}: a number without a source is refused.
    auto valueOf = [&](const json& entry, const std::string& where) {
        if (!entry.is_object() || !entry.contains("value") || !entry["value"].is_number())
            throw FileError(file, where + " needs a numeric \"value\"");
        if (!entry.contains("source") || !entry["source"].is_string() || entry["source"].get<std::string>().empty())
            throw FileError(file, where + " needs a \"source\" (a citation or \"documented default: why\")");
        return entry["value"].get<double>();
    };
    if (root.contains("coordinates")) {
        for (const auto& [name, entry] : root["coordinates"].items()) {
            const CoordinateInfo* c = findCoordinate(name);
            if (!c) throw FileError(file, "unknown coordinate '" + name + "'");
            const double v = valueOf(entry, "coordinates." + name);
            c->access(pose.pose) = float(c->isAngle ? glm::radians(v) : v);
        }
    }
    if (root.contains("segment_lordosis_deg")) {
        for (const auto& [level, entry] : root["segment_lordosis_deg"].items()) {
            const CoordinateInfo* c = findCoordinate("lumbar_extension_" + level);
            if (!c) throw FileError(file, "unknown disc level '" + level + "' in segment_lordosis_deg");
            c->access(pose.pose) = float(glm::radians(valueOf(entry, "segment_lordosis_deg." + level)));
        }
    }
    return pose;
}

}  // namespace lumbarlab
