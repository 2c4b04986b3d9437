// Per-frame work on the model side that runs before any GL: building the draw list and
// camera maths. Later issues add pose and muscle-path updates here.

#include "core/primitives.h"
#include "scene/camera.h"
#include "scene/scene.h"

#include <benchmark/benchmark.h>

using namespace lumbarlab;

static void BM_DrawListFor40Objects(benchmark::State& state) {
    Scene scene;
    const MeshId mesh = scene.meshes.add(makeSphere(0.05f, 8, 16));
    for (int i = 0; i < 40; ++i) {
        SceneObject o;
        o.name = "object " + std::to_string(i);
        o.mesh = mesh;
        scene.objects.push_back(o);
    }
    for (auto _ : state) benchmark::DoNotOptimize(scene.drawList());
}
BENCHMARK(BM_DrawListFor40Objects);

static void BM_CameraViewProjection(benchmark::State& state) {
    OrbitCamera camera;
    for (auto _ : state) {
        camera.orbit(0.001f, 0.0f);
        benchmark::DoNotOptimize(camera.projection(16.0f / 9.0f) * camera.view());
    }
}
BENCHMARK(BM_CameraViewProjection);

BENCHMARK_MAIN();
