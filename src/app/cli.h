#pragma once
// The command line: parsed into plain options without exiting, so tests can check it.

#include "lumbarlab/scene/camera.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// Exit codes that mean something to scripts.
enum ExitCode : int {
    kExitOk = 0,
    kExitFailed = 1,      ///< bad input file, failed render or write
    kExitUsage = 2,       ///< bad command line
    kExitNoGraphics = 3,  ///< no display, no EGL, or OpenGL too old
};

/// `lumbarlab view`: the interactive window.
struct ViewOptions {
    std::vector<std::filesystem::path> meshes;  ///< empty: the built-in model
    int frames = 0;                             ///< > 0: run that many frames, then exit 0
    float uiScale = 0.0f;                       ///< 0: follow the monitor's content scale
    std::string lesson;                         ///< a lesson id: open on its steps ("" = none)
    int lessonStep = 0;                         ///< 1-based step to open on (0: the saved one, else 1)
    std::string compareA, compareB;             ///< both set: open the split A | B compare view
};

/// `lumbarlab compare`: two postures side by side (muscle length changes, disc pressures).
struct CompareOptions {
    std::string a = "sitting_relaxed", b = "neutral_standing";
    std::string format = "csv";  ///< csv or json
    bool window = false;         ///< open the split view instead of printing
    ViewOptions view;            ///< for --window
};

/// Which posture to show and how to adjust it (shared by render, pose, muscles, discs).
struct PoseSelection {
    std::string pose = "neutral_standing";
    double time = 0.0;              ///< seconds into a motion
    std::vector<std::string> sets;  ///< "COORD=VALUE" overrides, degrees or metres
};

/// `lumbarlab render`: one headless image.
struct RenderOptions {
    PoseSelection pose;
    std::filesystem::path out;
    int width = 1280;
    int height = 720;
    ViewPreset camera = ViewPreset::Oblique;
    int samples = 4;
    bool flatShading = false;
    bool xray = false;
    bool landmarks = false;
    bool pressure = false;          ///< colour the discs by pressure
    bool cut = false;               ///< sagittal cut: remove the right half
    std::string select;             ///< object id to highlight (and show landmarks of)
    std::string focus;              ///< object id or group to frame instead of everything
    std::vector<std::string> hide;  ///< groups to hide (body, props, discs, ...)
    std::vector<std::filesystem::path> meshes;
};

/// `lumbarlab model`: facts about the built-in model.
struct ModelOptions {
    bool landmarks = false;
    std::string format = "csv";  ///< csv or json
};

/// `lumbarlab pose`: coordinates, clinical angles and landmarks of one posture.
struct PoseOptions {
    PoseSelection pose;
    std::string format = "json";  ///< json or csv
};

/// `lumbarlab discs`: loads and pressures per disc for one posture.
struct DiscsOptions {
    PoseSelection pose;
    double loadKg = 0.0;
    bool far = false;
    std::string format = "csv";  ///< csv or json
};

struct MusclesOptions {
    PoseSelection pose;
    std::string reference;       ///< posture whose lengths are 0 % (empty: the data's default, standing)
    std::string sweep;           ///< COORD=FROM:TO:STEP (degrees), empty for one pose
    std::string map;             ///< a muscle id: print its hip x knee length-change map instead
    std::string side = "right";  ///< for --map
    std::string format = "csv";  ///< csv or json
};

/// The outcome of parsing: which command, its options, or a message and exit code to stop with.
struct ParsedCommand {
    enum class Kind { View, Render, Model, Pose, Poses, Discs, Muscles, Lessons, Compare, Exit } kind = Kind::View;
    DiscsOptions discs;
    MusclesOptions muscles;
    ViewOptions view;
    RenderOptions render;
    ModelOptions model;
    PoseOptions pose;
    CompareOptions compare;
    int exitCode = kExitOk;  ///< for Kind::Exit
    std::string output;      ///< for Kind::Exit: text for stdout (help, version)
    std::string error;       ///< for Kind::Exit: one line for stderr
};

/// Parses argv (argv[0] is the program). Never exits and never prints.
[[nodiscard]] ParsedCommand parseCommandLine(int argc, const char* const* argv);

}  // namespace lumbarlab
