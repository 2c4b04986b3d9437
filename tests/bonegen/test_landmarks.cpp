// Landmarks lie on (within 2 mm of) their bone's surface; centre landmarks are fitted sphere centres.

#include <catch2/catch.hpp>

#include "measurements.hpp"
#include "test_support.hpp"

using namespace bonegen;
using namespace bonegen::test;

TEST_CASE("bonegen: surface landmarks lie within 2 mm of their bone", "[bonegen]") {
    for (const auto& bone : manifest()["bones"]) {
        const std::string id = bone["id"].get<std::string>();
        const TriMesh& mesh = loadMeshMm(id, "high");
        const auto& centres = bone["centre_landmarks"];
        for (const auto& [name, xyz] : bone["landmarks"].items()) {
            if (std::find(centres.begin(), centres.end(), name) != centres.end()) continue;
            INFO(id << " landmark " << name);
            CHECK(distanceToSurface(mesh, pointMm(xyz)) <= 2.0f);
        }
    }
}

TEST_CASE("bonegen: required landmarks are present", "[bonegen]") {
    const auto has = [](const std::string& bone, const std::string& name) {
        INFO(bone << " needs landmark " << name);
        CHECK(boneEntry(bone)["landmarks"].contains(name));
    };
    for (const char* hip : {"hip_bone_r", "hip_bone_l"})
        for (const char* name :
             {"asis", "aiis", "psis", "piis", "iliac_crest_top", "iliac_tubercle", "pubic_tubercle", "pubic_symphysis",
              "pubic_symphysis_superior", "ischial_tuberosity", "ischial_spine", "greater_sciatic_notch",
              "lesser_sciatic_notch", "iliopubic_eminence", "arcuate_line", "auricular_surface", "acetabulum_centre"})
            has(hip, name);
    for (const char* name : {"sacral_promontory", "s1_endplate_centre", "coccyx_tip", "sacral_ala_r", "sacral_ala_l",
                             "auricular_surface_r", "auricular_surface_l", "median_sacral_crest",
                             "lateral_sacral_crest_r", "lateral_sacral_crest_l", "sacral_hiatus"})
        has("sacrum", name);
    for (const char* femur : {"femur_r", "femur_l"})
        for (const char* name : {"femoral_head_centre", "greater_trochanter", "lesser_trochanter", "medial_epicondyle",
                                 "lateral_epicondyle"})
            has(femur, name);
    has("patella_r", "patella_centre");
    has("tibia_r", "tibial_tuberosity");
    for (const char* level : {"t12", "l1", "l2", "l3", "l4", "l5"})
        for (const char* name : {"superior_endplate_centre", "inferior_endplate_centre", "spinous_tip",
                                 "transverse_tip_r", "transverse_tip_l"})
            has(level, name);
}

TEST_CASE("bonegen: sphere-centre landmarks are the fitted sphere centres", "[bonegen]") {
    for (const char* femur : {"femur_r", "femur_l"}) {
        INFO(femur);
        const glm::vec3 centre = pointMm(boneEntry(femur)["landmarks"]["femoral_head_centre"]);
        const auto& d = boneEntry(femur)["joints"]["neck_axis"]["direction"];
        const glm::vec3 neck(d[0].get<float>(), d[1].get<float>(), d[2].get<float>());
        const auto fit = fitSphereNear(loadMeshMm(femur, "high"), centre, params().f("femur.head_diameter") / 2.0f,
                                       2.5f, -neck, 0.3f);
        REQUIRE(fit.has_value());
        CHECK(glm::length(fit->centre - centre) <= 2.0f);
    }
    for (const char* hip : {"hip_bone_r", "hip_bone_l"}) {
        INFO(hip);
        const glm::vec3 centre = pointMm(boneEntry(hip)["landmarks"]["acetabulum_centre"]);
        const auto& d = boneEntry(hip)["joints"]["acetabulum_axis"]["direction"];
        const glm::vec3 axis(d[0].get<float>(), d[1].get<float>(), d[2].get<float>());
        const float socket = params().f("femur.head_diameter") / 2.0f + params().f("pelvis.hip_joint_space");
        const auto fit = fitSphereNear(loadMeshMm(hip, "high"), centre, socket, 2.0f, axis, -0.1f);
        REQUIRE(fit.has_value());
        CHECK(glm::length(fit->centre - centre) <= 2.0f);
        // The femoral head fits the socket with the joint space around it.
        CHECK(fit->radius == Approx(socket).margin(1.5));
    }
}
