#pragma once
// What the interface shows and what it asks for. Panels read state and fill UiIntents; the app
// applies the intents at one point in the frame, never in the middle of drawing.

#include "lumbarlab/scene/camera.h"
#include "lumbarlab/scene/render_settings.h"

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
    bool pressureColours = false;  ///< discs coloured by pressure
    bool showMusclePanel = true;
    RenderSettings render;
    std::vector<Notice> notices;
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
    std::optional<bool> showAllMuscles;        ///< show (true) or hide (false) every muscle
    std::optional<std::size_t> isolateObject;  ///< show only this muscle object
    bool screenshot = false;
    bool quit = false;
};

/// What the info card shows about the selected object; plain text the app fills.
struct InfoCard {
    std::string title;                 ///< e.g. "L4 vertebra"
    std::string subtitle;              ///< e.g. "Lumbar vertebra - lower back bone"
    std::string text;                  ///< a short description
    std::vector<std::string> details;  ///< e.g. landmark names
    std::string detailsHeading = "Landmarks (L shows them)";
};

/// A text label pinned to a screen position (window pixels, top-left origin).
struct ScreenLabel {
    std::string text;
    float x = 0.0f, y = 0.0f;
};

/// One entry of the posture list.
struct PostureItem {
    std::string id, name, key;  ///< key: e.g. "F3", or empty
    bool motion = false;
};

/// One joint slider.
struct CoordinateSlider {
    std::string name, unit;
    double min = 0.0, max = 0.0, value = 0.0;
    bool overridden = false;
};

/// What the posture panel shows; the app fills it each frame.
struct PosturePanelData {
    std::vector<PostureItem> postures;
    std::string current;  ///< id
    std::string name, description, dose;
    std::vector<std::string> cues;
    bool motion = false, playing = false, loop = true;
    double time = 0.0, duration = 0.0, speed = 1.0, elapsed = 0.0;
    int repetitions = 0;
    std::vector<CoordinateSlider> sliders;
    std::vector<std::pair<std::string, double>> angles;  ///< clinical readout, degrees
};

/// One disc's row in the disc panel.
struct DiscRow {
    std::string level;  ///< e.g. "L4/L5"
    double pressureMpa = 0.0, compressionN = 0.0, compressionLbf = 0.0, frontBackRatio = 1.0, nucleusShiftMm = 0.0;
    double rootProximity = 0.0;
    bool rootWarning = false;
};

/// One line of the evidence panel: a source's value beside the model's.
struct EvidenceRow {
    std::string posture, published, source;
    double modelMpa = 0.0;
};

/// What the disc panel and the evidence panel show.
struct DiscPanelData {
    std::vector<DiscRow> rows;
    std::vector<float> trace;  ///< L4/L5 pressure over the current motion (MPa), empty for postures
    float traceTime = 0.0f;    ///< where the motion is now, 0..1
    double legendMaximumMpa = 1.6;
    double handLoadKg = 0.0;
    std::vector<EvidenceRow> evidence;
};

/// Per-frame figures for the overlay.
/// A muscle group in the muscle panel (its scene group id).
struct MuscleGroupRow {
    std::string id, label;
    bool visible = true;
};

/// One muscle and side with its length change against the reference posture.
struct MuscleRankRow {
    std::string name;  ///< e.g. "Psoas major, right"
    double changePct = 0.0;
    std::size_t object = 0;  ///< scene object, for selecting it
};

/// What the muscle panel shows.
struct MusclePanelData {
    std::string reference;  ///< the posture that counts as 0 %, e.g. "Neutral standing"
    std::vector<MuscleGroupRow> groups;
    std::vector<MuscleRankRow> lengthened, shortened;  ///< most first
    std::optional<MuscleRankRow> selected;
    double selectedLengthM = 0.0;
    std::vector<float> trace;  ///< selected muscle's change (%) over the current motion; empty for a posture
    float traceTime = -1.0f;   ///< 0..1 position in the motion, or negative
    float legendRangePct = 30.0f;
};

struct FrameTimings {
    double fps = 0.0;
    double frameMs = 0.0;
    FrameStats stats;
    std::string renderer;
};

}  // namespace lumbarlab
