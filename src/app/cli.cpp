#include "cli.h"

#include "mesh_options.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <optional>
#include <sstream>

namespace lumbarlab {
namespace {

std::string oneLine(std::string s) {
    for (auto& c : s)
        if (c == '\n') c = ' ';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

/// A number in [min, max]; unlike CLI::Range it refuses nan (which compares false with every bound).
CLI::Validator finiteRange(double min, double max) {
    std::ostringstream range;
    range << "[" << min << ", " << max << "]";
    return CLI::Validator(
        [min, max, text = range.str()](std::string& input) -> std::string {
            double v = 0.0;
            if (!CLI::detail::lexical_cast(input, v)) return "'" + input + "' is not a number";
            if (!std::isfinite(v)) return "'" + input + "' is not a finite number";
            if (v < min || v > max) return input + " is outside " + text;
            return {};
        },
        "NUMBER in " + range.str());
}

/// A file name to write: not empty.
const CLI::Validator kFileName(
    [](std::string& input) -> std::string { return input.empty() ? "needs a file name, got an empty one" : ""; },
    "FILE");

}  // namespace

void addPoseOptions(CLI::App* command, PoseSelection& pose) {
    command->add_option("--pose", pose.pose, "Posture or motion id (see 'lumbarlab poses')");
    command->add_option("--time", pose.time, "Seconds into a motion")->check(finiteRange(0.0, 36000.0));
    command->add_option("--set", pose.sets, "Override a coordinate: COORD=VALUE in degrees or metres (repeatable)");
}

namespace {

/// --tight GROUP=PCT: only hip_flexors is modelled; PCT a finite number in [0, 30].
void addTightOption(CLI::App* command, PoseSelection& pose) {
    command
        ->add_option_function<std::string>(
            "--tight",
            [&pose](const std::string& text) { pose.tightHipFlexorsPct = std::stod(text.substr(text.find('=') + 1)); },
            "Tight muscles: GROUP=PCT shortens the group's slack length by PCT % (0-30); only hip_flexors "
            "(psoas, iliacus, rectus femoris) is modelled. Standing postures are re-solved for balance")
        ->check(CLI::Validator(
            [](std::string& input) -> std::string {
                const auto eq = input.find('=');
                if (eq == std::string::npos) return "'" + input + "' must look like hip_flexors=PCT";
                const std::string group = input.substr(0, eq), number = input.substr(eq + 1);
                if (group != "hip_flexors") return "unknown group '" + group + "' (only hip_flexors is modelled)";
                double v = 0.0;
                if (!CLI::detail::lexical_cast(number, v)) return "'" + number + "' is not a number";
                if (!std::isfinite(v)) return "'" + number + "' is not a finite number";
                if (v < 0.0 || v > 30.0) return number + " is outside [0, 30] percent";
                return {};
            },
            "hip_flexors=PCT"));
}

CLI::App* addRenderCommand(CLI::App& app, RenderOptions& options, std::string& camera) {
    auto* render = app.add_subcommand("render", "Render one image headlessly (EGL, no display needed)");
    render
        ->add_option("--out", options.out,
                     "PNG file to write (default: $XDG_PICTURES_DIR or ~/Pictures/LumbarLab, named after the view)")
        ->check(kFileName);
    render->add_option("--width", options.width, "Image width in pixels, up to 8K (tiled beyond the GL limits)")
        ->check(CLI::Range(16, 8192));
    render->add_option("--height", options.height, "Image height in pixels")->check(CLI::Range(16, 8192));
    render->add_flag("--transparent", options.transparent,
                     "Transparent background: RGBA PNG, alpha 0 where nothing is drawn (no floor)");
    render->add_flag("!--no-overlays", options.overlays, "Leave out the title, legends and labels (3D view only)");
    render->add_option("--label", options.labels,
                       "Label this structure too: a bone, sided muscle (rectus_femoris_r) or disc (disc_l4_l5); "
                       "repeatable");
    render->add_option("--camera", camera, "View: anterior, posterior, lateral, medial, superior, oblique")
        ->check(CLI::IsMember({"anterior", "posterior", "lateral", "medial", "superior", "oblique"}));
    render->add_option("--samples", options.samples, "MSAA samples per pixel (1 = off)")->check(CLI::Range(1, 16));
    render->add_flag("--flat", options.flatShading, "Unlit flat shading (to measure what the material costs)");
    addPoseOptions(render, options.pose);
    render->add_flag("--xray", options.xray, "Make bones translucent");
    render->add_flag("--pressure", options.pressure, "Colour the discs by pressure (MPa)");
    render->add_flag("--balance", options.balance,
                     "Show the centre of mass over the base of support (green: inside it, red: outside)");
    render
        ->add_option("--muscle-colours", options.muscleColours,
                     "Muscles in anatomy colours (red belly, pale tendon) or by length change against standing")
        ->check(CLI::IsMember({"anatomy", "length"}));
    render->add_flag("--emphasis,!--no-emphasis", options.emphasis,
                     "Draw the posture's target muscles in full and fade the rest (default: on)");
    render->add_flag("--cut", options.cut,
                     "Sagittal cut: remove the subject's right half to see inside discs and canal");
    render->add_flag("--landmarks", options.landmarks, "Show landmark markers (of --select, or all)");
    render->add_option("--select", options.select, "Highlight this bone id (e.g. femur_r, l4)");
    render->add_option("--focus", options.focus, "Frame this bone id or group (pelvis, spine, discs, legs)");
    render
        ->add_option(
            "--hide", options.hide,
            "Hide a group: body, props, pelvis, spine, discs, legs, nerves, muscles (all of them) or one muscle group: "
            "hip_flexors, deep_hip, glutes, back_extensors, hamstrings, abdominals (repeatable)")
        ->check(CLI::IsMember({"body", "props", "pelvis", "spine", "discs", "legs", "nerves", "meshes", "muscles",
                               "hip_flexors", "deep_hip", "glutes", "back_extensors", "hamstrings", "abdominals"}));
    addMeshOptions(render, options.mesh);
    return render;
}

CLI::App* addVideoCommand(CLI::App& app, VideoOptions& options, std::string& camera) {
    auto* video = app.add_subcommand("video", "Render a motion headlessly as an H.264 MP4 (or GIF, or PNG frames)");
    RenderOptions& r = options.render;
    r.samples = 4;
    video->add_option("--out", r.out,
                      "Video file, .mp4 or .gif (default: the pictures folder, named after the motion and view)");
    auto* pose =
        video->add_option("--pose", r.pose.pose, "Motion id (or a posture, with --to and --orbit for a turntable)");
    video
        ->add_option("--lesson", options.lesson,
                     "A lesson instead of a motion: each step held for its hold_s, the camera flying between them")
        ->excludes(pose);
    video->add_option("--set", r.pose.sets, "Override a coordinate: COORD=VALUE in degrees or metres (repeatable)");
    video->add_option("--from", options.from, "Start, seconds into the motion (default 0)")
        ->check(CLI::Range(0.0, 36000.0));
    video->add_option("--to", options.to, "End, seconds (default: the motion's end)")->check(CLI::Range(0.0, 36000.0));
    video->add_option("--fps", options.fps, "Frames per second; frame i is at from + i/fps")->check(CLI::Range(1, 120));
    video->add_option("--width", r.width, "Frame width in pixels (even)")->check(CLI::Range(16, 7680));
    video->add_option("--height", r.height, "Frame height in pixels (even)")->check(CLI::Range(16, 4320));
    video->add_option("--camera", camera, "View: anterior, posterior, lateral, medial, superior, oblique")
        ->check(CLI::IsMember({"anterior", "posterior", "lateral", "medial", "superior", "oblique"}));
    video->add_option("--orbit", options.orbitDeg, "Turn the camera this many degrees about the vertical over the clip")
        ->check(CLI::Range(-3600.0, 3600.0));
    video->add_option("--samples", r.samples, "MSAA samples per pixel (1 = off)")->check(CLI::Range(1, 16));
    video->add_option("--format", options.format, "mp4 (H.264, yuv420p) or gif (default: from --out)")
        ->check(CLI::IsMember({"mp4", "gif"}));
    video->add_option("--frames-dir", options.framesDir,
                      "Write a PNG sequence into this (new or empty) folder instead");
    video->add_flag("--quiet", options.quiet, "No progress line");
    video->add_flag("--render-only", options.renderOnly, "Render every frame but write nothing (measures encoding)");
    video->add_flag("!--no-overlays", r.overlays, "Leave out the title, legends and labels");
    video->add_option("--label", r.labels, "Label this structure too (repeatable)");
    video->add_flag("--pressure", r.pressure, "Colour the discs by pressure (MPa)");
    video->add_flag("--balance", r.balance, "Show the centre of mass over the base of support");
    video->add_flag("--xray", r.xray, "Make bones translucent");
    video->add_flag("--cut", r.cut, "Sagittal cut: remove the subject's right half");
    video->add_option("--focus", r.focus, "Frame this bone id or group (pelvis, spine, discs, legs)");
    video->add_option("--hide", r.hide, "Hide a group (as for render; repeatable)");
    return video;
}

/// Parses; for help, version and errors returns what to print and the exit code, else nullopt.
std::optional<ParsedCommand> parseOrExit(CLI::App& app, int argc, const char* const* argv) {
    ParsedCommand exit;
    exit.kind = ParsedCommand::Kind::Exit;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        // Help for the subcommand it was asked of ("lumbarlab render --help"), else the overview.
        const auto used = app.get_subcommands();
        exit.output = used.empty() ? app.help() : used.back()->help();
        return exit;
    } catch (const CLI::CallForAllHelp&) {
        exit.output = app.help("", CLI::AppFormatMode::All);
        return exit;
    } catch (const CLI::CallForVersion&) {
        exit.output = std::string("lumbarlab ") + LUMBARLAB_VERSION + "\n";
        return exit;
    } catch (const CLI::ParseError& e) {
        exit.exitCode = kExitUsage;
        exit.error = "lumbarlab: " + oneLine(e.what()) + " (see 'lumbarlab --help')";
        return exit;
    }
    return std::nullopt;
}

}  // namespace

ParsedCommand parseCommandLine(int argc, const char* const* argv) {
    ParsedCommand result;
    CLI::App app{
        "Lumbar Lab: why the lower back hurts, and how three hip exercises help.\n"
        "Interactive 3D anatomy of the lumbar spine, pelvis and hips.",
        "lumbarlab"};
    app.set_version_flag("--version", std::string("lumbarlab ") + LUMBARLAB_VERSION);
    app.require_subcommand(0, 1);
    app.footer(
        "Exit codes: 0 ok, 1 a file or render failed, 2 bad command line, 3 no graphics (display, EGL or GL 3.3).\n"
        "Run 'lumbarlab COMMAND --help' for a command's options.");

    auto* view = app.add_subcommand("view", "Open the interactive viewer window (the default command)");
    addMeshOptions(view, result.view.mesh);
    view->add_option("--frames", result.view.frames, "Run this many frames, then exit (for tests)")
        ->check(CLI::Range(1, 1000000));
    view->add_option("--ui-scale", result.view.uiScale, "Interface scale (default: the monitor's content scale)")
        ->check(finiteRange(0.5, 4.0));

    auto* lesson = app.add_subcommand("lesson", "Open the viewer on a lesson (see 'lumbarlab lessons')");
    lesson->add_option("name", result.view.lesson, "Lesson id, e.g. lower_back")->required();
    lesson->add_option("--step", result.view.lessonStep, "Step to start on (1 = the first)")
        ->check(CLI::Range(1, 1000));
    lesson->add_flag("--quiz", result.view.quiz, "Start the lesson's quiz (assets/quizzes/NAME.json) at once");
    lesson->add_option("--frames", result.view.frames, "Run this many frames, then exit (for tests)")
        ->check(CLI::Range(1, 1000000));
    lesson->add_option("--ui-scale", result.view.uiScale, "Interface scale (default: the monitor's content scale)")
        ->check(CLI::Range(0.5f, 4.0f));
    auto* lessons = app.add_subcommand("lessons", "List the lessons with their steps");
    auto* compare = app.add_subcommand(
        "compare", "Compare two postures: muscles ranked by the difference in length change, disc pressure per level");
    compare->add_option("--a", result.compare.a, "Posture A (default sitting_relaxed)");
    compare->add_option("--b", result.compare.b, "Posture B (default neutral_standing)");
    compare->add_option("--format", result.compare.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    compare->add_flag("--window", result.compare.window, "Open the split A | B view with linked cameras instead");
    compare->add_option("--frames", result.compare.view.frames, "With --window: run this many frames, then exit")
        ->check(CLI::Range(1, 1000000));

    std::string camera = "oblique";
    CLI::App* render = addRenderCommand(app, result.render, camera);
    std::string videoCamera = "oblique";
    CLI::App* video = addVideoCommand(app, result.video, videoCamera);
    auto* handout = app.add_subcommand("handout", "Write a one-page exercise handout for a patient (PDF or PNG)");
    handout->add_option("--exercise", result.handout.exercise, "couch_stretch, psoas_curl or jefferson_curl")
        ->required();
    handout->add_option("--side", result.handout.side, "r or l (default: the handout's first side)")
        ->check(CLI::IsMember({"r", "l", "both"}));
    handout->add_option("--paper", result.handout.paper, "a4 or letter")->check(CLI::IsMember({"a4", "letter"}));
    handout->add_option("--out", result.handout.out,
                        "FILE.pdf or FILE.png (300 dpi); default: the pictures folder, EXERCISE_SIDE-handout.pdf");

    auto* model = app.add_subcommand("model", "Print facts about the built-in model (standing)");
    model->add_flag("--landmarks", result.model.landmarks, "Every landmark in world coordinates, metres")->required();
    model->add_option("--format", result.model.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));

    auto* pose = app.add_subcommand("pose", "Print a posture's coordinates, clinical angles and landmarks");
    addPoseOptions(pose, result.pose.pose);
    addTightOption(pose, result.pose.pose);
    pose->add_option("--format", result.pose.format, "json or csv")->check(CLI::IsMember({"csv", "json"}));
    auto* poses = app.add_subcommand("poses", "List the postures and motions with their durations");
    auto* discs =
        app.add_subcommand("discs", "Print each disc's compression, shear, pressure and nucleus shift for a posture");
    addPoseOptions(discs, result.discs.pose);
    addTightOption(discs, result.discs.pose);
    discs->add_option("--load-kg", result.discs.loadKg, "Load held in the hands, kg")->check(finiteRange(0.0, 100.0));
    discs->add_flag("--far", result.discs.far, "Hold the load out in front instead of close to the body");
    discs->add_option("--format", result.discs.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    auto* muscles = app.add_subcommand(
        "muscles", "Print every muscle's length, change against standing (%), lengthening speed and moment arms");
    addPoseOptions(muscles, result.muscles.pose);
    addTightOption(muscles, result.muscles.pose);
    muscles->add_option("--reference", result.muscles.reference,
                        "Posture whose lengths count as 0 % (default: neutral_standing)");
    muscles->add_option("--sweep", result.muscles.sweep,
                        "Vary one coordinate: COORD=FROM:TO:STEP in degrees, one block of rows per value");
    muscles->add_option("--format", result.muscles.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    muscles
        ->add_option("--map", result.muscles.map,
                     "Print one muscle's length change over hip flexion -30..120 deg x knee flexion 0..150 deg "
                     "(e.g. rectus_femoris)")
        ->excludes("--sweep");
    muscles->add_option("--side", result.muscles.side, "Side for --map: right or left")
        ->check(CLI::IsMember({"right", "left"}));

    if (std::optional<ParsedCommand> exit = parseOrExit(app, argc, argv)) return *exit;
    if (const std::string conflict =
            meshOptionConflict(*render ? *render : *view, *render ? result.render.mesh : result.view.mesh);
        !conflict.empty()) {
        result.kind = ParsedCommand::Kind::Exit;
        result.exitCode = kExitUsage;
        result.error = conflict;
        return result;
    }
    // `lesson NAME` is the view command with a lesson (the last branch).
    if (*lessons) {
        result.kind = ParsedCommand::Kind::Lessons;
    } else if (*compare) {
        result.kind = ParsedCommand::Kind::Compare;
        if (result.compare.a == result.compare.b) {
            result.kind = ParsedCommand::Kind::Exit;
            result.exitCode = kExitUsage;
            result.error = "lumbarlab compare: --a and --b are both '" + result.compare.a + "'; pick two postures";
        }
        result.compare.view.compareA = result.compare.a;
        result.compare.view.compareB = result.compare.b;
    } else if (*muscles) {
        result.kind = ParsedCommand::Kind::Muscles;
    } else if (*discs) {
        result.kind = ParsedCommand::Kind::Discs;
    } else if (*poses) {
        result.kind = ParsedCommand::Kind::Poses;
    } else if (*pose) {
        result.kind = ParsedCommand::Kind::Pose;
    } else if (*model) {
        result.kind = ParsedCommand::Kind::Model;
    } else if (*handout) {
        result.kind = ParsedCommand::Kind::Handout;
    } else if (*video) {
        result.kind = ParsedCommand::Kind::Video;
        result.video.render.camera = viewPresetFromString(videoCamera).value_or(ViewPreset::Oblique);
    } else if (*render) {
        result.kind = ParsedCommand::Kind::Render;
        result.render.camera = viewPresetFromString(camera).value_or(ViewPreset::Oblique);
    } else {
        result.kind = ParsedCommand::Kind::View;
    }
    return result;
}

}  // namespace lumbarlab
