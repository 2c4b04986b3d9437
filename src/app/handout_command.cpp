#include "handout_command.h"

#include "figure_scene.h"
#include "lumbarlab/anatomy/handout.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/handout_writer.h"
#include "lumbarlab/view/data_folders.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace lumbarlab {
namespace {

constexpr int kPictureWidth = 1200, kPictureHeight = 900;  // 4:3, about 300 dpi at half the page width

std::string sideName(const std::string& side, const std::string& exercise) {
    if (side == "both") return "";
    const bool leg = exercise == "couch_stretch";  // the side is the leg that goes back
    if (side == "r") return leg ? "Right leg back" : "Right side";
    return leg ? "Left leg back" : "Left side";
}

int run(const HandoutOptions& options, int& exitCode) {
    exitCode = kExitFailed;
    const std::filesystem::path assets = findAssetDir();
    if (assets.empty()) throw std::runtime_error("no data folder (assets) found; set LUMBARLAB_ASSET_DIR");
    const std::filesystem::path file = assets / "handouts" / (options.exercise + ".json");
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        std::string known;
        for (const auto& e : std::filesystem::directory_iterator(assets / "handouts", ec))
            if (e.path().extension() == ".json") known += (known.empty() ? "" : ", ") + e.path().stem().string();
        throw FigureUsageError("no handout for '" + options.exercise + "' (known: " + known + ")");
    }

    RenderOptions render;
    render.samples = 4;
    render.width = kPictureWidth;
    render.height = kPictureHeight;
    FigureScene figure(render, exitCode, "handout");
    const ModelPresenter* model = figure.view().model();
    if (!model) throw std::runtime_error("the handout needs the built-in model");
    const HandoutDefinition handout = loadHandout(file, model->data().postures);
    exitCode = kExitUsage;
    // Default: the right side (as the posture files' _r), else the one the handout has.
    const std::string side = !options.side.empty()         ? options.side
                             : handout.poses.contains("r") ? "r"
                                                           : handout.poses.begin()->first;
    const auto pose = handout.poses.find(side);
    if (pose == handout.poses.end()) {
        std::string sides;
        for (const auto& [s, id] : handout.poses) sides += (sides.empty() ? "" : ", ") + s;
        throw FigureUsageError("--side " + side + ": the " + handout.name + " handout has " + sides);
    }
    const std::string stem = pose->second + "-handout";
    const std::filesystem::path out =
        options.out.empty() ? outputPath({}, {stem, 0.0, {}}, false, "", "pdf") : options.out;
    const bool png = out.extension() == ".png";
    if (!png && out.extension() != ".pdf") throw FigureUsageError("--out must end in .pdf or .png");
    exitCode = kExitFailed;

    const ViewPreset camera = viewPresetFromString(handout.camera).value_or(ViewPreset::Lateral);
    PoseSelection at{pose->second, handout.start.time, {}};
    figure.showPose(at);
    const OrbitCamera view =
        FigureScene::framedCamera(figure.motionBounds(at), camera, float(kPictureWidth) / float(kPictureHeight));
    const auto shoot = [&](double time) {
        at.time = time;
        figure.showPose(at);
        Image image = figure.picture(view, kPictureWidth, kPictureHeight, render.samples);
        figure.drawOverlays(image, view, time, handout.camera, false);
        return image;
    };

    const Posture& posture = *model->posture();
    HandoutPage page;
    page.title = handout.name;
    page.subtitle = sideName(side, handout.exercise);
    page.startPicture = shoot(handout.start.time);
    page.endPicture = shoot(handout.end.time);
    page.startCaption = handout.start.caption;
    page.endCaption = handout.end.caption;
    page.dose = posture.dose;
    page.cues = posture.cues;
    page.why = handout.why;
    page.avoid = handout.avoid;

    // The works behind what the page says: its own sources and the posture's targets'.
    const ReferenceCatalogue references = ReferenceCatalogue::load(assets / "references.json");
    std::vector<std::string> keys;
    std::vector<std::string> sources{handout.start.source, handout.end.source, handout.whySource, handout.avoidSource};
    for (const auto& target : posture.targets) sources.push_back(target.source);
    for (const auto& s : sources)
        for (const auto& key : citedKeys(s))
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    for (const auto& key : keys)
        if (const Reference* r = references.find(key)) page.sources.push_back(r->fullForm());

    const Paper paper = options.paper == "letter" ? Paper::Letter : Paper::A4;
    if (png)
        (void)writeHandoutPng(out, page, paper);
    else
        (void)writeHandoutPdf(out, page, paper);
    std::printf("wrote %s (%s handout, %s, %s)\n", out.c_str(), handout.name.c_str(), pose->second.c_str(),
                png ? (options.paper + " page at 300 dpi").c_str() : (options.paper + " PDF page").c_str());
    return kExitOk;
}

}  // namespace

int runHandoutCommand(const HandoutOptions& options) {
    int exitCode = kExitFailed;
    try {
        return run(options, exitCode);
    } catch (const FigureUsageError& e) {
        std::fprintf(stderr, "lumbarlab handout: %s\n", e.what());
        return kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab handout: %s\n", e.what());
        return exitCode == kExitOk || exitCode == kExitUsage ? kExitFailed : exitCode;
    }
}

}  // namespace lumbarlab
