#include "app/cli.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

using namespace lumbarlab;

namespace {
ParsedCommand parse(std::initializer_list<const char*> args) {
    std::vector<const char*> argv{"lumbarlab"};
    argv.insert(argv.end(), args);
    return parseCommandLine(int(argv.size()), argv.data());
}
}  // namespace

TEST_CASE("cli: no arguments opens the viewer on the built-in model", "[cli]") {
    const ParsedCommand c = parse({});
    CHECK(c.kind == ParsedCommand::Kind::View);
    CHECK(c.view.mesh.meshes.empty());
    CHECK(c.view.frames == 0);
}

TEST_CASE("cli: view --frames", "[cli]") {
    const ParsedCommand c = parse({"view", "--frames", "60"});
    REQUIRE(c.kind == ParsedCommand::Kind::View);
    CHECK(c.view.frames == 60);
    CHECK(parse({"view", "--frames", "0"}).exitCode == kExitUsage);
    CHECK(parse({"view", "--frames", "lots"}).exitCode == kExitUsage);
}

TEST_CASE("cli: render options and defaults", "[cli]") {
    ParsedCommand c = parse({"render", "--out", "x.png"});
    REQUIRE(c.kind == ParsedCommand::Kind::Render);
    CHECK(c.render.out == "x.png");
    CHECK(c.render.width == 1280);
    CHECK(c.render.height == 720);
    CHECK(c.render.samples == 4);
    CHECK(c.render.camera == ViewPreset::Oblique);

    c = parse({"render", "--out", "y.png", "--width", "640", "--height", "480", "--camera", "lateral", "--samples", "1",
               "--flat"});
    REQUIRE(c.kind == ParsedCommand::Kind::Render);
    CHECK(c.render.width == 640);
    CHECK(c.render.height == 480);
    CHECK(c.render.camera == ViewPreset::Lateral);
    CHECK(c.render.samples == 1);
    CHECK(c.render.flatShading);
    CHECK_FALSE(c.render.transparent);

    // No --out: the command picks the pictures folder; --transparent and 8K sizes parse.
    c = parse({"render", "--transparent", "--width", "7680", "--height", "4320"});
    REQUIRE(c.kind == ParsedCommand::Kind::Render);
    CHECK(c.render.out.empty());
    CHECK(c.render.transparent);
    CHECK(c.render.width == 7680);
}

TEST_CASE("cli: mistakes are one-line usage errors with exit code 2", "[cli]") {
    for (const auto& c :
         {parse({"render", "--width"}),                           // a value missing
          parse({"render", "--out", "x.png", "--camera", "up"}),  // unknown view
          parse({"render", "--out", "x.png", "--width", "0"}),
          parse({"render", "--out", "x.png", "--mesh", "/no/such/file.glb"}), parse({"paint"}), parse({"--bogus"})}) {
        CHECK(c.kind == ParsedCommand::Kind::Exit);
        CHECK(c.exitCode == kExitUsage);
        CHECK_FALSE(c.error.empty());
        CHECK(c.error.find('\n') == std::string::npos);
    }
}

TEST_CASE("cli: --help and --version print and exit 0", "[cli]") {
    const ParsedCommand help = parse({"--help"});
    CHECK(help.kind == ParsedCommand::Kind::Exit);
    CHECK(help.exitCode == kExitOk);
    CHECK(help.output.find("render") != std::string::npos);
    const ParsedCommand renderHelp = parse({"render", "--help"});
    CHECK(renderHelp.output.find("--camera") != std::string::npos);
    const ParsedCommand version = parse({"--version"});
    CHECK(version.exitCode == kExitOk);
    CHECK(version.output.find(LUMBARLAB_VERSION) != std::string::npos);
}

TEST_CASE("cli: muscles options", "[cli]") {
    ParsedCommand c = parse({"muscles", "--pose", "sitting_upright", "--reference", "lying_supine", "--sweep",
                             "hip_flexion_r=0:90:10", "--format", "json", "--set", "knee_angle_r=30"});
    REQUIRE(c.kind == ParsedCommand::Kind::Muscles);
    CHECK(c.muscles.pose.pose == "sitting_upright");
    CHECK(c.muscles.reference == "lying_supine");
    CHECK(c.muscles.sweep == "hip_flexion_r=0:90:10");
    CHECK(c.muscles.format == "json");
    CHECK(c.muscles.pose.sets.size() == 1);
    CHECK(parse({"muscles"}).muscles.format == "csv");
    CHECK(parse({"muscles", "--format", "xml"}).exitCode == kExitUsage);
    CHECK(parse({"render", "--out", "x.png", "--hide", "muscles", "--hide", "hamstrings"}).kind ==
          ParsedCommand::Kind::Render);
}

TEST_CASE("cli: mesh options for render and view", "[cli][mesh-import]") {
    const std::string femur = std::string(LUMBARLAB_TEST_MESH_DIR) + "/r_femur.stl";
    const std::string spec = femur + ":units=mm:up=z:t=0,0.1,0";
    ParsedCommand c = parse({"render", "--out", "x.png", "--mesh", spec.c_str(), "--units", "cm", "--up", "-x"});
    REQUIRE(c.kind == ParsedCommand::Kind::Render);
    REQUIRE(c.render.mesh.meshes.size() == 1);
    CHECK(c.render.mesh.meshes[0] == spec);
    CHECK(c.render.mesh.units == "cm");
    CHECK(c.render.mesh.up == "-x");
    const std::string replace = "femur_r=" + femur;
    c = parse({"view", "--replace", replace.c_str(), "--replace-limit-mm", "4"});
    REQUIRE(c.kind == ParsedCommand::Kind::View);
    CHECK(c.view.mesh.replace == std::vector<std::string>{replace});
    CHECK(c.view.mesh.replaceLimitMm == 4.0);
    // With --replace the model is shown, so posing it applies.
    c = parse({"render", "--out", "x.png", "--replace", replace.c_str(), "--pose", "sitting_upright", "--landmarks"});
    CHECK(c.kind == ParsedCommand::Kind::Render);
}

TEST_CASE("cli: mesh options that cannot apply are one-line usage errors", "[cli][mesh-import]") {
    const std::string femur = std::string(LUMBARLAB_TEST_MESH_DIR) + "/r_femur.stl";
    const std::string replace = "femur_r=" + femur;
    const char* f = femur.c_str();
    const std::string yards = femur + ":units=yards";
    const std::pair<std::vector<const char*>, const char*> cases[] = {
        {{"render", "--out", "x.png", "--mesh", f, "--pose", "sitting_upright"},
         "--pose applies to the built-in model"},
        {{"render", "--out", "x.png", "--mesh", f, "--time", "1"}, "--time applies"},
        {{"render", "--out", "x.png", "--mesh", f, "--set", "hip_flexion_r=10"}, "--set applies"},
        {{"render", "--out", "x.png", "--mesh", f, "--landmarks"}, "--landmarks applies"},
        {{"render", "--out", "x.png", "--mesh", f, "--pressure"}, "--pressure applies"},
        {{"render", "--out", "x.png", "--mesh", f, "--hide", "meshes"}, "--hide applies"},
        {{"render", "--out", "x.png", "--mesh", f, "--replace", replace.c_str()}, "use one or the other"},
        {{"view", "--mesh", f, "--replace", replace.c_str()}, "lumbarlab view: --replace"},
        {{"render", "--out", "x.png", "--units", "mm"}, "--units and --up apply to"},
        {{"view", "--up", "z"}, "--units and --up apply to"},
        {{"render", "--out", "x.png", "--replace-limit-mm", "3"}, "--replace-limit-mm applies to --replace"},
        {{"render", "--out", "x.png", "--mesh", "/no/such.stl:units=mm"}, "no such file: /no/such.stl"},
        {{"render", "--out", "x.png", "--mesh", yards.c_str()}, "units must be mm, cm, m or auto"},
        {{"render", "--out", "x.png", "--replace", f}, "expected BONE=FILE"},
        {{"render", "--out", "x.png", "--units", "inch", "--mesh", f}, "inch"},
        {{"render", "--out", "x.png", "--scene", "/no/scene.json"}, "/no/scene.json"},
    };
    for (const auto& [args, message] : cases) {
        std::vector<const char*> argv{"lumbarlab"};
        argv.insert(argv.end(), args.begin(), args.end());
        const ParsedCommand c = parseCommandLine(int(argv.size()), argv.data());
        INFO(message << " | " << c.error);
        CHECK(c.kind == ParsedCommand::Kind::Exit);
        CHECK(c.exitCode == kExitUsage);
        CHECK(c.error.find(message) != std::string::npos);
        CHECK(c.error.find('\n') == std::string::npos);
    }
}

TEST_CASE("cli: nan, infinite and empty values are refused in one line naming the option", "[cli][validation]") {
    auto refused = [](std::initializer_list<const char*> args, const std::string& option, const std::string& why) {
        const ParsedCommand c = parse(args);
        INFO(c.error);
        CHECK(c.exitCode == kExitUsage);
        CHECK(c.error.find(option) != std::string::npos);
        CHECK(c.error.find(why) != std::string::npos);
        CHECK(c.error.find('\n') == std::string::npos);
    };
    refused({"pose", "--time", "nan"}, "--time", "'nan' is not a finite number");
    refused({"pose", "--time", "inf"}, "--time", "not a finite number");
    refused({"pose", "--time", "-1"}, "--time", "outside [0, 36000]");
    refused({"discs", "--load-kg", "nan"}, "--load-kg", "not a finite number");
    refused({"discs", "--load-kg", "-inf"}, "--load-kg", "not a finite number");
    refused({"discs", "--load-kg", "ten"}, "--load-kg", "'ten' is not a number");
    refused({"render", "--out", ""}, "--out", "needs a file name");
    refused({"render", "--out", "x.png", "--time", "NaN"}, "--time", "not a finite number");
    refused({"view", "--ui-scale", "nan"}, "--ui-scale", "not a finite number");
    CHECK(parse({"discs", "--load-kg", "12.5"}).discs.loadKg == 12.5);
    CHECK(parse({"pose", "--time", "0.25"}).pose.pose.time == 0.25);
}
