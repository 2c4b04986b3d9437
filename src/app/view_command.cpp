#include "view_command.h"

#include "lumbarlab/anatomy/pose_player.h"
#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/renderer.h"
#include "lumbarlab/ui/imgui_session.h"
#include "lumbarlab/ui/panels.h"
#include "model_view.h"
#include "process_clock.h"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lumbarlab {
namespace {

std::string gGlfwError;  // last message from GLFW's error callback, for one-line reports

/// Raw input gathered by GLFW callbacks between frames; the loop turns it into actions.
struct InputQueue {
    double scrollY = 0.0;
    std::vector<std::pair<int, int>> keys;  ///< (key, mods) pressed this frame
    // Left-button events: a press and release can both happen between two frames (a quick tap),
    // so clicks come from events, not from polling the button state.
    double pressX = 0.0, pressY = 0.0;
    std::optional<std::pair<double, double>> click;  ///< release point of a press that did not move
};

/// Owns the GLFW library and the window; terminates GLFW on destruction.
struct GlfwWindow {
    GLFWwindow* handle = nullptr;
    ~GlfwWindow() {
        if (handle) glfwDestroyWindow(handle);
        glfwTerminate();
    }
};

std::filesystem::path screenshotPath() {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return std::filesystem::absolute(std::string("lumbarlab-") + stamp + ".png");
}

/// Everything that changes the 3D image; when it is unchanged the last image is reused.
struct ViewKey {
    CameraPose pose;
    std::optional<std::size_t> hovered, selected;
    std::vector<bool> visible;
    std::uint64_t poseRevision = 0;
    bool xray = false, landmarks = false, flat = false, cut = false;
    int width = 0, height = 0;

    bool operator==(const ViewKey& o) const {
        return pose.target == o.pose.target && pose.distance == o.pose.distance && pose.yaw == o.pose.yaw &&
               pose.pitch == o.pose.pitch && poseRevision == o.poseRevision && hovered == o.hovered &&
               selected == o.selected && visible == o.visible && xray == o.xray && landmarks == o.landmarks &&
               flat == o.flat && cut == o.cut && width == o.width && height == o.height;
    }
};

void addNotice(UiState& ui, double now, std::string text, bool isError) {
    ui.notices.push_back(Notice{std::move(text), isError, now + (isError ? 10.0 : 4.0)});
}

}  // namespace

namespace {

/// The selected muscle's plot over the current motion, recomputed only when either changes.
struct MuscleTraceCache {
    std::string posture;
    std::optional<std::size_t> object;
    std::vector<float> trace;
};

MusclePanelData musclePanelData(const BuiltInModel& model, const Scene& scene, const PosePlayer& player,
                                MuscleTraceCache& cache) {
    MusclePanelData data;
    const MuscleSet& set = model.muscles->set();
    const Posture* reference = model.data.findPosture(model.muscles->referencePosture());
    data.reference = reference ? reference->name : model.muscles->referencePosture();
    for (const std::string& group : set.groups) {
        std::string label = group;
        for (auto& c : label) c = c == '_' ? ' ' : c;
        if (!label.empty()) label[0] = char(std::toupper(static_cast<unsigned char>(label[0])));
        bool visible = false;
        for (const auto& o : scene.objects) visible = visible || (o.group == group && o.visible);
        data.groups.push_back({group, label, visible});
    }
    // Whole muscles per side, in scene-object order (muscle by muscle, right then left).
    std::vector<MuscleRankRow> rows;
    for (std::size_t k = 0; k < 2 * set.muscles.size(); ++k) {
        const std::size_t object = model.muscleObjectStart + k;
        const WholeMuscle whole =
            model.muscles->wholeMuscle(model.muscleLengths, k / 2, k % 2 == 0 ? BodySide::Right : BodySide::Left);
        if (object >= scene.objects.size() || whole.fascicles == 0) continue;
        rows.push_back({scene.objects[object].name, whole.changePct, object});
        if (scene.selected == object) {
            data.selected = rows.back();
            data.selectedLengthM = whole.lengthM;
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const MuscleRankRow& a, const MuscleRankRow& b) { return a.changePct > b.changePct; });
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i)
        if (rows[i].changePct > 0.5) data.lengthened.push_back(rows[i]);
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i)
        if (rows[rows.size() - 1 - i].changePct < -0.5) data.shortened.push_back(rows[rows.size() - 1 - i]);
    const Posture* p = player.posture();
    if (p && p->isMotion() && data.selected) {
        if (cache.posture != p->id || cache.object != data.selected->object) {
            const auto muscle = model.muscleOfObject(data.selected->object);
            cache = {p->id, data.selected->object, model.muscleTrace(*p, muscle->first, muscle->second, 120)};
        }
        data.trace = cache.trace;
        if (p->duration > 0.0) data.traceTime = float(player.time() / p->duration);
    }
    return data;
}

}  // namespace

int runViewCommand(const ViewOptions& options) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        std::fprintf(stderr,
                     "lumbarlab view: no display (DISPLAY is not set); use 'lumbarlab render --out FILE.png' to render "
                     "without one\n");
        return kExitNoGraphics;
    }
    glfwSetErrorCallback([](int, const char* message) { gGlfwError = message ? message : ""; });
    GlfwWindow window;
    if (!glfwInit()) {
        std::fprintf(stderr,
                     "lumbarlab view: cannot open the display (%s); use 'lumbarlab render --out FILE.png' instead\n",
                     gGlfwError.c_str());
        return kExitNoGraphics;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // MSAA happens in our offscreen target
    window.handle = glfwCreateWindow(1280, 720, "Lumbar Lab", nullptr, nullptr);
    if (!window.handle) {
        std::fprintf(stderr, "lumbarlab view: cannot create an OpenGL 3.3 core window (%s)\n", gGlfwError.c_str());
        return kExitNoGraphics;
    }
    glfwMakeContextCurrent(window.handle);
    glfwSwapInterval(options.frames > 0 ? 0 : 1);

    try {
        requireGl33();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
        return kExitNoGraphics;
    }
    const GlInfo gl = currentGlInfo();

    InputQueue input;
    glfwSetWindowUserPointer(window.handle, &input);
    // Installed before ImGui, which chains to them.
    glfwSetScrollCallback(window.handle, [](GLFWwindow* w, double, double dy) {
        static_cast<InputQueue*>(glfwGetWindowUserPointer(w))->scrollY += dy;
    });
    glfwSetMouseButtonCallback(window.handle, [](GLFWwindow* w, int button, int action, int) {
        if (button != GLFW_MOUSE_BUTTON_LEFT) return;
        auto* queue = static_cast<InputQueue*>(glfwGetWindowUserPointer(w));
        double x = 0.0, y = 0.0;
        glfwGetCursorPos(w, &x, &y);
        if (action == GLFW_PRESS) {
            queue->pressX = x;
            queue->pressY = y;
        } else if (action == GLFW_RELEASE && std::abs(x - queue->pressX) + std::abs(y - queue->pressY) <= 4.0) {
            queue->click = std::pair{x, y};
        }
    });
    glfwSetKeyCallback(window.handle, [](GLFWwindow* w, int key, int, int action, int mods) {
        if (action == GLFW_PRESS) static_cast<InputQueue*>(glfwGetWindowUserPointer(w))->keys.emplace_back(key, mods);
    });

    UiState ui;
    float contentScaleX = 1.0f, contentScaleY = 1.0f;
    glfwGetWindowContentScale(window.handle, &contentScaleX, &contentScaleY);
    ui.uiScale = options.uiScale > 0.0f ? options.uiScale : std::max(1.0f, contentScaleX);

    std::unique_ptr<ImGuiSession> imgui;
    std::unique_ptr<Renderer> renderer;
    try {
        imgui = std::make_unique<ImGuiSession>(window.handle, ui.uiScale);
        renderer = std::make_unique<Renderer>();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
        return kExitFailed;
    }

    const double startTime = glfwGetTime();
    const std::filesystem::path assetDir = findAssetDir();
    ModelView view = openModelView(options.meshes, gl.software);
    for (const auto& error : view.errors()) {
        std::fprintf(stderr, "lumbarlab view: %s\n", error.c_str());
        addNotice(ui, startTime, error, true);
    }
    Scene& scene = view.scene();
    renderer->syncMeshes(scene.meshes);

    // Posture playback (built-in model only).
    PosePlayer player;
    std::vector<std::pair<std::string, std::string>> postureKeys;
    if (BuiltInModel* model = view.model()) {
        try {
            postureKeys = loadPostureKeys(assetDir);
        } catch (const std::exception& e) {
            addNotice(ui, startTime, e.what(), true);
        }
        if (const Posture* standing = model->data.findPosture("neutral_standing")) player.setPosture(*standing, 0.0);
    } else {
        ui.showPosturePanel = false;
    }
    std::uint64_t appliedRevision = ~std::uint64_t{0};
    std::uint64_t sceneRevision = 0;  // counts pose applications: the 3D image must be redrawn
    std::vector<float> discTrace;
    MuscleTraceCache muscleTrace;
    std::vector<EvidenceRow> evidence;
    if (const BuiltInModel* model = view.model()) evidence = model->evidenceRows();

    int fbWidth = 0, fbHeight = 0;
    glfwGetFramebufferSize(window.handle, &fbWidth, &fbHeight);
    // Software GL cannot afford MSAA at interactive rates: draw single-sampled while the view
    // changes, then refine once with 4x MSAA when it has been still for a moment.
    const int interactiveSamples = gl.software ? 1 : 4;
    constexpr int kStillSamples = 4;
    constexpr double kRefineAfterSeconds = 0.2;
    RenderTarget target(fbWidth, fbHeight, interactiveSamples);
    std::optional<ViewKey> drawnKey;
    bool drawnRefined = false;
    double lastChange = 0.0;
    OrbitCamera camera;
    camera.setPose(
        camera.framedPose(scene.bounds(), ViewPreset::Oblique, float(fbWidth) / float(std::max(fbHeight, 1))));

    FrameTimings timings;
    timings.renderer = gl.renderer;
    double lastTime = glfwGetTime();
    double cursorX = 0.0, cursorY = 0.0;
    glfwGetCursorPos(window.handle, &cursorX, &cursorY);
    bool pointerMoved = true;
    int framesDrawn = 0;
    double smoothedMs = 16.0;

    bool idle = false;  // the last frame changed nothing: wait for input instead of spinning
    while (!glfwWindowShouldClose(window.handle)) {
        if (idle)
            glfwWaitEventsTimeout(1.0 / 30.0);
        else
            glfwPollEvents();
        glfwGetFramebufferSize(window.handle, &fbWidth, &fbHeight);
        if (fbWidth <= 0 || fbHeight <= 0) {  // minimised: sleep until something happens
            glfwWaitEvents();
            continue;
        }
        const double now = glfwGetTime();
        const float dt = float(now - lastTime);
        lastTime = now;
        smoothedMs = 0.9 * smoothedMs + 0.1 * (dt * 1000.0);
        timings.frameMs = smoothedMs;
        timings.fps = smoothedMs > 0.0 ? 1000.0 / smoothedMs : 0.0;

        int winWidth = 1, winHeight = 1;
        glfwGetWindowSize(window.handle, &winWidth, &winHeight);
        const double toPixelsX = double(fbWidth) / std::max(winWidth, 1),
                     toPixelsY = double(fbHeight) / std::max(winHeight, 1);
        const float aspect = float(fbWidth) / float(fbHeight);

        imgui->beginFrame();
        UiIntents intents;
        drawMenuBar(ui, intents);
        drawScenePanel(scene, ui, intents);
        drawStatsOverlay(timings, ui);
        drawNotices(ui, now);
        drawHelpWindow(ui);
        if (BuiltInModel* model = view.model()) {
            PosturePanelData panel;
            for (const auto& p : model->data.postures) {
                PostureItem item{p.id, p.name, {}, p.isMotion()};
                for (const auto& [key, id] : postureKeys)
                    if (id == p.id) item.key = key;
                panel.postures.push_back(item);
            }
            if (const Posture* p = player.posture()) {
                panel.current = p->id;
                panel.name = p->name;
                panel.description = p->description;
                panel.dose = p->dose;
                panel.cues = p->cues;
                panel.motion = p->isMotion();
                panel.duration = p->duration;
            }
            panel.playing = player.playing();
            panel.loop = player.loop();
            panel.time = player.time();
            panel.speed = player.speed();
            panel.elapsed = player.elapsed();
            panel.repetitions = player.repetitions();
            for (const auto& spec : model->data.coordinates.specs()) {
                if (spec.perLevel) continue;
                auto it = model->values.find(spec.name);
                panel.sliders.push_back({spec.name, spec.unit, spec.min, spec.max,
                                         it == model->values.end() ? 0.0 : it->second,
                                         player.overrides().count(spec.name) > 0});
            }
            const ClinicalAngles a = model->data.gauge->measure(model->pose(), model->frames());
            panel.angles = {{"Hip flexion, right", a.hipFlexionRight},
                            {"Hip flexion, left", a.hipFlexionLeft},
                            {"Knee flexion, right", a.kneeFlexionRight},
                            {"Knee flexion, left", a.kneeFlexionLeft},
                            {"Lumbar lordosis L1-S1", a.lumbarLordosis},
                            {"Pelvic tilt", a.pelvicTilt},
                            {"Sacral slope", a.sacralSlope}};
            drawPosturePanel(panel, ui, intents);

            DiscPanelData discPanel;
            discPanel.handLoadKg = model->handLoad.kg;
            discPanel.trace = discTrace;
            if (const Posture* p = player.posture(); p && p->isMotion() && p->duration > 0.0)
                discPanel.traceTime = float(player.time() / p->duration);
            discPanel.evidence = evidence;
            for (std::size_t i = 0; i < model->discs.size(); ++i) {
                const DiscState& d = model->discs[i];
                std::string level = std::string(kDiscLevels[i]);
                for (auto& c : level) c = c == '_' ? '/' : char(std::toupper(static_cast<unsigned char>(c)));
                const double threshold = model->discModel ? model->discModel->parameters().rootWarningThreshold : 1e9;
                discPanel.rows.push_back({level, d.pressureMpa, d.compressionN, d.compressionN / kNewtonsPerPoundForce,
                                          d.posteriorMpa > 0.0 ? d.anteriorMpa / d.posteriorMpa : 0.0, d.nucleusShiftMm,
                                          d.rootProximity, d.rootProximity >= threshold});
            }
            drawDiscPanel(discPanel, ui, intents);
            if (model->muscles) drawMusclePanel(musclePanelData(*model, scene, player, muscleTrace), ui, intents);
            drawEvidencePanel(discPanel, ui);
        }
        const std::optional<InfoCard> card = view.infoCard();
        drawInfoCard(card ? &*card : nullptr, intents);
        if (ui.showLandmarks) drawScreenLabels(view.landmarkLabels(camera, float(winWidth), float(winHeight)));

        // Mouse in the 3D view, unless the interface has it.
        double x = 0.0, y = 0.0;
        glfwGetCursorPos(window.handle, &x, &y);
        const double dx = x - cursorX, dy = y - cursorY;
        pointerMoved = pointerMoved || dx != 0.0 || dy != 0.0;
        cursorX = x;
        cursorY = y;
        const bool shift = glfwGetKey(window.handle, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS ||
                           glfwGetKey(window.handle, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
        const bool left = glfwGetMouseButton(window.handle, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
        const bool right = glfwGetMouseButton(window.handle, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
        if (!imgui->wantsMouse()) {
            const float perPixel = 3.0f / float(std::max(winHeight, 1));
            if ((left && shift) || right)
                camera.pan(float(dx) / float(winHeight), float(dy) / float(winHeight));
            else if (left)
                camera.orbit(float(dx) * perPixel, float(dy) * perPixel);
            if (input.scrollY != 0.0) camera.zoom(float(input.scrollY));
            const DrawList records = view.drawList({ui.xray, ui.showLandmarks});
            if (input.click)  // a press and release without moving: select what is under it
                intents.select =
                    scene.objectOf(renderer->pick(records, camera, target, int(input.click->first * toPixelsX),
                                                  int(input.click->second * toPixelsY)));
            if (pointerMoved && !left && !right) {
                scene.hovered =
                    scene.objectOf(renderer->pick(records, camera, target, int(x * toPixelsX), int(y * toPixelsY)));
                pointerMoved = false;
            }
        } else {
            scene.hovered.reset();
        }
        input.click.reset();
        input.scrollY = 0.0;

        // Keys, unless a text field has them.
        if (!imgui->wantsKeyboard()) {
            for (const auto& [key, mods] : input.keys) {
                if (key >= GLFW_KEY_1 && key <= GLFW_KEY_6)
                    intents.viewPreset = kAllViewPresets[std::size_t(key - GLFW_KEY_1)];
                else if (key == GLFW_KEY_F)
                    intents.frameSelection = true;
                else if (key == GLFW_KEY_P)
                    intents.screenshot = true;
                else if (key == GLFW_KEY_H)
                    ui.showHelp = !ui.showHelp;
                else if (key == GLFW_KEY_X)
                    ui.xray = !ui.xray;
                else if (key == GLFW_KEY_SPACE)
                    intents.togglePlay = true;
                else if (key == GLFW_KEY_D)
                    ui.showDiscPanel = ui.pressureColours = !ui.showDiscPanel;
                else if (key == GLFW_KEY_C)
                    ui.render.sagittalCut = !ui.render.sagittalCut;
                else if (key == GLFW_KEY_E)
                    ui.showEvidence = !ui.showEvidence;
                else if (key == GLFW_KEY_M)
                    ui.showMusclePanel = !ui.showMusclePanel;
                else if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12) {
                    const std::string name = "F" + std::to_string(key - GLFW_KEY_F1 + 1);
                    for (const auto& [k, id] : postureKeys)
                        if (k == name) intents.posture = id;
                } else if (key == GLFW_KEY_L)
                    ui.showLandmarks = !ui.showLandmarks;
                else if (key == GLFW_KEY_Q && (mods & GLFW_MOD_CONTROL))
                    intents.quit = true;
                else if (key == GLFW_KEY_ESCAPE)
                    intents.select = std::optional<std::size_t>{};
            }
        }
        input.keys.clear();

        // Apply what the interface and the input asked for, in one place.
        if (intents.toggleVisibility && *intents.toggleVisibility < scene.objects.size())
            scene.objects[*intents.toggleVisibility].visible = !scene.objects[*intents.toggleVisibility].visible;
        if (intents.toggleGroup) {
            bool anyVisible = false;
            for (const auto& o : scene.objects)
                anyVisible = anyVisible || (o.group == *intents.toggleGroup && o.visible);
            for (auto& o : scene.objects)
                if (o.group == *intents.toggleGroup) o.visible = !anyVisible;
        }
        if (intents.select) scene.selected = *intents.select;
        if (const BuiltInModel* model = view.model(); model && (intents.showAllMuscles || intents.isolateObject))
            for (std::size_t i = 0; i < scene.objects.size(); ++i)
                if (model->muscleOfObject(i))
                    scene.objects[i].visible =
                        intents.showAllMuscles ? *intents.showAllMuscles : i == *intents.isolateObject;
        const Bounds focus = scene.selected ? scene.bounds(*scene.selected) : scene.bounds();
        if (intents.viewPreset) camera.animateTo(camera.framedPose(scene.bounds(), *intents.viewPreset, aspect));
        if (intents.frameSelection) camera.animateTo(camera.framedPose(focus, aspect));
        if (intents.uiScale) imgui->setScale(*intents.uiScale);
        if (BuiltInModel* model = view.model()) {
            if (intents.posture)
                if (const Posture* p = model->data.findPosture(*intents.posture)) player.setPosture(*p);
            if (intents.togglePlay) player.togglePlay();
            if (intents.seek) player.seek(*intents.seek);
            if (intents.speed) player.setSpeed(*intents.speed);
            if (intents.loop) player.setLoop(*intents.loop);
            if (intents.resetCoordinates) player.clearOverrides();
            if (intents.setCoordinate) player.setOverride(intents.setCoordinate->first, intents.setCoordinate->second);
            player.update(dt);
            if (intents.handLoadKg) model->handLoad.kg = *intents.handLoadKg;
            const bool discLookChanged = model->pressureColours != ui.pressureColours || intents.handLoadKg.has_value();
            model->pressureColours = ui.pressureColours;
            if (player.revision() != appliedRevision || discLookChanged) {
                if (const Posture* p = player.posture()) {
                    if (model->postureId != p->id || discTrace.empty() != !p->isMotion() || intents.handLoadKg)
                        discTrace = model->pressureTrace(*p, 4, 120);
                    model->postureId = p->id;
                }
                model->applyPose(scene, player.values());
                appliedRevision = player.revision();
                ++sceneRevision;
            }
        }
        if (intents.quit) glfwSetWindowShouldClose(window.handle, GLFW_TRUE);
        camera.update(dt);

        ViewKey key{camera.pose(),    scene.hovered,         scene.selected,        {},      sceneRevision, ui.xray,
                    ui.showLandmarks, ui.render.flatShading, ui.render.sagittalCut, fbWidth, fbHeight};
        for (const auto& o : scene.objects) key.visible.push_back(o.visible);
        if (!drawnKey || !(*drawnKey == key)) {
            renderer->syncMeshes(scene.meshes);  // deformed discs, new props
            target.resize(fbWidth, fbHeight, interactiveSamples);
            timings.stats = renderer->render(view.drawList({ui.xray, ui.showLandmarks}), camera, target, ui.render);
            drawnKey = key;
            drawnRefined = interactiveSamples >= kStillSamples;
            lastChange = now;
        } else if (!drawnRefined && now - lastChange >= kRefineAfterSeconds) {
            target.resize(fbWidth, fbHeight, kStillSamples);
            timings.stats = renderer->render(view.drawList({ui.xray, ui.showLandmarks}), camera, target, ui.render);
            drawnRefined = true;
        }
        idle = drawnKey && *drawnKey == key && drawnRefined && !camera.animating() && !left && !right;
        if (intents.screenshot) {
            if (!drawnRefined) {  // a saved picture is always the full-quality one
                target.resize(fbWidth, fbHeight, kStillSamples);
                timings.stats = renderer->render(view.drawList({ui.xray, ui.showLandmarks}), camera, target, ui.render);
                drawnRefined = true;
            }
            const auto path = screenshotPath();
            try {
                writePng(path, target.readColour());
                addNotice(ui, now, "Saved screenshot to " + path.string(), false);
            } catch (const std::exception& e) {
                addNotice(ui, now, e.what(), true);
            }
        }
        target.blitTo(0, fbWidth, fbHeight);
        glViewport(0, 0, fbWidth, fbHeight);
        imgui->endFrame();
        glfwSwapBuffers(window.handle);

        if (++framesDrawn == 1) {
            glFinish();  // the frame is really done, not just queued
            std::printf("lumbarlab view: first frame after %.0f ms from start (%s, %zu triangles)\n",
                        millisecondsSinceStart(), gl.renderer.c_str(), timings.stats.triangles);
            std::fflush(stdout);
        }
        if (options.frames > 0 && framesDrawn >= options.frames) break;
    }
    imgui.reset();
    renderer.reset();
    return kExitOk;
}

}  // namespace lumbarlab
