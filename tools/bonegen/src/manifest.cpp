#include "manifest.hpp"

#include <cmath>
#include <filesystem>
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

glm::dvec3 pointMetres(const glm::vec3& mm) {
    return {roundMetres(mm.x * kMetresPerMillimetre), roundMetres(mm.y * kMetresPerMillimetre),
            roundMetres(mm.z * kMetresPerMillimetre)};
}

glm::dvec3 direction(const glm::vec3& v) {
    return {roundUnit(v.x), roundUnit(v.y), roundUnit(v.z)};
}

std::vector<lumbarlab::ManifestNote> frameDescriptions() {
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

lumbarlab::ManifestBone manifestEntry(const GeneratedBone& bone, const SkeletonParams& params) {
    const BoneModel& m = bone.model;
    lumbarlab::ManifestBone entry;
    entry.id = m.id;
    entry.displayName = m.displayName;
    entry.commonName = m.commonName;
    entry.side = m.side;
    entry.parentFrame = m.parentFrame;
    entry.mirrorOf = m.mirrorOf;
    entry.meshFiles = {m.id + ".high.glb", m.id + ".low.glb"};
    entry.triangles = {bone.high.triangleCount(), bone.low.triangleCount()};
    entry.watertight = {bone.highTopology.watertight(), bone.lowTopology.watertight()};
    entry.measured = bone.measured;
    for (const DesignValue& d : m.design) {
        lumbarlab::ManifestQuantity value{d.name, d.unit == "m" ? roundMetres(d.value) : roundUnit(d.value), d.unit,
                                          d.paramKey, ""};
        if (!d.paramKey.empty()) {
            const nlohmann::json* node = &params.document();
            for (std::size_t start = 0;;) {  // walk the dotted key to copy the citation
                const std::size_t dot = d.paramKey.find('.', start);
                node = &(*node)[d.paramKey.substr(start, dot - start)];
                if (dot == std::string::npos) break;
                start = dot + 1;
            }
            if (node->contains("source") && (*node)["source"].is_string())
                value.source = (*node)["source"].get<std::string>();
        }
        entry.design.push_back(std::move(value));
    }
    for (const Landmark& l : m.landmarks) entry.landmarks.push_back({l.name, pointMetres(l.position), !l.onSurface});
    for (const FrameVector& j : m.joints)
        entry.joints.push_back(
            {j.name, j.isDirection ? direction(j.value) : pointMetres(j.value), j.isDirection, j.note});
    return entry;
}

lumbarlab::SkeletonManifest buildManifest(const std::vector<GeneratedBone>& bones, const SkeletonParams& params,
                                          const std::vector<std::string>& boneOrder,
                                          const lumbarlab::SkeletonManifest* previous) {
    std::map<std::string, lumbarlab::ManifestBone> entries;
    if (previous)
        for (const lumbarlab::ManifestBone& e : previous->bones) entries[e.id] = e;
    for (const GeneratedBone& bone : bones) entries[bone.model.id] = manifestEntry(bone, params);

    lumbarlab::SkeletonManifest manifest;
    manifest.generator = "lumbarlab-bonegen";
    manifest.paramsFile = std::filesystem::path(params.label()).filename().string();
    manifest.conventions = {
        {"axes",
         "OpenSim: x anterior, y superior, z right (right-side bones); left bones mirror the right ones (z negated, "
         "winding flipped)"},
        {"landmarks",
         "name -> [x, y, z] in the bone's parent frame, on the high-LOD surface unless listed in centre_landmarks "
         "(fitted sphere centres)"},
        {"joints", "points and unit directions in the bone's parent frame for assembling the skeleton"},
    };
    manifest.frames = frameDescriptions();
    for (const std::string& id : boneOrder)
        if (const auto it = entries.find(id); it != entries.end()) manifest.bones.push_back(it->second);
    return manifest;
}

}  // namespace bonegen
