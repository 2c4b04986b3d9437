#include "video_command.h"

#include "figure_scene.h"
#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/io/video_encoder.h"
#include "lumbarlab/view/data_folders.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <exception>
#include <glm/gtc/constants.hpp>
#include <memory>

#include <unistd.h>

namespace lumbarlab {
namespace {

std::atomic<bool> gCancelled{false};

extern "C" void onCancel(int /*signal*/) {
    gCancelled = true;
}

/// The clip's times: frame i at from + i / fps, to excluded (2 s at 10 fps: 20 frames, 0.0 to 1.9 s).
struct Clip {
    double from = 0.0, to = 0.0;
    int frames = 0;
};

Clip clipOf(const VideoOptions& options, const Posture* posture) {
    Clip clip;
    clip.from = options.from;
    const bool motion = posture && posture->isMotion();
    clip.to = options.to >= 0.0 ? options.to : (motion ? posture->duration : -1.0);
    if (clip.to < 0.0)
        throw FigureUsageError("'" + options.render.pose.pose +
                               "' is a posture, not a motion: give --to SECONDS (with --orbit DEG for a turntable)");
    if (motion && !posture->loop && clip.to > posture->duration + 1e-9)
        throw FigureUsageError("--to " + std::to_string(clip.to) + " is past the end of '" + posture->id + "' (" +
                               std::to_string(posture->duration) + " s)");
    if (clip.to <= clip.from) throw FigureUsageError("--to must be later than --from");
    clip.frames = int(std::llround((clip.to - clip.from) * options.fps));
    if (clip.frames < 1)
        throw FigureUsageError("the clip is shorter than one frame at --fps " + std::to_string(options.fps));
    return clip;
}

VideoFormat formatOf(const VideoOptions& options) {
    if (options.format == "gif") return VideoFormat::Gif;
    if (options.format == "mp4") return VideoFormat::Mp4;
    return options.render.out.extension() == ".gif" ? VideoFormat::Gif : VideoFormat::Mp4;
}

std::string clock(double seconds) {
    const int s = int(std::lround(std::max(seconds, 0.0)));
    char text[32];
    std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
    return text;
}

/// A PNG sequence written into a hidden folder beside the target and renamed at the end.
class FrameFolder {
public:
    explicit FrameFolder(std::filesystem::path target) : target_(std::move(target)) {
        std::error_code ec;
        if (std::filesystem::exists(target_, ec) && !std::filesystem::is_empty(target_, ec))
            throw FigureUsageError("--frames-dir " + target_.string() + " exists and is not empty");
        const auto parent = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
        std::filesystem::create_directories(parent, ec);
        temp_ = parent / ("." + target_.filename().string() + ".tmp" + std::to_string(::getpid()));
        std::filesystem::create_directories(temp_, ec);
        if (ec) throw std::runtime_error(temp_.string() + ": cannot create folder: " + ec.message());
    }
    FrameFolder(const FrameFolder&) = delete;
    FrameFolder& operator=(const FrameFolder&) = delete;
    FrameFolder(FrameFolder&&) = delete;
    FrameFolder& operator=(FrameFolder&&) = delete;
    ~FrameFolder() {
        std::error_code ec;
        if (!done_) std::filesystem::remove_all(temp_, ec);
    }
    void write(int index, const Image& image) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", index);
        writePng(temp_ / name, image);
    }
    void finish() {
        std::error_code ec;
        std::filesystem::remove(target_, ec);  // empty if it exists (checked above)
        std::filesystem::rename(temp_, target_, ec);
        if (ec) throw std::runtime_error(target_.string() + ": cannot create folder: " + ec.message());
        done_ = true;
    }

private:
    std::filesystem::path target_, temp_;
    bool done_ = false;
};

int run(const VideoOptions& options, int& exitCode) {
    const RenderOptions& r = options.render;
    FigureScene figure(r, exitCode, "video");
    exitCode = kExitUsage;
    const Clip clip = clipOf(options, figure.posture());
    const VideoFormat format = formatOf(options);
    if (format == VideoFormat::Mp4 && options.framesDir.empty() && (r.width % 2 || r.height % 2))
        throw FigureUsageError("H.264 (yuv420p) needs an even --width and --height");
    const std::string cameraName(toString(r.camera));
    std::filesystem::path out;
    if (options.framesDir.empty() && !options.renderOnly) {
        char span[64];
        std::snprintf(span, sizeof span, "%s-%.1f-%.1fs", r.pose.pose.c_str(), clip.from, clip.to);
        out = outputPath(r.out, {span, 0.0, {}}, false, cameraName, format == VideoFormat::Gif ? "gif" : "mp4");
    }

    // One camera for the whole clip: framed on the whole motion, turned by --orbit.
    const float aspect = float(r.width) / float(r.height);
    PoseSelection pose = r.pose;
    pose.time = clip.from;
    const Bounds bounds = figure.motionBounds(pose);
    OrbitCamera camera0 = FigureScene::framedCamera(bounds, r.camera, aspect, figure.sceneRadius());
    CameraPose base = camera0.pose();
    if (options.orbitDeg != 0.0)
        for (int k = 1; k < 8; ++k) {  // far enough for every direction the orbit passes
            OrbitCamera turned = camera0;
            CameraPose p = base;
            p.yaw += glm::two_pi<float>() * float(k) / 8.0f;
            turned.setPose(p);
            base.distance = std::max(base.distance, turned.framedPose(bounds, aspect).distance);
        }

    exitCode = kExitFailed;
    std::unique_ptr<VideoEncoder> encoder;
    std::unique_ptr<FrameFolder> folder;
    if (!options.framesDir.empty())
        folder = std::make_unique<FrameFolder>(options.framesDir);
    else if (!options.renderOnly)
        encoder = std::make_unique<VideoEncoder>(out, format, r.width, r.height, options.fps);

    gCancelled = false;
    std::signal(SIGINT, onCancel);
    std::signal(SIGTERM, onCancel);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < clip.frames; ++i) {
        if (gCancelled) {
            if (encoder) encoder->abandon();
            if (!options.quiet) std::fputc('\n', stderr);
            std::fprintf(stderr, "lumbarlab video: cancelled after %d of %d frames; nothing written\n", i, clip.frames);
            return 130;
        }
        pose.time = clip.from + double(i) / double(options.fps);
        figure.showPose(pose);
        OrbitCamera camera;
        CameraPose p = base;
        p.yaw += float(options.orbitDeg * glm::pi<double>() / 180.0 * double(i) / double(clip.frames));
        camera.setPose(p);
        Image frame = figure.picture(camera, r.width, r.height, r.samples);
        if (r.overlays) figure.drawOverlays(frame, camera, pose.time, toString(r.camera));
        if (encoder) encoder->write(frame);
        if (folder) folder->write(i, frame);
        if (!options.quiet) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double rate = double(i + 1) / std::max(elapsed, 1e-6);
            std::fprintf(stderr, "\rframe %d/%d  %.1f frames/s  %s left ", i + 1, clip.frames, rate,
                         clock(double(clip.frames - i - 1) / rate).c_str());
        }
    }
    if (encoder) encoder->finish();
    if (folder) folder->finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet) std::fputc('\n', stderr);
    const std::string where = encoder ? out.string() : folder ? options.framesDir.string() : "nothing (--render-only)";
    std::printf("wrote %s (%d frames, %dx%d, %d fps, %.1f s of video, %.1f s, %.1f frames/s)\n", where.c_str(),
                clip.frames, r.width, r.height, options.fps, double(clip.frames) / options.fps, seconds,
                double(clip.frames) / std::max(seconds, 1e-6));
    return kExitOk;
}

}  // namespace

int runVideoCommand(const VideoOptions& options) {
    int exitCode = kExitFailed;
    try {
        return run(options, exitCode);
    } catch (const FigureUsageError& e) {
        std::fprintf(stderr, "lumbarlab video: %s\n", e.what());
        return kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab video: %s\n", e.what());
        return exitCode == kExitOk || exitCode == kExitUsage ? kExitFailed : exitCode;
    }
}

}  // namespace lumbarlab
