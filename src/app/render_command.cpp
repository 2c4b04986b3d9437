#include "render_command.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/headless_context.h"
#include "lumbarlab/render/renderer.h"
#include "lumbarlab/view/scene_view.h"
#include "pose_selection.h"
#include "process_clock.h"
#include "scene_request.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace lumbarlab {

int runRenderCommand(const RenderOptions& options) {
    SceneRequest request;
    try {
        request = sceneRequestOf(options.mesh);
    } catch (const MeshSpecError& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitUsage;
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitFailed;
    }
    std::unique_ptr<HeadlessContext> context;
    try {
        context = std::make_unique<HeadlessContext>();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitNoGraphics;
    }
    const GlInfo gl = currentGlInfo();

    SceneView view = openSceneView(request, gl.software);
    for (const auto& note : view.notes()) std::fprintf(stderr, "lumbarlab render: %s\n", note.c_str());
    // Mesh files that fail are skipped: the image shows the rest (exit 1 only when none is left).
    for (const auto& skipped : view.skipped())
        std::fprintf(stderr, "lumbarlab render: %s (skipped)\n", skipped.c_str());
    for (const auto& error : view.errors()) std::fprintf(stderr, "lumbarlab render: %s\n", error.c_str());
    if (!view.skipped().empty() && view.scene().objects.empty())
        std::fprintf(stderr, "lumbarlab render: none of the %zu mesh files could be shown\n", request.meshes.size());
    if (!view.errors().empty() || view.scene().objects.empty()) return kExitFailed;
    Scene& scene = view.scene();
    if (ModelPresenter* model = view.model()) {
        try {
            model->showPosture(options.pose.pose, resolvePose(model->data(), options.pose));
            model->setPressureColours(options.pressure);
            model->setMuscleColouring(options.muscleColours == "anatomy" ? MuscleColouring::Anatomy
                                                                         : MuscleColouring::LengthChange);
            model->setEmphasis(options.emphasis);
        } catch (const PoseSelectionError& e) {
            std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
            return kExitUsage;
        }
    }
    for (auto& object : scene.objects)
        if (std::find(options.hide.begin(), options.hide.end(), object.group) != options.hide.end() ||
            (object.id.rfind("muscle_", 0) == 0 &&
             std::find(options.hide.begin(), options.hide.end(), "muscles") != options.hide.end()))
            object.visible = false;
    if (!options.select.empty()) {
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (scene.objects[i].id == options.select || scene.objects[i].name == options.select) scene.selected = i;
        if (!scene.selected) {
            std::fprintf(stderr, "lumbarlab render: no object '%s' to select\n", options.select.c_str());
            return kExitUsage;
        }
    }

    try {
        Renderer renderer;
        renderer.syncMeshes(scene.meshes);
        RenderTarget target(options.width, options.height, options.samples);
        OrbitCamera camera;
        if (!view.model()) camera.setSceneRadius(scene.bounds().radius());  // zoom and clip to the files' size
        const float aspect = float(options.width) / float(options.height);
        Bounds framed = scene.bounds();
        if (!options.focus.empty()) {
            framed = Bounds{};
            for (std::size_t i = 0; i < scene.objects.size(); ++i)
                if (scene.objects[i].id == options.focus || scene.objects[i].name == options.focus ||
                    scene.objects[i].group == options.focus)
                    framed.include(scene.bounds(i));
            if (framed.empty()) {
                std::fprintf(stderr, "lumbarlab render: no object or group '%s' to focus on\n", options.focus.c_str());
                return kExitUsage;
            }
        }
        camera.setPose(camera.framedPose(framed, options.camera, aspect));
        RenderSettings settings;
        settings.flatShading = options.flatShading;
        settings.sagittalCut = options.cut;
        const FrameStats stats =
            renderer.render(view.drawList({options.xray, options.landmarks}), camera, target, settings);
        writePng(options.out, target.readColour());
        const double ms = millisecondsSinceStart();
        std::printf("wrote %s (%dx%d, %s view, %zu triangles, %s on %s, %.0f ms)\n", options.out.c_str(), options.width,
                    options.height, std::string(toString(options.camera)).c_str(), stats.triangles, gl.renderer.c_str(),
                    context->platform().c_str(), ms);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab render: %s\n", e.what());
        return kExitFailed;
    }
    return kExitOk;
}

}  // namespace lumbarlab
