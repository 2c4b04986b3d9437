#pragma once
// What the interface shows and what it asks for. Panels read state and fill UiIntents; the app
// applies the intents at one point in the frame, never in the middle of drawing.

#include "lumbarlab/scene/camera.h"
#include "lumbarlab/scene/render_settings.h"
#include "lumbarlab/view/compare.h"
#include "lumbarlab/view/panel_data.h"
#include "lumbarlab/view/quiz.h"

#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

/// A message shown to the user for a while (load errors, "screenshot saved").
struct Notice {
    std::string text;
    bool isError = false;
    double expiresAt = 0.0;  ///< seconds on the app clock
};

/// A screen rectangle in window coordinates (top-left origin).
struct UiRect {
    float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;
};

/// Where the docked panels go and what is left for the 3D view, from the window size, the scale
/// and which panels are open; recomputed every frame, so a resize re-lays everything out.
struct DockLayout {
    UiRect view;                                     ///< the 3D view (or both halves of the compare view)
    UiRect scene, posture;                           ///< left column
    UiRect card, muscles, discs, compare, evidence;  ///< right column
    UiRect patient;                                  ///< right column in patient mode
    UiRect quiz;                                     ///< right column, first, while a quiz runs
    UiRect jointMap;                                 ///< right column: the hip x knee map
    UiRect lessonBar;                                ///< bottom, full width
};

/// Which export dialog is open.
enum class ExportKind { None, Picture, Video, Handout };

/// The File menu's export dialogs: what the user picks (the panels edit it) and how the running
/// export is doing (the app fills it in).
struct ExportDialog {
    ExportKind open = ExportKind::None;
    ExportKind shown = ExportKind::None;  ///< the dialog whose popup is open (so Esc closing it is seen)
    // Save picture
    int pictureSize = 1;  ///< index into kPictureSizes
    bool transparent = false;
    bool overlays = true;
    std::string pictureFile;  ///< the app suggests one when the dialog opens
    // Export video (the current motion)
    std::string motionName;  ///< empty: no motion is shown (the dialog says so)
    float motionSeconds = 0.0f;
    float from = 0.0f, to = 0.0f;
    int fps = 30;
    int videoWidth = 1280, videoHeight = 720;
    bool gif = false;
    std::string videoFile;
    // Handout
    int exercise = 0;  ///< index into kHandoutExercises
    bool leftSide = false;
    bool letter = false;
    bool handoutPng = false;
    std::string handoutFile;
    // Progress (the app)
    bool running = false;
    float progress = 0.0f;  ///< 0..1
    std::string status;     ///< "frame 12 of 30"
    std::string error;      ///< one line, shown in the dialog
};

/// A picture size the Save picture dialog offers.
struct PictureSize {
    const char* name;
    int width, height;
};
inline constexpr PictureSize kPictureSizes[] = {{"1280 x 720", 1280, 720},        {"1920 x 1080 (HD)", 1920, 1080},
                                                {"2560 x 1440", 2560, 1440},      {"3840 x 2160 (4K)", 3840, 2160},
                                                {"7680 x 4320 (8K)", 7680, 4320}, {"1024 x 1024", 1024, 1024}};
/// The exercises with a handout (assets/handouts/*.json), as ids and names.
inline constexpr const char* kHandoutExercises[] = {"couch_stretch", "psoas_curl", "jefferson_curl"};
inline constexpr const char* kHandoutExerciseNames[] = {"Couch stretch", "Psoas curl", "Jefferson curl"};
/// Only the couch stretch has a side to choose (the leg that goes back); the others have one handout.
[[nodiscard]] inline bool handoutHasSide(int exercise) {
    return exercise == 0;
}
/// The handout's file name as the command names it: "couch_stretch_l-handout.pdf", "psoas_curl-handout.png".
[[nodiscard]] inline std::string handoutFileName(const ExportDialog& d) {
    const std::string side = handoutHasSide(d.exercise) ? (d.leftSide ? "_l" : "_r") : "";
    return kHandoutExercises[d.exercise] + side + "-handout" + (d.handoutPng ? ".png" : ".pdf");
}

/// Interface state the app owns and panels edit.
struct UiState {
    float uiScale = 1.0f;
    bool showScenePanel = true;
    bool showStats = true;
    bool showHelp = false;
    bool xray = false;           ///< bones translucent, discs and markers show through
    bool showLandmarks = false;  ///< landmark markers and labels (selected bone, or all)
    bool showPosturePanel = true;
    bool showDiscPanel = false;
    bool showEvidence = false;
    bool showMusclePanel = true;
    bool presentation = false;       ///< full screen, panels hidden but the caption bar, large type
    bool highContrast = false;       ///< the high-contrast theme (always on in presentation mode)
    bool compare = false;            ///< split A | B view with the diff panel
    bool patientMode = false;        ///< plain names, bars instead of numbers, large text, no joint controls
    bool quizOpen = false;           ///< a quiz is running (the app sets it each frame)
    bool showJointMap = false;       ///< the hip x knee map of a two-joint muscle
    std::size_t jointMapMuscle = 0;  ///< which one: 0 rectus femoris, then the hamstrings
    bool quizAvailable = false;      ///< the open lesson has a quiz
    bool showComparePanel = true;
    float lessonBarHeight = 0.0f;  ///< window pixels the caption bar took in the last frame
    DockLayout layout;
    RenderSettings render;
    std::vector<Notice> notices;
    ExportDialog exports;
};

/// Requests from the interface, applied once per frame by the app.
struct UiIntents {
    std::optional<ViewPreset> viewPreset;
    bool frameSelection = false;
    std::optional<std::size_t> toggleVisibility;
    std::optional<std::string> toggleGroup;            ///< show or hide a whole group
    std::optional<std::optional<std::size_t>> select;  ///< set: select this object (nullopt: none)
    std::optional<float> uiScale;
    // Posture and motion
    std::optional<std::string> posture;  ///< switch to this posture id
    bool togglePlay = false;
    std::optional<double> seek;  ///< seconds
    std::optional<double> speed;
    std::optional<bool> loop;
    std::optional<std::pair<std::string, double>> setCoordinate;
    bool resetCoordinates = false;
    std::optional<double> handLoadKg;
    std::optional<double> tightHipFlexorsPct;  ///< 0-30 %
    std::optional<bool> pressureColours;       ///< colour the discs by pressure (on) or plainly (off)
    std::optional<bool> showBalance;           ///< centre of mass and base of support shown or not
    std::optional<bool> showAllMuscles;        ///< show (true) or hide (false) every muscle
    std::optional<std::size_t> isolateObject;  ///< show only this muscle object
    bool screenshot = false;
    bool quit = false;
    std::optional<ExportKind> openExport;  ///< File menu: open this dialog (the app fills in its defaults)
    bool startExport = false;              ///< the open dialog's Save / Export button
    bool cancelExport = false;             ///< Cancel while an export runs
    bool closeExport = false;              ///< Close (or Esc) while nothing runs
    // Lessons
    bool lessonNext = false, lessonBack = false;
    std::optional<std::size_t> lessonGo;  ///< jump to this step
    bool togglePresentation = false;
    std::optional<bool> patientMode;  ///< turn patient mode on or off
    // Quiz
    bool quizStart = false, quizNext = false, quizClose = false;
    std::optional<std::size_t> quizChoice;  ///< the answer chosen
    std::optional<bool> compare;            ///< open (true) or close the split view
    std::optional<std::string> comparePostureA, comparePostureB;
    bool resetLayout = false;
};

/// The caption bar of a lesson: where the lesson is and what the step says.
struct LessonBarData {
    std::string lessonTitle;
    std::vector<std::string> stepTitles;
    std::size_t step = 0;
    std::vector<std::string> caption;
    std::vector<std::string> numbers;
};

/// The compare view's diff panel and its two posture pickers.
struct ComparePanelData {
    const PostureComparison* comparison = nullptr;
    std::optional<PlainComparison> plain;  ///< patient mode: words instead of the tables of figures
    std::vector<std::pair<std::string, std::string>> postures;  ///< (id, name) in teaching order
};

/// Per-frame figures for the overlay.
struct FrameTimings {
    double fps = 0.0;
    double frameMs = 0.0;
    FrameStats stats;
    std::string renderer;
};

}  // namespace lumbarlab
