#include "lumbarlab/anatomy/model_data.h"

#include "lumbarlab/anatomy/balance.h"

#include <algorithm>

namespace lumbarlab {

const Posture* ModelData::findPosture(const std::string& id) const {
    for (const auto& p : postures)
        if (p.id == id) return &p;
    return nullptr;
}

std::pair<Coordinates, SkeletonFrames> ModelData::solveGrounded(const Coordinates& values,
                                                                const Posture* posture) const {
    Coordinates out = values;
    SkeletonFrames frames = kinematics->solve(poseFor(values));
    if (!posture || !posture->groundFeet || !body) return {out, std::move(frames)};
    const ContactPoints contacts = body->contacts(frames);
    auto value = [&](const char* name) { return values.contains(name) ? values.at(name) : 0.0; };
    const double dy = posture->groundHeight - double(contacts.lowestSole());
    double dx = 0.0;
    // Planted feet: the heels stay where the posture's first frame put them, so the body moves
    // over its feet (rising from a chair) instead of the feet sliding under it.
    if (posture->isMotion()) {
        auto cached = plantedHeelX.find(posture->id);
        double startX = 0.0;
        if (cached != plantedHeelX.end()) {
            startX = cached->second;
        } else {  // a posture loaded outside loadModelData
            const ContactPoints start = body->contacts(kinematics->solve(poseFor(posture->at(0.0))));
            startX = 0.5 * double(start.heel[0].x + start.heel[1].x);
        }
        dx = startX - 0.5 * double(contacts.heel[0].x + contacts.heel[1].x);
        out["pelvis_tx"] = value("pelvis_tx") + dx;
    }
    out["pelvis_ty"] = value("pelvis_ty") + dy;
    // Pelvis translation moves every frame rigidly: no need to solve again.
    frames.translate({float(dx), float(dy), 0.0f});
    return {out, std::move(frames)};
}

Coordinates ModelData::grounded(const Coordinates& values, const Posture* posture) const {
    return solveGrounded(values, posture).first;
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
    for (const auto& p : data.postures)
        if (p.isMotion()) {
            const ContactPoints start = data.body->contacts(data.kinematics->solve(data.poseFor(p.at(0.0))));
            data.plantedHeelX[p.id] = 0.5 * double(start.heel[0].x + start.heel[1].x);
        }
    // After the heels: grounding a motion's first frame uses them.
    for (const auto& p : data.postures)
        if (std::find(p.props.begin(), p.props.end(), "chair") != p.props.end())
            data.seats[p.id] = seatReferenceOf(data, p);
    return data;
}

}  // namespace lumbarlab
