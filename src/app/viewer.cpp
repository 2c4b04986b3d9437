#include "viewer.h"

#include "scene_request.h"

#include "process_clock.h"

#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/ui/panels.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/evidence_table.h"
#include "lumbarlab/view/keymap.h"

#include <epoxy/gl.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>

namespace lumbarlab {
namespace {

// Software GL cannot afford MSAA at interactive rates: draw single-sampled while the view changes,
// then refine once with 4x MSAA when it has been still for a moment.
constexpr int kStillSamples = 4;
constexpr double kRefineAfterSeconds = 0.2;
constexpr double kIdleWaitSeconds = 1.0 / 30.0;
constexpr double kNoticeSeconds = 4.0, kErrorNoticeSeconds = 10.0;
constexpr float kOrbitRadiansPerWindowHeight = 3.0f;

std::filesystem::path screenshotPath() {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    // The pictures folder ($XDG_PICTURES_DIR, else ~/Pictures/LumbarLab), never the working directory.
    const std::filesystem::path folder = picturesFolder();
    if (folder.empty()) throw std::runtime_error("no pictures folder: set XDG_PICTURES_DIR or HOME");
    std::filesystem::create_directories(folder);
    return folder / (std::string("lumbarlab-") + stamp + ".png");
}

}  // namespace

bool Viewer::ViewKey::operator==(const ViewKey& o) const {
    return camera.target == o.camera.target && camera.distance == o.camera.distance && camera.yaw == o.camera.yaw &&
           camera.pitch == o.camera.pitch && modelRevision == o.modelRevision && hovered == o.hovered &&
           selected == o.selected && visible == o.visible && xray == o.xray && landmarks == o.landmarks &&
           flat == o.flat && cut == o.cut && width == o.width && height == o.height;
}

Viewer::Viewer(Window& window, const ViewOptions& options, const GlInfo& gl)
    : window_(window), options_(options), gl_(gl), view_(openSceneView(sceneRequestOf(options.mesh), gl.software)) {
    ui_.uiScale = options.uiScale > 0.0f ? options.uiScale : std::max(1.0f, window.contentScale());
    imgui_ = std::make_unique<ImGuiSession>(window.handle(), ui_.uiScale);
    renderer_ = std::make_unique<Renderer>();
    for (const auto& note : view_.notes()) {
        std::fprintf(stderr, "lumbarlab view: %s\n", note.c_str());
        notify(note, false);
    }
    for (const auto& skipped : view_.skipped()) {
        std::fprintf(stderr, "lumbarlab view: %s (skipped)\n", skipped.c_str());
        notify(skipped + " (skipped)", true);
    }
    for (const auto& error : view_.errors()) {
        std::fprintf(stderr, "lumbarlab view: %s\n", error.c_str());
        notify(error, true);
    }
    if (view_.scene().objects.empty()) throw std::runtime_error("none of the mesh files could be shown");
    if (const ModelPresenter* model = view_.model()) {
        const std::filesystem::path assetDir = findAssetDir();
        // Each file on its own: a broken keys file must not also hide the evidence, or the reverse.
        PostureKeys keys;
        EvidenceTable evidence;
        try {
            keys = loadPostureKeys(assetDir / "lessons" / "posture_keys.json", model->data());
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
        try {
            evidence = loadEvidenceTable(*model, assetDir);
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
        panels_.emplace(*model, std::move(keys), std::move(evidence));
        if (const Posture* standing = model->data().findPosture("neutral_standing")) player_.setPosture(*standing, 0.0);
    } else {
        ui_.showPosturePanel = false;
    }
    renderer_->syncMeshes(view_.scene().meshes);
    const WindowSizes sizes = window.sizes();
    interactiveSamples_ = gl.software ? 1 : kStillSamples;
    target_ = std::make_unique<RenderTarget>(sizes.fbWidth, sizes.fbHeight, interactiveSamples_);
    if (!view_.model()) camera_.setSceneRadius(view_.scene().bounds().radius());  // zoom and clip to the files' size
    camera_.setPose(camera_.framedPose(view_.scene().bounds(), ViewPreset::Oblique, sizes.aspect()));
    timings_.renderer = gl.renderer;
    lastPointer_ = window.pointer();
}

Viewer::~Viewer() {
    // GL objects go while the context is still current.
    imgui_.reset();
    target_.reset();
    renderer_.reset();
}

void Viewer::notify(std::string text, bool isError) {
    ui_.notices.push_back(
        Notice{std::move(text), isError, Window::now() + (isError ? kErrorNoticeSeconds : kNoticeSeconds)});
}

int Viewer::run() {
    double lastTime = Window::now();
    double smoothedMs = 16.0;
    int framesDrawn = 0;
    bool idle = false;  // the last frame changed nothing: wait for input instead of spinning
    while (!window_.shouldClose()) {
        window_.processEvents(idle, kIdleWaitSeconds);
        const WindowSizes sizes = window_.sizes();
        if (sizes.fbWidth <= 0 || sizes.fbHeight <= 0) {  // minimised: sleep until something happens
            window_.waitForEvent();
            continue;
        }
        const double now = Window::now();
        const double dt = now - lastTime;
        lastTime = now;
        smoothedMs = 0.9 * smoothedMs + 0.1 * (dt * 1000.0);
        timings_.frameMs = smoothedMs;
        timings_.fps = smoothedMs > 0.0 ? 1000.0 / smoothedMs : 0.0;

        UiIntents intents;
        imgui_->beginFrame();
        drawInterface(intents, sizes);
        const PointerState pointer = window_.pointer();
        handlePointer(intents, sizes, pointer);
        handleKeys(intents);
        applyIntents(intents, sizes);
        applyModelIntents(intents, dt);
        camera_.update(float(dt));
        redraw(now, sizes);
        if (intents.screenshot) saveScreenshot(sizes);
        target_->blitTo(0, sizes.fbWidth, sizes.fbHeight);
        glViewport(0, 0, sizes.fbWidth, sizes.fbHeight);
        imgui_->endFrame();
        window_.swapBuffers();
        // Fonts are rebuilt between frames, never while ImGui is inside one (it locks its atlas).
        if (intents.uiScale) imgui_->setScale(*intents.uiScale);
        // redraw() has just drawn the current view, so only refinement, animation and drags are pending.
        idle = drawnRefined_ && !camera_.animating() && !pointer.left && !pointer.right;

        if (++framesDrawn == 1) {
            glFinish();  // the frame is really done, not just queued
            std::printf("lumbarlab view: first frame after %.0f ms from start (%s, %zu triangles)\n",
                        millisecondsSinceStart(), gl_.renderer.c_str(), timings_.stats.triangles);
            std::fflush(stdout);
        }
        if (options_.frames > 0 && framesDrawn >= options_.frames) break;
    }
    return kExitOk;
}

void Viewer::drawInterface(UiIntents& intents, const WindowSizes& sizes) {
    const Scene& scene = view_.scene();
    const ModelPresenter* model = view_.model();
    drawMenuBar(ui_, model && model->pressureColours(), intents);
    drawScenePanel(scene, ui_, intents);
    drawStatsOverlay(timings_, ui_);
    drawNotices(ui_, Window::now());
    drawHelpWindow(ui_);
    if (panels_) {
        drawPosturePanel(panels_->posture(player_), ui_, intents);
        const DiscPanelData discs = panels_->discs(player_);
        drawDiscPanel(discs, ui_, intents);
        if (model->muscles()) drawMusclePanel(panels_->muscles(player_), ui_, intents);
        drawEvidencePanel(discs, ui_);
    }
    const std::optional<InfoCard> card = view_.infoCard();
    drawInfoCard(card ? &*card : nullptr, intents);
    if (ui_.showLandmarks)
        drawScreenLabels(view_.landmarkLabels(camera_, float(sizes.winWidth), float(sizes.winHeight)));
}

void Viewer::handlePointer(UiIntents& intents, const WindowSizes& sizes, const PointerState& pointer) {
    InputQueue& input = window_.input();
    const double dx = pointer.x - lastPointer_.x, dy = pointer.y - lastPointer_.y;
    pointerMoved_ = pointerMoved_ || dx != 0.0 || dy != 0.0;
    lastPointer_ = pointer;
    Scene& scene = view_.scene();
    if (imgui_->wantsMouse()) {  // the interface has the mouse
        scene.hovered.reset();
    } else {
        const float height = float(std::max(sizes.winHeight, 1));
        if ((pointer.left && pointer.shift) || pointer.right)
            camera_.pan(float(dx) / height, float(dy) / height);
        else if (pointer.left)
            camera_.orbit(float(dx) * kOrbitRadiansPerWindowHeight / height,
                          float(dy) * kOrbitRadiansPerWindowHeight / height);
        if (input.scrollY != 0.0) camera_.zoom(float(input.scrollY));
        const DrawList records = view_.drawList({ui_.xray, ui_.showLandmarks});
        auto objectAt = [&](double x, double y) {
            return scene.objectOf(
                renderer_->pick(records, camera_, *target_, int(x * sizes.toPixelsX()), int(y * sizes.toPixelsY())));
        };
        if (input.click) intents.select = objectAt(input.click->first, input.click->second);
        if (pointerMoved_ && !pointer.left && !pointer.right) {
            scene.hovered = objectAt(pointer.x, pointer.y);
            pointerMoved_ = false;
        }
    }
    input.click.reset();
    input.scrollY = 0.0;
}

void Viewer::handleKeys(UiIntents& intents) {
    InputQueue& input = window_.input();
    if (imgui_->wantsKeyboard()) {  // a text field has the keys
        input.keys.clear();
        return;
    }
    for (const auto& [key, mods] : input.keys) {
        const std::optional<KeyAction> action = actionForKey(key, mods);
        if (!action) continue;
        switch (action->action) {
            case Action::ViewPreset:
                intents.viewPreset = kAllViewPresets[action->index];
                break;
            case Action::FrameSelection:
                intents.frameSelection = true;
                break;
            case Action::PostureKey:
                if (panels_)
                    if (const std::string* id = panels_->keys().postureOf(action->index)) intents.posture = *id;
                break;
            case Action::TogglePlay:
                intents.togglePlay = true;
                break;
            case Action::ToggleXray:
                ui_.xray = !ui_.xray;
                break;
            case Action::ToggleLandmarks:
                ui_.showLandmarks = !ui_.showLandmarks;
                break;
            case Action::ToggleDiscPanel:
                ui_.showDiscPanel = !ui_.showDiscPanel;
                intents.pressureColours = ui_.showDiscPanel;
                break;
            case Action::ToggleMusclePanel:
                ui_.showMusclePanel = !ui_.showMusclePanel;
                break;
            case Action::ToggleCut:
                ui_.render.sagittalCut = !ui_.render.sagittalCut;
                break;
            case Action::ToggleEvidence:
                ui_.showEvidence = !ui_.showEvidence;
                break;
            case Action::Screenshot:
                intents.screenshot = true;
                break;
            case Action::ToggleHelp:
                ui_.showHelp = !ui_.showHelp;
                break;
            case Action::ClearSelection:
                intents.select = std::optional<std::size_t>{};
                break;
            case Action::Quit:
                intents.quit = true;
                break;
            case Action::Orbit:
            case Action::Pan:
            case Action::Zoom:
            case Action::Select:
                break;  // mouse bindings: handled by handlePointer
        }
    }
    input.keys.clear();
}

void Viewer::applyIntents(const UiIntents& intents, const WindowSizes& sizes) {
    Scene& scene = view_.scene();
    if (intents.toggleVisibility && *intents.toggleVisibility < scene.objects.size())
        scene.objects[*intents.toggleVisibility].visible = !scene.objects[*intents.toggleVisibility].visible;
    if (intents.toggleGroup) {
        const bool anyVisible = std::any_of(scene.objects.begin(), scene.objects.end(), [&](const SceneObject& o) {
            return o.group == *intents.toggleGroup && o.visible;
        });
        for (auto& o : scene.objects)
            if (o.group == *intents.toggleGroup) o.visible = !anyVisible;
    }
    if (intents.select) scene.selected = *intents.select;
    if (const ModelPresenter* model = view_.model(); model && (intents.showAllMuscles || intents.isolateObject))
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (model->muscleOf(i))
                scene.objects[i].visible =
                    intents.showAllMuscles ? *intents.showAllMuscles : i == *intents.isolateObject;
    if (intents.viewPreset) camera_.animateTo(camera_.framedPose(scene.bounds(), *intents.viewPreset, sizes.aspect()));
    if (intents.frameSelection)
        camera_.animateTo(
            camera_.framedPose(scene.selected ? scene.bounds(*scene.selected) : scene.bounds(), sizes.aspect()));
    if (intents.quit) window_.requestClose();
}

void Viewer::applyModelIntents(const UiIntents& intents, double dt) {
    ModelPresenter* model = view_.model();
    if (!model) return;
    if (intents.posture)
        if (const Posture* p = model->data().findPosture(*intents.posture)) player_.setPosture(*p);
    if (intents.togglePlay) player_.togglePlay();
    if (intents.seek) player_.seek(*intents.seek);
    if (intents.speed) player_.setSpeed(*intents.speed);
    if (intents.loop) player_.setLoop(*intents.loop);
    if (intents.resetCoordinates) player_.clearOverrides();
    if (intents.setCoordinate) player_.setOverride(intents.setCoordinate->first, intents.setCoordinate->second);
    player_.update(dt);
    if (intents.handLoadKg) model->setHandLoad(*intents.handLoadKg);
    if (intents.pressureColours) model->setPressureColours(*intents.pressureColours);
    if (player_.revision() != appliedPlayerRevision_) {
        if (const Posture* p = player_.posture(); p && p->id != model->postureId())
            model->showPosture(p->id, player_.values());
        else
            model->setCoordinates(player_.values());
        appliedPlayerRevision_ = player_.revision();
    }
}

Viewer::ViewKey Viewer::viewKey(const WindowSizes& sizes) const {
    const Scene& scene = view_.scene();
    ViewKey key{camera_.pose(),
                scene.hovered,
                scene.selected,
                {},
                view_.model() ? view_.model()->revision() : 0,
                ui_.xray,
                ui_.showLandmarks,
                ui_.render.flatShading,
                ui_.render.sagittalCut,
                sizes.fbWidth,
                sizes.fbHeight};
    key.visible.reserve(scene.objects.size());
    for (const auto& o : scene.objects) key.visible.push_back(o.visible);
    return key;
}

void Viewer::renderAt(const WindowSizes& sizes, int samples) {
    renderer_->syncMeshes(view_.scene().meshes);  // deformed discs, muscle tubes, new props
    target_->resize(sizes.fbWidth, sizes.fbHeight, samples);
    timings_.stats = renderer_->render(view_.drawList({ui_.xray, ui_.showLandmarks}), camera_, *target_, ui_.render);
}

void Viewer::redraw(double now, const WindowSizes& sizes) {
    ViewKey key = viewKey(sizes);
    if (!drawnKey_ || !(*drawnKey_ == key)) {
        renderAt(sizes, interactiveSamples_);
        drawnKey_ = std::move(key);
        drawnRefined_ = interactiveSamples_ >= kStillSamples;
        lastChange_ = now;
    } else if (!drawnRefined_ && now - lastChange_ >= kRefineAfterSeconds) {
        renderAt(sizes, kStillSamples);
        drawnRefined_ = true;
    }
}

void Viewer::saveScreenshot(const WindowSizes& sizes) {
    if (!drawnRefined_) {  // a saved picture is always the full-quality one
        renderAt(sizes, kStillSamples);
        drawnRefined_ = true;
    }
    try {
        const auto path = screenshotPath();
        writePng(path, target_->readColour());
        notify("Saved screenshot to " + path.string(), false);
    } catch (const std::exception& e) {
        notify(e.what(), true);
    }
}

}  // namespace lumbarlab
