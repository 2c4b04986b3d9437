// Headless frame time at 1280x720: the bone material with MSAA against flat unlit shading of the
// same mesh (the floor any material costs on this driver); the compare view's two viewports at
// 1920x1080 against one view of the same area. glFinish makes each frame complete.

#include "lumbarlab/core/cavity_occlusion.h"
#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/mesh_loader.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/headless_context.h"
#include "lumbarlab/render/renderer.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/scene_view.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
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

void BM_Frame100kBoneMaterialMsaa4(benchmark::State& s) {
    frame(s, false, 4);
}
void BM_Frame100kBoneMaterialNoMsaa(benchmark::State& s) {
    frame(s, false, 1);
}
void BM_Frame100kFlatNoMsaa(benchmark::State& s) {
    frame(s, true, 1);
}
void BM_Frame100kFlatMsaa4(benchmark::State& s) {
    frame(s, true, 4);
}

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

void builtInScene(benchmark::State& state, Detail detail, int samples) {
    // The default scene as the window draws it: every bone and disc in standing.
    Fixture& f = fixture();  // reuses the context
    const std::filesystem::path assets = findAssetDir();
    SceneView view = SceneView::builtIn(findModelDir(), assets, detail);
    if (!view.errors().empty()) {
        state.SkipWithError(view.errors().front().c_str());
        return;
    }
    Renderer renderer;
    renderer.syncMeshes(view.scene().meshes);
    RenderTarget target(1280, 720, samples);
    OrbitCamera camera;
    camera.setPose(camera.framedPose(view.scene().bounds(), ViewPreset::Oblique, 1280.0f / 720.0f));
    const DrawList records = view.drawList({});
    std::size_t triangles = 0;
    for (auto _ : state) {
        triangles = renderer.render(records, camera, target, RenderSettings{}).triangles;
        glFinish();
    }
    (void)f;
    state.counters["triangles"] = double(triangles);
    state.counters["fps"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_BuiltInSceneLowDetailMsaa2(benchmark::State& s) {
    builtInScene(s, Detail::Low, 2);
}
void BM_BuiltInSceneLowDetailNoMsaa(benchmark::State& s) {
    builtInScene(s, Detail::Low, 1);
}
void BM_BuiltInSceneHighDetailMsaa4(benchmark::State& s) {
    builtInScene(s, Detail::High, 4);
}

// The clinician's compare view at 1920x1080: sitting | standing side by side, each in half of the
// 3D area the window leaves between its panels (about 1120x1050 pixels), single-sampled, drawn
// from a moving camera. The floor is one view (standing) in the whole area: what the single view
// costs at the same size.
struct CompareScenes {
    SceneView a, b;
    Renderer renderA, renderB;
    CompareScenes()
        : a(SceneView::builtIn(findModelDir(), findAssetDir(), Detail::Low)),
          b(SceneView::builtIn(findModelDir(), findAssetDir(), Detail::Low)) {
        if (a.model()) a.model()->showPosture("sitting_relaxed");
        if (b.model()) b.model()->showPosture("neutral_standing");
        renderA.syncMeshes(a.scene().meshes);
        renderB.syncMeshes(b.scene().meshes);
    }
};

void compareFrames(benchmark::State& state, bool split) {
    Fixture& f = fixture();  // reuses the context
    (void)f;
    static CompareScenes scenes;
    if (!scenes.a.model() || !scenes.b.model()) {
        state.SkipWithError("the built-in model did not load");
        return;
    }
    constexpr int kAreaWidth = 1120, kAreaHeight = 1050;
    const int width = split ? (kAreaWidth - 2) / 2 : kAreaWidth;
    RenderTarget targetA(width, kAreaHeight, 1), targetB(width, kAreaHeight, 1);
    OrbitCamera camera;
    const float aspect = float(width) / float(kAreaHeight);
    camera.setPose(camera.framedPose(scenes.b.scene().framingPoints(), ViewPreset::Oblique, aspect));
    const DrawList recordsA = scenes.a.drawList({}), recordsB = scenes.b.drawList({});
    std::size_t triangles = 0;
    const CameraPose start = camera.pose();
    float phase = 0.0f;
    for (auto _ : state) {
        CameraPose pose = start;
        pose.yaw += 0.3f * std::sin(phase);  // a drag turns the camera a little every frame
        camera.setPose(pose);
        phase += 0.05f;
        triangles = scenes.renderB.render(recordsB, camera, targetB, RenderSettings{}).triangles;
        if (split) triangles += scenes.renderA.render(recordsA, camera, targetA, RenderSettings{}).triangles;
        glFinish();
    }
    state.counters["triangles"] = double(triangles);
    state.counters["fps"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_CompareSplit1920x1080NoMsaa(benchmark::State& s) {
    compareFrames(s, true);
}
void BM_SingleViewSameArea1920x1080NoMsaa(benchmark::State& s) {
    compareFrames(s, false);
}

void BM_LoadBuiltInMeshesAssimpVsCache(benchmark::State& state) {
    // Start-up's mesh loading: every low-detail built-in mesh through Assimp, then from its
    // .llmesh cache, in the same iteration, so the ratio is measured under the same load.
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(findModelDir(), ec))
        if (entry.path().string().ends_with(".low.glb")) files.push_back(entry.path());
    if (files.empty() || !std::filesystem::exists(meshCachePath(files.front()), ec)) {
        state.SkipWithError("no built-in meshes with .llmesh caches (build the lumbarlab_meshcache target)");
        return;
    }
    using Clock = std::chrono::steady_clock;
    double assimpMs = 0.0, cacheMs = 0.0;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        for (const auto& file : files) benchmark::DoNotOptimize(loadMeshWithAssimp(file));
        const auto t1 = Clock::now();
        for (const auto& file : files) benchmark::DoNotOptimize(loadMesh(file));
        const auto t2 = Clock::now();
        assimpMs += std::chrono::duration<double, std::milli>(t1 - t0).count();
        cacheMs += std::chrono::duration<double, std::milli>(t2 - t1).count();
    }
    const auto n = double(state.iterations());
    state.counters["meshes"] = double(files.size());
    state.counters["assimp_ms"] = assimpMs / n;
    state.counters["cache_ms"] = cacheMs / n;
    state.counters["assimp_over_cache"] = assimpMs / std::max(cacheMs, 1e-9);
}

}  // namespace

BENCHMARK(BM_BuiltInSceneLowDetailMsaa2)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_BuiltInSceneLowDetailNoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_BuiltInSceneHighDetailMsaa4)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_CompareSplit1920x1080NoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_SingleViewSameArea1920x1080NoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_Frame100kBoneMaterialMsaa4)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_Frame100kBoneMaterialNoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_Frame100kFlatNoMsaa)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_Frame100kFlatMsaa4)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_ColdContextAndFirstFrame)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_LoadBuiltInMeshesAssimpVsCache)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK_MAIN();
