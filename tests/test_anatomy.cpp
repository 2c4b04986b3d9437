#include "anatomy/bone_info.h"
#include "anatomy/clinical_angles.h"
#include "anatomy/pose_file.h"
#include "core/file_error.h"

#include <catch2/catch.hpp>
#include <glm/gtc/constants.hpp>

#include <filesystem>
#include <fstream>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

constexpr float kSacralSlope = glm::radians(40.0f);

/// A hand-built skeleton with round numbers, so transforms can be checked by hand.
SkeletonDefinition syntheticSkeleton() {
    SkeletonDefinition s;
    s.manifest = "synthetic.json";
    auto bone = [&](std::string id, std::string frame) -> BoneDefinition& {
        BoneDefinition b;
        b.id = std::move(id);
        b.displayName = b.id;
        b.parentFrame = std::move(frame);
        s.bones.push_back(std::move(b));
        return s.bones.back();
    };
    bone("hip_bone_r", "pelvis").joints["hip_centre"] = {-0.05f, -0.08f, 0.08f};
    bone("hip_bone_l", "pelvis").joints["hip_centre"] = {-0.05f, -0.08f, -0.08f};
    BoneDefinition& sacrum = bone("sacrum", "pelvis");
    sacrum.joints["s1_endplate_centre"] = {-0.10f, 0.05f, 0.0f};
    sacrum.joints["s1_endplate_normal"] = {std::sin(kSacralSlope), std::cos(kSacralSlope), 0.0f};
    for (const char* side : {"_r", "_l"}) {
        BoneDefinition& femur = bone(std::string("femur") + side, std::string("femur") + side);
        femur.joints["knee_centre"] = {0.0f, -0.40f, 0.0f};
        femur.joints["patella_rest_centre"] = {0.04f, -0.38f, 0.0f};
    }
    for (std::size_t i = 0; i < kVertebrae.size(); ++i) {
        BoneDefinition& v = bone(kVertebrae[i], kVertebrae[i]);
        v.joints["superior_endplate_centre"] = {0.0f, 0.012f, 0.0f};
        v.joints["superior_endplate_normal"] = {0.0f, 1.0f, 0.0f};
        v.joints["inferior_endplate_centre"] = {0.0f, -0.012f, 0.0f};
        v.joints["inferior_endplate_normal"] = {0.0f, -1.0f, 0.0f};
        BoneDefinition& d = bone(std::string("disc_") + kDiscLevels[i] + "_annulus", std::string("disc_") + kDiscLevels[i]);
        d.joints["superior_centre"] = {0.0f, 0.005f, 0.0f};
        d.joints["inferior_centre"] = {0.0f, -0.005f, 0.0f};
    }
    return s;
}

bool near(const glm::vec3& a, const glm::vec3& b, float tolerance = 1e-5f) { return glm::length(a - b) < tolerance; }

}  // namespace

TEST_CASE("kinematics: the femur hangs from the hip centre and flexion swings it forward", "[anatomy]") {
    const SkeletonKinematics kinematics(syntheticSkeleton());
    SkeletonPose pose;
    pose.pelvisTranslation = {0.0f, 1.0f, 0.0f};
    SkeletonFrames frames = kinematics.solve(pose);
    CHECK(near(frames.toWorld("femur_r", {0, 0, 0}), {-0.05f, 0.92f, 0.08f}));
    CHECK(near(frames.toWorld("tibia_r", {0, 0, 0}), {-0.05f, 0.52f, 0.08f}));
    CHECK(near(frames.toWorld("patella_r", {0, 0, 0}), {-0.01f, 0.54f, 0.08f}));

    pose.right.hipFlexion = glm::half_pi<float>();  // thigh horizontal, pointing forward
    frames = kinematics.solve(pose);
    CHECK(near(frames.toWorld("tibia_r", {0, 0, 0}), {-0.05f + 0.40f, 0.92f, 0.08f}));
    pose.right.kneeFlexion = glm::half_pi<float>();  // shank hangs straight down again
    frames = kinematics.solve(pose);
    CHECK(near(frames.toWorld("tibia_r", {0, -0.4f, 0}), {0.35f, 0.52f, 0.08f}));
    // The left leg did not move.
    CHECK(near(frames.toWorld("tibia_l", {0, 0, 0}), {-0.05f, 0.52f, -0.08f}));
}

TEST_CASE("kinematics: hip adduction brings the knee toward the midline on both sides", "[anatomy]") {
    const SkeletonKinematics kinematics(syntheticSkeleton());
    SkeletonPose pose;
    pose.right.hipAdduction = pose.left.hipAdduction = glm::radians(10.0f);
    const SkeletonFrames frames = kinematics.solve(pose);
    const float inward = 0.40f * std::sin(glm::radians(10.0f));
    CHECK(frames.toWorld("tibia_r", {0, 0, 0}).z == Approx(0.08f - inward).margin(1e-5));
    CHECK(frames.toWorld("tibia_l", {0, 0, 0}).z == Approx(-0.08f + inward).margin(1e-5));
}

TEST_CASE("kinematics: anterior pelvic tilt drops the front of the pelvis", "[anatomy]") {
    const SkeletonKinematics kinematics(syntheticSkeleton());
    SkeletonPose pose;
    pose.pelvisTilt = glm::radians(10.0f);
    const SkeletonFrames frames = kinematics.solve(pose);
    const glm::vec3 asis = frames.toWorld("pelvis", {0.02f, 0.0f, 0.1f});
    CHECK(asis.y < 0.0f);
    CHECK(asis.y == Approx(-0.02f * std::sin(glm::radians(10.0f))).margin(1e-5));
}

TEST_CASE("kinematics: the lumbar stack sits on the S1 endplate, one disc height per gap", "[anatomy]") {
    const SkeletonKinematics kinematics(syntheticSkeleton());
    SkeletonPose pose;  // all segments straight: the column continues the S1 normal
    const SkeletonFrames frames = kinematics.solve(pose);
    const glm::vec3 n{std::sin(kSacralSlope), std::cos(kSacralSlope), 0.0f};
    const glm::vec3 s1{-0.10f, 0.05f, 0.0f};
    CHECK(near(frames.toWorld("l5", {0, -0.012f, 0}), s1 + 0.010f * n));
    CHECK(near(frames.toWorld("l5", {0, 0, 0}), s1 + 0.022f * n));
    CHECK(near(frames.toWorld("disc_l5_s1", {0, 0, 0}), s1 + 0.005f * n));
    // Six vertebrae of 24 mm and six discs of 10 mm: T12's top endplate 204 mm up the normal.
    CHECK(near(frames.toWorld("t12", {0, 0.012f, 0}), s1 + 0.204f * n, 1e-4f));
}

TEST_CASE("kinematics: segment extension tilts the vertebra above backwards about the disc centre", "[anatomy]") {
    const SkeletonKinematics kinematics(syntheticSkeleton());
    SkeletonPose pose;
    pose.segments[5].extension = glm::radians(20.0f);  // L5/S1
    const SkeletonFrames frames = kinematics.solve(pose);
    const glm::vec3 l5Axis = glm::vec3(frames.of("l5") * glm::vec4(0, 1, 0, 0));
    // S1 normal leans 40 deg forward; 20 deg of extension brings L5 back to 20 deg.
    CHECK(glm::degrees(std::atan2(l5Axis.x, l5Axis.y)) == Approx(20.0).margin(1e-3));
}

TEST_CASE("clinical angles: lordosis is the sum of the segment angles, sacral slope from the endplate", "[anatomy]") {
    const SkeletonDefinition skeleton = syntheticSkeleton();
    const SkeletonKinematics kinematics(skeleton);
    const ClinicalAngleGauge gauge(skeleton);
    SkeletonPose pose;
    const float perLevel[6] = {0.0f, 3.87f, 4.98f, 6.75f, 15.03f, 19.17f};
    for (int i = 0; i < 6; ++i) pose.segments[std::size_t(i)].extension = glm::radians(perLevel[i]);
    ClinicalAngles a = gauge.measure(pose, kinematics.solve(pose));
    CHECK(a.lumbarLordosis == Approx(49.8).margin(1e-3));
    CHECK(a.sacralSlope == Approx(40.0).margin(1e-3));
    // S1 centre (-0.10, 0.05) against the hip axis (-0.05, -0.08): 0.05 behind, 0.13 above.
    CHECK(a.pelvicTilt == Approx(glm::degrees(std::atan2(0.05, 0.13))).margin(1e-3));
    CHECK(a.pelvicIncidence == Approx(a.sacralSlope + a.pelvicTilt));
    // Posterior pelvic tilt (negative anterior tilt) flattens the sacrum and raises pelvic tilt.
    pose.pelvisTilt = glm::radians(-15.0f);
    a = gauge.measure(pose, kinematics.solve(pose));
    CHECK(a.sacralSlope == Approx(25.0).margin(1e-3));
    CHECK(a.pelvicTilt == Approx(glm::degrees(std::atan2(0.05, 0.13)) + 15.0).margin(1e-3));
}

TEST_CASE("pose files: values need sources, coordinates must exist", "[anatomy]") {
    const fs::path dir = fs::temp_directory_path() / ("lumbarlab_pose_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto write = [&](const char* name, const char* text) {
        std::ofstream(dir / name) << text;
        return dir / name;
    };
    const PoseFile ok = loadPoseFile(write("ok.json", R"({"id": "t", "coordinates": {"hip_flexion_r": {"value": 90, "source": "test"}},
        "segment_lordosis_deg": {"l4_l5": {"value": 10, "source": "test"}}})"));
    CHECK(ok.pose.right.hipFlexion == Approx(glm::half_pi<float>()));
    CHECK(ok.pose.segments[4].extension == Approx(glm::radians(10.0f)));
    auto fails = [&](const char* name, const char* text, const std::string& fragment) {
        try {
            (void)loadPoseFile(write(name, text));
            FAIL("expected an error for " << name);
        } catch (const FileError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(fragment) != std::string::npos);
            CHECK(std::string(e.what()).find(name) != std::string::npos);
        }
    };
    fails("nosource.json", R"({"coordinates": {"hip_flexion_r": {"value": 90}}})", "source");
    fails("unknown.json", R"({"coordinates": {"hip_flexion_x": {"value": 90, "source": "s"}}})", "unknown coordinate 'hip_flexion_x'");
    fails("broken.json", R"({"coordinates": )", "malformed JSON");
    fails("level.json", R"({"segment_lordosis_deg": {"l9_l10": {"value": 1, "source": "s"}}})", "l9_l10");
    fs::remove_all(dir);
}

TEST_CASE("bone info: patterns match ids, exact keys win", "[anatomy]") {
    CHECK(matchesPattern("femur_*", "femur_r"));
    CHECK(matchesPattern("l?", "l4"));
    CHECK_FALSE(matchesPattern("l?", "l4_l5"));
    CHECK(matchesPattern("disc_*_nucleus", "disc_l4_l5_nucleus"));
    CHECK_FALSE(matchesPattern("disc_*_nucleus", "disc_l4_l5_annulus"));
    CHECK(matchesPattern("*", ""));
}

#ifdef LUMBARLAB_SOURCE_ASSET_DIR
TEST_CASE("assets: every bundled data file loads", "[anatomy][assets]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    for (const auto& entry : fs::directory_iterator(assets / "poses")) {
        INFO(entry.path());
        CHECK_NOTHROW(loadPoseFile(entry.path()));
    }
    const BoneInfoCatalogue info = BoneInfoCatalogue::load(assets / "anatomy" / "bone_info.json");
    for (const char* id : {"hip_bone_r", "sacrum", "t12", "l3", "femur_l", "patella_r", "tibia_r", "fibula_l",
                           "disc_l4_l5_annulus", "disc_t12_l1_nucleus"}) {
        INFO(id);
        CHECK(info.find(id) != nullptr);
    }
}
#endif
