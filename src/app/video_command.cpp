#include "video_command.h"

#include "export_jobs.h"
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

std::string clock(double seconds) {
    const int s = int(std::lround(std::max(seconds, 0.0)));
    char text[32];
    std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
    return text;
}

int run(const VideoOptions& options, int& exitCode) {
    const RenderOptions& r = options.render;
    FigureScene figure(r, exitCode, "video");
    exitCode = kExitUsage;
    VideoJob job(figure, options);
    exitCode = kExitFailed;

    gCancelled = false;
    std::signal(SIGINT, onCancel);
    std::signal(SIGTERM, onCancel);
    const auto start = std::chrono::steady_clock::now();
    for (bool more = true; more;) {
        if (gCancelled) {
            job.cancel();
            if (!options.quiet) std::fputc('\n', stderr);
            std::fprintf(stderr, "lumbarlab video: cancelled after %d of %d frames; nothing written\n", job.done(),
                         job.frames());
            return 130;
        }
        more = job.step();
        if (!options.quiet) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double rate = double(job.done()) / std::max(elapsed, 1e-6);
            std::fprintf(stderr, "\rframe %d/%d  %.1f frames/s  %s left ", job.done(), job.frames(), rate,
                         clock(double(job.frames() - job.done()) / rate).c_str());
        }
    }
    job.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet) std::fputc('\n', stderr);
    const std::string where = job.out().empty() ? "nothing (--render-only)" : job.out().string();
    std::printf("wrote %s (%d frames, %dx%d, %d fps, %.1f s of video, %.1f s, %.1f frames/s)\n", where.c_str(),
                job.frames(), r.width, r.height, options.fps, double(job.frames()) / options.fps, seconds,
                double(job.frames()) / std::max(seconds, 1e-6));
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
