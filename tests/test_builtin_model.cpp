// The generated built-in model, assembled in the cited neutral standing pose, checked against
// the published values it was built from (SCIENCE.md 3b, 3c, 5c).

#include "anatomy/clinical_angles.h"
#include "app/model_view.h"
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
    ModelData data = loadModelData(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR);
    const SkeletonDefinition& skeleton = data.skeleton;
    SkeletonPose pose = data.poseFor(data.findPosture("neutral_standing")->at(0.0));
    SkeletonFrames frames = data.kinematics->solve(pose);
    ClinicalAngles angles = data.gauge->measure(pose, frames);
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

TEST_CASE("model view: x-ray makes bones translucent but leaves discs as they are", "[model]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    ModelView view(loadBuiltInScene(modelDir(), assets, Detail::Low), assets);
    REQUIRE(view.errors().empty());
    const DrawList plain = view.drawList({});
    const DrawList xray = view.drawList({true, false});
    REQUIRE(plain.size() == xray.size());
    std::size_t translucentBones = 0;
    for (std::size_t i = 0; i < xray.size(); ++i) {
        const SceneObject& object = view.scene().objects[xray[i].pickId - 1];
        if (object.group == "discs") {
            CHECK(xray[i].colour.w == plain[i].colour.w);
        } else {
            CHECK(xray[i].colour.w < 0.5f);
            translucentBones += (xray[i].flags & kDrawTranslucent) ? 1 : 0;
        }
    }
    CHECK(translucentBones >= 16);  // 2 hip bones, sacrum, 6 vertebrae, 2 x (femur, patella, tibia, fibula)
}

TEST_CASE("model view: landmarks show for the selection only, and the card describes the bone", "[model]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    ModelView view(loadBuiltInScene(modelDir(), assets, Detail::Low), assets);
    REQUIRE(view.errors().empty());
    const std::size_t all = view.shownLandmarks().size();
    std::size_t femur = 0;
    for (std::size_t i = 0; i < view.scene().objects.size(); ++i)
        if (view.scene().objects[i].id == "femur_r") femur = i;
    view.scene().selected = femur;
    const auto shown = view.shownLandmarks();
    CHECK(shown.size() < all);
    CHECK_FALSE(shown.empty());
    for (const auto& l : shown) CHECK(l.bone == "femur_r");
    CHECK(view.drawList({false, true}).size() == view.drawList({}).size() + shown.size());
    const auto card = view.infoCard();
    REQUIRE(card);
    CHECK(card->title.find("femur") != std::string::npos);
    CHECK(card->text.find("trochanter") != std::string::npos);
    CHECK(card->details.size() == shown.size());
}

TEST_CASE("model: the patella tracks the groove, its ligament keeps its length through knee flexion", "[model]") {
    const Standing& s = standing();
    const float straight = s.data.kinematics->patellarLigamentLength(0, 0.0f);
    CHECK(straight * 1000.0f > 35.0f);  // a real patellar ligament is about 4-5 cm
    CHECK(straight * 1000.0f < 70.0f);
    glm::vec3 previous = s.frames.toWorld("patella_r", {0, 0, 0});
    for (int degrees = 10; degrees <= 140; degrees += 10) {
        SkeletonPose pose = s.pose;
        pose.right.kneeFlexion = glm::radians(float(degrees));
        const SkeletonFrames frames = s.data.kinematics->solve(pose);
        INFO(degrees << " deg of knee flexion");
        CHECK(s.data.kinematics->patellarLigamentLength(0, pose.right.kneeFlexion) == Approx(straight).margin(0.0005));
        const glm::vec3 patella = frames.toWorld("patella_r", {0, 0, 0});
        CHECK(patella.y < previous.y);  // it moves down the groove as the knee bends
        // and stays against the femur: within 6 cm of the knee centre
        CHECK(glm::length(patella - frames.toWorld("femur_r", s.skeleton.requireJoint("femur_r", "knee_centre"))) < 0.06f);
        previous = patella;
    }
}
