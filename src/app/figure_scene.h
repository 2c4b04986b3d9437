#pragma once
// What render, video and handout share: a headless GL context, the scene of the chosen pose with the
// render options applied (hidden groups, selection, pressure colours), the framed camera, and
// pictures of it at any size through the tiling picture renderer.

#include "cli.h"
#include "lumbarlab/io/figure_overlay.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/headless_context.h"
#include "lumbarlab/render/picture_renderer.h"
#include "lumbarlab/view/lesson_stage.h"
#include "lumbarlab/view/scene_view.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lumbarlab {

/// A problem with the command line found while setting the scene up (exit code 2); what() is one line.
class FigureUsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class FigureScene {
public:
    /// Opens the context and the scene and applies `options` (pose, hide, select, pressure).
    /// Throws FigureUsageError for bad names, std::runtime_error for no graphics or a broken model;
    /// `exitCode` says which exit code the caller should use on failure.
    /// `command` names the command in the notes it prints ("lumbarlab render: ...").
    /// `ownContext` false: draws with the GL context current on this thread (the window's) instead.
    FigureScene(const RenderOptions& options, int& exitCode, std::string_view command = "render",
                bool ownContext = true);

    [[nodiscard]] SceneView& view() { return *view_; }
    [[nodiscard]] const GlInfo& gl() const { return gl_; }
    /// The EGL platform of its own context ("surfaceless", "device"), or "window".
    [[nodiscard]] std::string platform() const { return context_ ? context_->platform() : "window"; }
    [[nodiscard]] const RenderOptions& options() const { return options_; }
    /// Changes the options that a later picture uses (size, samples, shading, cut, x-ray, overlays,
    /// labels, disc and muscle colours; transparent hides the floor). Visibility, selection and focus
    /// stay as they were set when the scene was opened.
    void setOptions(const RenderOptions& options);
    /// Shows every object as it was when the scene opened (the options' --hide applied).
    void resetVisibility();
    /// Copies the visibility of another view of the same scene (the window's), if it has as many objects.
    void copyVisibility(const Scene& from);

    /// Shows `pose` at `time` (with the options' --set overrides); a no-op for mesh files.
    void showPose(const PoseSelection& pose);
    /// Shows `posture` with exactly these coordinate values and hand load (what a window shows).
    void showCoordinates(const std::string& posture, const Coordinates& values, double handLoadKg);
    /// What to frame: everything visible, or the --focus object or group (each object's box corners).
    [[nodiscard]] std::vector<glm::vec3> framedPoints() const;
    /// What to frame over a whole motion (sampled), so every frame and every render of it share one
    /// camera; for a posture, framedPoints(). Leaves the scene at `pose`.
    [[nodiscard]] std::vector<glm::vec3> motionPoints(const PoseSelection& pose);
    /// The current posture (null for mesh files).
    [[nodiscard]] const Posture* posture() { return view_->model() ? view_->model()->posture() : nullptr; }
    /// The camera of `preset` fitting `points` at the picture's aspect; `sceneRadius` > 0 scales its
    /// zoom range and clip planes to mesh files of that size (see sceneRadius()).
    [[nodiscard]] static OrbitCamera framedCamera(const std::vector<glm::vec3>& points, ViewPreset preset, float aspect,
                                                  float sceneRadius = 0.0f);
    /// For mesh files, the scene's radius (their units decide it); 0 for the built-in model.
    [[nodiscard]] float sceneRadius() const { return sceneRadius_; }
    /// Renders the current scene.
    [[nodiscard]] Image picture(const OrbitCamera& camera, int width, int height, int samples);
    /// The options' picture (their size and samples) with their overlays when on: what render writes
    /// and what each video frame is. `time` and `viewName` go into the title.
    [[nodiscard]] Image figure(const OrbitCamera& camera, double time, std::string_view viewName);
    /// Draws the title, legends and labels (targets and --label) for `camera` onto `image`.
    /// Returns the layout; an unknown --label is a FigureUsageError.
    OverlayLayout drawOverlays(Image& image, const OrbitCamera& camera, double time, std::string_view viewName,
                               bool title = true);
    /// A lesson step's emphasis per scene object (empty: none), applied to every later picture.
    void setEmphasis(std::vector<Emphasis> emphasis) { emphasis_ = std::move(emphasis); }
    /// Replaces the overlay's title and subtitle (empty: the posture's name and the view).
    void setTitle(std::string title, std::string subtitle) {
        title_ = std::move(title);
        subtitle_ = std::move(subtitle);
    }
    [[nodiscard]] const FrameStats& lastStats() const { return pictures_->lastStats(); }
    [[nodiscard]] int lastTileCount() const { return pictures_->lastTileCount(); }

private:
    RenderOptions options_;
    float sceneRadius_ = 0.0f;
    std::unique_ptr<HeadlessContext> context_;
    GlInfo gl_;
    std::optional<SceneView> view_;
    std::unique_ptr<Renderer> renderer_;
    std::unique_ptr<PictureRenderer> pictures_;
    std::vector<bool> openedVisible_;
    std::vector<Emphasis> emphasis_;
    std::string title_, subtitle_;
};

/// The file to write: --out as given, else the pictures folder and a name that says what it shows.
/// Creates the pictures folder. Throws FigureUsageError when there is no folder to default to.
[[nodiscard]] std::filesystem::path outputPath(const std::filesystem::path& out, const PoseSelection& pose, bool motion,
                                               std::string_view camera, std::string_view extension);

}  // namespace lumbarlab
