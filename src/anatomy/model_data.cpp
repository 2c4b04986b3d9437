#include "anatomy/model_data.h"

namespace lumbarlab {

const Posture* ModelData::findPosture(const std::string& id) const {
    for (const auto& p : postures)
        if (p.id == id) return &p;
    return nullptr;
}

Coordinates ModelData::grounded(const Coordinates& values, const Posture* posture) const {
    if (!posture || !posture->groundFeet || !body) return values;
    Coordinates out = values;
    const ContactPoints contacts = body->contacts(kinematics->solve(poseFor(values)));
    const double current = values.count("pelvis_ty") ? values.at("pelvis_ty") : 0.0;
    out["pelvis_ty"] = current + (posture->groundHeight - double(contacts.lowestSole()));
    return out;
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
    data.body = std::make_unique<BodyFigure>(loadBodyParameters(assetDir / "anatomy" / "body.json"), data.skeleton);
    return data;
}

}  // namespace lumbarlab
