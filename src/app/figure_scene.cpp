#include "figure_scene.h"

#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/figure_annotations.h"
#include "pose_selection.h"
#include "scene_request.h"

#include <cstdio>

#include <algorithm>

namespace lumbarlab {

FigureScene::FigureScene(const RenderOptions& options, int& exitCode, std::string_view command, bool ownContext)
    : options_(options) {
    const std::string prefix = "lumbarlab " + std::string(command) + ": ";
    SceneRequest request;
    try {
        request = sceneRequestOf(options.mesh);
    } catch (const MeshSpecError& e) {
        throw FigureUsageError(e.what());
    }  // a FileError (an unreadable scene file) fails with exit 1
    exitCode = kExitNoGraphics;
    if (ownContext) context_ = std::make_unique<HeadlessContext>();
    gl_ = currentGlInfo();
    exitCode = kExitFailed;
    view_.emplace(openSceneView(request, gl_.software));
    for (const auto& note : view_->notes()) std::fprintf(stderr, "%s%s\n", prefix.c_str(), note.c_str());
    // Mesh files that fail are skipped: the picture shows the rest (a failure only when none is left).
    for (const auto& skipped : view_->skipped())
        std::fprintf(stderr, "%s%s (skipped)\n", prefix.c_str(), skipped.c_str());
    if (!view_->errors().empty()) {
        std::string all;
        for (const auto& error : view_->errors()) all += (all.empty() ? "" : "; ") + error;
        throw std::runtime_error(all);
    }
    if (view_->scene().objects.empty())
        throw std::runtime_error(view_->skipped().empty() ? std::string("nothing to draw")
                                                          : "none of the " + std::to_string(request.meshes.size()) +
                                                                " mesh files could be shown");
    exitCode = kExitUsage;
    showPose(options.pose);
    if (!view_->model()) sceneRadius_ = view_->scene().bounds().radius();  // zoom and clip to the files' size
    Scene& scene = view_->scene();
    const auto hidden = [&](const std::string& name) {
        return std::find(options.hide.begin(), options.hide.end(), name) != options.hide.end();
    };
    for (auto& object : scene.objects)
        if (hidden(object.group) || (object.id.rfind("muscle_", 0) == 0 && hidden("muscles"))) object.visible = false;
    for (const auto& object : scene.objects) openedVisible_.push_back(object.visible);
    setOptions(options);
    if (!options.select.empty()) {
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (scene.objects[i].id == options.select || scene.objects[i].name == options.select) scene.selected = i;
        if (!scene.selected) throw FigureUsageError("no object '" + options.select + "' to select");
    }
    if (framedPoints().empty()) throw FigureUsageError("no object or group '" + options.focus + "' to focus on");
    exitCode = kExitFailed;
    renderer_ = std::make_unique<Renderer>();
    pictures_ = std::make_unique<PictureRenderer>(*renderer_);
}

void FigureScene::setOptions(const RenderOptions& options) {
    options_.width = options.width, options_.height = options.height, options_.samples = options.samples;
    options_.flatShading = options.flatShading, options_.xray = options.xray, options_.landmarks = options.landmarks;
    options_.cut = options.cut, options_.transparent = options.transparent, options_.overlays = options.overlays;
    options_.labels = options.labels, options_.pressure = options.pressure, options_.balance = options.balance;
    options_.muscleColours = options.muscleColours, options_.emphasis = options.emphasis;
    if (ModelPresenter* model = view_->model()) {
        model->setPressureColours(options.pressure);
        model->setShowBalance(options.balance);
        model->setMuscleColouring(options.muscleColours == "anatomy" ? MuscleColouring::Anatomy
                                                                     : MuscleColouring::LengthChange);
        model->setEmphasis(options.emphasis);
    }
    if (options.transparent)
        for (auto& object : view_->scene().objects)
            if (object.id == "floor") object.visible = false;
}

void FigureScene::resetVisibility() {
    auto& objects = view_->scene().objects;
    for (std::size_t i = 0; i < objects.size() && i < openedVisible_.size(); ++i)
        objects[i].visible = openedVisible_[i];
    setOptions(options_);
}

void FigureScene::copyVisibility(const Scene& from) {
    auto& objects = view_->scene().objects;
    if (from.objects.size() != objects.size()) return;
    for (std::size_t i = 0; i < objects.size(); ++i) objects[i].visible = from.objects[i].visible;
    setOptions(options_);
}

void FigureScene::showCoordinates(const std::string& posture, const Coordinates& values, double handLoadKg) {
    ModelPresenter* model = view_->model();
    if (!model) return;
    model->showPosture(posture, values);
    model->setHandLoad(handLoadKg);
}

void FigureScene::showPose(const PoseSelection& pose) {
    ModelPresenter* model = view_->model();
    if (!model) return;
    try {
        model->showPosture(pose.pose, resolvePose(model->data(), pose));
    } catch (const PoseSelectionError& e) {
        throw FigureUsageError(e.what());
    }
}

std::vector<glm::vec3> FigureScene::framedPoints() const {
    const Scene& scene = view_->scene();
    if (options_.focus.empty()) return scene.framingPoints();
    std::vector<glm::vec3> points;
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        if (scene.objects[i].id == options_.focus || scene.objects[i].name == options_.focus ||
            scene.objects[i].group == options_.focus)
            scene.appendFramingPoints(i, points);
    return points;
}

std::vector<glm::vec3> FigureScene::motionPoints(const PoseSelection& pose) {
    const Posture* motion = posture();
    if (!motion || !motion->isMotion()) return framedPoints();
    constexpr int kSamples = 12;
    std::vector<glm::vec3> all;
    PoseSelection sample = pose;
    for (int i = 0; i <= kSamples; ++i) {
        sample.time = motion->duration * double(i) / kSamples;
        showPose(sample);
        const std::vector<glm::vec3> points = framedPoints();
        all.insert(all.end(), points.begin(), points.end());
    }
    showPose(pose);
    return all;
}

OrbitCamera FigureScene::framedCamera(const std::vector<glm::vec3>& points, ViewPreset preset, float aspect,
                                      float sceneRadius) {
    OrbitCamera camera;
    if (sceneRadius > 0.0f) camera.setSceneRadius(sceneRadius);
    camera.setPose(camera.framedPose(points, preset, aspect));
    return camera;
}

Image FigureScene::picture(const OrbitCamera& camera, int width, int height, int samples) {
    renderer_->syncMeshes(view_->scene().meshes);
    RenderSettings settings;
    settings.flatShading = options_.flatShading;
    settings.sagittalCut = options_.cut;
    settings.transparent = options_.transparent;
    DrawList records = view_->drawList({options_.xray, options_.landmarks});
    if (!emphasis_.empty()) applyEmphasis(records, emphasis_);
    return pictures_->render(records, camera, settings, width, height, samples);
}

Image FigureScene::figure(const OrbitCamera& camera, double time, std::string_view viewName) {
    Image image = picture(camera, options_.width, options_.height, options_.samples);
    if (options_.overlays) drawOverlays(image, camera, time, viewName);
    return image;
}

OverlayLayout FigureScene::drawOverlays(Image& image, const OrbitCamera& camera, double time, std::string_view viewName,
                                        bool title) {
    std::vector<std::string> unknown;
    OverlaySpec spec =
        figureOverlay(*view_, camera, image.width, image.height, time, viewName, options_.labels, unknown);
    if (!unknown.empty())
        throw FigureUsageError("--label " + unknown.front() +
                               ": no such structure (a bone id, a sided muscle like rectus_femoris_r, or disc_l4_l5)");
    if (!title_.empty()) spec.title = title_, spec.subtitle = subtitle_;
    if (!title) spec.title.clear(), spec.subtitle.clear();
    if (spec.title.empty() && spec.legends.empty() && spec.labels.empty()) return {};
    return drawOverlay(image, spec);
}

std::filesystem::path outputPath(const std::filesystem::path& out, const PoseSelection& pose, bool motion,
                                 std::string_view camera, std::string_view extension) {
    if (!out.empty()) return out;
    const std::filesystem::path folder = picturesFolder();
    if (folder.empty()) throw FigureUsageError("no pictures folder (set XDG_PICTURES_DIR or HOME, or give --out)");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw FigureUsageError("cannot create the pictures folder " + folder.string() + ": " + ec.message());
    return folder / pictureFileName(pose.pose, motion, pose.time, camera, extension);
}

}  // namespace lumbarlab
