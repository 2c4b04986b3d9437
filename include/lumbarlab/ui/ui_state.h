#pragma once
// What the interface shows and what it asks for. Panels read state and fill UiIntents; the app
// applies the intents at one point in the frame, never in the middle of drawing.

#include "lumbarlab/scene/camera.h"
#include "lumbarlab/scene/render_settings.h"
#include "lumbarlab/view/panel_data.h"

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
    std::optional<bool> pressureColours;       ///< colour the discs by pressure (on) or plainly (off)
    std::optional<bool> showAllMuscles;        ///< show (true) or hide (false) every muscle
    std::optional<std::size_t> isolateObject;  ///< show only this muscle object
    bool screenshot = false;
    bool quit = false;
};

/// Per-frame figures for the overlay.
struct FrameTimings {
    double fps = 0.0;
    double frameMs = 0.0;
    FrameStats stats;
    std::string renderer;
};

}  // namespace lumbarlab
