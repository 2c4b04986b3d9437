#pragma once
// What the interface shows and what it asks for. Panels read state and fill UiIntents; the app
// applies the intents at one point in the frame, never in the middle of drawing.

#include "render/renderer.h"
#include "scene/camera.h"

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
    RenderSettings render;
    std::vector<Notice> notices;
};

/// Requests from the interface, applied once per frame by the app.
struct UiIntents {
    std::optional<ViewPreset> viewPreset;
    bool frameSelection = false;
    std::optional<std::size_t> toggleVisibility;
    std::optional<std::optional<std::size_t>> select;  ///< set: select this object (nullopt: none)
    std::optional<float> uiScale;
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
