#include "model_view.h"

#include <cstdio>
#include <map>

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/primitives.h"

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

namespace lumbarlab {
namespace {

constexpr float kMarkerRadius = 0.0035f;                      // 3.5 mm: visible at whole-skeleton zoom
constexpr glm::vec4 kMarkerColour{1.0f, 0.55f, 0.10f, 1.0f};  // warm orange, apart from bone and disc hues
constexpr float kXrayAlpha = 0.28f;

}  // namespace

ModelView openModelView(const std::vector<std::filesystem::path>& meshes, bool softwareGl) {
    const std::filesystem::path assetDir = findAssetDir();
    return ModelView(meshes.empty()
                         ? loadBuiltInScene(findModelDir(), assetDir, softwareGl ? Detail::Low : Detail::High)
                         : loadMeshScene(meshes),
                     assetDir);
}

std::vector<std::pair<std::string, std::string>> loadPostureKeys(const std::filesystem::path& assetDir) {
    std::vector<std::pair<std::string, std::string>> keys;
    const std::filesystem::path file = assetDir / "lessons" / "posture_keys.json";
    std::ifstream in(file);
    if (!in) return keys;
    try {
        const auto root = nlohmann::ordered_json::parse(in);
        for (const auto& [key, id] : root.at("keys").items()) keys.emplace_back(key, id.get<std::string>());
    } catch (const std::exception& e) {
        throw FileError(file, std::string("malformed: ") + e.what());
    }
    return keys;
}

std::string readableName(const std::string& snakeCase) {
    std::string out = snakeCase;
    for (auto& c : out)
        if (c == '_') c = ' ';
    // Side suffixes read better spelled out.
    if (out.size() > 2 && out.compare(out.size() - 2, 2, " r") == 0)
        out.replace(out.size() - 2, 2, " (right)");
    else if (out.size() > 2 && out.compare(out.size() - 2, 2, " l") == 0)
        out.replace(out.size() - 2, 2, " (left)");
    return out;
}

ModelView::ModelView(SceneLoadResult loaded, const std::filesystem::path& assetDir)
    : scene_(std::move(loaded.scene)), model_(std::move(loaded.model)), errors_(std::move(loaded.errors)) {
    markerMesh_ = scene_.meshes.add(makeSphere(kMarkerRadius, 8, 16));
    if (!assetDir.empty()) {
        try {
            info_ = BoneInfoCatalogue::load(assetDir / "anatomy" / "bone_info.json");
        } catch (const FileError& e) {
            errors_.push_back(e.what());
        }
    }
}

DrawList ModelView::drawList(const ViewExtras& extras) const {
    DrawList records = scene_.drawList();
    if (extras.xray) {
        for (auto& r : records) {
            const std::size_t object = r.pickId - 1;
            if (r.pickId == kNoPick || object >= scene_.objects.size()) continue;
            // Discs keep their look: x-ray is for seeing them and the canal through bone.
            if (scene_.objects[object].group == "discs") continue;
            r.colour.w = std::min(r.colour.w, kXrayAlpha);
            r.flags |= kDrawTranslucent;
        }
    }
    if (extras.landmarks) {
        for (const auto& landmark : shownLandmarks()) {
            DrawRecord marker;
            marker.mesh = markerMesh_;
            marker.transform = glm::translate(glm::mat4(1.0f), landmark.position);
            marker.colour = kMarkerColour;
            marker.flags = kDrawNoPick;
            records.push_back(marker);
        }
    }
    return records;
}

std::vector<WorldLandmark> ModelView::shownLandmarks() const {
    std::vector<WorldLandmark> out;
    if (!model_) return out;
    const SkeletonFrames& frames = model_->frames();
    for (std::size_t i = 0; i < scene_.objects.size() && i < model_->boneOfObject.size(); ++i) {
        const SceneObject& object = scene_.objects[i];
        if (scene_.selected ? *scene_.selected != i : !object.visible) continue;
        const BoneDefinition& bone = model_->data.skeleton.bones[model_->boneOfObject[i]];
        for (const auto& l : bone.landmarks)
            out.push_back({bone.id, l.name, frames.toWorld(bone.parentFrame, l.position)});
    }
    return out;
}

std::vector<ScreenLabel> ModelView::landmarkLabels(const OrbitCamera& camera, float width, float height) const {
    std::vector<ScreenLabel> labels;
    const glm::mat4 viewProjection = camera.projection(width / std::max(height, 1.0f)) * camera.view();
    for (const auto& landmark : shownLandmarks()) {
        const glm::vec4 clip = viewProjection * glm::vec4(landmark.position, 1.0f);
        if (clip.w <= 0.0f) continue;
        const glm::vec3 ndc = glm::vec3(clip) / clip.w;
        if (std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f) continue;
        labels.push_back({readableName(landmark.name), (ndc.x * 0.5f + 0.5f) * width, (0.5f - ndc.y * 0.5f) * height});
    }
    return labels;
}

InfoCard ModelView::muscleCard(const std::pair<std::size_t, BodySide>& muscle) const {
    const MuscleModel& model = *model_->muscles;
    const MuscleDefinition& m = model.set().muscles[muscle.first];
    InfoCard card;
    card.title = m.name + (muscle.second == BodySide::Right ? ", right" : ", left");
    std::string group = m.group;
    for (auto& c : group) c = c == '_' ? ' ' : c;
    card.subtitle = "Muscle (" + group + ")";
    card.detailsHeading.clear();
    const Posture* referencePosture = model_->data.findPosture(model.referencePosture());
    const std::string reference = referencePosture ? referencePosture->name : model.referencePosture();
    card.text = m.action + ".";
    card.details.push_back("Origin: " + m.origin);
    card.details.push_back("Insertion: " + m.insertion);
    std::string crosses;
    for (const auto& c : m.crosses) crosses += (crosses.empty() ? "" : ", ") + c;
    card.details.push_back("Crosses: " + crosses);
    // Whole muscle: the mean of its fascicles; moment arms averaged over the fascicles that cross.
    const WholeMuscle whole = model.wholeMuscle(model_->muscleLengths, muscle.first, muscle.second);
    if (whole.fascicles == 0) return card;
    std::map<std::string, std::pair<double, int>> arms;
    const auto allArms = model.momentArms(model_->values);
    for (std::size_t i = 0; i < model.set().paths.size(); ++i)
        if (model.set().paths[i].muscle == muscle.first && model.set().paths[i].side == muscle.second)
            for (const MomentArm& a : allArms[i]) arms[a.coordinate].first += a.metres, ++arms[a.coordinate].second;
    char line[160];
    std::snprintf(line, sizeof line, "Length now %.3f m%s; %s %.3f m", whole.lengthM,
                  whole.fascicles > 1 ? " (mean of its fascicles)" : "", reference.c_str(), whole.referenceM);
    card.details.push_back(line);
    std::snprintf(line, sizeof line, "Change: %+.1f %% against %s", whole.changePct, reference.c_str());
    card.details.push_back(line);
    for (const auto& [coordinate, sum] : arms) {
        std::snprintf(line, sizeof line, "Moment arm about %s: %+.1f cm", coordinate.c_str(),
                      100.0 * sum.first / sum.second);
        card.details.push_back(line);
    }
    card.details.push_back("Source: " + m.source);
    return card;
}

std::optional<InfoCard> ModelView::infoCard() const {
    if (!scene_.selected || *scene_.selected >= scene_.objects.size()) return std::nullopt;
    const SceneObject& object = scene_.objects[*scene_.selected];
    InfoCard card;
    card.title = object.name;
    if (const auto muscle = model_ ? model_->muscleOfObject(*scene_.selected) : std::nullopt)
        return muscleCard(*muscle);
    if (!model_ || *scene_.selected >= model_->boneOfObject.size()) {
        if (const BoneInfo* info = info_.find(object.id)) {  // nerve roots and other named parts
            card.subtitle = info->kind;
            card.text = info->text;
            return card;
        }
        card.subtitle = "Mesh file";
        card.text = std::to_string(scene_.meshes.get(object.mesh).triangleCount()) + " triangles.";
        return card;
    }
    const BoneDefinition& bone = model_->data.skeleton.bones[model_->boneOfObject[*scene_.selected]];
    const BoneInfo* info = info_.find(bone.id);
    card.subtitle = info ? info->kind : std::string{};
    if (!bone.commonName.empty()) card.subtitle += (card.subtitle.empty() ? "" : ", ") + bone.commonName;
    card.text = info ? info->text : std::string{};
    for (const auto& l : bone.landmarks) card.details.push_back(readableName(l.name));
    return card;
}

}  // namespace lumbarlab
