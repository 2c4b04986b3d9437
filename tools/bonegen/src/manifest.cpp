#include "manifest.hpp"

#include <cmath>
#include <map>

namespace bonegen {

namespace {

constexpr double kMetresPerMillimetre = 0.001;

// Micrometre rounding keeps the manifest readable; values are deterministic either way.
double roundMetres(double metres) {
    return std::round(metres * 1e6) / 1e6;
}
double roundUnit(double v) {
    return std::round(v * 1e6) / 1e6;
}

nlohmann::json pointMetres(const glm::vec3& mm) {
    return nlohmann::json::array({roundMetres(mm.x * kMetresPerMillimetre), roundMetres(mm.y * kMetresPerMillimetre),
                                  roundMetres(mm.z * kMetresPerMillimetre)});
}

nlohmann::json direction(const glm::vec3& v) {
    return nlohmann::json::array({roundUnit(v.x), roundUnit(v.y), roundUnit(v.z)});
}

nlohmann::json frameDescriptions() {
    return {
        {"pelvis",
         "origin midway between the ASISs; x anterior, y superior, z right; ASISs and pubic symphysis in one frontal "
         "plane (anatomical position, no pelvic tilt baked in). Hip bones and sacrum are expressed here."},
        {"femur_r",
         "origin at the femoral head centre; y from the knee joint centre to the head centre; x anterior; z right. "
         "femur_l is its mirror (z negated)."},
        {"tibia_r",
         "origin at the knee joint centre between the plateaus, on the joint line; y up the shaft; x anterior; z "
         "right. The fibula is expressed in this frame too."},
        {"patella_r", "origin at the patella's centre; y towards its base (superior), x anterior, z right."},
        {"vertebra",
         "t12 ... l5: origin at the vertebral body centre; y cranial along the body axis; x anterior; z right."},
        {"disc",
         "disc_<upper>_<lower>: origin at the disc centre; y cranial; x anterior; z right. Wedge: taller anteriorly."},
    };
}

}  // namespace

nlohmann::json manifestEntry(const GeneratedBone& bone, const SkeletonParams& params) {
    const BoneModel& m = bone.model;
    nlohmann::json entry;
    entry["id"] = m.id;
    entry["display_name"] = m.displayName;
    entry["common_name"] = m.commonName;
    entry["side"] = m.side;
    entry["parent_frame"] = m.parentFrame;
    if (!m.mirrorOf.empty()) entry["mirror_of"] = m.mirrorOf;
    entry["mesh_files"] = {{"high", m.id + ".high.glb"}, {"low", m.id + ".low.glb"}};
    entry["triangles"] = {{"high", bone.high.triangleCount()}, {"low", bone.low.triangleCount()}};
    entry["watertight"] = {{"high", bone.highTopology.watertight()}, {"low", bone.lowTopology.watertight()}};
    entry["measured"] = bone.measured;
    nlohmann::json design = nlohmann::json::object();
    for (const DesignValue& d : m.design) {
        nlohmann::json value = {{"value", d.unit == "m" ? roundMetres(d.value) : roundUnit(d.value)}, {"unit", d.unit}};
        if (!d.paramKey.empty()) {
            value["param"] = d.paramKey;
            const nlohmann::json* node = &params.document();
            for (std::size_t start = 0;;) {  // walk the dotted key to copy the citation
                const std::size_t dot = d.paramKey.find('.', start);
                node = &(*node)[d.paramKey.substr(start, dot - start)];
                if (dot == std::string::npos) break;
                start = dot + 1;
            }
            if (node->contains("source")) value["source"] = (*node)["source"];
        }
        design[d.name] = value;
    }
    entry["design"] = design;
    nlohmann::json landmarks = nlohmann::json::object();
    nlohmann::json centres = nlohmann::json::array();
    for (const Landmark& l : m.landmarks) {
        landmarks[l.name] = pointMetres(l.position);
        if (!l.onSurface) centres.push_back(l.name);
    }
    entry["landmarks"] = landmarks;
    entry["centre_landmarks"] = centres;
    nlohmann::json joints = nlohmann::json::object();
    for (const FrameVector& j : m.joints) {
        nlohmann::json value;
        if (j.isDirection)
            value["direction"] = direction(j.value);
        else
            value["point"] = pointMetres(j.value);
        if (!j.note.empty()) value["note"] = j.note;
        joints[j.name] = value;
    }
    entry["joints"] = joints;
    return entry;
}

nlohmann::json buildManifest(const std::vector<GeneratedBone>& bones, const SkeletonParams& params,
                             const std::vector<std::string>& boneOrder, const nlohmann::json& previous) {
    std::map<std::string, nlohmann::json> entries;
    if (previous.is_object() && previous.contains("bones") && previous["bones"].is_array())
        for (const nlohmann::json& e : previous["bones"])
            if (e.is_object() && e.contains("id") && e["id"].is_string()) entries[e["id"].get<std::string>()] = e;
    for (const GeneratedBone& bone : bones) entries[bone.model.id] = manifestEntry(bone, params);

    nlohmann::json manifest;
    manifest["format"] = "lumbarlab-skeleton-manifest/1";
    manifest["generator"] = "lumbarlab-bonegen";
    manifest["params_file"] = std::filesystem::path(params.label()).filename().string();
    manifest["units"] = {{"length", "m"}, {"angle", "deg"}};
    manifest["conventions"] = {
        {"axes",
         "OpenSim: x anterior, y superior, z right (right-side bones); left bones mirror the right ones (z negated, "
         "winding flipped)"},
        {"landmarks",
         "name -> [x, y, z] in the bone's parent frame, on the high-LOD surface unless listed in centre_landmarks "
         "(fitted sphere centres)"},
        {"joints", "points and unit directions in the bone's parent frame for assembling the skeleton"},
    };
    manifest["frames"] = frameDescriptions();
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& id : boneOrder)
        if (entries.count(id)) list.push_back(entries[id]);
    manifest["bones"] = list;
    return manifest;
}

}  // namespace bonegen
