#include "anatomy/model_data.h"

namespace lumbarlab {

const Posture* ModelData::findPosture(const std::string& id) const {
    for (const auto& p : postures)
        if (p.id == id) return &p;
    return nullptr;
}

std::string ModelData::postureIds() const {
    std::string out;
    for (const auto& p : postures) out += (out.empty() ? "" : ", ") + p.id;
    return out;
}

ModelData loadModelData(const std::filesystem::path& modelDir, const std::filesystem::path& assetDir) {
    ModelData data;
    data.skeleton = loadSkeletonDefinition(modelDir / "skeleton_manifest.json");
    data.kinematics = std::make_unique<SkeletonKinematics>(data.skeleton);
    data.gauge = std::make_unique<ClinicalAngleGauge>(data.skeleton);
    data.coordinates = CoordinateSystem::load(assetDir / "anatomy" / "coordinates.json");
    data.baseline = loadSpineBaseline(assetDir / "poses" / "neutral_standing.json");
    data.postures = loadPostureLibrary(assetDir / "poses", data.coordinates);
    return data;
}

}  // namespace lumbarlab
