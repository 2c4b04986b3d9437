// Per-frame work on the model side that runs before any GL: building the draw list and
// camera maths. Later issues add pose and muscle-path updates here.

#include "lumbarlab/core/primitives.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/scene/scene.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>

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

// The built-in model's per-frame work: solving a pose (with grounding) and the disc model.
#include "lumbarlab/anatomy/body_skin.h"
#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/muscle_meshes.h"

namespace {

struct ModelFixture {
    ModelData data = loadModelData(findModelDir(), findAssetDir());
    DiscModelParameters parameters = loadDiscModelParameters(findAssetDir() / "biomech" / "disc_model.json");
    DiscModel discs{parameters, *data.body, data.baseline.lordosis};
    MuscleModel muscles{data, loadMuscleSetFor(data, findAssetDir())};
};

ModelFixture* modelFixture(benchmark::State& state) {
    static std::unique_ptr<ModelFixture> fixture;
    if (!fixture) {
        try {
            fixture = std::make_unique<ModelFixture>();
        } catch (const std::exception& e) {
            state.SkipWithError(e.what());
            return nullptr;
        }
    }
    return fixture.get();
}

void BM_PoseSolveGroundedJeffersonCurl(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Posture* curl = f->data.findPosture("jefferson_curl");
    double t = 0.0;
    for (auto _ : state) {
        t = std::fmod(t + 1.0 / 60.0, curl->duration);
        benchmark::DoNotOptimize(f->data.solveGrounded(curl->at(t), curl));
    }
}
BENCHMARK(BM_PoseSolveGroundedJeffersonCurl)->Unit(benchmark::kMicrosecond);

void BM_PoseSolveOnly(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Posture* curl = f->data.findPosture("jefferson_curl");
    const SkeletonPose pose = f->data.poseFor(curl->at(5.0));
    for (auto _ : state) benchmark::DoNotOptimize(f->data.kinematics->solve(pose));
}
BENCHMARK(BM_PoseSolveOnly)->Unit(benchmark::kMicrosecond);

void BM_PostureValuesAndPoseFor(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Posture* curl = f->data.findPosture("jefferson_curl");
    for (auto _ : state) benchmark::DoNotOptimize(f->data.poseFor(curl->at(5.0)));
}
BENCHMARK(BM_PostureValuesAndPoseFor)->Unit(benchmark::kMicrosecond);

void BM_DiscModelAllLevels(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Posture* slouched = f->data.findPosture("sitting_slouched");
    const SkeletonPose pose = f->data.poseFor(f->data.grounded(slouched->at(0.0), slouched));
    const SkeletonFrames frames = f->data.kinematics->solve(pose);
    for (auto _ : state) benchmark::DoNotOptimize(f->discs.evaluate(frames, pose, {5.0, false}));
}
BENCHMARK(BM_DiscModelAllLevels)->Unit(benchmark::kMicrosecond);

// The budget: pose update plus every muscle path (with wrapping) <= 50 us per frame.
// Jefferson curl frames at 60 fps: both legs and the spine move, hamstrings and glutes wrap.
void BM_PoseAndAllMusclePaths(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Posture* curl = f->data.findPosture("jefferson_curl");
    std::vector<float> lengths;
    double t = 0.0;
    for (auto _ : state) {
        t = std::fmod(t + 1.0 / 60.0, curl->duration);
        const Coordinates values = curl->at(t);
        const auto [grounded, frames] = f->data.solveGrounded(values, curl);
        f->muscles.lengths(frames, grounded, lengths);
        benchmark::DoNotOptimize(lengths.data());
    }
    state.counters["paths"] = double(f->muscles.set().paths.size());
}
BENCHMARK(BM_PoseAndAllMusclePaths)->Unit(benchmark::kMicrosecond);

// The same paths with their polylines kept (what the viewer draws), without the pose solve.
void BM_AllMusclePathGeometry(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Posture* sitting = f->data.findPosture("sitting_upright");
    const Coordinates values = sitting->at(0.0);
    const SkeletonFrames frames = f->data.kinematics->solve(f->data.poseFor(values));
    std::vector<PathGeometry> geometry;
    for (auto _ : state) {
        f->muscles.solve(frames, values, geometry);
        benchmark::DoNotOptimize(geometry.data());
    }
}
BENCHMARK(BM_AllMusclePathGeometry)->Unit(benchmark::kMicrosecond);

// Moment arms of every path about the seven coordinates per side (the CLI and the info card).
void BM_AllMomentArms(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const Coordinates values = f->data.findPosture("sitting_upright")->at(0.0);
    for (auto _ : state) benchmark::DoNotOptimize(f->muscles.momentArms(values));
}
BENCHMARK(BM_AllMomentArms)->Unit(benchmark::kMicrosecond);

// The budget: every muscle's volume mesh rebuilt for a new pose <= 150 us (the path solve
// is BM_AllMusclePathGeometry above; the floor to compare with is that solve). Wall time: the two
// sides are built on two threads.
void BM_AllMuscleVolumes(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const std::vector<MuscleShape> shapes =
        loadMuscleShapes(findAssetDir() / "muscles" / "shapes.json", f->muscles.set());
    const Coordinates values = f->data.findPosture("sitting_upright")->at(0.0);
    const SkeletonFrames frames = f->data.kinematics->solve(f->data.poseFor(values));
    std::vector<PathGeometry> geometry;
    f->muscles.solve(frames, values, geometry);
    std::size_t triangles = 0;
    std::vector<MeshData> meshes;
    for (auto _ : state) {
        buildMuscleMeshes(f->muscles, shapes, geometry, MuscleColouring::LengthChange,
                          glm::vec3(frames.of("pelvis")[3]), glm::vec3(frames.of("l1")[3]), meshes);
        triangles = 0;
        for (const MeshData& m : meshes) triangles += m.triangleCount();
        benchmark::DoNotOptimize(meshes.data());
    }
    state.counters["triangles"] = double(triangles);
}
BENCHMARK(BM_AllMuscleVolumes)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The skin: meshing it once (startup) and posing it every frame (skinning and pressing onto the
// chair), at the detail given (0 low, 1 high).
void BM_SkinMeshOnce(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const float cell = state.range(0) == 0 ? kSkinCellLow : kSkinCellHigh;
    std::size_t triangles = 0;
    for (auto _ : state) {
        const BodySkin skin = makeBodySkin(f->data, cell);
        triangles = skin.restMesh().triangleCount();
        benchmark::DoNotOptimize(skin.restMesh().positions.data());
    }
    state.counters["triangles"] = double(triangles);
}
BENCHMARK(BM_SkinMeshOnce)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SkinPoseSittingWithChair(benchmark::State& state) {
    ModelFixture* f = modelFixture(state);
    if (!f) return;
    const BodySkin skin = makeBodySkin(f->data, state.range(0) == 0 ? kSkinCellLow : kSkinCellHigh);
    const Posture* sitting = f->data.findPosture("sitting_relaxed");
    const SkeletonFrames frames = f->data.solveGrounded(sitting->at(0.0), sitting).second;
    const std::vector<BodyShape> props = propShapes(sitting->props, f->data.body->contacts(frames), 0.0f);
    MeshData posed;
    for (auto _ : state) {
        skin.pose(frames, props, posed);
        benchmark::DoNotOptimize(posed.positions.data());
    }
    state.counters["triangles"] = double(posed.triangleCount());
}
BENCHMARK(BM_SkinPoseSittingWithChair)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
