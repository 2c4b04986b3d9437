// `lumbarlab render` with mesh files, end to end: the program is run as a user runs it, and its
// exit code, its stderr and the PNG it writes are checked. Millimetre and z-up copies of the real
// test bones are made here; a file that crashes the importer and one that hangs it are in
// tests/data/meshes.

#include "lumbarlab/io/mesh_loader.h"
#include "mesh_files.h"

#include <catch2/catch.hpp>

#include <stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace lumbarlab;
using lumbarlab::test::TempDir;
using lumbarlab::test::testMesh;

namespace {

struct Run {
    int code = -1;
    std::string err;
};

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Run render(const TempDir& dir, const std::string& args, const std::string& env = "") {
    const std::string errFile = (dir / "stderr.txt").string();
    const std::string command = env + (env.empty() ? "" : " ") + quoted(LUMBARLAB_EXE) + " render " + args +
                                " > /dev/null 2> " + quoted(errFile);
    const int status = std::system(command.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(errFile);
    std::stringstream text;
    text << in.rdbuf();
    r.err = text.str();
    return r;
}

/// The box of pixels that differ from the background (the gradient is taken from each row's first pixel).
struct PixelBox {
    int width = 0, height = 0;
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    long count = 0;
    [[nodiscard]] bool empty() const { return x1 < 0; }
    [[nodiscard]] int w() const { return x1 - x0 + 1; }
    [[nodiscard]] int h() const { return y1 - y0 + 1; }
};

PixelBox objectBox(const std::filesystem::path& png) {
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(png.c_str(), &w, &h, &channels, 3);
    PixelBox box;
    if (!data) return box;
    box.width = w;
    box.height = h;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            int diff = 0;
            for (int c = 0; c < 3; ++c) diff += std::abs(int(data[(y * w + x) * 3 + c]) - int(data[(y * w) * 3 + c]));
            if (diff <= 24) continue;
            box.x0 = std::min(box.x0, x), box.x1 = std::max(box.x1, x);
            box.y0 = std::min(box.y0, y), box.y1 = std::max(box.y1, y);
            ++box.count;
        }
    stbi_image_free(data);
    return box;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

/// Millimetre z-up copies of both hip bones, as a CT-derived file would store them.
void writeMillimetreZUpPelvis(const TempDir& dir) {
    for (const char* side : {"r", "l"})
        test::writeStl(dir / (std::string(side) + "_pelvis_mm_zup.stl"),
                       loadMeshWithAssimp(testMesh(std::string(side) + "_pelvis.stl")),
                       [](glm::vec3 p) { return 1000.0f * test::yUpToZUp(p); });
}

const std::string kImage = " --width 640 --height 480 --samples 1 --camera anterior";

}  // namespace

TEST_CASE("mesh cli: a millimetre z-up pelvis renders framed and upright, as the metre y-up one", "[mesh-cli]") {
    TempDir dir;
    writeMillimetreZUpPelvis(dir);
    const Run reference = render(dir, "--mesh " + quoted(testMesh("r_pelvis.stl").string()) + " --mesh " +
                                          quoted(testMesh("l_pelvis.stl").string()) + kImage + " --out " +
                                          quoted((dir / "m_yup.png").string()));
    REQUIRE(reference.code == 0);
    CHECK(occurrences(reference.err, "units auto -> m ") == 2);
    const Run converted = render(dir, "--mesh " + quoted((dir / "r_pelvis_mm_zup.stl").string()) + " --mesh " +
                                          quoted((dir / "l_pelvis_mm_zup.stl").string()) + " --up z" + kImage +
                                          " --out " + quoted((dir / "mm_zup.png").string()));
    REQUIRE(converted.code == 0);
    INFO(converted.err);
    CHECK(occurrences(converted.err, "units auto -> mm (largest extent") == 2);
    CHECK(occurrences(converted.err, "\n") == occurrences(converted.err, "lumbarlab render: "));  // one line each

    const PixelBox a = objectBox(dir / "m_yup.png"), b = objectBox(dir / "mm_zup.png");
    REQUIRE_FALSE(a.empty());
    REQUIRE_FALSE(b.empty());
    // Framed: well inside the image, filling most of it one way.
    CHECK(b.x0 > 8);
    CHECK(b.y0 > 8);
    CHECK(b.x1 < b.width - 8);
    CHECK(b.y1 < b.height - 8);
    CHECK(std::max(double(b.w()) / b.width, double(b.h()) / b.height) > 0.75);
    // Upright: seen from the front, a pelvis is wider (264 mm) than tall (215 mm); and the same
    // picture as the metre y-up original.
    CHECK(double(b.w()) / b.h() > 1.1);
    CHECK(std::abs(b.x0 - a.x0) <= 2);
    CHECK(std::abs(b.x1 - a.x1) <= 2);
    CHECK(std::abs(b.y0 - a.y0) <= 2);
    CHECK(std::abs(b.y1 - a.y1) <= 2);
    CHECK(std::abs(double(b.count) / double(a.count) - 1.0) < 0.02);

    // Without --up z the file lies on its back: another picture.
    const Run lying = render(dir, "--mesh " + quoted((dir / "r_pelvis_mm_zup.stl").string()) + " --mesh " +
                                      quoted((dir / "l_pelvis_mm_zup.stl").string()) + kImage + " --out " +
                                      quoted((dir / "lying.png").string()));
    REQUIRE(lying.code == 0);
    const PixelBox c = objectBox(dir / "lying.png");
    CHECK(std::abs(c.h() - a.h()) > 20);
}

TEST_CASE("mesh cli: a metre file and a millimetre file together, units per file", "[mesh-cli]") {
    TempDir dir;
    writeMillimetreZUpPelvis(dir);
    // Right half in metres (y up), left half in millimetres (z up): auto per file, up per file.
    const Run mixed =
        render(dir, "--mesh " + quoted(testMesh("r_pelvis.stl").string()) + " --mesh " +
                        quoted((dir / "l_pelvis_mm_zup.stl").string() + ":up=z:name=Left hip bone:colour=6fa8dc") +
                        kImage + " --out " + quoted((dir / "mixed.png").string()));
    REQUIRE(mixed.code == 0);
    const Run reference = render(dir, "--mesh " + quoted(testMesh("r_pelvis.stl").string()) + " --mesh " +
                                          quoted(testMesh("l_pelvis.stl").string()) + kImage + " --out " +
                                          quoted((dir / "both_m.png").string()));
    REQUIRE(reference.code == 0);
    const PixelBox a = objectBox(dir / "both_m.png"), b = objectBox(dir / "mixed.png");
    CHECK(std::abs(b.x0 - a.x0) <= 2);
    CHECK(std::abs(b.x1 - a.x1) <= 2);
    CHECK(std::abs(b.y0 - a.y0) <= 2);
    CHECK(std::abs(b.y1 - a.y1) <= 2);

    // The same through a scene file, which also places a femur by its transform.
    std::ofstream(dir / "scene.json") << R"({"format": "lumbarlab-scene/1", "meshes": [
        {"file": ")" << testMesh("r_pelvis.stl").string()
                                      << R"(", "name": "Right hip bone"},
        {"file": "l_pelvis_mm_zup.stl", "units": "mm", "up": "z", "name": "Left hip bone", "colour": "#6fa8dc"},
        {"file": ")" << testMesh("r_femur.stl").string()
                                      << R"(", "translate_m": [-0.056, -0.078, 0.077]}]})";
    const Run scene = render(dir, "--scene " + quoted((dir / "scene.json").string()) + kImage + " --out " +
                                      quoted((dir / "scene.png").string()));
    INFO(scene.err);
    REQUIRE(scene.code == 0);
    const PixelBox s = objectBox(dir / "scene.png");
    CHECK(double(s.h()) / s.w() > 1.2);  // the femur hangs below the pelvis: taller than wide
}

TEST_CASE("mesh cli: unreadable files are skipped by name; none readable is exit 1", "[mesh-cli]") {
    TempDir dir;
    std::ofstream(dir / "broken.stl") << "solid nothing\nendsolid\n";
    std::ofstream(dir / "empty.obj");
    Run r = render(dir,
                   "--mesh " + quoted((dir / "broken.stl").string()) + " --mesh " +
                       quoted(testMesh("r_femur.stl").string()) + " --mesh " +
                       quoted(testMesh("crashes_assimp_5.2.5.ply").string()) + " --mesh " +
                       quoted(testMesh("hangs_assimp_5.2.5.ply").string()) + kImage + " --out " +
                       quoted((dir / "some.png").string()),
                   "LUMBARLAB_IMPORT_TIMEOUT_S=1");
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find((dir / "broken.stl").string() + ": ") != std::string::npos);
    CHECK(r.err.find("crashes_assimp_5.2.5.ply: ") != std::string::npos);
    CHECK(r.err.find("hangs_assimp_5.2.5.ply: the importer did not finish within 1.0 s") != std::string::npos);
    CHECK(occurrences(r.err, "(skipped)") == 3);
    CHECK_FALSE(objectBox(dir / "some.png").empty());

    r = render(dir, "--mesh " + quoted((dir / "broken.stl").string()) + " --mesh " +
                        quoted((dir / "empty.obj").string()) + kImage + " --out " +
                        quoted((dir / "none.png").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("none of the 2 mesh files could be shown") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "none.png"));
}

TEST_CASE("mesh cli: options that cannot apply to mesh files are exit 2 in one line", "[mesh-cli]") {
    TempDir dir;
    const std::string mesh =
        " --mesh " + quoted(testMesh("r_femur.stl").string()) + " --out " + quoted((dir / "x.png").string());
    for (const char* option : {"--pose sitting_upright", "--set hip_flexion_r=30", "--landmarks", "--hide meshes",
                               "--pressure", "--replace femur_r=x.stl", "--units furlong", "--mesh nope.stl"}) {
        INFO(option);
        const Run r = render(dir, mesh + " " + option);
        CHECK(r.code == 2);
        CHECK(occurrences(r.err, "\n") == 1);
    }
}

TEST_CASE("mesh cli: --replace puts a real femur into the model and reports its residual", "[mesh-cli][replace]") {
    TempDir dir;
    Run r = render(dir, "--replace " + quoted("femur_r=" + testMesh("r_femur.stl").string()) +
                            " --pose sitting_upright --focus legs" + kImage + " --out " +
                            quoted((dir / "replaced.png").string()));
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("femur_r: r_femur.stl registered by surface ICP: residual ") != std::string::npos);

    r = render(dir, "--replace " + quoted("femur_r=" + testMesh("r_pelvis.stl").string()) + kImage + " --out " +
                        quoted((dir / "refused.png").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("r_pelvis.stl: does not fit femur_r") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "refused.png"));
}
