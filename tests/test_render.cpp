#include "gl_context.h"

#include "lumbarlab/core/cavity_occlusion.h"
#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/render/renderer.h"

#include <stb_image.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 320, kHeight = 180;

/// A sphere scene: one object at `offset`, radius 0.1 m.
Scene sphereScene(const glm::vec3& offset = glm::vec3{0.0f}) {
    Scene scene;
    MeshData sphere = makeSphere(0.1f, 32, 64);
    computeCavityOcclusion(sphere);
    SceneObject o;
    o.name = "sphere";
    o.mesh = scene.meshes.add(std::move(sphere));
    o.transform[3] = glm::vec4(offset, 1.0f);
    scene.objects.push_back(o);
    return scene;
}

OrbitCamera anteriorCamera(float distance = 0.8f) {
    OrbitCamera cam;
    cam.setPose({glm::vec3{0.0f}, distance, 0.0f, 0.0f});
    return cam;
}

bool isBackground(const Image& img, int x, int y, const RenderSettings& s) {
    // The background is a dark slate gradient: every channel well below the lit bone, blue highest.
    const std::uint8_t* p = img.pixel(x, y);
    const float top = 255.0f * std::max({s.backgroundTop.x, s.backgroundTop.y, s.backgroundTop.z});
    return p[0] <= top + 4 && p[1] <= top + 4 && p[2] <= top + 4 && p[2] >= p[0];
}

int luminance(const std::uint8_t* p) {
    return (p[0] * 3 + p[1] * 6 + p[2]) / 10;
}

}  // namespace

TEST_CASE("gl: the context is OpenGL 3.3 core or newer", "[gl]") {
    (void)testing::sharedGlContext();
    const GlInfo info = currentGlInfo();
    INFO(info.version << " / " << info.renderer);
    CHECK(info.major * 10 + info.minor >= 33);
}

TEST_CASE("gl: a sphere renders where the camera puts it, background at the corners", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 4);
    const RenderSettings settings;
    const FrameStats stats = renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    CHECK(stats.drawCalls == 1);
    CHECK(stats.triangles == scene.meshes.get(0).triangleCount());
    const Image img = target.readColour();
    REQUIRE(img.width == kWidth);
    REQUIRE(img.height == kHeight);
    for (auto [x, y] : {std::pair{0, 0}, {kWidth - 1, 0}, {0, kHeight - 1}, {kWidth - 1, kHeight - 1}})
        CHECK(isBackground(img, x, y, settings));
    // The sphere is lit ivory at the centre: brighter than any background pixel.
    CHECK(luminance(img.pixel(kWidth / 2, kHeight / 2)) > 120);
    CHECK_FALSE(isBackground(img, kWidth / 2, kHeight / 2, settings));
    // Its projected radius: atan(0.1 / 0.8) of a 0.6 rad field of view -> about 0.41 of the half height.
    const float expectedRadius = std::tan(std::asin(0.1f / 0.8f)) / std::tan(0.3f) * (kHeight / 2.0f);
    int left = kWidth / 2;
    while (left > 0 && !isBackground(img, left - 1, kHeight / 2, settings)) --left;
    CHECK(float(kWidth / 2 - left) == Approx(expectedRadius).margin(3.0f));
    // The gradient is lighter at the top than at the bottom.
    CHECK(luminance(img.pixel(kWidth / 2, 2)) > luminance(img.pixel(kWidth / 2, kHeight - 3)));
}

TEST_CASE("gl: the subject's right appears on the left of an anterior view", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene({0.0f, 0.0f, 0.15f});  // +z: the subject's right
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 1);
    const RenderSettings settings;
    renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    const Image img = target.readColour();
    CHECK_FALSE(isBackground(img, kWidth / 4, kHeight / 2, settings));
    CHECK(isBackground(img, 3 * kWidth / 4, kHeight / 2, settings));
}

TEST_CASE("gl: the ID buffer names the object under a pixel and nothing elsewhere", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene({0.0f, 0.0f, 0.15f});
    SceneObject second = scene.objects[0];
    second.name = "second";
    second.transform[3] = glm::vec4(0.0f, 0.0f, -0.15f, 1.0f);
    scene.objects.push_back(second);
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 4);
    const DrawList records = scene.drawList();
    const OrbitCamera cam = anteriorCamera();
    CHECK(scene.objectOf(renderer.pick(records, cam, target, kWidth / 4, kHeight / 2)) ==
          std::optional<std::size_t>{0});
    CHECK(scene.objectOf(renderer.pick(records, cam, target, 3 * kWidth / 4, kHeight / 2)) ==
          std::optional<std::size_t>{1});
    CHECK(renderer.pick(records, cam, target, 2, 2) == kNoPick);
    CHECK(renderer.pick(records, cam, target, -5, 10) == kNoPick);
    // The full pass agrees with the scissored one.
    renderer.renderIds(records, cam, target);
    CHECK(target.readId(kWidth / 4, kHeight / 2) == Scene::pickIdOf(0));
    // Hidden objects cannot be picked.
    scene.objects[0].visible = false;
    CHECK(renderer.pick(scene.drawList(), cam, target, kWidth / 4, kHeight / 2) == kNoPick);
}

TEST_CASE("gl: hover and selection change the look, not the silhouette", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 1);
    const RenderSettings settings;
    renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    const Image plain = target.readColour();
    scene.selected = 0;
    renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    const Image selected = target.readColour();
    // Near the rim the selection glow is strong and warm.
    const int rimX = kWidth / 2 - 30, y = kHeight / 2;
    CHECK(selected.pixel(rimX, y)[0] > plain.pixel(rimX, y)[0] + 10);
}

TEST_CASE("gl: a PNG written from the target has the right size and four channels", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(200, 100, 4);
    renderer.render(scene.drawList(), anteriorCamera(), target, RenderSettings{});
    const fs::path file = fs::temp_directory_path() / ("lumbarlab_render_" + std::to_string(::getpid()) + ".png");
    writePng(file, target.readColour());
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(file.c_str(), &w, &h, &channels, 0);
    REQUIRE(data != nullptr);
    CHECK(w == 200);
    CHECK(h == 100);
    CHECK(channels == 4);
    CHECK(data[(50 * 200 + 100) * 4 + 3] == 255);  // opaque
    stbi_image_free(data);
    fs::remove(file);
}

TEST_CASE("gl: flat shading is uniform, the bone material is not", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 1);
    RenderSettings settings;
    renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    const Image lit = target.readColour();
    settings.flatShading = true;
    renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    const Image flat = target.readColour();
    const int cx = kWidth / 2, cy = kHeight / 2;
    // Key light from the upper left: the upper-left of the sphere is brighter than the lower right.
    CHECK(luminance(lit.pixel(cx - 20, cy - 20)) > luminance(lit.pixel(cx + 20, cy + 20)) + 15);
    CHECK(luminance(flat.pixel(cx - 20, cy - 20)) == luminance(flat.pixel(cx + 20, cy + 20)));
}

TEST_CASE("gl: the oblique sphere matches its golden image within tolerance", "[gl][golden]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(160, 90, 4);
    OrbitCamera cam;
    cam.setPose(cam.framedPose(scene.bounds(), ViewPreset::Oblique, 160.0f / 90.0f));
    renderer.render(scene.drawList(), cam, target, RenderSettings{});
    const Image img = target.readColour();
    const fs::path golden = fs::path(LUMBARLAB_GOLDEN_DIR) / "sphere_oblique.png";
    if (const char* update = std::getenv("LUMBARLAB_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        writePng(golden, img);
        WARN("golden image rewritten: " << golden);
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(golden.c_str(), &w, &h, &channels, 4);
    REQUIRE(data != nullptr);
    REQUIRE(w == img.width);
    REQUIRE(h == img.height);
    // Drivers differ in the last bits of lighting and in edge coverage: compare the mean
    // difference and the share of clearly different pixels, not exact bytes.
    double sum = 0.0;
    int differing = 0;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) {
            const int d = std::abs(int(img.rgba[i + c]) - int(data[i + c]));
            sum += d;
            worst = std::max(worst, d);
        }
        if (worst > 24) ++differing;
    }
    stbi_image_free(data);
    const double meanDifference = sum / (double(w) * h * 3);
    const double differingShare = double(differing) / (double(w) * h);
    INFO("mean difference " << meanDifference << ", share differing " << differingShare);
    CHECK(meanDifference < 2.0);
    CHECK(differingShare < 0.01);
}

TEST_CASE("gl: a shader that does not compile names its file and the driver's message", "[gl]") {
    (void)testing::sharedGlContext();
    try {
        (void)compileShader(GL_FRAGMENT_SHADER, "#version 330 core\nvoid main() { undefined_thing = 1; }\n",
                            "broken.frag");
        FAIL("expected a ShaderError");
    } catch (const ShaderError& e) {
        const std::string message = e.what();
        CHECK(message.rfind("broken.frag: compile error: ", 0) == 0);
        CHECK(message.find('\n') == std::string::npos);
        CHECK(message.size() > 30);
    }
}

TEST_CASE("gl: per-vertex colours draw when the record asks for them", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    MeshData coloured = scene.meshes.get(0);
    coloured.colours.assign(coloured.positions.size(), glm::vec3{0.9f, 0.1f, 0.1f});
    scene.meshes.replace(0, coloured);
    scene.objects[0].vertexColours = true;
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 1);
    renderer.render(scene.drawList(), anteriorCamera(), target, RenderSettings{});
    const Image red = target.readColour();
    const std::uint8_t* p = red.pixel(kWidth / 2, kHeight / 2);
    CHECK(p[0] > p[1] + 60);  // red, not ivory
    CHECK(p[0] > p[2] + 60);
    // A replaced mesh is re-uploaded: back to the record colour when the flag is off.
    scene.objects[0].vertexColours = false;
    renderer.render(scene.drawList(), anteriorCamera(), target, RenderSettings{});
    const Image plain = target.readColour();  // keep the image alive while reading its pixels
    const std::uint8_t* q = plain.pixel(kWidth / 2, kHeight / 2);
    CHECK(std::abs(int(q[0]) - int(q[1])) < 40);
}

TEST_CASE("gl: the sagittal cut removes the subject's right half", "[gl]") {
    (void)testing::sharedGlContext();
    Renderer renderer;
    Scene scene = sphereScene();
    renderer.syncMeshes(scene.meshes);
    RenderTarget target(kWidth, kHeight, 1);
    RenderSettings settings;
    settings.sagittalCut = true;
    renderer.render(scene.drawList(), anteriorCamera(), target, settings);
    const Image img = target.readColour();
    // Anterior view: the subject's right (+z) is on the image's left; that half is gone.
    CHECK(isBackground(img, kWidth / 2 - 25, kHeight / 2, settings));
    CHECK_FALSE(isBackground(img, kWidth / 2 + 25, kHeight / 2, settings));
}

TEST_CASE("gl: setting a uniform no shader declares throws with the files and the name", "[gl]") {
    (void)testing::sharedGlContext();
    ShaderProgram program("background.vert", "background.frag");
    program.use();
    try {
        CHECK_NOTHROW(program.set("uTop", glm::vec3(1.0f)));
        program.set("uTopp", glm::vec3(1.0f));  // misspelt on purpose
        FAIL("expected a ShaderError");
    } catch (const ShaderError& e) {
        const std::string message = e.what();
        CHECK(message.find("background.vert + background.frag") != std::string::npos);
        CHECK(message.find("'uTopp'") != std::string::npos);
    }
}
