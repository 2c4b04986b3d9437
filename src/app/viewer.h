#pragma once
// The interactive viewer over one window: each frame it turns input into intents, lets the panels
// add theirs, applies them all at one point, redraws the 3D view only when it changed, and draws the
// interface on top.

#include "cli.h"
#include "window.h"

#include "lumbarlab/anatomy/pose_player.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/render_target.h"
#include "lumbarlab/render/renderer.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/ui/imgui_session.h"
#include "lumbarlab/ui/ui_state.h"
#include "lumbarlab/view/panel_builder.h"
#include "lumbarlab/view/scene_view.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace lumbarlab {

class Viewer {
public:
    /// Loads the scene and sets up the interface and renderer on the window's current context.
    /// Load problems become notices (and lines on stderr); throws only when the renderer cannot start.
    Viewer(Window& window, const ViewOptions& options, const GlInfo& gl);
    ~Viewer();
    Viewer(const Viewer&) = delete;  // owns GL objects of the window's context
    Viewer& operator=(const Viewer&) = delete;
    Viewer(Viewer&&) = delete;
    Viewer& operator=(Viewer&&) = delete;
    /// Runs until the window closes (or `frames` frames when set); returns the exit code.
    int run();

private:
    /// Everything that changes the 3D image; when it is unchanged the last image is reused.
    struct ViewKey {
        CameraPose camera;
        std::optional<std::size_t> hovered, selected;
        std::vector<bool> visible;
        std::uint64_t modelRevision = 0;
        bool xray = false, landmarks = false, flat = false, cut = false;
        int width = 0, height = 0;
        bool operator==(const ViewKey& o) const;
    };

    void notify(std::string text, bool isError);
    void drawInterface(UiIntents& intents, const WindowSizes& sizes);
    void handlePointer(UiIntents& intents, const WindowSizes& sizes, const PointerState& pointer);
    void handleKeys(UiIntents& intents);
    void applyIntents(const UiIntents& intents, const WindowSizes& sizes);
    void applyModelIntents(const UiIntents& intents, double dt);
    [[nodiscard]] ViewKey viewKey(const WindowSizes& sizes) const;
    /// Redraws the 3D view if it changed (single-sampled on software GL), or refines the still image.
    void redraw(double now, const WindowSizes& sizes);
    void renderAt(const WindowSizes& sizes, int samples);
    void saveScreenshot(const WindowSizes& sizes);

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
};

}  // namespace lumbarlab
