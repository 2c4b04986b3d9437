#pragma once
// The interactive viewer over one window: each frame it turns input into intents, lets the panels
// add theirs, applies them all at one point, redraws the 3D view only when it changed, and draws the
// interface on top. It also walks a lesson step by step, shows two postures side by side (compare),
// switches to presentation mode, and keeps the user's settings between runs.

#include "cli.h"
#include "export_jobs.h"
#include "window.h"

#include "lumbarlab/anatomy/pose_player.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/render_target.h"
#include "lumbarlab/render/renderer.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/ui/imgui_session.h"
#include "lumbarlab/ui/ui_state.h"
#include "lumbarlab/view/compare.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/lesson_stage.h"
#include "lumbarlab/view/panel_builder.h"
#include "lumbarlab/view/quiz.h"
#include "lumbarlab/view/scene_view.h"
#include "lumbarlab/view/settings.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace lumbarlab {

class Viewer {
public:
    /// Loads the scene and sets up the interface and renderer on the window's current context.
    /// Load problems become notices (and lines on stderr); throws only when the renderer cannot start.
    /// `settings` were read from `settingsFile` (empty: nothing is saved).
    Viewer(Window& window, const ViewOptions& options, const GlInfo& gl, const LoadedSettings& settings,
           std::filesystem::path settingsFile);
    ~Viewer();                       ///< saves the settings
    Viewer(const Viewer&) = delete;  // owns GL objects of the window's context
    Viewer& operator=(const Viewer&) = delete;
    Viewer(Viewer&&) = delete;
    Viewer& operator=(Viewer&&) = delete;
    /// Runs until the window closes (or `frames` frames when set); returns the exit code.
    int run();

private:
    /// A rectangle of the framebuffer, in pixels from the top-left corner.
    struct PixelRect {
        int x = 0, y = 0, w = 1, h = 1;
        bool operator==(const PixelRect&) const = default;
    };
    /// Everything that changes the 3D image; when it is unchanged the last image is reused.
    struct ViewKey {
        CameraPose camera;
        std::optional<std::size_t> hovered, selected;
        std::vector<bool> visible;
        std::uint64_t modelRevision = 0, revisionB = 0, stageRevision = 0;
        bool xray = false, landmarks = false, flat = false, cut = false, compare = false;
        PixelRect rect;
        bool operator==(const ViewKey& o) const;
    };

    void notify(std::string text, bool isError);
    void drawInterface(UiIntents& intents, const WindowSizes& sizes);
    void handlePointer(UiIntents& intents, const WindowSizes& sizes, const PointerState& pointer);
    void handleKeys(UiIntents& intents);
    void applyIntents(const UiIntents& intents, const WindowSizes& sizes);
    void applyModelIntents(const UiIntents& intents, double dt);
    void applyLessonIntents(const UiIntents& intents, const WindowSizes& sizes);
    void applyQuizIntents(const UiIntents& intents, const WindowSizes& sizes);
    void goToQuizStep(const WindowSizes& sizes);
    [[nodiscard]] ViewKey viewKey(const WindowSizes& sizes) const;
    /// The 3D view's rectangle: the whole centre, or its left (half 0) or right (half 1) part.
    [[nodiscard]] PixelRect viewRect(const WindowSizes& sizes, int half = -1) const;
    [[nodiscard]] float viewAspect(const WindowSizes& sizes) const;
    /// Redraws the 3D view if it changed (single-sampled on software GL), or refines the still image.
    void redraw(double now, const WindowSizes& sizes);
    void renderAt(const WindowSizes& sizes, int samples);
    void present(const WindowSizes& sizes);
    void saveScreenshot(const WindowSizes& sizes);
    void keepAboveFloor();
    [[nodiscard]] std::vector<glm::vec3> framePoints() const;

    // Lessons
    void openLesson(const std::string& id, int requestedStep, const Settings& saved);
    void showStep(const WindowSizes& sizes);
    void followPlaybackRange();
    // Compare
    void openCompare(const std::string& a, const std::string& b);
    void updateComparison();
    // Exports (File menu): the dialogs' defaults, starting, a bounded slice per frame, cancel
    void openExport(ExportKind kind);
    void startExport();
    void stepExport();
    void endExport(const std::string& notice, bool isError);
    /// The figure the exports draw with (on this window's context), opened on first use.
    FigureScene& exportFigure();
    /// The export options for what the window shows now, at `width` x `height`.
    [[nodiscard]] RenderOptions exportOptions(int width, int height) const;
    // Settings
    void applySettings(const Settings& s);
    void saveSettingsNow();

    Window& window_;
    ViewOptions options_;
    GlInfo gl_;
    UiState ui_;
    std::unique_ptr<ImGuiSession> imgui_;
    std::unique_ptr<Renderer> renderer_;
    SceneView view_;
    PosePlayer player_;
    std::optional<PanelBuilder> panels_;  // built-in model only
    std::uint64_t appliedPlayerRevision_ = ~std::uint64_t{0};
    OrbitCamera camera_;
    std::unique_ptr<RenderTarget> target_;
    std::optional<ViewKey> drawnKey_;
    bool drawnRefined_ = false;
    double lastChange_ = 0.0;
    int interactiveSamples_ = 1;
    FrameTimings timings_;
    PointerState lastPointer_;
    bool pointerMoved_ = true;
    float appliedUiScale_ = 1.0f;  // the scale the slider last settled on

    std::optional<Lesson> lesson_;
    std::optional<LessonCursor> cursor_;
    std::optional<Quiz> quizData_;     // the open lesson's quiz, if it has one
    std::optional<QuizSession> quiz_;  // running
    std::optional<StagedStep> staged_;
    std::uint64_t stageRevision_ = 0;
    bool stepPending_ = false;  // show the current step once the layout is known
    bool quizPending_ = false;  // --quiz: start the quiz on the first frame

    std::optional<SceneView> viewB_;  // the compare view's B side: its own model and renderer
    PosePlayer playerB_;
    std::uint64_t appliedPlayerRevisionB_ = ~std::uint64_t{0};
    std::unique_ptr<Renderer> rendererB_;
    std::unique_ptr<RenderTarget> targetB_;
    std::optional<PostureComparison> comparison_;

    Settings settings_;
    std::filesystem::path settingsFile_;

    std::unique_ptr<FigureScene> exportFigure_;
    std::unique_ptr<VideoJob> videoJob_;
    std::unique_ptr<HandoutJob> handoutJob_;
    std::optional<std::filesystem::path> pendingPicture_;  // rendered on the frame after Save shows "Saving"

    // Frames per second while the view keeps changing (dragging, flights, motions), for the report.
    int busyFrames_ = 0;
    double busySeconds_ = 0.0, lastRenderAt_ = -1.0;
    bool renderedThisFrame_ = false, renderedLastFrame_ = false;
};

}  // namespace lumbarlab
