#include "lumbarlab/view/scene_view.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/mesh_loader.h"
#include "lumbarlab/view/data_folders.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

namespace lumbarlab {
namespace {

constexpr float kMarkerRadius = 0.0035f;                      // 3.5 mm: visible at whole-skeleton zoom
constexpr glm::vec4 kMarkerColour{1.0f, 0.55f, 0.10f, 1.0f};  // warm orange, apart from bone and disc hues
constexpr float kXrayAlpha = 0.28f;

std::string spaced(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

}  // namespace

SceneView SceneView::builtIn(const std::filesystem::path& modelDir, const std::filesystem::path& assetDir,
                             Detail detail) {
    std::vector<std::string> errors;
    auto model = ModelPresenter::load(modelDir, assetDir, detail, errors);
    return SceneView(std::move(model), Scene{}, std::move(errors), assetDir);
}

SceneView SceneView::meshFiles(const std::vector<std::filesystem::path>& files, const std::filesystem::path& assetDir) {
    Scene scene;
    std::vector<std::string> errors;
    for (const auto& file : files) {
        try {
            MeshData mesh = loadMesh(file);
            SceneObject object;
            object.id = file.filename().string();
            object.name = file.filename().string();
            object.group = "meshes";
            object.mesh = scene.meshes.add(std::move(mesh));
            scene.objects.push_back(std::move(object));
        } catch (const FileError& e) {
            errors.emplace_back(e.what());
        }
    }
    return SceneView(nullptr, std::move(scene), std::move(errors), assetDir);
}

SceneView openSceneView(const std::vector<std::filesystem::path>& meshes, bool softwareGl) {
    const std::filesystem::path assetDir = findAssetDir();
    if (!meshes.empty()) return SceneView::meshFiles(meshes, assetDir);
    return SceneView::builtIn(findModelDir(), assetDir, softwareGl ? Detail::Low : Detail::High);
}

std::string readableName(const std::string& snakeCase) {
    std::string out = spaced(snakeCase);
    // Side suffixes read better spelled out.
    if (out.size() > 2 && out.compare(out.size() - 2, 2, " r") == 0)
        out.replace(out.size() - 2, 2, " (right)");
    else if (out.size() > 2 && out.compare(out.size() - 2, 2, " l") == 0)
        out.replace(out.size() - 2, 2, " (left)");
    return out;
}

SceneView::SceneView(std::unique_ptr<ModelPresenter> model, Scene meshScene, std::vector<std::string> errors,
                     const std::filesystem::path& assetDir)
    : model_(std::move(model)), meshScene_(std::move(meshScene)), errors_(std::move(errors)) {
    markerMesh_ = scene().meshes.add(makeSphere(kMarkerRadius, 8, 16));
    if (!assetDir.empty()) {
        try {
            info_ = BoneInfoCatalogue::load(assetDir / "anatomy" / "bone_info.json");
            if (model_) references_ = ReferenceCatalogue::load(assetDir / "references.json");
        } catch (const FileError& e) {
            errors_.emplace_back(e.what());
        }
    }
}

DrawList SceneView::drawList(const ViewExtras& extras) const {
    const Scene& s = scene();
    DrawList records = s.drawList();
    if (extras.xray) {
        for (auto& r : records) {
            const std::size_t object = r.pickId - 1;
            if (r.pickId == kNoPick || object >= s.objects.size()) continue;
            // Discs keep their look: x-ray is for seeing them and the canal through bone.
            if (s.objects[object].group == "discs") continue;
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

std::vector<WorldLandmark> SceneView::shownLandmarks() const {
    std::vector<WorldLandmark> out;
    if (!model_) return out;
    const Scene& s = scene();
    const SkeletonFrames& frames = model_->frames();
    for (std::size_t i = 0; i < s.objects.size(); ++i) {
        const BoneDefinition* bone = model_->boneOf(i);
        if (!bone) continue;
        if (s.selected ? *s.selected != i : !s.objects[i].visible) continue;
        for (const auto& l : bone->landmarks)
            out.push_back({bone->id, l.name, frames.toWorld(bone->parentFrame, l.position)});
    }
    return out;
}

std::vector<ScreenLabel> SceneView::landmarkLabels(const OrbitCamera& camera, float width, float height) const {
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

InfoCard SceneView::muscleCard(std::size_t muscle, BodySide side) const {
    const MuscleModel& model = *model_->muscles();
    const MuscleDefinition& m = model.set().muscles[muscle];
    InfoCard card;
    card.title = m.name + (side == BodySide::Right ? ", right" : ", left");
    card.subtitle = "Muscle (" + spaced(m.group) + ")";
    card.detailsHeading.clear();
    const Posture* referencePosture = model_->data().findPosture(model.referencePosture());
    const std::string reference = referencePosture ? referencePosture->name : model.referencePosture();
    card.text = m.action + ".";
    card.details.push_back("Origin: " + m.origin);
    card.details.push_back("Insertion: " + m.insertion);
    std::string crosses;
    for (const auto& c : m.crosses) crosses += (crosses.empty() ? "" : ", ") + c;
    card.details.push_back("Crosses: " + crosses);
    // Whole muscle: the mean of its fascicles; moment arms averaged over the fascicles that cross.
    const WholeMuscle whole = model.wholeMuscle(model_->muscleLengths(), muscle, side);
    if (whole.fascicles == 0) return card;
    std::map<std::string, std::pair<double, int>> arms;
    const auto allArms = model.momentArms(model_->values());
    for (std::size_t i = 0; i < model.set().paths.size(); ++i)
        if (model.set().paths[i].muscle == muscle && model.set().paths[i].side == side)
            for (const MomentArm& a : allArms[i]) arms[a.coordinate].first += a.metres, ++arms[a.coordinate].second;
    char line[160];
    std::snprintf(line, sizeof line, "Length now %.3f m%s; %s %.3f m", whole.lengthM,
                  whole.fascicles > 1 ? " (mean of its fascicles)" : "", reference.c_str(), whole.referenceM);
    card.details.emplace_back(line);
    std::snprintf(line, sizeof line, "Change: %+.1f %% against %s", whole.changePct, reference.c_str());
    card.details.emplace_back(line);
    for (const auto& [coordinate, sum] : arms) {
        std::snprintf(line, sizeof line, "Moment arm about %s: %+.1f cm", coordinate.c_str(),
                      100.0 * sum.first / sum.second);
        card.details.emplace_back(line);
    }
    card.details.push_back("Source: " + displaySource(m.source, references_));
    return card;
}

InfoCard SceneView::boneCard(const BoneDefinition& bone) const {
    InfoCard card;
    card.title = bone.displayName;
    const BoneInfo* info = info_.find(bone.id);
    card.subtitle = info ? info->kind : std::string{};
    if (!bone.commonName.empty()) card.subtitle += (card.subtitle.empty() ? "" : ", ") + bone.commonName;
    card.text = info ? info->text : std::string{};
    for (const auto& l : bone.landmarks) card.details.push_back(readableName(l.name));
    return card;
}

std::optional<InfoCard> SceneView::infoCard() const {
    const Scene& s = scene();
    if (!s.selected || *s.selected >= s.objects.size()) return std::nullopt;
    const std::size_t selected = *s.selected;
    if (const auto muscle = model_ ? model_->muscleOf(selected) : std::nullopt) {
        if (!muscleCardCache_ || muscleCardCache_->revision != model_->revision() ||
            muscleCardCache_->object != selected)
            muscleCardCache_ = CachedCard{model_->revision(), selected, muscleCard(muscle->first, muscle->second)};
        return muscleCardCache_->card;
    }
    if (const BoneDefinition* bone = model_ ? model_->boneOf(selected) : nullptr) return boneCard(*bone);
    const SceneObject& object = s.objects[selected];
    InfoCard card;
    card.title = object.name;
    if (const BoneInfo* info = info_.find(object.id)) {  // nerve roots and other named parts
        card.subtitle = info->kind;
        card.text = info->text;
        return card;
    }
    card.subtitle = "Mesh file";
    card.text = std::to_string(s.meshes.get(object.mesh).triangleCount()) + " triangles.";
    return card;
}

}  // namespace lumbarlab
