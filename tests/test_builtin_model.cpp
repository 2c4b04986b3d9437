// The generated built-in model, assembled in the cited neutral standing pose, checked against
// the published values it was built from (SCIENCE.md 3b, 3c, 5c).

#include "anatomy/clinical_angles.h"
#include "anatomy/pose_file.h"
#include "io/mesh_loader.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

fs::path modelDir() {
    if (const char* env = std::getenv("LUMBARLAB_MODEL_DIR"); env && *env) return env;
    return LUMBARLAB_BUILD_MODEL_DIR;
}

struct Standing {
    SkeletonDefinition skeleton = loadSkeletonDefinition(modelDir() / "skeleton_manifest.json");
    SkeletonKinematics kinematics{skeleton};
    PoseFile pose = loadPoseFile(fs::path(LUMBARLAB_SOURCE_ASSET_DIR) / "poses" / "neutral_standing.json");
    SkeletonFrames frames = kinematics.solve(pose.pose);
    ClinicalAngles angles = ClinicalAngleGauge(skeleton).measure(pose.pose, frames);
};

const Standing& standing() {
    static const Standing s;
    return s;
}

}  // namespace

TEST_CASE("model: standing lumbar lordosis L1-S1 is about 50 degrees (Yukawa 2019: 49.8 +/- 11.2)", "[model]") {
    INFO("lordosis " << standing().angles.lumbarLordosis);
    CHECK(standing().angles.lumbarLordosis == Approx(49.8).margin(2.0));
}

TEST_CASE("model: standing pelvic parameters match Mac-Thiong 2011 midpoints (PI 53, SS 39.5, PT 13.5)", "[model]") {
    const ClinicalAngles& a = standing().angles;
    INFO("PI " << a.pelvicIncidence << " SS " << a.sacralSlope << " PT " << a.pelvicTilt);
    CHECK(a.pelvicIncidence == Approx(53.0).margin(5.0));
    CHECK(a.sacralSlope == Approx(39.5).margin(5.0));
    CHECK(a.pelvicTilt == Approx(13.5).margin(5.0));
}

TEST_CASE("model: hip centres about 160 mm apart, femoral heads in their sockets", "[model]") {
    const Standing& s = standing();
    const glm::vec3 right = s.frames.toWorld("femur_r", {0, 0, 0});
    const glm::vec3 left = s.frames.toWorld("femur_l", {0, 0, 0});
    CHECK(glm::length(right - left) * 1000.0f == Approx(160.0f).epsilon(0.10));
    const glm::vec3 socket = s.frames.toWorld("pelvis", s.skeleton.requireJoint("hip_bone_r", "hip_centre"));
    CHECK(glm::length(socket - right) < 1e-4f);
}

TEST_CASE("model: every bone mesh of both detail levels loads through Assimp", "[model]") {
    for (const auto& bone : standing().skeleton.bones) {
        INFO(bone.id);
        const MeshData high = loadMesh(bone.meshHigh);
        const MeshData low = loadMesh(bone.meshLow);
        CHECK(low.triangleCount() < high.triangleCount());
        CHECK(signedVolume(low) > 0.0);
    }
}

TEST_CASE("model: vertebrae stack without overlapping, the spine rises above the sacrum", "[model]") {
    const Standing& s = standing();
    float previous = s.frames.toWorld("pelvis", s.skeleton.requireJoint("sacrum", "s1_endplate_centre")).y;
    for (int i = int(kVertebrae.size()) - 1; i >= 0; --i) {
        const float y = s.frames.toWorld(kVertebrae[std::size_t(i)], {0, 0, 0}).y;
        INFO(kVertebrae[std::size_t(i)]);
        CHECK(y > previous + 0.02f);  // at least a disc and half a body higher
        previous = y;
    }
}
