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
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <utility>

namespace lumbarlab {
namespace {

// Software GL cannot afford MSAA at interactive rates: draw single-sampled while the view changes,
// then refine once with 4x MSAA when it has been still for a moment.
constexpr int kStillSamples = 4;
constexpr double kRefineAfterSeconds = 0.2;
constexpr double kIdleWaitSeconds = 1.0 / 30.0;
constexpr double kNoticeSeconds = 4.0, kErrorNoticeSeconds = 10.0;
constexpr float kOrbitRadiansPerWindowHeight = 3.0f;
constexpr float kZoomPerStep = 0.88f;  // OrbitCamera::zoom's factor per wheel step
// Presentation mode: text at least 2.5 % of the screen height (the font is 18 px at scale 1).
constexpr float kPresentationTextFraction = 0.03f, kBaseFontPixels = 18.0f;
constexpr float kPatientTextScale = 1.35f;  // patient mode's text, against the chosen scale
constexpr float kMinEyeHeight = 0.03f;      // metres above the floor

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

/// Drives a presenter from its player once the player changed.
void applyPlayer(const PosePlayer& player, ModelPresenter& model, std::uint64_t& applied) {
    if (player.revision() == applied) return;
    if (const Posture* p = player.posture(); p && p->id != model.postureId())
        model.showPosture(p->id, player.values());
    else
        model.setCoordinates(player.values());
    applied = player.revision();
}

}  // namespace

bool Viewer::ViewKey::operator==(const ViewKey& o) const {
    return camera.target == o.camera.target && camera.distance == o.camera.distance && camera.yaw == o.camera.yaw &&
           camera.pitch == o.camera.pitch && modelRevision == o.modelRevision && revisionB == o.revisionB &&
           stageRevision == o.stageRevision && hovered == o.hovered && selected == o.selected && visible == o.visible &&
           xray == o.xray && landmarks == o.landmarks && flat == o.flat && cut == o.cut && compare == o.compare &&
           rect == o.rect;
}

Viewer::Viewer(Window& window, const ViewOptions& options, const GlInfo& gl, const LoadedSettings& settings,
               std::filesystem::path settingsFile)
    : window_(window),
      options_(options),
      gl_(gl),
      view_(openSceneView(sceneRequestOf(options.mesh), gl.software)),
      appliedUiScale_(options.uiScale > 0.0f             ? options.uiScale
                      : settings.settings.uiScale > 0.0f ? settings.settings.uiScale
                                                         : std::max(1.0f, window.contentScale())),
      settings_(settings.settings),
      settingsFile_(std::move(settingsFile)) {
    ui_.uiScale = appliedUiScale_;
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
    if (settings.problem) {
        std::fprintf(stderr, "lumbarlab view: %s\n", settings.problem->c_str());
        notify(*settings.problem, true);
        saveSettingsNow();  // the corrupt file is replaced by the defaults
    }
    applySettings(settings.settings);
    if (ui_.patientMode) std::printf("lumbarlab view: patient mode on\n");
    for (const auto& error : view_.errors()) {
        std::fprintf(stderr, "lumbarlab view: %s\n", error.c_str());
        notify(error, true);
    }
    if (view_.scene().objects.empty()) throw std::runtime_error("none of the mesh files could be shown");
    if (ModelPresenter* model = view_.model()) {
        const std::filesystem::path assetDir = findAssetDir();
        // Each file on its own: a broken keys file must not also hide the evidence, or the reverse.
        PostureKeys keys;
        EvidenceTable evidence;
        try {
            keys = loadPostureKeys(assetDir / "lessons" / kPostureKeysFileName, model->data());
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
        try {
            evidence = loadEvidenceTable(*model, assetDir);
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
        panels_.emplace(*model, std::move(keys), std::move(evidence));
        try {
            panels_->setPlainNames(PlainNameTable::load(assetDir / "anatomy" / kPlainNamesFileName));
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
        if (const Posture* standing = model->data().findPosture("neutral_standing")) player_.setPosture(*standing, 0.0);
        model->setPressureColours(settings.settings.pressureColours);
        if (!options.lesson.empty()) openLesson(options.lesson, options.lessonStep, settings.settings);
        if (!options.compareA.empty() && !options.compareB.empty()) openCompare(options.compareA, options.compareB);
    } else {
        ui_.showPosturePanel = false;
    }
    renderer_->syncMeshes(view_.scene().meshes);
    const WindowSizes sizes = window.sizes();
    interactiveSamples_ = gl.software ? 1 : kStillSamples;
    target_ = std::make_unique<RenderTarget>(sizes.fbWidth, sizes.fbHeight, interactiveSamples_);
    if (!view_.model()) camera_.setSceneRadius(view_.scene().bounds().radius());  // zoom and clip to the files' size
    camera_.setPose(camera_.framedPose(view_.scene().framingPoints(), ViewPreset::Oblique, sizes.aspect()));
    timings_.renderer = gl.renderer;
    lastPointer_ = window.pointer();
}

Viewer::~Viewer() {
    saveSettingsNow();
    // GL objects go while the context is still current.
    imgui_.reset();
    videoJob_.reset();
    handoutJob_.reset();
    exportFigure_.reset();
    target_.reset();
    targetB_.reset();
    renderer_.reset();
    rendererB_.reset();
}

void Viewer::notify(std::string text, bool isError) {
    ui_.notices.push_back(
        Notice{std::move(text), isError, Window::now() + (isError ? kErrorNoticeSeconds : kNoticeSeconds)});
}

void Viewer::applySettings(const Settings& s) {
    ui_.highContrast = s.highContrast;
    ui_.patientMode = s.patientMode;
    ui_.showScenePanel = s.showScenePanel;
    ui_.showPosturePanel = s.showPosturePanel;
    ui_.showDiscPanel = s.showDiscPanel;
    ui_.showMusclePanel = s.showMusclePanel;
    ui_.showEvidence = s.showEvidence;
    ui_.showStats = s.showStats;
}

void Viewer::saveSettingsNow() {
    if (settingsFile_.empty()) return;
    Settings& s = settings_;
    if (!window_.fullscreen()) {
        const WindowSizes sizes = window_.sizes();
        const auto [x, y] = window_.position();
        s.windowX = x, s.windowY = y;
        s.windowWidth = std::clamp(sizes.winWidth, 320, 16384);
        s.windowHeight = std::clamp(sizes.winHeight, 320, 16384);
    }
    s.uiScale = appliedUiScale_;
    s.highContrast = ui_.highContrast;
    s.patientMode = ui_.patientMode;
    s.showStats = ui_.showStats;
    if (!lesson_) {  // a lesson opens and closes panels per step: the explorer's choice is kept as it was
        s.showScenePanel = ui_.showScenePanel;
        s.showPosturePanel = ui_.showPosturePanel;
        s.showDiscPanel = ui_.showDiscPanel;
        s.showMusclePanel = ui_.showMusclePanel;
        s.showEvidence = ui_.showEvidence;
        if (const ModelPresenter* model = view_.model()) s.pressureColours = model->pressureColours();
    }
    if (lesson_ && cursor_) s.lesson = lesson_->id, s.lessonStep = int(cursor_->step());
    try {
        saveSettings(settingsFile_, s);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: settings not saved: %s\n", e.what());
    }
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
        layoutPanels(ui_, view_.infoCard().has_value(), lesson_.has_value());
        if (stepPending_) {  // the first step flies the camera once the view's size is known
            showStep(sizes);
            stepPending_ = false;
        }
        drawInterface(intents, sizes);
        const PointerState pointer = window_.pointer();
        handlePointer(intents, sizes, pointer);
        handleKeys(intents);
        applyIntents(intents, sizes);
        applyModelIntents(intents, dt);
        applyLessonIntents(intents, sizes);
        applyQuizIntents(intents, sizes);
        camera_.update(float(dt));
        keepAboveFloor();
        renderedThisFrame_ = false;
        redraw(now, sizes);
        renderedLastFrame_ = renderedThisFrame_;
        if (intents.screenshot) saveScreenshot(sizes);
        if (intents.openExport) openExport(*intents.openExport);
        if (intents.closeExport && !ui_.exports.running) ui_.exports.open = ExportKind::None;
        if (intents.cancelExport) endExport("Export cancelled; nothing written", false);
        if (intents.startExport && !ui_.exports.running) startExport();
        stepExport();
        present(sizes);
        imgui_->endFrame();
        window_.swapBuffers();
        // Fonts and theme change between frames, never while ImGui is inside one (it locks its atlas).
        if (intents.uiScale) appliedUiScale_ = *intents.uiScale;
        const float presentationScale = float(sizes.winHeight) * kPresentationTextFraction / kBaseFontPixels;
        imgui_->setScale(ui_.presentation  ? std::max(appliedUiScale_, presentationScale)
                         : ui_.patientMode ? appliedUiScale_ * kPatientTextScale
                                           : appliedUiScale_,
                         ui_.highContrast || ui_.presentation);
        // redraw() has just drawn the current view, so only refinement, animation and drags are pending.
        const bool playing = player_.playing() && player_.posture() && player_.posture()->isMotion();
        idle = drawnRefined_ && !camera_.animating() && !pointer.left && !pointer.right && !playing &&
               !ui_.exports.running;

        if (++framesDrawn == 1) {
            glFinish();  // the frame is really done, not just queued
            std::printf("lumbarlab view: first frame after %.0f ms from start (%s, %zu triangles)\n",
                        millisecondsSinceStart(), gl_.renderer.c_str(), timings_.stats.triangles);
            std::fflush(stdout);
        }
        if (options_.frames > 0 && framesDrawn >= options_.frames) break;
    }
    if (videoJob_) videoJob_->cancel();  // closing the window mid-export leaves no file
    if (busySeconds_ > 0.0)
        std::printf("lumbarlab view: %d frames while the view changed, %.1f frames/s (%s, %dx%d%s)\n", busyFrames_,
                    double(busyFrames_) / busySeconds_, gl_.renderer.c_str(), window_.sizes().fbWidth,
                    window_.sizes().fbHeight, ui_.compare ? ", compare A | B" : "");
    return kExitOk;
}

void Viewer::drawInterface(UiIntents& intents, const WindowSizes& sizes) {
    const Scene& scene = view_.scene();
    ModelPresenter* model = view_.model();
    drawMenuBar(ui_, model && model->pressureColours(), intents);
    drawScenePanel(scene, ui_, intents);
    drawStatsOverlay(timings_, ui_);
    drawNotices(ui_, Window::now());
    drawHelpWindow(ui_);
    drawExportDialog(ui_, intents);
    if (panels_) {
        drawPosturePanel(panels_->posture(player_), ui_, intents);
        const DiscPanelData discs = panels_->discs(player_);
        drawDiscPanel(discs, ui_, intents);
        if (model->muscles()) drawMusclePanel(panels_->muscles(player_), ui_, intents);
        drawEvidencePanel(discs, ui_);
        if (ui_.patientMode && model->muscles()) drawPatientPanel(panels_->patient(player_), ui_, intents);
        if (ui_.showJointMap && model->muscles()) drawJointMapPanel(panels_->jointMap(ui_.jointMapMuscle), ui_);
        if (ui_.compare && comparison_) {
            ComparePanelData data;
            data.comparison = &*comparison_;
            if (ui_.patientMode) data.plain = panels_->plainComparison(*comparison_);
            for (const PostureItem& p : panels_->posture(player_).postures) data.postures.emplace_back(p.id, p.name);
            drawComparePanel(data, ui_, intents);
        }
    }
    if (quiz_) drawQuizPanel(quizPanel(*quiz_), ui_, intents);
    std::optional<InfoCard> card = view_.infoCard();
    if (card && ui_.patientMode && panels_ && scene.selected) {  // the everyday name, no Latin subtitle
        card->title = panels_->plainNameOf(*scene.selected);
        card->subtitle.clear();
    }
    drawInfoCard(card ? &*card : nullptr, ui_, intents);
    const float toWindowX = float(sizes.winWidth) / float(std::max(sizes.fbWidth, 1));
    const float toWindowY = float(sizes.winHeight) / float(std::max(sizes.fbHeight, 1));
    const PixelRect a = viewRect(sizes, ui_.compare ? 0 : -1);
    const float ax = float(a.x) * toWindowX, ay = float(a.y) * toWindowY;
    const float aw = float(a.w) * toWindowX, ah = float(a.h) * toWindowY;
    auto offset = [&](std::vector<ScreenLabel> labels) {
        for (auto& l : labels) l.x += ax, l.y += ay;
        return labels;
    };
    if (ui_.showLandmarks) drawScreenLabels(offset(view_.landmarkLabels(camera_, aw, ah)));
    if (lesson_ && cursor_ && model) {
        const LessonStep& step = lesson_->steps[cursor_->step()];
        drawScreenLabels(offset(lessonLabels(step, *model, camera_, aw, ah)), true);
        LessonBarData bar;
        bar.lessonTitle = lesson_->title;
        for (const LessonStep& s : lesson_->steps) bar.stepTitles.push_back(s.title);
        bar.step = cursor_->step();
        bar.caption = step.caption;
        bar.numbers = lessonNumbers(step, *model, ui_.patientMode);
        drawLessonBar(bar, ui_, intents);
    }
    if (ui_.compare && viewB_ && viewB_->model() && model) {  // which side is which
        const PixelRect b = viewRect(sizes, 1);
        const float em = 8.0f;
        // The postures asked for (the players), not the ones drawn a frame ago.
        drawScreenLabels({{"A: " + (player_.posture() ? player_.posture()->name : std::string()), ax + em, ay + 3 * em},
                          {"B: " + (playerB_.posture() ? playerB_.posture()->name : std::string()),
                           float(b.x) * toWindowX + em, ay + 3 * em}},
                         true);
    }
}

Viewer::PixelRect Viewer::viewRect(const WindowSizes& sizes, int half) const {
    const UiRect& v = ui_.layout.view;
    const double sx = sizes.toPixelsX(), sy = sizes.toPixelsY();
    PixelRect r;
    r.x = std::clamp(int(std::lround(v.x * sx)), 0, std::max(sizes.fbWidth - 1, 0));
    r.y = std::clamp(int(std::lround(v.y * sy)), 0, std::max(sizes.fbHeight - 1, 0));
    r.w = std::clamp(int(std::lround(v.w * sx)), 1, std::max(sizes.fbWidth - r.x, 1));
    r.h = std::clamp(int(std::lround(v.h * sy)), 1, std::max(sizes.fbHeight - r.y, 1));
    if (v.w <= 0.0f || v.h <= 0.0f) r = {0, 0, std::max(sizes.fbWidth, 1), std::max(sizes.fbHeight, 1)};
    if (half >= 0) {
        constexpr int kGap = 2;  // a thin seam between A and B
        const int w = std::max((r.w - kGap) / 2, 1);
        if (half == 1) r.x += r.w - w;
        r.w = w;
    }
    return r;
}

float Viewer::viewAspect(const WindowSizes& sizes) const {
    const PixelRect r = viewRect(sizes, ui_.compare ? 0 : -1);
    return float(r.w) / float(std::max(r.h, 1));
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
        const PixelRect rect = viewRect(sizes, ui_.compare ? 0 : -1);
        const float height = float(std::max(rect.h, 1)) / float(sizes.toPixelsY());  // window coordinates
        if ((pointer.left && pointer.shift) || pointer.right)
            camera_.pan(float(dx) / height, float(dy) / height);
        else if (pointer.left)
            camera_.orbit(float(dx) * kOrbitRadiansPerWindowHeight / height,
                          float(dy) * kOrbitRadiansPerWindowHeight / height);
        if (input.scrollY != 0.0) {
            // Zoom towards the pointer: the point under it stays under it.
            const float steps = float(input.scrollY);
            const float k = std::pow(kZoomPerStep, steps);
            const float cx = float((rect.x + rect.w * 0.5) / sizes.toPixelsX());
            const float cy = float((rect.y + rect.h * 0.5) / sizes.toPixelsY());
            const float ux = (float(pointer.x) - cx) / height, uy = (float(pointer.y) - cy) / height;
            if (std::abs(ux) < 2.0f && std::abs(uy) < 1.0f) camera_.pan(-(1.0f - k) * ux, -(1.0f - k) * uy);
            camera_.zoom(steps);
        }
        const DrawList records = view_.drawList({ui_.xray, ui_.showLandmarks});
        auto objectAt = [&](double x, double y) -> std::optional<std::size_t> {
            const int px = int(x * sizes.toPixelsX()) - rect.x, py = int(y * sizes.toPixelsY()) - rect.y;
            if (px < 0 || py < 0 || px >= rect.w || py >= rect.h) return std::nullopt;  // B side or outside
            return scene.objectOf(renderer_->pick(records, camera_, *target_, px, py));
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
    if (ui_.exports.open != ExportKind::None)  // an export dialog is modal: only Esc (close) and Ctrl+Q
        std::erase_if(input.keys, [](const auto& key) {
            const std::optional<KeyAction> action = actionForKey(key.first, key.second);
            return !action || (action->action != Action::ClearSelection && action->action != Action::Quit);
        });
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
                // Esc closes what is open first: a menu or popup, the help, presentation mode.
                if (imgui_->closePopups()) break;
                if (ui_.showHelp) {
                    ui_.showHelp = false;
                    break;
                }
                if (ui_.presentation) {
                    intents.togglePresentation = true;
                    break;
                }
                intents.select = std::optional<std::size_t>{};
                break;
            case Action::LessonNext:
                intents.lessonNext = true;
                break;
            case Action::LessonBack:
                intents.lessonBack = true;
                break;
            case Action::LessonHome:
                intents.lessonGo = 0;
                break;
            case Action::TogglePresentation:
                intents.togglePresentation = true;
                break;
            case Action::TogglePatientMode:
                intents.patientMode = !ui_.patientMode;
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

std::vector<glm::vec3> Viewer::framePoints() const {
    const Scene& scene = view_.scene();
    std::vector<glm::vec3> points;
    if (scene.selected && *scene.selected < scene.objects.size() && scene.objects[*scene.selected].visible) {
        scene.appendFramingPoints(*scene.selected, points);
        if (!points.empty()) return points;
    }
    points = scene.framingPoints();
    if (points.empty())  // everything hidden: frame the whole model anyway
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (scene.objects[i].group != "props") scene.appendFramingPoints(i, points);
    return points;
}

void Viewer::keepAboveFloor() {
    if (camera_.animating() || !view_.model()) return;  // flights are framed above the floor already
    CameraPose pose = camera_.pose();
    if (camera_.eye().y >= kMinEyeHeight) return;
    const float s = std::clamp((kMinEyeHeight - pose.target.y) / std::max(pose.distance, 1e-3f), -0.99f, 0.99f);
    pose.pitch = std::max(pose.pitch, std::asin(s));
    camera_.setPose(pose);
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
    if (intents.viewPreset)
        camera_.animateTo(camera_.framedPose(scene.framingPoints(), *intents.viewPreset, viewAspect(sizes)));
    if (intents.frameSelection) camera_.animateTo(camera_.framedPose(framePoints(), viewAspect(sizes)));
    if (intents.togglePresentation) {
        ui_.presentation = !ui_.presentation;
        window_.setFullscreen(ui_.presentation);
    }
    if (intents.patientMode && *intents.patientMode != ui_.patientMode) {
        ui_.patientMode = *intents.patientMode;
        std::printf("lumbarlab view: patient mode %s\n", ui_.patientMode ? "on" : "off");
        std::fflush(stdout);
    }
    if (intents.resetLayout) {
        const Settings defaults;
        applySettings(defaults);
        ui_.presentation = false;
        window_.setFullscreen(false);
        appliedUiScale_ = ui_.uiScale = std::max(1.0f, window_.contentScale());
    }
    if (intents.compare) {
        if (*intents.compare && view_.model()) {
            const Posture* a = player_.posture();
            openCompare(a && a->id != "neutral_standing" ? a->id : "sitting_relaxed", "neutral_standing");
        } else {
            ui_.compare = false;
        }
    }
    if (intents.quit) window_.requestClose();
}

void Viewer::applyModelIntents(const UiIntents& intents, double dt) {
    ModelPresenter* model = view_.model();
    if (!model) return;
    if (intents.posture)
        if (const Posture* p = model->data().findPosture(*intents.posture)) player_.setPosture(*p);
    if (intents.comparePostureA)
        if (const Posture* p = model->data().findPosture(*intents.comparePostureA)) player_.setPosture(*p);
    if (intents.comparePostureB && viewB_ && viewB_->model())
        if (const Posture* p = viewB_->model()->data().findPosture(*intents.comparePostureB)) playerB_.setPosture(*p);
    if (intents.togglePlay) player_.togglePlay();
    if (intents.seek) player_.seek(*intents.seek);
    if (intents.speed) player_.setSpeed(*intents.speed);
    if (intents.loop) player_.setLoop(*intents.loop);
    if (intents.resetCoordinates) player_.clearOverrides();
    if (intents.setCoordinate) player_.setOverride(intents.setCoordinate->first, intents.setCoordinate->second);
    player_.update(dt);
    followPlaybackRange();
    if (intents.handLoadKg) model->setHandLoad(*intents.handLoadKg);
    if (intents.tightHipFlexorsPct) model->setTightHipFlexors(*intents.tightHipFlexorsPct);
    if (intents.pressureColours) model->setPressureColours(*intents.pressureColours);
    if (intents.showBalance) model->setShowBalance(*intents.showBalance);
    applyPlayer(player_, *model, appliedPlayerRevision_);
    if (ui_.compare && viewB_ && viewB_->model()) {
        playerB_.update(dt);
        if (intents.pressureColours) viewB_->model()->setPressureColours(*intents.pressureColours);
        if (intents.showBalance) viewB_->model()->setShowBalance(*intents.showBalance);
        applyPlayer(playerB_, *viewB_->model(), appliedPlayerRevisionB_);
        updateComparison();
    }
}

// --- Lessons -----------------------------------------------------------------------------------

void Viewer::openLesson(const std::string& id, int requestedStep, const Settings& saved) {
    const ModelPresenter* model = view_.model();
    if (!model) return;
    try {
        const LessonVocabulary vocabulary =
            lessonVocabulary(model->data(), model->muscles() ? &model->muscles()->set() : nullptr);
        lesson_ = loadLesson(findAssetDir() / "lessons" / (id + ".json"), vocabulary);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab lesson: %s\n", e.what());
        notify(e.what(), true);
        return;
    }
    const std::size_t start = requestedStep > 0             ? std::size_t(requestedStep - 1)
                              : saved.lesson == lesson_->id ? std::size_t(saved.lessonStep)
                                                            : 0;
    cursor_.emplace(lesson_->steps.size(), start);
    // A class sees the 3D view, the caption bar and the panels a step opens; the explorer's panels
    // stay a menu click away.
    ui_.showScenePanel = false;
    ui_.showPosturePanel = false;
    ui_.showMusclePanel = false;
    stepPending_ = true;
    quizData_.reset();
    quiz_.reset();
    const std::filesystem::path quizFile = findAssetDir() / kQuizFolderName / (id + ".json");
    if (std::error_code ec; std::filesystem::exists(quizFile, ec)) {
        try {
            const LessonVocabulary vocabulary =
                lessonVocabulary(model->data(), model->muscles() ? &model->muscles()->set() : nullptr);
            quizData_ = loadQuiz(quizFile, *lesson_, vocabulary);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "lumbarlab lesson: %s\n", e.what());
            notify(e.what(), true);
        }
    }
    if (options_.quiz && !quizData_) notify("this lesson has no quiz", true);
    ui_.quizAvailable = quizData_.has_value();
    quizPending_ = options_.quiz && quizData_.has_value();
}

void Viewer::goToQuizStep(const WindowSizes& sizes) {
    const QuizQuestion* q = quiz_ ? quiz_->current() : nullptr;
    if (q && cursor_ && cursor_->go(q->step)) showStep(sizes);
}

void Viewer::applyQuizIntents(const UiIntents& intents, const WindowSizes& sizes) {
    const bool start = intents.quizStart || std::exchange(quizPending_, false);
    if (start && quizData_) {
        quiz_.emplace(*quizData_);
        std::printf("lumbarlab quiz: %s, %zu questions\n", quizData_->lesson.c_str(), quiz_->total());
        goToQuizStep(sizes);
    }
    if (intents.quizClose) quiz_.reset();
    if (!quiz_) {
        ui_.quizOpen = false;
        return;
    }
    bool answered = false;
    if (intents.quizChoice) answered = quiz_->answerChoice(*intents.quizChoice);
    const Scene& scene = view_.scene();
    if (intents.select && *intents.select && **intents.select < scene.objects.size())
        answered = quiz_->answerPick(scene.objects[**intents.select].id) || answered;
    if (answered)
        std::printf("lumbarlab quiz: question %zu of %zu: %s (score %zu)\n", quiz_->index() + 1, quiz_->total(),
                    quiz_->lastCorrect() ? "right" : "not right", quiz_->score());
    if (intents.quizNext && quiz_->next()) {
        if (quiz_->phase() == QuizPhase::Finished)
            std::printf("lumbarlab quiz: scored %zu of %zu\n", quiz_->score(), quiz_->total());
        goToQuizStep(sizes);
    }
    std::fflush(stdout);
    ui_.quizOpen = true;
}

void Viewer::showStep(const WindowSizes& sizes) {
    ModelPresenter* model = view_.model();
    if (!lesson_ || !cursor_ || !model) return;
    const LessonStep& step = lesson_->steps[cursor_->step()];
    const Posture* posture = model->data().findPosture(step.posture);
    if (!posture) return;  // checked at load
    // Frame the step's own pose: show it for a moment (the player blends from the old one below).
    applyStepModelSettings(step, *model);
    model->showPosture(posture->id, posture->at(step.playback.from));
    staged_ = stageStep(step, *model);
    Scene& scene = model->scene();
    for (std::size_t i = 0; i < scene.objects.size() && i < staged_->visible.size(); ++i)
        scene.objects[i].visible = staged_->visible[i];
    scene.selected.reset();
    camera_.animateTo(lessonCameraPose(step, *model, camera_, viewAspect(sizes)), step.camera.flightSeconds);
    player_.setPosture(*posture);
    player_.setSpeed(step.playback.speed);
    player_.setLoop(step.playback.loop);
    if (step.playback.from > 0.0) player_.seek(step.playback.from);
    if (step.playback.play)
        player_.play();
    else
        player_.pause();
    const auto has = [&](const char* panel) {
        return std::find(step.panels.begin(), step.panels.end(), panel) != step.panels.end();
    };
    ui_.showDiscPanel = has("discs");
    ui_.showEvidence = has("evidence");
    if (has("muscles")) ui_.showMusclePanel = true;
    model->setPressureColours(has("discs"));
    appliedPlayerRevision_ = ~std::uint64_t{0};
    ++stageRevision_;
    std::printf("lumbarlab lesson: %s, step %zu of %zu: %s\n", lesson_->id.c_str(), cursor_->step() + 1,
                cursor_->steps(), step.title.c_str());
    std::fflush(stdout);
}

void Viewer::followPlaybackRange() {
    if (!lesson_ || !cursor_) return;
    const LessonStep& step = lesson_->steps[cursor_->step()];
    const Posture* p = player_.posture();
    if (!step.playback.to || !p || p->id != step.posture || player_.time() < *step.playback.to) return;
    if (step.playback.loop) {
        player_.seek(step.playback.from);
    } else {
        player_.seek(*step.playback.to);
        player_.pause();
    }
}

void Viewer::applyLessonIntents(const UiIntents& intents, const WindowSizes& sizes) {
    if (!cursor_) return;
    bool moved = false;
    if (intents.lessonNext) moved = cursor_->next() || moved;
    if (intents.lessonBack) moved = cursor_->back() || moved;
    if (intents.lessonGo) moved = cursor_->go(*intents.lessonGo) || moved;
    if (moved) showStep(sizes);
}

// --- Compare -----------------------------------------------------------------------------------

void Viewer::openCompare(const std::string& a, const std::string& b) {
    ModelPresenter* model = view_.model();
    if (!model) return;
    if (!viewB_) {
        viewB_.emplace(openSceneView({}, gl_.software));
        for (const auto& error : viewB_->errors()) notify(error, true);
        if (!viewB_->model()) {
            viewB_.reset();
            notify("compare: the second model did not load", true);
            return;
        }
        rendererB_ = std::make_unique<Renderer>();
        targetB_ = std::make_unique<RenderTarget>(1, 1, interactiveSamples_);
    }
    if (const Posture* p = model->data().findPosture(a)) player_.setPosture(*p, 0.0);
    if (const Posture* p = viewB_->model()->data().findPosture(b)) playerB_.setPosture(*p, 0.0);
    viewB_->model()->setPressureColours(model->pressureColours());
    appliedPlayerRevisionB_ = ~std::uint64_t{0};
    ui_.compare = true;
    ui_.showComparePanel = true;
    comparison_.reset();
}

void Viewer::updateComparison() {
    const ModelPresenter* model = view_.model();
    const Posture* a = player_.posture();
    const Posture* b = playerB_.posture();
    if (!model || !a || !b || !model->muscles() || !model->discModel()) return;
    if (comparison_ && comparison_->a == a->id && comparison_->b == b->id) return;
    comparison_ = comparePostureFigures(postureFigures(model->data(), *model->muscles(), *model->discModel(), a->id),
                                        postureFigures(model->data(), *model->muscles(), *model->discModel(), b->id),
                                        model->muscles()->referencePosture());
}

// --- Drawing -----------------------------------------------------------------------------------

Viewer::ViewKey Viewer::viewKey(const WindowSizes& sizes) const {
    const Scene& scene = view_.scene();
    const bool compare = ui_.compare && viewB_.has_value();
    ViewKey key{camera_.pose(),
                scene.hovered,
                scene.selected,
                {},
                view_.model() ? view_.model()->revision() : 0,
                compare && viewB_->model() ? viewB_->model()->revision() : 0,
                stageRevision_,
                ui_.xray,
                ui_.showLandmarks,
                ui_.render.flatShading,
                ui_.render.sagittalCut,
                compare,
                viewRect(sizes, compare ? 0 : -1)};
    key.visible.reserve(scene.objects.size());
    for (const auto& o : scene.objects) key.visible.push_back(o.visible);
    return key;
}

void Viewer::renderAt(const WindowSizes& sizes, int samples) {
    const bool compare = ui_.compare && viewB_ && viewB_->model();
    const PixelRect a = viewRect(sizes, compare ? 0 : -1);
    renderer_->syncMeshes(view_.scene().meshes);  // deformed discs, muscle tubes, new props
    target_->resize(a.w, a.h, samples);
    DrawList records = view_.drawList({ui_.xray, ui_.showLandmarks});
    if (staged_) applyEmphasis(records, staged_->emphasis);
    timings_.stats = renderer_->render(records, camera_, *target_, ui_.render);
    if (compare) {
        const PixelRect b = viewRect(sizes, 1);
        rendererB_->syncMeshes(viewB_->scene().meshes);
        targetB_->resize(b.w, b.h, samples);
        const FrameStats statsB =
            rendererB_->render(viewB_->drawList({ui_.xray, false}), camera_, *targetB_, ui_.render);
        timings_.stats.triangles += statsB.triangles;
        timings_.stats.drawCalls += statsB.drawCalls;
    }
}

void Viewer::redraw(double now, const WindowSizes& sizes) {
    ViewKey key = viewKey(sizes);
    if (!drawnKey_ || !(*drawnKey_ == key)) {
        renderAt(sizes, interactiveSamples_);
        drawnKey_ = std::move(key);
        drawnRefined_ = interactiveSamples_ >= kStillSamples;
        lastChange_ = now;
        // Frames per second while the view keeps changing: renders in consecutive frames (dragging,
        // flights, motions); an idle wait in between starts a new stretch.
        if (renderedLastFrame_ && lastRenderAt_ >= 0.0) {
            ++busyFrames_;
            busySeconds_ += now - lastRenderAt_;
        }
        lastRenderAt_ = now;
        renderedThisFrame_ = true;
    } else if (!drawnRefined_ && now - lastChange_ >= kRefineAfterSeconds) {
        renderAt(sizes, kStillSamples);
        drawnRefined_ = true;
    }
}

void Viewer::present(const WindowSizes& sizes) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, sizes.fbWidth, sizes.fbHeight);
    glClearColor(0.06f, 0.07f, 0.08f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const bool compare = ui_.compare && viewB_ && viewB_->model();
    const PixelRect a = viewRect(sizes, compare ? 0 : -1);
    target_->blitTo(0, a.x, sizes.fbHeight - a.y - a.h, a.w, a.h);
    if (compare) {
        const PixelRect b = viewRect(sizes, 1);
        targetB_->blitTo(0, b.x, sizes.fbHeight - b.y - b.h, b.w, b.h);
    }
    glViewport(0, 0, sizes.fbWidth, sizes.fbHeight);
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

namespace lumbarlab {

// --- Exports -----------------------------------------------------------------------------------

namespace {

constexpr double kExportSliceSeconds = 0.06;  // rendering per window frame while a video exports
constexpr const char* kWindowView = "view";   // the window's own camera, in file names

std::string folderOrError(ExportDialog& d) {
    const std::filesystem::path folder = picturesFolder();
    if (folder.empty()) d.error = "no pictures folder: set XDG_PICTURES_DIR or HOME, or type a file name";
    return folder.empty() ? std::string() : folder.string() + "/";
}

}  // namespace

void Viewer::openExport(ExportKind kind) {
    ExportDialog& d = ui_.exports;
    d.open = kind;
    d.error.clear();
    const ModelPresenter* model = view_.model();
    const Posture* shown = model ? model->posture() : nullptr;
    const std::string id = shown ? shown->id : "scene";
    const bool motion = shown && shown->isMotion();
    if (kind == ExportKind::Picture) {
        d.pictureFile = folderOrError(d) + pictureFileName(id, motion, player_.time(), kWindowView, "png");
    } else if (kind == ExportKind::Video) {
        const Posture* playing = player_.posture();
        d.motionName = playing && playing->isMotion() ? playing->name : "";
        d.motionSeconds = playing && playing->isMotion() ? float(playing->duration) : 0.0f;
        d.from = 0.0f;
        d.to = d.motionSeconds;
        if (playing) d.videoFile = folderOrError(d) + pictureFileName(playing->id, false, 0.0, kWindowView, "mp4");
        if (d.gif) d.videoFile.replace(d.videoFile.size() - 4, 4, ".gif");
    } else if (kind == ExportKind::Handout) {
        // The current exercise and side when one is shown (couch_stretch_l: couch stretch, left).
        for (int i = 0; i < int(std::size(kHandoutExercises)); ++i)
            if (id.rfind(kHandoutExercises[i], 0) == 0) d.exercise = i, d.leftSide = id.ends_with("_l");
        d.handoutFile = folderOrError(d) + handoutFileName(d);
    }
}

FigureScene& Viewer::exportFigure() {
    if (!exportFigure_) {
        RenderOptions options;
        options.mesh = options_.mesh;
        int exitCode = 0;
        try {
            exportFigure_ = std::make_unique<FigureScene>(options, exitCode, "view", false);
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string("cannot open the scene for export: ") + e.what());
        }
    }
    return *exportFigure_;
}

RenderOptions Viewer::exportOptions(int width, int height) const {
    RenderOptions r;
    r.width = width;
    r.height = height;
    r.samples = kStillSamples;
    r.xray = ui_.xray;
    r.landmarks = ui_.showLandmarks;
    r.flatShading = ui_.render.flatShading;
    r.cut = ui_.render.sagittalCut;
    if (const ModelPresenter* model = view_.model())
        r.pressure = model->pressureColours(), r.balance = model->showBalance();
    return r;
}

void Viewer::startExport() {
    ExportDialog& d = ui_.exports;
    d.error.clear();
    try {
        FigureScene& figure = exportFigure();
        const ModelPresenter* model = view_.model();
        if (d.open == ExportKind::Picture) {
            const PictureSize& size = kPictureSizes[d.pictureSize];
            if (d.pictureFile.empty()) throw std::runtime_error("give the picture a file name");
            std::filesystem::path file(d.pictureFile);
            if (file.extension() != ".png") file += ".png";
            checkWritableFolder(file);
            RenderOptions r = exportOptions(size.width, size.height);
            r.transparent = d.transparent;
            r.overlays = d.overlays;
            figure.setOptions(r);
            figure.copyVisibility(view_.scene());
            if (model) figure.showCoordinates(model->postureId(), model->values(), model->handLoadKg());
            pendingPicture_ = file;  // drawn next frame, after the dialog has said "Saving"
            d.running = true;
            d.progress = 0.0f;
            d.status = std::string("Rendering ") + size.name;
        } else if (d.open == ExportKind::Video) {
            const Posture* playing = player_.posture();
            if (!playing || !playing->isMotion()) throw std::runtime_error("no motion is shown");
            if (d.videoFile.empty()) throw std::runtime_error("give the video a file name");
            VideoOptions v;
            v.render = exportOptions(d.videoWidth, d.videoHeight);
            v.render.pose = {playing->id, d.from, {}};
            v.render.out = d.videoFile;
            v.from = d.from;
            v.to = d.to;
            v.fps = d.fps;
            v.format = d.gif ? "gif" : "mp4";
            v.quiet = true;
            figure.setOptions(v.render);
            figure.copyVisibility(view_.scene());
            figure.showPose(v.render.pose);
            videoJob_ = std::make_unique<VideoJob>(figure, v, camera_.pose());
            d.running = true;
            d.progress = 0.0f;
            d.status = "frame 0 of " + std::to_string(videoJob_->frames());
            std::printf("lumbarlab view: exporting %d frames to %s\n", videoJob_->frames(), videoJob_->out().c_str());
            std::fflush(stdout);
        } else if (d.open == ExportKind::Handout) {
            HandoutOptions h;
            h.exercise = kHandoutExercises[d.exercise];
            h.side = handoutHasSide(d.exercise) ? (d.leftSide ? "l" : "r") : "";
            h.paper = d.letter ? "letter" : "a4";
            h.out = d.handoutFile;
            handoutJob_ = std::make_unique<HandoutJob>(figure, h);
            d.running = true;
            d.progress = 0.0f;
            d.status = "start picture";
        }
    } catch (const std::exception& e) {
        videoJob_.reset();
        handoutJob_.reset();
        d.running = false;
        d.error = e.what();
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
    }
}

void Viewer::stepExport() {
    ExportDialog& d = ui_.exports;
    if (!d.running) return;
    try {
        if (pendingPicture_) {
            const std::filesystem::path file = *pendingPicture_;
            pendingPicture_.reset();
            OrbitCamera camera = camera_;
            // No view name in the title: the window's camera is the user's own, not a preset.
            const Image image = exportFigure().figure(camera, view_.model() ? player_.time() : 0.0, "");
            writePng(file, image);
            endExport("Saved picture " + file.string() + " (" + std::to_string(image.width) + "x" +
                          std::to_string(image.height) + (d.transparent ? " RGBA)" : ")"),
                      false);
        } else if (videoJob_) {
            const double start = Window::now();
            bool more = true;
            while (more && Window::now() - start < kExportSliceSeconds) more = videoJob_->step();
            d.progress = float(videoJob_->done()) / float(std::max(videoJob_->frames(), 1));
            d.status = "frame " + std::to_string(videoJob_->done()) + " of " + std::to_string(videoJob_->frames());
            if (!more) {
                d.status = "encoding";
                videoJob_->finish();
                const std::string done = "Saved video " + videoJob_->out().string() + " (" +
                                         std::to_string(videoJob_->frames()) + " frames)";
                endExport(done, false);
            }
        } else if (handoutJob_) {
            const bool more = handoutJob_->step();
            d.progress = float(handoutJob_->done()) / float(HandoutJob::steps());
            d.status = handoutJob_->done() == 1 ? "end picture" : "page";
            if (!more) endExport("Saved handout " + handoutJob_->out().string(), false);
        }
    } catch (const std::exception& e) {
        d.error = e.what();
        endExport(e.what(), true);
    }
}

void Viewer::endExport(const std::string& notice, bool isError) {
    ExportDialog& d = ui_.exports;
    if (!d.running) return;
    if (videoJob_) videoJob_->cancel();  // a no-op after finish()
    videoJob_.reset();
    handoutJob_.reset();
    pendingPicture_.reset();
    d.running = false;
    std::printf("lumbarlab view: %s\n", notice.c_str());
    std::fflush(stdout);
    notify(notice, isError);
    if (!isError && notice.rfind("Saved", 0) == 0) d.open = ExportKind::None;  // done: the dialog closes
}

}  // namespace lumbarlab
