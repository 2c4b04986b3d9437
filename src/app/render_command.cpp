#include "render_command.h"

#include "figure_scene.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/png_writer.h"
#include "process_clock.h"
#include "scene_request.h"

#include <cstdio>
#include <exception>

namespace lumbarlab {

int runRenderCommand(const RenderOptions& options) {
    int exitCode = kExitFailed;
    try {
        FigureScene figure(options, exitCode);
        const Posture* posture = figure.view().model() ? figure.view().model()->posture() : nullptr;
        const std::filesystem::path out =
            outputPath(options.out, options.pose, posture && posture->isMotion(), toString(options.camera), "png");
        const float aspect = float(options.width) / float(options.height);
        const OrbitCamera camera =
            FigureScene::framedCamera(figure.motionPoints(options.pose), options.camera, aspect, figure.sceneRadius());
        writePng(out, figure.figure(camera, options.pose.time, toString(options.camera)));
        const double ms = millisecondsSinceStart();
        const int tiles = figure.lastTileCount();
        std::printf("wrote %s (%dx%d%s, %s view, %zu triangles%s, %s on %s, %.0f ms)\n", out.c_str(), options.width,
                    options.height, options.transparent ? " RGBA" : "", std::string(toString(options.camera)).c_str(),
                    figure.lastStats().triangles / std::size_t(tiles),
                    tiles > 1 ? (", " + std::to_string(tiles) + " tiles").c_str() : "", figure.gl().renderer.c_str(),
                    figure.platform().c_str(), ms);
    } catch (const FigureUsageError& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return exitCode == kExitOk ? kExitFailed : exitCode;
    }
    return kExitOk;
}

}  // namespace lumbarlab
