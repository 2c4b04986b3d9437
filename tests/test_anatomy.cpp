#include "lumbarlab/anatomy/bone_info.h"
#include "lumbarlab/anatomy/clinical_angles.h"
#include "lumbarlab/anatomy/pose_player.h"
#include "lumbarlab/anatomy/posture.h"
#include "lumbarlab/core/file_error.h"
#include "scratch_dir.h"
#include "source_assets.h"

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
        BoneDefinition& d =
            bone(std::string("disc_") + kDiscLevels[i] + "_annulus", std::string("disc_") + kDiscLevels[i]);
        d.joints["superior_centre"] = {0.0f, 0.005f, 0.0f};
        d.joints["inferior_centre"] = {0.0f, -0.005f, 0.0f};
    }
    return s;
}

bool near(const glm::vec3& a, const glm::vec3& b, float tolerance = 1e-5f) {
    return glm::length(a - b) < tolerance;
}

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

namespace {
const CoordinateSystem& coordinateSystem() {
    static const CoordinateSystem system = CoordinateSystem::load(kAssets / "anatomy" / "coordinates.json");
    return system;
}
}  // namespace

TEST_CASE("coordinates: sided names exist, limits are enforced with one clear line", "[anatomy]") {
    const CoordinateSystem& c = coordinateSystem();
    for (const char* name : {"pelvis_tilt", "pelvis_ty", "hip_flexion_r", "hip_flexion_l", "hip_adduction_r",
                             "hip_rotation_l", "knee_angle_r", "knee_angle_l", "lumbar_flexion", "lumbar_bending",
                             "lumbar_rotation", "lumbar_flexion_l4_l5", "lumbar_bending_t12_l1", "thoracic_flexion"})
        CHECK(c.find(name) != nullptr);
    CHECK(c.find("hip_flexion") == nullptr);  // only the sided names are real
    CHECK(c.check({{"hip_flexion_r", 90.0}, {"knee_angle_l", 120.0}}).empty());
    const std::string tooFar = c.check({{"knee_angle_r", 200.0}});
    CHECK(tooFar.find("knee_angle_r") != std::string::npos);
    CHECK(tooFar.find("[0, 150]") != std::string::npos);
    CHECK(c.check({{"knee_angle_r", -1.0}}).find("outside") != std::string::npos);
    const std::string unknown = c.check({{"hip_flex_r", 10.0}});
    CHECK(unknown.find("unknown coordinate 'hip_flex_r'") != std::string::npos);
    CHECK(unknown.find("hip_flexion_r") != std::string::npos);  // lists what is valid
    CHECK(unknown.find('\n') == std::string::npos);
}

TEST_CASE("coordinates: lumbar flexion is shared by Christophy 2012's rule and reduces lordosis", "[anatomy]") {
    const CoordinateSystem& c = coordinateSystem();
    double total = 0.0;
    for (double s : c.levelShare()) total += s;
    CHECK(total == Approx(1.0));
    CHECK(c.levelShare()[1] == Approx(0.255));  // L1/2
    CHECK(c.levelShare()[5] == Approx(0.125));  // L5/S1
    std::array<float, 6> neutral{};
    for (auto& l : neutral) l = glm::radians(8.0f);
    const SkeletonPose flexed = c.toSkeletonPose({{"lumbar_flexion", 40.0}}, neutral);
    double lordosis = 0.0, neutralSum = 0.0;
    for (std::size_t i = 0; i < 6; ++i) {
        lordosis += glm::degrees(double(flexed.segments[i].extension));
        neutralSum += 8.0;
    }
    CHECK(lordosis == Approx(neutralSum - 40.0).margin(1e-3));
    CHECK(glm::degrees(flexed.segments[1].extension) == Approx(8.0 - 0.255 * 40.0).margin(1e-3));
    // A per-level override adds to that level alone.
    const SkeletonPose local = c.toSkeletonPose({{"lumbar_flexion_l4_l5", 5.0}}, neutral);
    CHECK(glm::degrees(local.segments[4].extension) == Approx(3.0).margin(1e-4));
    CHECK(glm::degrees(local.segments[3].extension) == Approx(8.0).margin(1e-4));
    const SkeletonPose legs = c.toSkeletonPose({{"hip_flexion_l", 90.0}, {"pelvis_ty", 0.9}}, neutral);
    CHECK(legs.left.hipFlexion == Approx(glm::half_pi<float>()));
    CHECK(legs.right.hipFlexion == 0.0f);
    CHECK(legs.pelvisTranslation.y == Approx(0.9f));
}

TEST_CASE("postures: values need sources, coordinates must exist and stay within limits", "[anatomy]") {
    const fs::path dir = processScratchDir("lumbarlab_pose");
    fs::create_directories(dir);
    auto write = [&](const char* name, const char* text) {
        std::ofstream(dir / name) << text;
        return dir / name;
    };
    const Posture ok = loadPosture(
        write("ok.json", R"({"id": "t", "coordinates": {"hip_flexion_r": {"value": 90, "source": "test"}}})"),
        coordinateSystem());
    CHECK_FALSE(ok.isMotion());
    CHECK(ok.at(3.0).at("hip_flexion_r") == Approx(90.0));
    auto fails = [&](const char* name, const char* text, const std::string& fragment) {
        try {
            (void)loadPosture(write(name, text), coordinateSystem());
            FAIL("expected an error for " << name);
        } catch (const FileError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(fragment) != std::string::npos);
            CHECK(std::string(e.what()).find(name) != std::string::npos);
        }
    };
    fails("nosource.json", R"({"coordinates": {"hip_flexion_r": {"value": 90}}})", "source");
    fails("unknown.json", R"({"coordinates": {"hip_flexion_x": {"value": 90, "source": "s"}}})",
          "unknown coordinate 'hip_flexion_x'");
    fails("limits.json", R"({"coordinates": {"knee_angle_l": {"value": 170, "source": "s"}}})", "outside its limits");
    fails("broken.json", R"({"coordinates": )", "malformed JSON");
    fails(
        "motion_nosource.json",
        R"({"keyframes": [{"time": 0, "coordinates": {"knee_angle_r": 0}}, {"time": 1, "coordinates": {"knee_angle_r": 90}}]})",
        "sources.knee_angle_r");
    fails("motion_order.json",
          R"({"sources": {"knee_angle_r": "s"}, "keyframes": [{"time": 0}, {"time": 2}, {"time": 1}]})", "increase");
    const char* coords = R"("coordinates": {"hip_flexion_r": {"value": 0, "source": "s"}})";
    auto withTargets = [&](const std::string& targets) {
        return std::string("{") + coords + ", \"targets\": " + targets + "}";
    };
    const Posture targeted = loadPosture(
        write(
            "targets.json",
            withTargets(
                R"([{"structure": "psoas_r", "expect": "lengthen", "source": "s"}, {"structure": "disc_l4_l5", "expect": "load", "source": "s"}])")
                .c_str()),
        coordinateSystem());
    REQUIRE(targeted.targets.size() == 2);
    CHECK(targeted.targets[0].structure == "psoas_r");
    CHECK(targeted.targets[0].expect == PostureTarget::Expect::Lengthen);
    CHECK(targeted.targets[1].expect == PostureTarget::Expect::Load);
    fails("target_unsided.json", withTargets(R"([{"structure": "psoas", "source": "s"}])").c_str(), "sided muscle");
    fails("target_expect.json", withTargets(R"([{"structure": "psoas_r", "expect": "grow", "source": "s"}])").c_str(),
          "targets[0].expect");
    fails("target_twice.json",
          withTargets(R"([{"structure": "psoas_r", "source": "s"}, {"structure": "psoas_r", "source": "s"}])").c_str(),
          "listed twice");
    fails("target_nosource.json", withTargets(R"([{"structure": "psoas_r"}])").c_str(),
          "targets[0] needs a \"source\"");
    fs::remove_all(dir);
}

TEST_CASE("postures: motions ease between keys, never overshoot, and loops wrap smoothly", "[anatomy]") {
    Posture m;
    m.keys = {{0.0, {{"knee_angle_r", 0.0}}}, {1.0, {{"knee_angle_r", 90.0}}}, {3.0, {{"knee_angle_r", 30.0}}}};
    m.duration = 4.0;
    m.loop = true;
    CHECK(m.at(0.0).at("knee_angle_r") == Approx(0.0));
    CHECK(m.at(1.0).at("knee_angle_r") == Approx(90.0));
    CHECK(m.at(0.5).at("knee_angle_r") == Approx(45.0));
    CHECK(m.at(3.5).at("knee_angle_r") == Approx(15.0));        // last key back to the first
    CHECK(m.at(4.0 + 0.5).at("knee_angle_r") == Approx(45.0));  // wrapped
    double previous = m.at(0.0).at("knee_angle_r");
    for (double t = 0.01; t < 8.0; t += 0.01) {
        const double v = m.at(t).at("knee_angle_r");
        REQUIRE(v >= -1e-9);
        REQUIRE(v <= 90.0 + 1e-9);
        REQUIRE(std::abs(v - previous) < 2.0);  // no jumps between 10 ms frames
        previous = v;
    }
}

TEST_CASE("bone info: patterns match ids, exact keys win", "[anatomy]") {
    CHECK(matchesPattern("femur_*", "femur_r"));
    CHECK(matchesPattern("l?", "l4"));
    CHECK_FALSE(matchesPattern("l?", "l4_l5"));
    CHECK(matchesPattern("disc_*_nucleus", "disc_l4_l5_nucleus"));
    CHECK_FALSE(matchesPattern("disc_*_nucleus", "disc_l4_l5_annulus"));
    CHECK(matchesPattern("*", ""));
}

TEST_CASE("assets: every bundled data file loads", "[anatomy][assets]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    const CoordinateSystem coordinates = CoordinateSystem::load(assets / "anatomy" / "coordinates.json");
    for (const auto& entry : fs::directory_iterator(assets / "poses")) {
        INFO(entry.path());
        CHECK_NOTHROW(loadPosture(entry.path(), coordinates));
    }
    CHECK_NOTHROW(loadSpineBaseline(assets / "poses" / "neutral_standing.json"));
    const BoneInfoCatalogue info = BoneInfoCatalogue::load(assets / "anatomy" / "bone_info.json");
    for (const char* id : {"hip_bone_r", "sacrum", "t12", "l3", "femur_l", "patella_r", "tibia_r", "fibula_l",
                           "disc_l4_l5_annulus", "disc_t12_l1_nucleus"}) {
        INFO(id);
        CHECK(info.find(id) != nullptr);
    }
}

TEST_CASE("player: switching postures blends smoothly and lands exactly on the new posture", "[anatomy]") {
    Posture standing;
    standing.id = "standing";
    standing.keys = {{0.0, {{"hip_flexion_r", 0.0}, {"knee_angle_r", 0.0}}}};
    Posture sitting;
    sitting.id = "sitting";
    sitting.keys = {{0.0, {{"hip_flexion_r", 80.0}, {"knee_angle_r", 90.0}}}};
    PosePlayer player;
    player.setPosture(standing, 0.0);
    CHECK(player.values().at("hip_flexion_r") == 0.0);
    player.setPosture(sitting, 1.0);
    CHECK(player.values().at("hip_flexion_r") == Approx(0.0));  // the blend starts where we were
    double previous = 0.0;
    for (int i = 0; i < 50; ++i) {
        player.update(0.02);
        const double v = player.values().at("hip_flexion_r");
        REQUIRE(v >= previous - 1e-9);        // monotonic: no overshoot or bounce
        REQUIRE(v - previous < 80.0 * 0.04);  // no jumps at 50 fps
        previous = v;
    }
    CHECK(player.values().at("hip_flexion_r") == 80.0);  // exactly, not approximately
    CHECK(player.values().at("knee_angle_r") == 90.0);
}

TEST_CASE("player: motions play at speed, loop, count reps, and overrides win until cleared", "[anatomy]") {
    Posture curl;
    curl.id = "curl";
    curl.keys = {{0.0, {{"hip_flexion_r", 100.0}}}, {2.0, {{"hip_flexion_r", 0.0}}}};
    curl.duration = 3.0;
    curl.loop = true;
    PosePlayer player;
    player.setPosture(curl, 0.0);
    player.setSpeed(2.0);
    player.update(0.5);  // 1 s of motion at double speed
    CHECK(player.time() == Approx(1.0));
    CHECK(player.values().at("hip_flexion_r") == Approx(50.0));
    player.update(4.0);  // 8 more seconds: 9 s = 3 cycles
    CHECK(player.repetitions() == 3);
    CHECK(player.time() == Approx(0.0).margin(1e-9));
    player.setSpeed(10.0);
    CHECK(player.speed() == 2.0);
    player.pause();
    const double before = player.elapsed();
    player.update(1.0);
    CHECK(player.elapsed() == before);
    player.seek(1.0);
    player.setOverride("hip_flexion_r", 10.0);
    CHECK(player.values().at("hip_flexion_r") == 10.0);
    player.clearOverrides();
    CHECK(player.values().at("hip_flexion_r") == Approx(50.0));
    player.setLoop(false);
    player.play();
    player.update(10.0);
    CHECK_FALSE(player.playing());  // stops at the end without looping
    CHECK(player.time() == Approx(3.0));
}
