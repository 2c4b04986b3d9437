#include "app/render_command.h"

#include "app/scene_builder.h"
#include "io/error.h"
#include "io/png_writer.h"
#include "render/gl_info.h"
#include "render/headless_context.h"
#include "render/renderer.h"

#include <chrono>
#include <cstdio>
#include <exception>

namespace lumbarlab {

int runRenderCommand(const RenderOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<HeadlessContext> context;
    try {
        context = std::make_unique<HeadlessContext>();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitNoGraphics;
    }
    const GlInfo gl = currentGlInfo();

    SceneLoadResult loaded = options.meshes.empty() ? loadBuiltInScene(findModelDir(), gl.software ? Detail::Low : Detail::High)
                                                    : loadMeshScene(options.meshes);
    for (const auto& error : loaded.errors) std::fprintf(stderr, "lumbarlab render: %s\n", error.c_str());
    if (!loaded.errors.empty() || loaded.scene.objects.empty()) return kExitFailed;

    try {
        Renderer renderer;
        renderer.syncMeshes(loaded.scene.meshes);
        RenderTarget target(options.width, options.height, options.samples);
        OrbitCamera camera;
        const float aspect = float(options.width) / float(options.height);
        camera.setPose(camera.framedPose(loaded.scene.bounds(), options.camera, aspect));
        RenderSettings settings;
        settings.flatShading = options.flatShading;
        const FrameStats stats = renderer.render(loaded.scene.drawList(), camera, target, settings);
        writePng(options.out, target.readColour());
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::printf("wrote %s (%dx%d, %s view, %zu triangles, %s on %s, %.0f ms)\n", options.out.c_str(), options.width,
                    options.height, std::string(toString(options.camera)).c_str(), stats.triangles,
                    gl.renderer.c_str(), context->platform().c_str(), ms);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitFailed;
    }
    return kExitOk;
}

}  // namespace lumbarlab
