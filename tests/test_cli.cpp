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
    CHECK(c.view.meshes.empty());
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
}

TEST_CASE("cli: mistakes are one-line usage errors with exit code 2", "[cli]") {
    for (const auto& c :
         {parse({"render"}),                                      // --out missing
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
