// The skeleton manifest schema shared by the generator and the anatomy layer: writing then reading
// gives the same structs, the generated file is exactly what the schema writes, and a manifest of
// another format or with a missing field is refused in one line naming the file and the field.

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include <catch2/catch.hpp>

#include "lumbarlab/anatomy/skeleton_definition.h"
#include "lumbarlab/anatomy/skeleton_manifest.h"
#include "lumbarlab/core/file_error.h"
#include "test_support.hpp"

using namespace lumbarlab;

namespace {

const std::filesystem::path kFile = "skeleton_manifest.json";

SkeletonManifest sampleManifest() {
    SkeletonManifest m;
    m.generator = "lumbarlab-bonegen";
    m.paramsFile = "skeleton.json";
    m.conventions = {{"axes", "x anterior, y superior, z right"}, {"joints", "points and unit directions"}};
    m.frames = {{"femur_r", "origin at the femoral head centre"}, {"pelvis", "origin midway between the ASISs"}};

    ManifestBone right;
    right.id = "femur_r";
    right.displayName = "Right femur";
    right.commonName = "thigh bone";
    right.side = "right";
    right.parentFrame = "femur_r";
    right.meshFiles = {"femur_r.high.glb", "femur_r.low.glb"};
    right.triangles = {36000, 5000};
    right.watertight = {true, false};
    right.measured.boundsMin = {-0.031, -0.4212, -0.0455};
    right.measured.boundsMax = {0.0289, 0.0244, 0.012};
    right.measured.values = {{"length", 0.434812, "m", "femur.length", ""},
                             {"neck_shaft_angle", 128.9, "deg", "femur.neck_shaft_angle", ""},
                             {"socket_diameter", 0.0512, "m", "", ""}};
    right.design = {{"head_diameter", 0.0465, "m", "femur.head_diameter", "Author 2001, table 2"},
                    {"anteversion", 13.1, "deg", "femur.anteversion", "documented default: a mean"},
                    {"ratio", 0.5, "ratio", "", ""}};
    right.landmarks = {{"greater_trochanter", {-0.004, -0.011, 0.052}, false},
                       {"femoral_head_centre", {0.0, 0.0, 0.0}, true},
                       {"adductor_tubercle", {0.001, -0.39, -0.031}, false}};
    right.joints = {{"knee_centre", {0.0, -0.411, 0.0}, false, "between the condyles"},
                    {"neck_axis", {0.61, -0.48, -0.63}, true, ""}};

    ManifestBone left = right;
    left.id = "femur_l";
    left.displayName = "Left femur";
    left.side = "left";
    left.parentFrame = "femur_l";
    left.mirrorOf = "femur_r";
    left.meshFiles = {"femur_l.high.glb", "femur_l.low.glb"};
    left.watertight = {true, true};
    m.bones = {right, left};
    return m;
}

std::string problemOf(const std::string& text) {
    try {
        (void)skeletonManifestFromJson(text, kFile);
    } catch (const FileError& e) {
        CHECK(e.file() == kFile);
        return e.what();
    }
    return "";
}

// The sample's text with one string replaced (the edit must apply).
std::string edited(const std::string& from, const std::string& to) {
    std::string text = skeletonManifestToJson(sampleManifest(), kFile);
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("bonegen: skeleton manifest: writing then reading gives the same structs", "[bonegen][manifest]") {
    const SkeletonManifest original = sampleManifest();
    const std::string text = skeletonManifestToJson(original, kFile);
    CHECK(text.find("\"format\": \"lumbarlab-skeleton/2\"") != std::string::npos);
    CHECK(text.back() == '\n');

    const SkeletonManifest read = skeletonManifestFromJson(text, kFile);
    CHECK(read == original);
    // Field by field too, so a failure says where the round trip breaks.
    REQUIRE(read.bones.size() == 2);
    const ManifestBone& femur = read.bones[0];
    CHECK(femur.id == "femur_r");
    CHECK(femur.mirrorOf.empty());
    CHECK(read.bones[1].mirrorOf == "femur_r");
    CHECK(femur.triangles.high == 36000);
    CHECK(femur.triangles.low == 5000);
    CHECK_FALSE(femur.watertight.low);
    CHECK(femur.measured.boundsMin.y == -0.4212);
    REQUIRE(femur.measured.values.size() == 3);
    CHECK(femur.measured.values[0].value == 0.434812);
    CHECK(femur.measured.values[2].param.empty());
    REQUIRE(femur.design.size() == 3);
    CHECK(femur.design[0].source == "Author 2001, table 2");
    REQUIRE(femur.landmarks.size() == 3);
    CHECK(femur.landmarks[0].name == "greater_trochanter");  // the writer's order, not alphabetical
    CHECK(femur.landmarks[1].centre);
    CHECK_FALSE(femur.landmarks[2].centre);
    REQUIRE(femur.joints.size() == 2);
    CHECK(femur.joints[0].note == "between the condyles");
    CHECK(femur.joints[1].isDirection);
    CHECK(femur.joints[1].value.z == -0.63);
    CHECK(read.find("femur_l") == &read.bones[1]);
    CHECK(read.find("tibia_r") == nullptr);

    // Same structs, same bytes.
    CHECK(skeletonManifestToJson(read, kFile) == text);
}

TEST_CASE("bonegen: skeleton manifest: the generated file is exactly what the schema writes", "[bonegen][manifest]") {
    const std::filesystem::path file = bonegen::test::modelDir() / "skeleton_manifest.json";
    const SkeletonManifest m = readSkeletonManifest(file);
    CHECK(m.bones.size() == 29);
    CHECK(m.generator == "lumbarlab-bonegen");
    CHECK(skeletonManifestToJson(m, file) == readBytes(file));

    const ManifestBone* femur = m.find("femur_r");
    REQUIRE(femur != nullptr);
    bool headCentre = false;
    for (const ManifestLandmark& l : femur->landmarks)
        if (l.name == "femoral_head_centre") headCentre = l.centre;
    CHECK(headCentre);  // a fitted sphere centre, not a surface point

    // The anatomy layer reads the same file through the same schema.
    const SkeletonDefinition skeleton = loadSkeletonDefinition(file);
    REQUIRE(skeleton.bones.size() == m.bones.size());
    CHECK(skeleton.require("femur_r").meshHigh == bonegen::test::modelDir() / "femur_r.high.glb");
    const glm::vec3 knee = skeleton.requireJoint("femur_r", "knee_centre");
    for (const ManifestJoint& j : femur->joints)
        if (j.name == "knee_centre") CHECK(knee.y == float(j.value.y));
}

TEST_CASE("bonegen: skeleton manifest: another or a missing format tag is refused", "[bonegen][manifest]") {
    CHECK(problemOf(edited("\"lumbarlab-skeleton/2\"", "\"lumbarlab-skeleton-manifest/1\"")) ==
          "skeleton_manifest.json: format 'lumbarlab-skeleton-manifest/1' is not lumbarlab-skeleton/2; rebuild the "
          "lumbarlab_models target");
    CHECK(problemOf(edited("\"format\": \"lumbarlab-skeleton/2\",", "")) ==
          "skeleton_manifest.json: no 'format' tag (expected lumbarlab-skeleton/2); rebuild the lumbarlab_models "
          "target");
    CHECK(problemOf(edited("\"lumbarlab-skeleton/2\"", "2")) ==
          "skeleton_manifest.json: format '2' is not lumbarlab-skeleton/2; rebuild the lumbarlab_models target");
}

TEST_CASE("bonegen: skeleton manifest: a missing or malformed bone field names the file, the bone and the field",
          "[bonegen][manifest]") {
    CHECK(problemOf(edited("\"parent_frame\": \"femur_r\",", "")) ==
          "skeleton_manifest.json: bone 'femur_r' has no 'parent_frame'");
    CHECK(problemOf(edited("\"low\": \"femur_r.low.glb\"", "\"lo\": \"femur_r.low.glb\"")) ==
          "skeleton_manifest.json: bone 'femur_r' mesh_files has no 'low'");
    CHECK(problemOf(edited("\"display_name\": \"Right femur\"", "\"display_name\": 3")) ==
          "skeleton_manifest.json: bone 'femur_r' 'display_name' must be a string");
    CHECK(problemOf(edited("\"high\": 36000", "\"high\": -1")) ==
          "skeleton_manifest.json: bone 'femur_r' triangles.high must be a triangle count");
    CHECK(problemOf(edited("\"femoral_head_centre\"\n", "\"femoral_head\"\n")) ==
          "skeleton_manifest.json: bone 'femur_r' centre_landmarks names 'femoral_head', which is not one of its "
          "landmarks");
    CHECK(problemOf(edited("\"id\": \"femur_l\"", "\"id\": \"femur_r\"")) ==
          "skeleton_manifest.json: bone 'femur_r' appears twice");
    CHECK(problemOf(edited("\"direction\"", "\"dir\"")) ==
          "skeleton_manifest.json: bone 'femur_r' joints.neck_axis needs exactly one of 'point' and 'direction'");
    CHECK(problemOf(edited("\"unit\": \"deg\"", "\"units\": \"deg\"")) ==
          "skeleton_manifest.json: bone 'femur_r' measured.neck_shaft_angle has no 'unit'");

    // A landmark that is not three numbers, a number JSON cannot hold, and JSON that does not parse.
    const std::string bad = problemOf(edited("\"greater_trochanter\": [", "\"greater_trochanter\": [1, "));
    CHECK(bad ==
          "skeleton_manifest.json: bone 'femur_r' landmarks.greater_trochanter must be an array of three numbers");
    const std::string huge = problemOf(edited("0.434812", "1e999"));
    CHECK(huge.rfind("skeleton_manifest.json: ", 0) == 0);  // with the JSON path of the number
    CHECK(huge.find("1e999") != std::string::npos);
    CHECK(problemOf("{").rfind("skeleton_manifest.json: malformed JSON: ", 0) == 0);
    CHECK(problemOf("[]") == "skeleton_manifest.json: must be a JSON object");
    for (const std::string& problem : {bad, huge}) CHECK(problem.find('\n') == std::string::npos);
}

TEST_CASE("bonegen: skeleton manifest: the writer refuses what it could not write faithfully", "[bonegen][manifest]") {
    const auto problemWriting = [](const SkeletonManifest& m) {
        try {
            (void)skeletonManifestToJson(m, kFile);
        } catch (const FileError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    SkeletonManifest nan = sampleManifest();
    nan.bones[0].landmarks[0].position.y = std::numeric_limits<double>::quiet_NaN();
    CHECK(problemWriting(nan) ==
          "skeleton_manifest.json: bone 'femur_r' landmarks.greater_trochanter is not a finite number");

    SkeletonManifest infinite = sampleManifest();
    infinite.bones[1].design[1].value = std::numeric_limits<double>::infinity();
    CHECK(problemWriting(infinite) ==
          "skeleton_manifest.json: bone 'femur_l' design.anteversion is not a finite number");

    SkeletonManifest twice = sampleManifest();
    twice.bones[0].joints.push_back(twice.bones[0].joints[0]);
    CHECK(problemWriting(twice) == "skeleton_manifest.json: bone 'femur_r' joints.knee_centre appears twice");
}

TEST_CASE("bonegen: skeleton manifest: the anatomy layer refuses an old manifest with one line",
          "[bonegen][manifest]") {
    const auto dir = std::filesystem::temp_directory_path() / "lumbarlab_bonegen_test_old_manifest";
    std::filesystem::create_directories(dir);
    const auto file = dir / "skeleton_manifest.json";
    {
        std::ofstream out(file);
        out << edited("\"lumbarlab-skeleton/2\"", "\"lumbarlab-skeleton-manifest/1\"");
    }
    try {
        (void)loadSkeletonDefinition(file);
        FAIL("an old manifest was accepted");
    } catch (const FileError& e) {
        CHECK(e.file() == file);
        CHECK(std::string(e.what()) == file.string() +
                                           ": format 'lumbarlab-skeleton-manifest/1' is not lumbarlab-skeleton/2; "
                                           "rebuild the lumbarlab_models target");
    }
    std::filesystem::remove_all(dir);
}
