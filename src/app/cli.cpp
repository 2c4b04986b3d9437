#include "cli.h"

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

CLI::App* addRenderCommand(CLI::App& app, RenderOptions& options, std::string& camera) {
    auto* render = app.add_subcommand("render", "Render one image headlessly (EGL, no display needed)");
    render->add_option("--out", options.out, "PNG file to write")->required()->check(kFileName);
    render->add_option("--width", options.width, "Image width in pixels")->check(CLI::Range(16, 8192));
    render->add_option("--height", options.height, "Image height in pixels")->check(CLI::Range(16, 8192));
    render->add_option("--camera", camera, "View: anterior, posterior, lateral, medial, superior, oblique")
        ->check(CLI::IsMember({"anterior", "posterior", "lateral", "medial", "superior", "oblique"}));
    render->add_option("--samples", options.samples, "MSAA samples per pixel (1 = off)")->check(CLI::Range(1, 16));
    render->add_flag("--flat", options.flatShading, "Unlit flat shading (to measure what the material costs)");
    addPoseOptions(render, options.pose);
    render->add_flag("--xray", options.xray, "Make bones translucent");
    render->add_flag("--pressure", options.pressure, "Colour the discs by pressure (MPa)");
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
    render->add_option("--mesh", options.meshes, "Mesh file(s) to render instead of the built-in model")
        ->check(CLI::ExistingFile);
    return render;
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
    view->add_option("--mesh", result.view.meshes,
                     "Mesh file(s) to show instead of the built-in model (glTF, OBJ, STL, PLY)")
        ->check(CLI::ExistingFile);
    view->add_option("--frames", result.view.frames, "Run this many frames, then exit (for tests)")
        ->check(CLI::Range(1, 1000000));
    view->add_option("--ui-scale", result.view.uiScale, "Interface scale (default: the monitor's content scale)")
        ->check(finiteRange(0.5, 4.0));

    std::string camera = "oblique";
    CLI::App* render = addRenderCommand(app, result.render, camera);

    auto* model = app.add_subcommand("model", "Print facts about the built-in model (standing)");
    model->add_flag("--landmarks", result.model.landmarks, "Every landmark in world coordinates, metres")->required();
    model->add_option("--format", result.model.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));

    auto* pose = app.add_subcommand("pose", "Print a posture's coordinates, clinical angles and landmarks");
    addPoseOptions(pose, result.pose.pose);
    pose->add_option("--format", result.pose.format, "json or csv")->check(CLI::IsMember({"csv", "json"}));
    auto* poses = app.add_subcommand("poses", "List the postures and motions with their durations");
    auto* discs =
        app.add_subcommand("discs", "Print each disc's compression, shear, pressure and nucleus shift for a posture");
    addPoseOptions(discs, result.discs.pose);
    discs->add_option("--load-kg", result.discs.loadKg, "Load held in the hands, kg")->check(finiteRange(0.0, 100.0));
    discs->add_flag("--far", result.discs.far, "Hold the load out in front instead of close to the body");
    discs->add_option("--format", result.discs.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    auto* muscles = app.add_subcommand(
        "muscles", "Print every muscle's length, change against standing (%), lengthening speed and moment arms");
    addPoseOptions(muscles, result.muscles.pose);
    muscles->add_option("--reference", result.muscles.reference,
                        "Posture whose lengths count as 0 % (default: neutral_standing)");
    muscles->add_option("--sweep", result.muscles.sweep,
                        "Vary one coordinate: COORD=FROM:TO:STEP in degrees, one block of rows per value");
    muscles->add_option("--format", result.muscles.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));

    if (std::optional<ParsedCommand> exit = parseOrExit(app, argc, argv)) return *exit;
    if (*muscles) {
        result.kind = ParsedCommand::Kind::Muscles;
    } else if (*discs) {
        result.kind = ParsedCommand::Kind::Discs;
    } else if (*poses) {
        result.kind = ParsedCommand::Kind::Poses;
    } else if (*pose) {
        result.kind = ParsedCommand::Kind::Pose;
    } else if (*model) {
        result.kind = ParsedCommand::Kind::Model;
    } else if (*render) {
        result.kind = ParsedCommand::Kind::Render;
        result.render.camera = viewPresetFromString(camera).value_or(ViewPreset::Oblique);
    } else {
        result.kind = ParsedCommand::Kind::View;
    }
    return result;
}

}  // namespace lumbarlab
