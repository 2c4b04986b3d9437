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
    auto value = [&](const char* name) { return values.count(name) ? values.at(name) : 0.0; };
    out["pelvis_ty"] = value("pelvis_ty") + (posture->groundHeight - double(contacts.lowestSole()));
    // Planted feet: the heels stay where the posture's first frame put them, so the body moves
    // over its feet (rising from a chair) instead of the feet sliding under it.
    if (posture->isMotion()) {
        const ContactPoints start = body->contacts(kinematics->solve(poseFor(posture->at(0.0))));
        const double startX = 0.5 * double(start.heel[0].x + start.heel[1].x);
        const double nowX = 0.5 * double(contacts.heel[0].x + contacts.heel[1].x);
        out["pelvis_tx"] = value("pelvis_tx") + (startX - nowX);
    }
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
