// Dimensions measured on the generated meshes against the cited values in skeleton.json (10 %).

#include <cmath>

#include <catch2/catch.hpp>

#include "measurements.hpp"
#include "test_support.hpp"

using namespace bonegen;
using namespace bonegen::test;

namespace {

void checkWithin10Percent(double measured, double cited, const std::string& what) {
    INFO(what << ": measured " << measured << ", cited " << cited);
    CHECK(std::abs(measured - cited) <= 0.10 * std::abs(cited));
}

glm::vec3 jointPointMm(const std::string& bone, const std::string& joint) {
    return pointMm(boneEntry(bone)["joints"][joint]["point"]);
}
glm::vec3 jointDirection(const std::string& bone, const std::string& joint) {
    const auto& d = boneEntry(bone)["joints"][joint]["direction"];
    return {d[0].get<float>(), d[1].get<float>(), d[2].get<float>()};
}

}  // namespace

TEST_CASE("bonegen: femur length, head diameter and neck-shaft angle", "[bonegen]") {
    for (const char* id : {"femur_r", "femur_l"}) {
        INFO(id);
        const TriMesh& femur = loadMeshMm(id, "high");
        checkWithin10Percent(verticalExtent(femur), params().value("femur.length"), "femur length (mm)");
        const float cited = params().f("femur.head_diameter");
        const glm::vec3 neck = jointDirection(id, "neck_axis");
        const auto head = fitSphereNear(femur, glm::vec3(0.0f), cited / 2.0f, 2.5f, -neck, 0.3f);
        REQUIRE(head.has_value());
        checkWithin10Percent(2.0 * head->radius, cited, "femoral head diameter (mm)");
        CHECK(glm::length(head->centre) < 1.0f);  // the frame origin is the head centre
        CHECK(head->rmsError < 0.5f);             // and the head is a sphere
        const auto nsa = neckShaftAngle(femur, head->centre, head->radius, neck, -150.0f, -280.0f);
        REQUIRE(nsa.has_value());
        checkWithin10Percent(*nsa, params().value("femur.neck_shaft_angle"), "neck-shaft angle (deg)");
        // The neck points medially and (anteversion) forward.
        CHECK(neck.x > 0.0f);
        CHECK((std::string(id) == "femur_r" ? -neck.z : neck.z) > 0.5f);
    }
}

TEST_CASE("bonegen: inter-ASIS width, acetabulum diameter and hip centre", "[bonegen]") {
    const glm::vec3 asisRight = mostAnteriorAbove(loadMeshMm("hip_bone_r", "high"), -15.0f);
    const glm::vec3 asisLeft = mostAnteriorAbove(loadMeshMm("hip_bone_l", "high"), -15.0f);
    checkWithin10Percent(asisRight.z - asisLeft.z, params().value("pelvis.inter_asis_width"), "inter-ASIS width (mm)");
    CHECK(std::abs(asisRight.x) < 8.0f);  // the frame origin lies between the ASISs

    const glm::vec3 centre = jointPointMm("hip_bone_r", "hip_centre");
    const glm::vec3 axis = jointDirection("hip_bone_r", "acetabulum_axis");
    const float socket = params().f("femur.head_diameter") / 2.0f + params().f("pelvis.hip_joint_space");
    const float opening = params().f("pelvis.acetabular_depth") - socket;
    const auto rim = acetabularRimDiameter(loadMeshMm("hip_bone_r", "high"), centre, axis, opening);
    REQUIRE(rim.has_value());
    checkWithin10Percent(*rim, params().value("pelvis.acetabulum_width"), "acetabulum rim diameter (mm)");

    // Hip centres about 160 mm apart, in the range the brief and OpenSim gait2392 give.
    CHECK(centre.x == Approx(-60.0).margin(10.0));
    CHECK(centre.y == Approx(-75.0).margin(10.0));
    checkWithin10Percent(2.0 * centre.z, params().value("pelvis.inter_hip_centre_width"),
                         "inter-hip-centre distance (mm)");
}

TEST_CASE("bonegen: lumbar endplate widths and depths", "[bonegen]") {
    for (const char* level : {"l1", "l2", "l3", "l4", "l5"}) {
        INFO(level);
        const std::string k = std::string("vertebrae.") + level + ".";
        const glm::vec2 wd =
            endplateWidthDepth(loadMeshMm(level, "high"), params().f(k + "body_posterior_height") / 2.0f,
                               params().f(k + "canal_width") / 2.0f, params().f(k + "endplate_depth") / 2.0f);
        checkWithin10Percent(wd.x, params().value(k + "endplate_width"), std::string(level) + " endplate width (mm)");
        checkWithin10Percent(wd.y, params().value(k + "endplate_depth"), std::string(level) + " endplate depth (mm)");
    }
}

TEST_CASE("bonegen: transverse processes, L3 longest", "[bonegen]") {
    // Process length = half the tip-to-tip span minus half the canal and one pedicle (Li 2003 measure).
    const auto processLength = [](const char* level) {
        const auto& lm = boneEntry(level)["landmarks"];
        const std::string k = std::string("vertebrae.") + level + ".";
        const float span = (pointMm(lm["transverse_tip_r"]) - pointMm(lm["transverse_tip_l"])).z;
        return 0.5f * (span - params().f(k + "canal_width")) - params().f(k + "pedicle_width");
    };
    for (const char* level : {"l1", "l2", "l3", "l4", "l5"}) {
        INFO(level);
        checkWithin10Percent(processLength(level),
                             params().value(std::string("vertebrae.") + level + ".transverse_process_length"),
                             "transverse process length (mm)");
    }
    for (const char* other : {"l1", "l2", "l4", "l5"}) CHECK(processLength("l3") > processLength(other));
}

TEST_CASE("bonegen: disc heights anterior and posterior (wedge)", "[bonegen]") {
    for (const char* disc : {"t12_l1", "l1_l2", "l2_l3", "l3_l4", "l4_l5", "l5_s1"}) {
        INFO(disc);
        const std::string k = std::string("discs.") + disc + ".";
        const float station = params().f(k + "depth") / 2.0f - 3.0f;
        const TriMesh& annulus = loadMeshMm(std::string("disc_") + disc + "_annulus", "high");
        const auto anterior = heightAt(annulus, station);
        const auto posterior = heightAt(annulus, -station);
        REQUIRE(anterior.has_value());
        REQUIRE(posterior.has_value());
        checkWithin10Percent(*anterior, params().value(k + "anterior_height"), "anterior height (mm)");
        checkWithin10Percent(*posterior, params().value(k + "posterior_height"), "posterior height (mm)");
        CHECK(*anterior > *posterior);
        // The nucleus sits inside the ring.
        glm::vec3 alo, ahi, nlo, nhi;
        bounds(annulus, alo, ahi);
        bounds(loadMeshMm(std::string("disc_") + disc + "_nucleus", "high"), nlo, nhi);
        CHECK(nlo.x > alo.x);
        CHECK(nhi.x < ahi.x);
        CHECK(nhi.y < ahi.y);
    }
}

TEST_CASE("bonegen: sacral slope of the S1 endplate in the pelvis frame", "[bonegen]") {
    const glm::vec3 normal = jointDirection("sacrum", "s1_endplate_normal");
    const double slope = glm::degrees(std::acos(normal.y));
    CHECK(slope == Approx(params().value("sacrum.sacral_slope")).margin(0.5));
    CHECK(normal.x > 0.0f);  // anterior edge lower: the normal leans forward
    // Pelvic incidence: angle between the endplate normal and the line from the hip axis to S1.
    const glm::vec3 s1 = jointPointMm("sacrum", "s1_endplate_centre");
    const glm::vec3 hipAxis(jointPointMm("hip_bone_r", "hip_centre").x, jointPointMm("hip_bone_r", "hip_centre").y,
                            0.0f);
    const double incidence = glm::degrees(std::acos(glm::dot(glm::normalize(hipAxis - s1), -normal)));
    CHECK(incidence == Approx(params().value("sacrum.pelvic_incidence")).margin(0.5));
    // And the mesh really has a flat endplate there: rays cast down the normal around the centre
    // first meet the surface on that plane.
    const TriMesh& sacrum = loadMeshMm("sacrum", "high");
    const glm::vec3 u = glm::normalize(glm::cross(normal, glm::vec3(0.0f, 0.0f, 1.0f)));
    for (const float a : {-8.0f, 0.0f, 8.0f})
        for (const float b : {-8.0f, 0.0f, 8.0f}) {
            const glm::vec3 origin = s1 + u * a + glm::vec3(0.0f, 0.0f, b) + normal * 20.0f;
            const auto hits = rayCrossings(sacrum, origin, -normal);
            REQUIRE(!hits.empty());
            CHECK(hits.front() == Approx(20.0f).margin(0.6f));
        }
}
