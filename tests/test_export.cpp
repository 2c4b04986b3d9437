// Export: pictures of any size (tiled), transparent pictures, the figure overlay (title, legend,
// labels), and the video command through ffmpeg and ffprobe. Runs the real headless renderer and the
// built lumbarlab executable (LUMBARLAB_EXE); needs EGL, and ffmpeg for the video cases.

#include <catch2/catch.hpp>

#include "app/figure_scene.h"
#include "lumbarlab/io/figure_overlay.h"
#include "lumbarlab/view/colour_maps.h"
#include "lumbarlab/view/figure_annotations.h"
#include "scratch_dir.h"

#include <stb_image.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <signal.h>
#include <sys/wait.h>

namespace fs = std::filesystem;
using namespace lumbarlab;

namespace {

RenderOptions couchStretch() {
    RenderOptions o;
    o.pose.pose = "couch_stretch_r";
    o.pose.time = 10.0;
    o.camera = ViewPreset::Lateral;
    o.samples = 1;
    return o;
}

struct Figure {
    std::unique_ptr<FigureScene> scene;
    OrbitCamera camera;
};

Figure openFigure(const RenderOptions& options, int width, int height) {
    int exitCode = 0;
    Figure f;
    f.scene = std::make_unique<FigureScene>(options, exitCode);
    f.camera =
        FigureScene::framedCamera(f.scene->motionPoints(options.pose), options.camera, float(width) / float(height));
    return f;
}

/// Mean and largest absolute channel difference (RGB) of two images of one size.
std::pair<double, int> difference(const Image& a, const Image& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    double sum = 0.0;
    int largest = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) {
        if (i % 4 == 3) continue;
        const int d = std::abs(int(a.rgba[i]) - int(b.rgba[i]));
        sum += d;
        largest = std::max(largest, d);
    }
    return {sum / double(a.rgba.size() / 4 * 3), largest};
}

/// Pixels where some channel differs by more than `threshold`.
int changedPixels(const Image& a, const Image& b, int threshold) {
    int changed = 0;
    for (std::size_t i = 0; i + 3 < a.rgba.size(); i += 4)
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > threshold) {
                ++changed;
                break;
            }
    return changed;
}

Image boxDownscale(const Image& big, int factor) {
    Image small;
    small.width = big.width / factor;
    small.height = big.height / factor;
    small.rgba.resize(std::size_t(small.width) * small.height * 4);
    for (int y = 0; y < small.height; ++y)
        for (int x = 0; x < small.width; ++x)
            for (int c = 0; c < 4; ++c) {
                int sum = 0;
                for (int dy = 0; dy < factor; ++dy)
                    for (int dx = 0; dx < factor; ++dx) sum += big.pixel(x * factor + dx, y * factor + dy)[c];
                small.rgba[(std::size_t(y) * small.width + x) * 4 + c] = std::uint8_t(sum / (factor * factor));
            }
    return small;
}

Image readPng(const fs::path& file) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(file.c_str(), &w, &h, &n, 4);
    REQUIRE(data != nullptr);
    Image image;
    image.width = w;
    image.height = h;
    image.rgba.assign(data, data + std::size_t(w) * h * 4);
    stbi_image_free(data);
    return image;
}

/// Runs a shell command line, returning its exit status and what it printed (stdout and stderr).
std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), int(buffer.size()), pipe)) out += buffer.data();
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

fs::path scratch(const std::string& name) {
    const fs::path dir = processScratchDir("lumbarlab_export");
    fs::create_directories(dir);
    return dir / name;
}

bool haveFfmpeg() {
    return run("command -v ffmpeg && command -v ffprobe").first == 0;
}

}  // namespace

TEST_CASE("export: a tiled picture equals the untiled one", "[export]") {
    RenderOptions options = couchStretch();
    Figure whole = openFigure(options, 640, 360);
    const Image untiled = whole.scene->picture(whole.camera, 640, 360, 1);
    CHECK(whole.scene->lastTileCount() == 1);
    ::setenv("LUMBARLAB_RENDER_TILE", "150", 1);
    Figure tiles = openFigure(options, 640, 360);
    ::unsetenv("LUMBARLAB_RENDER_TILE");
    const Image tiled = tiles.scene->picture(tiles.camera, 640, 360, 1);
    CHECK(tiles.scene->lastTileCount() == 5 * 3);
    const auto [mean, largest] = difference(untiled, tiled);
    INFO("mean " << mean << ", largest " << largest);
    CHECK(mean < 0.01);  // the same pixels: sub-frusta of one projection, background continued
    CHECK(largest <= 2);
}

TEST_CASE("export: an 8K picture is 7680x4320 and matches a 1080p one downscaled", "[export]") {
    RenderOptions options = couchStretch();
    Figure figure = openFigure(options, 1920, 1080);
    const Image big = figure.scene->picture(figure.camera, 7680, 4320, 1);
    REQUIRE(big.width == 7680);
    REQUIRE(big.height == 4320);
    CHECK(figure.scene->lastTileCount() >= 4);  // beyond one tile (4096 at most): stitched
    const Image hd = figure.scene->picture(figure.camera, 1920, 1080, 4);
    const auto [mean, largest] = difference(boxDownscale(big, 4), hd);
    INFO("mean " << mean << ", largest " << largest);
    CHECK(mean < 2.0);  // 16x supersampled against 4x MSAA: edges differ a little, nothing moves
}

TEST_CASE("export: a transparent picture has alpha 0 around and 255 on the bone, straight-alpha edges", "[export]") {
    RenderOptions options = couchStretch();
    options.transparent = true;
    options.samples = 4;
    options.hide = {"body", "props"};
    Figure figure = openFigure(options, 640, 360);
    const Image image = figure.scene->picture(figure.camera, 640, 360, 4);
    for (const auto& [x, y] : {std::pair{0, 0}, {639, 0}, {0, 359}, {639, 359}}) CHECK(image.pixel(x, y)[3] == 0);
    // The femur's shaft: find its pixel by projecting the femur's centre.
    const auto femur = findStructure(figure.scene->view().scene(), "femur_r");
    REQUIRE(femur);
    std::size_t opaque = 0, edge = 0;
    double opaqueLight = 0.0, edgeLight = 0.0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        const int a = image.rgba[i + 3];
        const double light = (image.rgba[i] + image.rgba[i + 1] + image.rgba[i + 2]) / 3.0;
        if (a == 255) ++opaque, opaqueLight += light;
        if (a > 0 && a < 160) ++edge, edgeLight += light;
    }
    REQUIRE(opaque > 2000);
    REQUIRE(edge > 100);
    // Straight alpha: an edge pixel keeps the colour of what covers it. Premultiplied output would
    // make edges dark (colour times coverage, below half the opaque brightness).
    INFO("opaque " << opaqueLight / opaque << ", edges " << edgeLight / edge);
    CHECK(edgeLight / edge > 0.6 * opaqueLight / opaque);
    const auto centre = projectToPixels(figure.camera, 640, 360, figure.scene->view().scene().bounds(*femur).centre());
    REQUIRE(centre);
    int best = 0;
    for (int dy = -3; dy <= 3; ++dy)
        for (int dx = -3; dx <= 3; ++dx)
            best = std::max(best, int(image.pixel(int(centre->x) + dx, int(centre->y) + dy)[3]));
    CHECK(best == 255);
}

TEST_CASE("export: the overlay's title, legend and labels are in the pixels where the layout put them", "[export]") {
    RenderOptions options = couchStretch();
    Figure figure = openFigure(options, 1280, 720);
    const Image bare = figure.scene->picture(figure.camera, 1280, 720, 1);
    Image shown = bare;
    const OverlayLayout layout = figure.scene->drawOverlays(shown, figure.camera, 10.0, "lateral");

    // Title: light text on a dark panel, top left.
    REQUIRE_FALSE(layout.title.empty());
    CHECK(layout.title.x < 40.0f);
    CHECK(layout.title.y < 40.0f);
    int light = 0;
    for (int y = int(layout.title.y); y < int(layout.title.bottom()); ++y)
        for (int x = int(layout.title.x); x < int(layout.title.right()); ++x)
            if (shown.pixel(x, y)[0] > 220 && shown.pixel(x, y)[1] > 220 && shown.pixel(x, y)[2] > 220) ++light;
    CHECK(light > 200);

    // Legend: the length-change map (muscles are shown), its colours at known places along the bar.
    REQUIRE(layout.legendBars.size() == 1);
    const PixelRect bar = layout.legendBars[0];
    for (const double t : {0.03, 0.25, 0.5, 0.75, 0.97}) {
        const glm::vec3 expected = lengthChangeColour((t * 2.0 - 1.0) * kLengthChangeLegendPct);
        const std::uint8_t* p = shown.pixel(int(bar.x + float(t) * bar.w), int(bar.y + 0.5f * bar.h));
        INFO("t " << t);
        CHECK(std::abs(p[0] - expected.x * 255.0f) < 12.0f);
        CHECK(std::abs(p[1] - expected.y * 255.0f) < 12.0f);
        CHECK(std::abs(p[2] - expected.z * 255.0f) < 12.0f);
    }

    // Labels: the three targets, none overlapping another, the title, a legend or the subject.
    REQUIRE(layout.labels.size() == 3);
    const OverlaySpec spec = [&] {
        std::vector<std::string> unknown;
        return figureOverlay(figure.scene->view(), figure.camera, 1280, 720, 10.0, "lateral", {}, unknown);
    }();
    // Plain words: the side the picture is seen from, each muscle by its own name, the legend's
    // saturating ends said so.
    CHECK(spec.subtitle == "right side view");
    for (const LabelSpec& label : spec.labels) {
        INFO(label.text);
        CHECK(std::isupper(static_cast<unsigned char>(label.text.front())));
        CHECK(label.text.find('_') == std::string::npos);
    }
    REQUIRE(spec.legends.size() == 1);
    CHECK(spec.legends[0].ticks.back() == "\u2265 +30 %");
    // What zero means: the muscle model's reference posture, by its display name.
    CHECK(spec.legends[0].footnote == "0 = as in relaxed standing");
    for (std::size_t i = 0; i < layout.labels.size(); ++i) {
        CHECK_FALSE(layout.labels[i].overlaps(layout.title));
        CHECK_FALSE(layout.labels[i].overlaps(layout.legends[0]));
        CHECK_FALSE(layout.labels[i].overlaps(spec.subject));
        for (std::size_t j = i + 1; j < layout.labels.size(); ++j)
            CHECK_FALSE(layout.labels[i].overlaps(layout.labels[j]));
        // The label's panel is drawn: darker than the picture under it was, on average.
        const PixelRect& r = layout.labels[i];
        const std::uint8_t* p = shown.pixel(int(r.x + 2), int(r.y + 2));
        CHECK(int(p[0]) + p[1] + p[2] < 3 * 60);
    }
    // Without overlays the corner is the plain background.
    const auto [mean, largest] = difference(bare, shown);
    CHECK(mean > 0.5);
}

TEST_CASE("export: a disc label says behind in a back view and points at the disc itself in a side view", "[export]") {
    // From behind, the lumbar discs lie in front of the vertebral arches: a leader that ends on a
    // slit between two laminae would look as if it ended on bone. From the side, once the psoas
    // (which covers them there) is hidden, they are in sight between the vertebral bodies.
    for (const ViewPreset preset : {ViewPreset::Posterior, ViewPreset::Lateral}) {
        RenderOptions options;
        options.pose.pose = "standing_bent_forward";
        options.camera = preset;
        options.samples = 1;
        options.hide = {"muscles"};
        Figure figure = openFigure(options, 1280, 720);
        std::vector<std::string> unknown;
        const OverlaySpec spec = figureOverlay(figure.scene->view(), figure.camera, 1280, 720, 0.0,
                                               preset == ViewPreset::Lateral ? "lateral" : "posterior",
                                               {"disc_l4_l5", "disc_l3_l4"}, unknown);
        CHECK(unknown.empty());
        int discs = 0;
        for (const LabelSpec& label : spec.labels) {
            if (label.text.rfind("Disc ", 0) != 0) continue;
            ++discs;
            INFO(label.text);
            CHECK(label.behind == (preset == ViewPreset::Posterior));
            CHECK((label.text.find("(behind)") != std::string::npos) == label.behind);
        }
        CHECK(discs == 2);
    }
}

TEST_CASE("export: labels never overlap, whatever their anchors", "[export]") {
    OverlaySpec spec;
    spec.title = "Title";
    spec.legends.resize(2);
    spec.subject = {500.0f, 80.0f, 300.0f, 600.0f};
    OverlayMetrics m;
    m.margin = 12.0f;
    m.titleWidth = 300.0f;
    m.titleHeight = 50.0f;
    m.legendWidth = 250.0f;
    m.legendHeight = 90.0f;
    for (int i = 0; i < 14; ++i) {
        spec.labels.push_back({"x", {520.0f + float(i % 3) * 100.0f, 300.0f + float(i % 4) * 3.0f}});
        m.labelSizes.emplace_back(150.0f + float(i) * 5.0f, 26.0f);
    }
    const OverlayLayout layout = layoutOverlay(spec, m, 1280, 720);
    for (std::size_t i = 0; i < layout.labels.size(); ++i) {
        INFO("label " << i);
        CHECK_FALSE(layout.labels[i].overlaps(layout.title));
        for (const auto& legend : layout.legends) CHECK_FALSE(layout.labels[i].overlaps(legend));
        CHECK_FALSE(layout.labels[i].overlaps(spec.subject));
        CHECK(layout.labels[i].x >= 0.0f);
        CHECK(layout.labels[i].right() <= 1280.0f);
        CHECK(layout.labels[i].y >= 0.0f);
        CHECK(layout.labels[i].bottom() <= 720.0f);
        for (std::size_t j = i + 1; j < layout.labels.size(); ++j)
            CHECK_FALSE(layout.labels[i].overlaps(layout.labels[j]));
    }
    // A wide subject: labels go above and below it instead, still apart.
    spec.subject = {40.0f, 200.0f, 1200.0f, 300.0f};
    spec.labels.resize(6);
    m.labelSizes.resize(6);
    const OverlayLayout rows = layoutOverlay(spec, m, 1280, 720);
    for (std::size_t i = 0; i < rows.labels.size(); ++i) {
        CHECK_FALSE(rows.labels[i].overlaps(spec.subject));
        for (std::size_t j = i + 1; j < rows.labels.size(); ++j) CHECK_FALSE(rows.labels[i].overlaps(rows.labels[j]));
    }
    // Ten wide labels over a subject near the left edge (a forward bend seen from the side): more
    // than one row's width, so they wrap into rows that stay inside the picture, still apart.
    spec.subject = {300.0f, 300.0f, 260.0f, 300.0f};
    spec.labels.clear();
    m.labelSizes.clear();
    for (int i = 0; i < 10; ++i) {
        spec.labels.push_back({"x", {320.0f + float(i) * 20.0f, 320.0f + float(i % 2) * 200.0f}});
        m.labelSizes.emplace_back(330.0f, 26.0f);
    }
    const OverlayLayout wrapped = layoutOverlay(spec, m, 900, 700);
    for (std::size_t i = 0; i < wrapped.labels.size(); ++i) {
        INFO("wrapped label " << i << " at " << wrapped.labels[i].x << ", " << wrapped.labels[i].y);
        CHECK(wrapped.labels[i].x >= 0.0f);
        CHECK(wrapped.labels[i].right() <= 900.0f);
        CHECK(wrapped.labels[i].y >= 0.0f);
        CHECK(wrapped.labels[i].bottom() <= 700.0f);
        CHECK_FALSE(wrapped.labels[i].overlaps(spec.subject));
        CHECK_FALSE(wrapped.labels[i].overlaps(wrapped.title));
        for (const auto& legend : wrapped.legends) CHECK_FALSE(wrapped.labels[i].overlaps(legend));
        for (std::size_t j = i + 1; j < wrapped.labels.size(); ++j)
            CHECK_FALSE(wrapped.labels[i].overlaps(wrapped.labels[j]));
    }
}

namespace {

std::string ffprobe(const fs::path& file) {
    return run("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
               "stream=codec_name,pix_fmt,nb_read_frames,width,height -show_entries format=duration -of "
               "default=noprint_wrappers=1 '" +
               file.string() + "'")
        .second;
}

const std::string kExe = LUMBARLAB_EXE;

}  // namespace

TEST_CASE("export: video of 2 s at 10 fps is 20 H.264 yuv420p frames lasting 2.0 s, frames match render",
          "[export][video]") {
    INFO("ffmpeg and ffprobe come with the Debian package ffmpeg (scripts/install-deps.sh)");
    REQUIRE(haveFfmpeg());
    const fs::path video = scratch("psoas.mp4");
    const auto [rc, out] = run(kExe +
                               " video --pose psoas_curl --from 0 --to 2 --fps 10 --width 640 --height 360 "
                               "--samples 1 --no-overlays --quiet --out '" +
                               video.string() + "'");
    INFO(out);
    REQUIRE(rc == 0);
    const std::string probe = ffprobe(video);
    INFO(probe);
    CHECK(probe.find("codec_name=h264") != std::string::npos);
    CHECK(probe.find("pix_fmt=yuv420p") != std::string::npos);
    CHECK(probe.find("width=640") != std::string::npos);
    CHECK(probe.find("height=360") != std::string::npos);
    CHECK(probe.find("nb_read_frames=20\n") != std::string::npos);
    CHECK(probe.find("duration=2.000000") != std::string::npos);

    // Frame 10 is at exactly 1.0 s: decode it and render 1.0 s on its own.
    const fs::path frame = scratch("frame10.png"), still = scratch("still.png");
    REQUIRE(run("ffmpeg -v error -y -i '" + video.string() + "' -vf 'select=eq(n\\,10)' -frames:v 1 '" +
                frame.string() + "'")
                .first == 0);
    REQUIRE(run(kExe +
                " render --pose psoas_curl --time 1.0 --width 640 --height 360 --samples 1 --no-overlays --out '" +
                still.string() + "'")
                .first == 0);
    const auto [mean, largest] = difference(readPng(frame), readPng(still));
    INFO("mean " << mean << ", largest " << largest);
    CHECK(mean < 3.0);  // H.264 at crf 20 with half-resolution chroma; a wrong time moves the leg far more
    // ... and not a neighbouring time: 1 s later, as the leg lowers (1.0 s is in the pause at the top), differs
    // clearly more.
    const fs::path other = scratch("other.png");
    REQUIRE(run(kExe +
                " render --pose psoas_curl --time 2.0 --width 640 --height 360 --samples 1 --no-overlays --out '" +
                other.string() + "'")
                .first == 0);
    const int sameTime = changedPixels(readPng(frame), readPng(still), 48);
    const int otherTime = changedPixels(readPng(frame), readPng(other), 48);
    INFO("pixels off by more than 48: " << sameTime << " at the same time, " << otherTime << " at 2.0 s");
    CHECK(sameTime * 4 < otherTime);
}

TEST_CASE("export: a lesson video holds every step for its hold_s: frames = sum of holds x fps", "[export][video]") {
    INFO("ffmpeg and ffprobe come with the Debian package ffmpeg (scripts/install-deps.sh)");
    REQUIRE(haveFfmpeg());
    // The holds as the lesson file gives them (a step without hold_s holds for the default).
    std::ifstream in(fs::path(LUMBARLAB_SOURCE_ASSET_DIR) / "lessons" / "lower_back.json");
    const nlohmann::json lesson = nlohmann::json::parse(in);
    double holds = 0.0;
    for (const auto& step : lesson.at("steps")) holds += step.value("hold_s", 8.0);
        // Hundreds of frames: the unoptimised sanitizer build renders half as many, smaller.
#ifdef LUMBARLAB_SANITIZED_BUILD
    constexpr int kFps = 1;
    const std::string size = " --width 160 --height 90";
    constexpr int kChangedPixels = 500;  // of 14,400
#else
    constexpr int kFps = 2;
    const std::string size = " --width 320 --height 180";
    constexpr int kChangedPixels = 2000;  // of 57,600
#endif
    const int expected = int(std::lround(holds * kFps));
    const fs::path video = scratch("lesson.mp4");
    const auto [rc, out] = run(kExe + " video --lesson lower_back --fps " + std::to_string(kFps) + size +
                               " --samples 1 --quiet --out '" + video.string() + "'");
    INFO(out);
    REQUIRE(rc == 0);
    const std::string probe = ffprobe(video);
    INFO(probe << "expected " << expected << " frames");
    CHECK(probe.find("codec_name=h264") != std::string::npos);
    CHECK(probe.find("nb_read_frames=" + std::to_string(expected) + "\n") != std::string::npos);
    // The first step's frames are the first step: its title is drawn, and the second step looks different.
    const fs::path first = scratch("lesson0.png"), second = scratch("lesson1.png");
    const int secondStart = int(std::lround(lesson.at("steps")[0].value("hold_s", 8.0) * kFps));
    REQUIRE(run("ffmpeg -v error -y -i '" + video.string() + "' -vf 'select=eq(n\\,0)' -frames:v 1 '" + first.string() +
                "'")
                .first == 0);
    REQUIRE(run("ffmpeg -v error -y -i '" + video.string() + "' -vf 'select=eq(n\\," + std::to_string(secondStart + 3) +
                ")' -frames:v 1 '" + second.string() + "'")
                .first == 0);
    CHECK(changedPixels(readPng(first), readPng(second), 48) > kChangedPixels);
    // A lesson that does not exist, and --lesson with --pose, are usage errors.
    CHECK(run(kExe + " video --lesson no_such_lesson --quiet --out '" + scratch("x.mp4").string() + "'").first == 2);
    CHECK(run(kExe + " video --lesson lower_back --pose walking --quiet").first == 2);
    CHECK_FALSE(fs::exists(scratch("x.mp4")));
}

TEST_CASE("export: GIF and PNG frames", "[export][video]") {
    INFO("ffmpeg and ffprobe come with the Debian package ffmpeg (scripts/install-deps.sh)");
    REQUIRE(haveFfmpeg());
    const fs::path gif = scratch("clip.gif");
    auto [rc, out] = run(kExe +
                         " video --pose psoas_curl --to 1 --fps 5 --width 160 --height 90 --samples 1 --quiet "
                         "--out '" +
                         gif.string() + "'");
    INFO(out);
    REQUIRE(rc == 0);
    const std::string probe = ffprobe(gif);
    CHECK(probe.find("codec_name=gif") != std::string::npos);
    CHECK(probe.find("nb_read_frames=5\n") != std::string::npos);
    const fs::path frames = scratch("frames");
    std::tie(rc, out) = run(kExe +
                            " video --pose psoas_curl --to 1 --fps 4 --width 160 --height 90 --samples 1 --quiet "
                            "--frames-dir '" +
                            frames.string() + "'");
    REQUIRE(rc == 0);
    CHECK(fs::exists(frames / "frame_00000.png"));
    CHECK(fs::exists(frames / "frame_00003.png"));
    CHECK_FALSE(fs::exists(frames / "frame_00004.png"));
    CHECK(readPng(frames / "frame_00002.png").width == 160);
}

TEST_CASE("export: without ffmpeg on PATH the video command says so in one line", "[export][video]") {
    const fs::path dir = scratch("noffmpeg");
    fs::create_directories(dir);
    const auto [rc, out] = run("env PATH=/nonexistent " + kExe +
                               " video --pose psoas_curl --to 1 --fps 5 --width 160 --height 90 --quiet --out '" +
                               (dir / "x.mp4").string() + "'");
    INFO(out);
    CHECK(rc == 1);
    CHECK(out == "lumbarlab video: ffmpeg not found on PATH: install the Debian package 'ffmpeg'\n");
    CHECK(fs::is_empty(dir));
}

TEST_CASE("export: an interrupted video leaves no file", "[export][video]") {
    INFO("ffmpeg and ffprobe come with the Debian package ffmpeg (scripts/install-deps.sh)");
    REQUIRE(haveFfmpeg());
    const fs::path dir = scratch("cancelled");
    fs::create_directories(dir);
    const std::string command = kExe +
                                " video --pose jefferson_curl --fps 30 --width 320 --height 180 --samples 1 "
                                "--out '" +
                                (dir / "x.mp4").string() + "'";
    // Interrupt once frames are flowing (the progress line shows frame 3 or later).
    const auto [rc, out] = run("sh -c '" + command + " 2>" + (dir.parent_path() / "progress.txt").string() +
                               " & pid=$!; for i in $(seq 1200); do grep -q \"frame [3-9]\" " +
                               (dir.parent_path() / "progress.txt").string() +
                               " 2>/dev/null && break; sleep 0.1; done; kill -INT $pid; wait $pid; echo rc=$?'");
    INFO(out);
    CHECK(out.find("rc=130") != std::string::npos);
    CHECK(fs::is_empty(dir));
}

TEST_CASE("export: the handout is one page of the paper asked for, and its PNG shows the pictures",
          "[export][handout]") {
    const fs::path pdf = scratch("couch.pdf");
    auto [rc, out] = run(kExe + " handout --exercise couch_stretch --side r --paper a4 --out '" + pdf.string() + "'");
    INFO(out);
    REQUIRE(rc == 0);
    std::string info = run("pdfinfo '" + pdf.string() + "'").second;
    INFO(info);
    CHECK(info.find("Pages:           1\n") != std::string::npos);
    CHECK(info.find("595.28 x 841.89 pts (A4)") != std::string::npos);
    const fs::path letter = scratch("psoas.pdf");
    std::tie(rc, out) = run(kExe + " handout --exercise psoas_curl --paper letter --out '" + letter.string() + "'");
    REQUIRE(rc == 0);
    info = run("pdfinfo '" + letter.string() + "'").second;
    CHECK(info.find("Pages:           1\n") != std::string::npos);
    CHECK(info.find("612 x 792 pts (letter)") != std::string::npos);

    const fs::path png = scratch("jefferson.png");
    std::tie(rc, out) = run(kExe + " handout --exercise jefferson_curl --out '" + png.string() + "'");
    REQUIRE(rc == 0);
    const Image page = readPng(png);
    CHECK(page.width == 2480);  // A4 at 300 dpi
    CHECK(page.height == 3508);
    // The pictures: the band under the title holds two renders (dark slate background, not paper).
    for (const double x : {0.25, 0.75}) {
        int dark = 0, total = 0;
        for (int y = int(0.14 * page.height); y < int(0.30 * page.height); y += 7)
            for (int dx = -300; dx <= 300; dx += 7) {
                const std::uint8_t* p = page.pixel(int(x * page.width) + dx, y);
                dark += (p[0] + p[1] + p[2]) < 3 * 90;
                ++total;
            }
        INFO("picture at x " << x << ": " << dark << " of " << total << " dark");
        CHECK(dark > total / 2);
    }
    // Paper below them.
    const std::uint8_t* paper = page.pixel(page.width / 2, int(0.80 * page.height));
    CHECK(int(paper[0]) + paper[1] + paper[2] == 3 * 255);
    // A wrong side is a usage error naming the sides there are.
    std::tie(rc, out) = run(kExe + " handout --exercise psoas_curl --side l --out '" + scratch("x.pdf").string() + "'");
    CHECK(rc == 2);
    CHECK(out.find("has r") != std::string::npos);
}
