#include "lumbarlab/scene/camera.h"

#include <catch2/catch.hpp>
#include <glm/gtc/constants.hpp>

#include <limits>
#include <vector>

using namespace lumbarlab;

namespace {
glm::vec3 project(const OrbitCamera& cam, const glm::vec3& world, float aspect) {
    const glm::vec4 clip = cam.projection(aspect) * cam.view() * glm::vec4(world, 1.0f);
    return glm::vec3(clip) / clip.w;
}
Bounds unitBox() {
    Bounds b;
    b.include(glm::vec3{-0.1f, -0.2f, -0.1f});
    b.include(glm::vec3{0.1f, 0.2f, 0.1f});
    return b;
}
}  // namespace

TEST_CASE("camera: anterior view looks from +x with the subject's right on screen left", "[camera]") {
    OrbitCamera cam;
    cam.setPose(cam.framedPose(unitBox(), ViewPreset::Anterior, 16.0f / 9.0f));
    REQUIRE(cam.eye().x > 0.5f);
    REQUIRE(cam.eye().y == Approx(0.0f).margin(1e-5));
    // A point on the subject's right (+z) projects left of centre, a point above projects up.
    REQUIRE(project(cam, {0, 0, 0.1f}, 16.0f / 9.0f).x < -0.05f);
    REQUIRE(project(cam, {0, 0.1f, 0}, 16.0f / 9.0f).y > 0.05f);
}

TEST_CASE("camera: each preset puts the eye on its anatomical side", "[camera]") {
    OrbitCamera cam;
    const Bounds box = unitBox();
    auto eyeFor = [&](ViewPreset v) {
        cam.setPose(cam.framedPose(box, v, 1.0f));
        return cam.eye() - box.centre();
    };
    CHECK(eyeFor(ViewPreset::Anterior).x > 0.0f);
    CHECK(eyeFor(ViewPreset::Posterior).x < 0.0f);
    CHECK(eyeFor(ViewPreset::Lateral).z > 0.0f);  // right side
    CHECK(eyeFor(ViewPreset::Medial).z < 0.0f);
    const glm::vec3 up = eyeFor(ViewPreset::Superior);
    CHECK(up.y > 0.99f * glm::length(up));
    const glm::vec3 oblique = eyeFor(ViewPreset::Oblique);
    CHECK((oblique.x > 0.0f && oblique.y > 0.0f && oblique.z > 0.0f));
}

TEST_CASE("camera: framing points seen from above centres their picture and fills it", "[camera]") {
    // A standing figure seen from above: a wide girdle 1 m up, narrow legs down to the floor, all
    // of it on one side of the box centre in the picture: aimed at the box centre, the picture sat in
    // the top half of the frame (the standard superior figure filled 43 % of its height).
    std::vector<glm::vec3> points;
    for (float x : {-0.1f, 0.1f})
        for (float z : {-0.2f, 0.2f}) points.emplace_back(x, 1.0f, z);
    for (float z : {-0.1f, 0.1f}) points.emplace_back(0.02f, 0.0f, z);
    for (float aspect : {4.0f / 3.0f, 16.0f / 9.0f}) {
        OrbitCamera cam;
        cam.setPose(cam.framedPose(points, ViewPreset::Superior, aspect));
        float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
        for (const glm::vec3& q : points) {
            const glm::vec3 ndc = project(cam, q, aspect);
            x0 = std::min(x0, ndc.x), x1 = std::max(x1, ndc.x), y0 = std::min(y0, ndc.y), y1 = std::max(y1, ndc.y);
        }
        INFO("aspect " << aspect << ": x " << x0 << ".." << x1 << ", y " << y0 << ".." << y1);
        CHECK(std::max({-x0, x1, -y0, y1}) <= 1.0f);               // every point inside
        CHECK(std::max(x1 - x0, y1 - y0) > 1.8f / 1.08f * 0.98f);  // the limiting axis filled up to the margin
        CHECK(x0 + x1 == Approx(0.0f).margin(0.02f));              // and centred on both axes
        CHECK(y0 + y1 == Approx(0.0f).margin(0.02f));
    }
}

TEST_CASE("camera: framing keeps every corner of the box inside the view", "[camera]") {
    OrbitCamera cam;
    for (float aspect : {0.5f, 1.0f, 16.0f / 9.0f, 3.0f}) {
        for (auto preset : kAllViewPresets) {
            cam.setPose(cam.framedPose(unitBox(), preset, aspect));
            const Bounds b = unitBox();
            float largest = 0.0f;
            for (int i = 0; i < 8; ++i) {
                const glm::vec3 c{(i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                  (i & 4) ? b.max.z : b.min.z};
                const glm::vec3 ndc = project(cam, c, aspect);
                largest = std::max({largest, std::abs(ndc.x), std::abs(ndc.y)});
                REQUIRE(ndc.z > -1.0f);
                REQUIRE(ndc.z < 1.0f);
            }
            INFO("aspect " << aspect << " preset " << toString(preset));
            CHECK(largest <= 1.0f);
            CHECK(largest > 0.45f);  // and it is not lost in the middle
        }
    }
}

TEST_CASE("camera: orbit clamps pitch short of the poles, zoom stays positive", "[camera]") {
    OrbitCamera cam;
    cam.orbit(0.0f, 10.0f);
    CHECK(cam.pose().pitch == Approx(OrbitCamera::kMaxPitch));
    cam.orbit(0.0f, -20.0f);
    CHECK(cam.pose().pitch == Approx(-OrbitCamera::kMaxPitch));
    const float before = cam.pose().distance;
    cam.zoom(1.0f);
    CHECK(cam.pose().distance < before);
    for (int i = 0; i < 500; ++i) cam.zoom(1.0f);
    CHECK(cam.pose().distance > 0.0f);
    CHECK(std::isfinite(glm::determinant(cam.view())));
}

TEST_CASE("camera: pan moves the target in the view plane", "[camera]") {
    OrbitCamera cam;
    cam.setPose({glm::vec3{0.0f}, 1.0f, 0.0f, 0.0f});  // anterior
    cam.pan(0.1f, 0.0f);
    // Dragging right in an anterior view moves the target toward the subject's right (+z)
    // so the model follows the pointer.
    CHECK(cam.pose().target.z > 0.0f);
    CHECK(cam.pose().target.x == Approx(0.0f).margin(1e-6));
}

TEST_CASE("camera: transitions end exactly on the target pose and turn the short way", "[camera]") {
    OrbitCamera cam;
    const CameraPose from{glm::vec3{0.0f}, 1.0f, glm::radians(170.0f), 0.0f};
    const CameraPose to{glm::vec3{0.1f, 0.2f, 0.3f}, 2.0f, glm::radians(-170.0f), 0.5f};
    cam.setPose(from);
    cam.animateTo(to, 0.5f);
    REQUIRE(cam.animating());
    cam.update(0.25f);
    // Halfway between 170 and -170 the short way is 180, not 0.
    CHECK(std::abs(std::remainder(cam.pose().yaw - glm::pi<float>(), glm::two_pi<float>())) < 0.05f);
    cam.update(1.0f);
    CHECK_FALSE(cam.animating());
    CHECK(cam.pose().distance == Approx(2.0f));
    CHECK(cam.pose().yaw == Approx(to.yaw));
    CHECK(cam.pose().target.z == Approx(0.3f));
    const CameraPose mid = interpolate(from, to, 0.5f);
    CHECK(mid.distance == Approx(std::sqrt(2.0f)));  // geometric: zooming feels even
}

TEST_CASE("camera: preset names round-trip", "[camera]") {
    for (auto v : kAllViewPresets) CHECK(viewPresetFromString(toString(v)) == v);
    CHECK_FALSE(viewPresetFromString("sideways").has_value());
}

TEST_CASE("camera: a scene 1000 times larger frames and clips the same when its radius is given", "[camera]") {
    Bounds small = unitBox(), large;
    large.include(1000.0f * small.min);
    large.include(1000.0f * small.max);
    OrbitCamera a, b;
    b.setSceneRadius(1000.0f);
    a.setPose(a.framedPose(small, ViewPreset::Oblique, 1.5f));
    b.setPose(b.framedPose(large, ViewPreset::Oblique, 1.5f));
    CHECK(b.pose().distance == Approx(1000.0f * a.pose().distance).epsilon(1e-5));
    CHECK(b.nearPlane() == Approx(1000.0f * a.nearPlane()).epsilon(1e-5));
    CHECK(b.farPlane() == Approx(1000.0f * a.farPlane()).epsilon(1e-5));
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{(i & 1) ? small.max.x : small.min.x, (i & 2) ? small.max.y : small.min.y,
                               (i & 4) ? small.max.z : small.min.z};
        const glm::vec3 pa = project(a, corner, 1.5f), pb = project(b, 1000.0f * corner, 1.5f);
        CHECK(pb.x == Approx(pa.x).margin(1e-4));
        CHECK(pb.y == Approx(pa.y).margin(1e-4));
    }
    // Without the radius the old fixed range would clamp a 280 m "pelvis" at 100 m away.
    OrbitCamera fixed;
    fixed.setPose(fixed.framedPose(large, ViewPreset::Oblique, 1.5f));
    CHECK(fixed.pose().distance == Approx(100.0f));
    // A millimetre-sized scene may be zoomed into to 2 % of its radius, not 2 cm.
    OrbitCamera tiny;
    tiny.setSceneRadius(0.01f);
    tiny.zoom(200.0f);
    CHECK(tiny.pose().distance == Approx(0.0002f));
    tiny.setSceneRadius(std::numeric_limits<float>::quiet_NaN());
    CHECK(tiny.sceneRadius() == 1.0f);
}
