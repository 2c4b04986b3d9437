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

/// Mesh files to show instead of the built-in model, or bones of it to show from files
/// (`render` and `view` alike; see mesh_options.cpp and the README's "Your own meshes").
struct MeshOptions {
    std::vector<std::string> meshes;   ///< FILE[:OPTION...]; empty (and no scene): the built-in model
    std::filesystem::path scene;       ///< a scene file (JSON), shown with the --mesh files
    std::string units = "auto";        ///< mm, cm, m or auto, for files that do not say
    std::string up = "y";              ///< y, z, -y, -z, x or -x, for files that do not say
    std::vector<std::string> replace;  ///< BONE=FILE[:OPTION...]
    double replaceLimitMm = 10.0;      ///< refuse a replacement whose surface residual is larger
    [[nodiscard]] bool showsFiles() const { return !meshes.empty() || !scene.empty(); }
};

/// `lumbarlab view`: the interactive window.
struct ViewOptions {
    MeshOptions mesh;
    int frames = 0;                  ///< > 0: run that many frames, then exit 0
    float uiScale = 0.0f;            ///< 0: follow the monitor's content scale
    std::string lesson;              ///< a lesson id: open on its steps ("" = none)
    int lessonStep = 0;              ///< 1-based step to open on (0: the saved one, else 1)
    bool quiz = false;               ///< start the lesson's quiz at once
    std::string compareA, compareB;  ///< both set: open the split A | B compare view
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
    double time = 0.0;                ///< seconds into a motion
    std::vector<std::string> sets;    ///< "COORD=VALUE" overrides, degrees or metres
    double tightHipFlexorsPct = 0.0;  ///< --tight hip_flexors=PCT: slack length shortened by PCT %
};

/// `lumbarlab render`: one headless image.
struct RenderOptions {
    PoseSelection pose;
    std::filesystem::path out;  ///< empty: the pictures folder, named after what it shows
    int width = 1280;
    int height = 720;
    ViewPreset camera = ViewPreset::Oblique;
    int samples = 4;
    bool flatShading = false;
    bool xray = false;
    bool landmarks = false;
    bool pressure = false;                 ///< colour the discs by pressure
    bool balance = false;                  ///< centre of mass, plumb line and base of support
    std::string muscleColours = "length";  ///< "anatomy" or "length"
    bool emphasis = true;                  ///< targets in full, other muscles faded
    bool cut = false;                      ///< sagittal cut: remove the right half
    std::string select;                    ///< object id to highlight (and show landmarks of)
    std::string focus;                     ///< object id or group to frame instead of everything
    std::vector<std::string> hide;         ///< groups to hide (body, props, discs, ...)
    MeshOptions mesh;
    bool transparent = false;         ///< RGBA with alpha 0 where nothing is drawn (no background, no floor)
    bool overlays = true;             ///< title, legends and target labels drawn over the picture
    std::vector<std::string> labels;  ///< structures labelled besides the posture's targets
};

/// `lumbarlab video`: a motion (or a turntable of a posture) as MP4, GIF or PNG frames.
struct VideoOptions {
    RenderOptions render;  ///< pose, camera, size, samples, overlays and what is shown (render.out: the video)
    std::string lesson;    ///< a lesson id instead of a motion: each step held for its hold_s, with the flights
    double from = 0.0;
    double to = -1.0;  ///< < 0: the motion's end
    int fps = 30;
    double orbitDeg = 0.0;            ///< camera turns this far about the vertical over the clip
    std::string format;               ///< mp4 or gif; empty: from --out's extension, else mp4
    std::filesystem::path framesDir;  ///< non-empty: a PNG sequence here instead of a video
    bool quiet = false;               ///< no progress line
    bool renderOnly = false;          ///< render every frame and write nothing (to measure the encoder's cost)
};

/// `lumbarlab handout`: one page for a patient about one exercise.
struct HandoutOptions {
    std::string exercise;       ///< an assets/handouts/*.json id, e.g. couch_stretch
    std::string side;           ///< r, l or both; empty: the handout's first
    std::string paper = "a4";   ///< a4 or letter
    std::filesystem::path out;  ///< .pdf or .png; empty: the pictures folder
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
    enum class Kind {
        View,
        Render,
        Video,
        Handout,
        Model,
        Pose,
        Poses,
        Discs,
        Muscles,
        Lessons,
        Compare,
        Exit
    } kind = Kind::View;
    VideoOptions video;
    HandoutOptions handout;
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
