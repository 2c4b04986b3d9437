#include "lumbarlab/view/scene_view.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/mesh_loader.h"
#include "lumbarlab/view/data_folders.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <array>
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

glm::vec3 meshPaletteColour(std::size_t i) {
    // Pale, well-separated hues that read as bone-like surfaces under the warm key light.
    static constexpr std::array<glm::vec3, 8> kPalette{{{0.89f, 0.85f, 0.76f},
                                                        {0.62f, 0.76f, 0.90f},
                                                        {0.66f, 0.84f, 0.62f},
                                                        {0.93f, 0.66f, 0.62f},
                                                        {0.78f, 0.70f, 0.92f},
                                                        {0.95f, 0.80f, 0.52f},
                                                        {0.55f, 0.85f, 0.82f},
                                                        {0.90f, 0.68f, 0.84f}}};
    return kPalette[i % kPalette.size()];
}

SceneView SceneView::meshFiles(const SceneRequest& request, const std::filesystem::path& assetDir) {
    Scene scene;
    std::vector<std::string> skipped, notes;
    std::map<std::string, int> uses;
    for (const auto& source : request.meshes) {
        try {
            ImportedMesh imported = importMesh(source, request.units, request.up, request.timeout);
            if (imported.unitsWereAuto) notes.push_back(describeAutoUnits(source, imported));
            SceneObject object;
            const std::string base = source.name.empty() ? source.file.filename().string() : source.name;
            const int n = ++uses[base];
            object.id = n == 1 ? base : base + " #" + std::to_string(n);
            object.name = source.name.empty() ? readableName(source.file.stem().string()) : source.name;
            if (n > 1) object.name += " #" + std::to_string(n);
            object.group = "meshes";
            object.colour = glm::vec4(source.colour.value_or(meshPaletteColour(scene.objects.size())), 1.0f);
            object.twoSided = true;
            object.mesh = scene.meshes.add(std::move(imported.mesh));
            scene.objects.push_back(std::move(object));
        } catch (const FileError& e) {
            skipped.emplace_back(e.what());
        }
    }
    SceneView view(nullptr, std::move(scene), {}, assetDir);
    view.skipped_ = std::move(skipped);
    view.notes_ = std::move(notes);
    return view;
}

void SceneView::replaceBones(const SceneRequest& request) {
    if (!model_) return;
    for (const auto& r : request.replacements) {
        const BoneDefinition* bone = model_->data().skeleton.find(r.bone);
        if (!bone || bone->group == "discs") {
            std::string ids;
            for (const auto& b : model_->data().skeleton.bones)
                if (b.group != "discs") ids += (ids.empty() ? "" : ", ") + b.id;
            errors_.push_back("--replace: no bone '" + r.bone + "' to replace (bones: " + ids + ")");
            continue;
        }
        try {
            const MeshData builtIn = loadMesh(bone->meshHigh);
            ImportedMesh imported = importMesh(r.source, request.units, request.up, request.timeout);
            if (imported.unitsWereAuto) notes_.push_back(describeAutoUnits(r.source, imported));
            const BoneFit fit =
                fitReplacement(*bone, builtIn, imported.mesh, r.source.file, imported.toWorld, request.replaceLimitMm);
            transformMesh(imported.mesh, glm::dmat4(fit.transform.matrix()));
            char line[400];
            if (fit.method == "landmarks")
                std::snprintf(line, sizeof line,
                              "%s: %s registered by %zu landmarks: landmark residual %.2f mm RMS, surface residual "
                              "%.2f mm RMS, scale %.3f (%.0f ms)",
                              bone->id.c_str(), r.source.file.filename().c_str(), fit.landmarkPairs, fit.landmarkRmsMm,
                              fit.surfaceRmsMm, fit.transform.scale, fit.milliseconds);
            else
                std::snprintf(line, sizeof line,
                              "%s: %s registered by surface ICP: residual %.2f mm RMS, scale %.3f (%.0f ms)",
                              bone->id.c_str(), r.source.file.filename().c_str(), fit.surfaceRmsMm, fit.transform.scale,
                              fit.milliseconds);
            notes_.emplace_back(line);
            const std::string name = bone->displayName + " (" +
                                     (r.source.name.empty() ? r.source.file.filename().string() : r.source.name) + ")";
            model_->replaceBoneMesh(bone->id, std::move(imported.mesh), name, r.source.colour);
        } catch (const FileError& e) {
            errors_.emplace_back(e.what());
        }
    }
}

SceneView openSceneView(const SceneRequest& request, bool softwareGl) {
    const std::filesystem::path assetDir = findAssetDir();
    if (!request.meshes.empty()) return SceneView::meshFiles(request, assetDir);
    SceneView view = SceneView::builtIn(findModelDir(), assetDir, softwareGl ? Detail::Low : Detail::High);
    view.replaceBones(request);
    return view;
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
