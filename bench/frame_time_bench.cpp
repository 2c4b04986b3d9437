// Headless frame time at 1280x720: the bone material with MSAA against flat unlit shading of the
// same mesh (the floor any material costs on this driver). glFinish makes each frame complete.

#include "core/cavity_occlusion.h"
#include "core/primitives.h"
#include "render/gl_info.h"
#include "render/headless_context.h"
#include "render/renderer.h"

#include <benchmark/benchmark.h>

#include <memory>

using namespace lumbarlab;

namespace {

struct Fixture {
    HeadlessContext context;
    Renderer renderer;
    Scene scene;
    Fixture() {
        // 2 * rings * segments triangles: 224 * 224 * 2 ~ 100k.
        MeshData mesh = makeSphere(0.15f, 224, 224);
        computeCavityOcclusion(mesh);
        SceneObject o;
        o.name = "100k sphere";
        o.mesh = scene.meshes.add(std::move(mesh));
        scene.objects.push_back(o);
        renderer.syncMeshes(scene.meshes);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void frame(benchmark::State& state, bool flat, int samples) {
    Fixture& f = fixture();
    RenderTarget target(1280, 720, samples);
    OrbitCamera camera;
    camera.setPose(camera.framedPose(f.scene.bounds(), ViewPreset::Oblique, 1280.0f / 720.0f));
    RenderSettings settings;
    settings.flatShading = flat;
    const DrawList records = f.scene.drawList();
    std::size_t triangles = 0;
    for (auto _ : state) {
        triangles = f.renderer.render(records, camera, target, settings).triangles;
        glFinish();
    }
    state.counters["triangles"] = double(triangles);
    state.SetLabel(currentGlInfo().renderer);
}

void BM_Frame100kBoneMaterialMsaa4(benchmark::State& s) { frame(s, false, 4); }
void BM_Frame100kBoneMaterialNoMsaa(benchmark::State& s) { frame(s, false, 1); }
void BM_Frame100kFlatNoMsaa(benchmark::State& s) { frame(s, true, 1); }
void BM_Frame100kFlatMsaa4(benchmark::State& s) { frame(s, true, 4); }

void BM_ColdContextAndFirstFrame(benchmark::State& state) {
    // Context creation, shader compilation, upload and one finished 1280x720 frame.
    MeshData mesh = makeSphere(0.15f, 64, 64);
    for (auto _ : state) {
        HeadlessContext context;
        Renderer renderer;
        Scene scene;
        SceneObject o;
        o.mesh = scene.meshes.add(mesh);
        scene.objects.push_back(o);
        renderer.syncMeshes(scene.meshes);
        RenderTarget target(1280, 720, 4);
        OrbitCamera camera;
        renderer.render(scene.drawList(), camera, target, RenderSettings{});
        benchmark::DoNotOptimize(target.readColour());
    }
}

}  // namespace

BENCHMARK(BM_Frame100kBoneMaterialMsaa4)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Frame100kBoneMaterialNoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Frame100kFlatNoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Frame100kFlatMsaa4)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ColdContextAndFirstFrame)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_MAIN();
