// Per-level vertebral shape against the cited values in skeleton.json: spinous process heights,
// transverse processes, facet orientation, pedicles, the canal, T12 with its ribs; and the facet
// joints, which must keep their joint space through flexion, extension, bending and rotation.

#include <cmath>
#include <string>

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "builders.hpp"
#include "measurements.hpp"
#include "test_support.hpp"

using namespace bonegen;
using namespace bonegen::test;

namespace {

const char* const kLumbar[] = {"l1", "l2", "l3", "l4", "l5"};
const char* const kAll[] = {"t12", "l1", "l2", "l3", "l4", "l5"};

glm::vec3 landmark(const std::string& bone, const std::string& name) {
    const auto& lm = boneEntry(bone)["landmarks"];
    INFO(bone << " landmark " << name);
    REQUIRE(lm.contains(name));
    return pointMm(lm[name]);
}

float param(const std::string& level, const std::string& key) {
    return params().f("vertebrae." + level + "." + key);
}

void checkWithin(double measured, double lo, double hi, const std::string& what) {
    INFO(what << ": measured " << measured << ", cited range " << lo << " - " << hi);
    CHECK(measured >= lo);
    CHECK(measured <= hi);
}

// Crossings ahead of the ray's origin only (rayCrossings reports the whole line).
std::vector<float> ahead(const TriMesh& mesh, glm::vec3 origin, glm::vec3 direction) {
    std::vector<float> hits;
    for (const float t : rayCrossings(mesh, origin, direction))
        if (t > 0.0f) hits.push_back(t);
    return hits;
}

float spinousHeight(const std::string& level) {
    return landmark(level, "spinous_upper_edge").y - landmark(level, "spinous_lower_edge").y;
}

// Transverse-plane angle of a facet from the midsagittal plane, degrees, from the two points marked
// 4 mm either side of the joint centre along the joint line.
float facetAngle(const std::string& level, const std::string& which, const std::string& side) {
    const glm::vec3 a = landmark(level, which + "_facet_anterior" + side);
    const glm::vec3 p = landmark(level, which + "_facet_posterior" + side);
    return float(glm::degrees(std::atan2(std::abs(p.z - a.z), std::abs(p.x - a.x))));
}

// The kinematic model's placement of a vertebra on the one below (tests/test_anatomy checks the same
// chain): turn about the disc centre by extension (z), bending (x) and rotation (y).
glm::mat4 upperInLower(const std::string& upper, const std::string& lower, float extension, float bending,
                       float rotation) {
    const std::string disc = "discs." + upper + "_" + lower + ".";
    const float half = 0.25f * (params().f(disc + "anterior_height") + params().f(disc + "posterior_height"));
    const float lowerTop = lower == "s1" ? 0.0f : param(lower, "body_posterior_height") / 2.0f;
    glm::mat4 m = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, lowerTop + half, 0.0f));
    m = glm::rotate(m, rotation, glm::vec3(0.0f, 1.0f, 0.0f));
    m = glm::rotate(m, bending, glm::vec3(1.0f, 0.0f, 0.0f));
    m = glm::rotate(m, extension, glm::vec3(0.0f, 0.0f, 1.0f));
    return glm::translate(m, glm::vec3(0.0f, half + param(upper, "body_posterior_height") / 2.0f, 0.0f));
}

}  // namespace

TEST_CASE("bonegen: spinous process height per level (hatchet-shaped, L5 smallest)", "[bonegen]") {
    // [spinous-cadaver-cn]: largest at L3 in men, 25.45 +/- 5.96 mm; every lumbar level within one SD.
    for (const char* level : kAll) {
        INFO(level);
        const float h = spinousHeight(level);
        CHECK(std::abs(h - param(level, "spinous_process_height")) <= 0.10f * param(level, "spinous_process_height"));
        if (std::string(level) != "t12") checkWithin(h, 25.45 - 5.96, 25.45 + 5.96, "spinous process height (mm)");
    }
    // [aylott2012]: the smallest lumbar spinous process is L5's; the heights are not all alike.
    for (const char* other : {"l1", "l2", "l3", "l4"}) CHECK(spinousHeight("l5") < spinousHeight(other) - 1.0f);
    CHECK(spinousHeight("l3") - spinousHeight("l5") >= 3.0f);
    // Quadrangular ("hatchet") rather than pointed: a vertical posterior border most of the height tall.
    for (const char* level : kLumbar) {
        INFO(level);
        const glm::vec3 tip = landmark(level, "spinous_tip");
        const auto border = ahead(loadMeshMm(level, "high"), {tip.x + 3.0f, 60.0f, 0.0f}, {0.0f, -1.0f, 0.0f});
        REQUIRE(border.size() >= 2);
        CHECK(border[1] - border[0] > 0.65f * spinousHeight(level));
    }
}

TEST_CASE("bonegen: transverse process span per level, L5's short and stout", "[bonegen]") {
    const auto span = [](const char* level) {
        return landmark(level, "transverse_tip_r").z - landmark(level, "transverse_tip_l").z;
    };
    for (const char* level : kAll) {
        INFO(level);
        const float design = 2.0f * (param(level, "canal_width") / 2.0f + param(level, "pedicle_width") +
                                     param(level, "transverse_process_length"));
        CHECK(span(level) == Approx(design).margin(2.0));
    }
    // [li2003]: L3 longest; L5's process (from the pedicle) shorter than L3's.
    const auto length = [&](const char* level) {
        return 0.5f * (span(level) - param(level, "canal_width")) - param(level, "pedicle_width");
    };
    CHECK(length("l5") < length("l3"));
    // Stout: the L5 process is much taller (cranio-caudally) than L3's halfway along it.
    const auto thickness = [&](const char* level) {
        const glm::vec3 tip = landmark(level, "transverse_tip_r");
        const float z = tip.z - 0.5f * param(level, "transverse_process_length");
        float best = 0.0f;
        for (float x = tip.x - 6.0f; x <= tip.x + 6.0f; x += 0.5f) {
            const auto hits = ahead(loadMeshMm(level, "high"), {x, tip.y + 30.0f, z}, {0.0f, -1.0f, 0.0f});
            if (hits.size() >= 2) best = std::max(best, hits[1] - hits[0]);
        }
        return best;
    };
    INFO("transverse process height halfway: L3 " << thickness("l3") << " mm, L5 " << thickness("l5") << " mm");
    CHECK(thickness("l5") > 1.4f * thickness("l3"));
    // The iliolumbar ligament's attachment is marked on L5's processes.
    CHECK(landmark("l5", "iliolumbar_attachment_r").z > 0.8f * landmark("l5", "transverse_tip_r").z);
    CHECK(landmark("l5", "iliolumbar_attachment_l").z < 0.8f * landmark("l5", "transverse_tip_l").z);
}

TEST_CASE("bonegen: facet orientation per level (Masharawi 2004), sagittal above, coronal below", "[bonegen]") {
    for (const char* side : {"_r", "_l"}) {
        INFO(side);
        // T12-L2 25.89-33.87 deg from the midsagittal plane, L3-L5 40.40-56.30 deg.
        for (const char* level : {"l1", "l2"}) checkWithin(facetAngle(level, "superior", side), 25.89, 33.87, level);
        for (const char* level : {"l3", "l4", "l5"})
            checkWithin(facetAngle(level, "superior", side), 40.40, 56.30, level);
        // T12's own superior facets are thoracic (25-30 deg from the frontal plane), its inferior ones lumbar.
        checkWithin(facetAngle("t12", "superior", side), 58.0, 67.0, "t12 superior");
        CHECK(facetAngle("t12", "inferior", side) < 40.0f);
        // Turning coronal caudally.
        for (int i = 1; i + 1 < 6; ++i)
            CHECK(facetAngle(kAll[i + 1], "superior", side) > facetAngle(kAll[i], "superior", side));
        // Each inferior facet matches the superior facet of the level below (the small difference is
        // the disc wedge tilting one frame against the other). L1's and L2's inferior facets are left
        // out: the marked points there do not land on the joint face (see the motion test below for
        // the joint itself).
        for (const int i : {0, 3, 4}) {
            INFO(kAll[i]);
            CHECK(facetAngle(kAll[i], "inferior", side) ==
                  Approx(facetAngle(kAll[i + 1], "superior", side)).margin(3.0));
        }
        for (int i = 0; i < 6; ++i) {
            INFO(kAll[i]);
            CHECK(facetAngle(kAll[i], "superior", side) == Approx(param(kAll[i], "superior_facet_angle")).margin(1.5));
        }
    }
    // The superior facet faces back and medially: its surface lies lateral of the joint space.
    for (const char* level : kLumbar) {
        INFO(level);
        CHECK(landmark(level, "superior_facet_posterior_r").z > landmark(level, "superior_facet_anterior_r").z);
        CHECK(landmark(level, "superior_facet_posterior_l").z < landmark(level, "superior_facet_anterior_l").z);
    }
}

TEST_CASE("bonegen: pedicle height and width, canal width and depth", "[bonegen]") {
    for (const char* level : kAll) {
        INFO(level);
        const TriMesh& mesh = loadMeshMm(level, "high");
        // [pmc2200778]: T11-L5 pedicle height 13.9-16.7 mm.
        const float height = landmark(level, "pedicle_upper_r").y - landmark(level, "pedicle_lower_r").y;
        checkWithin(height, 13.9, 16.7, "pedicle height (mm)");
        // Canal: from its centre out to the walls at mid-body height ([panjabi1992] SCW, SCD).
        const float depth = param(level, "endplate_depth");
        const float canalX = -depth / 2.0f + 2.0f - param(level, "canal_depth") / 2.0f;
        const auto right = ahead(mesh, {canalX, 0.0f, 0.0f}, {0.0f, 0.0f, 1.0f});
        const auto left = ahead(mesh, {canalX, 0.0f, 0.0f}, {0.0f, 0.0f, -1.0f});
        const auto front = ahead(mesh, {canalX, 0.0f, 0.0f}, {1.0f, 0.0f, 0.0f});
        const auto back = ahead(mesh, {canalX, 0.0f, 0.0f}, {-1.0f, 0.0f, 0.0f});
        REQUIRE(!right.empty());
        REQUIRE(!left.empty());
        REQUIRE(!front.empty());
        REQUIRE(!back.empty());
        const float canalWidth = right.front() + left.front(), canalDepth = front.front() + back.front();
        INFO("canal " << canalWidth << " x " << canalDepth << " mm");
        CHECK(std::abs(canalWidth - param(level, "canal_width")) <= 0.10f * param(level, "canal_width"));
        CHECK(std::abs(canalDepth - param(level, "canal_depth")) <= 0.15f * param(level, "canal_depth"));
        // Pedicle width ([panjabi1992] PDW): through the pedicle's middle, from the canal outwards
        // (not at T12, where the rib's head sits against the pedicle's root).
        if (std::string(level) == "t12") continue;
        const float pedicleY = 0.5f * (landmark(level, "pedicle_upper_r").y + landmark(level, "pedicle_lower_r").y);
        const float pedicleX = landmark(level, "pedicle_upper_r").x;
        const auto through = ahead(mesh, {pedicleX, pedicleY, 0.0f}, {0.0f, 0.0f, 1.0f});
        REQUIRE(through.size() >= 2);
        const float width = through[1] - through[0];
        INFO("pedicle width " << width << " mm");
        CHECK(std::abs(width - param(level, "pedicle_width")) <= 0.20f * param(level, "pedicle_width") + 1.0f);
    }
}

TEST_CASE("bonegen: T12 is thoracic: a 12th rib each side at its body, a longer downward spinous process",
          "[bonegen]") {
    const glm::vec3 tip = landmark("t12", "spinous_tip"), root = landmark("t12", "superior_endplate_centre");
    const glm::vec3 l1Tip = landmark("l1", "spinous_tip");
    // Points down: the tip lies well below the body centre, unlike the nearly horizontal lumbar ones.
    CHECK(tip.y - root.y < -7.0f);
    CHECK(l1Tip.y > tip.y + 3.0f);
    for (const char* side : {"_r", "_l"}) {
        INFO(side);
        const glm::vec3 head = landmark("t12", std::string("rib_12_head") + side);
        const glm::vec3 end = landmark("t12", std::string("rib_12_tip") + side);
        // The head articulates on the upper posterolateral body (costal facet).
        CHECK(std::abs(head.z) == Approx(param("t12", "endplate_width") / 2.0f + 2.0f).margin(3.0));
        CHECK(head.y > 0.0f);
        // Short and floating: ends laterally and below, about the cited length from its head.
        CHECK(std::abs(end.z) > 60.0f);
        CHECK(end.y < head.y - 30.0f);
        CHECK(glm::length(end - head) < param("t12", "rib_length"));
        CHECK(glm::length(end - head) > 0.6f * param("t12", "rib_length"));
    }
    // Still one closed mesh with the canal as a handle.
    CHECK(genus(loadMeshMm("t12", "high")) >= 1);
}

TEST_CASE("bonegen: facet joints keep a joint space and never interpenetrate more than 1 mm in motion", "[bonegen]") {
    // Upper vertebra's posterior elements (its generated mesh) against the lower one's signed distance
    // field, with the upper placed as the kinematic model places it over the range of the lessons'
    // postures (extension from 25 deg flexed to 2.5 deg extended against the rest pose), lateral bending and axial
    // rotation up to 3 and 2 deg per level.
    const SkeletonParams& p = params();
    const PelvisLayout layout = pelvisLayout(p);
    const BoneModel sacrum = buildSacrum(p);
    for (int i = 0; i < 6; ++i) {
        const std::string upper = kAll[i], lower = i + 1 < 6 ? kAll[i + 1] : "s1";
        INFO(upper << " on " << lower);
        Sdf lowerField;
        if (lower == "s1") {
            glm::mat4 s1(layout.s1.axes);
            s1[3] = glm::vec4(layout.s1.origin, 1.0f);
            lowerField = [s1, field = sacrum.sdf](const glm::vec3& q) {
                return field(glm::vec3(s1 * glm::vec4(q, 1.0f)));
            };
        } else {
            lowerField = buildVertebra(p, lower).sdf;
        }
        const TriMesh& mesh = loadMeshMm(upper, "high");
        std::vector<glm::vec3> posterior;
        const float bodyBack = -param(upper, "endplate_depth") / 2.0f;
        for (const glm::vec3& v : mesh.positions)
            if (v.x < bodyBack && std::abs(v.z) < 45.0f) posterior.push_back(v);
        REQUIRE(posterior.size() > 500);
        const std::string disc = "discs." + upper + "_" + lower + ".";
        const float wedge = 2.0f * std::atan(0.5f * (p.f(disc + "anterior_height") - p.f(disc + "posterior_height")) /
                                             (p.f(disc + "depth") - 6.0f));
        // At rest on the disc: the facets face each other across a space of 1-4 mm.
        {
            const glm::mat4 m = upperInLower(upper, lower, wedge, 0.0f, 0.0f);
            const glm::vec3 joint = pointMm(boneEntry(upper)["joints"]["inferior_facet_r"]["point"]);
            float nearest = 1e9f;
            glm::vec3 at{0.0f};
            for (const glm::vec3& v : posterior)
                if (glm::distance(v, joint) < 10.0f) {
                    const float d = lowerField(glm::vec3(m * glm::vec4(v, 1.0f)));
                    if (d < nearest) nearest = d, at = v;
                }
            INFO("rest joint space " << nearest << " mm at " << at.x << ", " << at.y << ", " << at.z);
            CHECK(nearest >= 1.0f);
            CHECK(nearest <= 4.0f);
        }
        // Extension relative to the disc's wedge (the rest pose): 25 deg of flexion to 2.5 deg of extension
        // covers every posture and motion of the lessons (neutral standing is 1-6 deg flexed from it,
        // standing arched up to 2.3 deg extended, at L4/L5).
        float worst = 1e9f, worstExtension = 0.0f;
        glm::vec3 worstAt{0.0f};
        const float restDeg = glm::degrees(wedge);
        for (float extension = restDeg - 25.0f; extension <= restDeg + 2.5f; extension += 3.0f)
            for (const float bending : {-3.0f, 0.0f, 3.0f})
                for (const float rotation : {-2.0f, 0.0f, 2.0f}) {
                    const glm::mat4 m = upperInLower(upper, lower, glm::radians(extension), glm::radians(bending),
                                                     glm::radians(rotation));
                    for (const glm::vec3& v : posterior) {
                        const float d = lowerField(glm::vec3(m * glm::vec4(v, 1.0f)));
                        if (d < worst) worst = d, worstExtension = extension, worstAt = v;
                    }
                }
        INFO("deepest: " << -worst << " mm at extension " << worstExtension << " deg, upper-frame point " << worstAt.x
                         << ", " << worstAt.y << ", " << worstAt.z);
        CHECK(worst >= -1.0f);
    }
}
