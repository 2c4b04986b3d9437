// Mesh files someone brought: --mesh options, scene files, units, up axes, and the importer in a
// child process (crash, hang, time limit).

#include "lumbarlab/io/isolated_import.h"
#include "lumbarlab/io/mesh_import.h"
#include "lumbarlab/io/mesh_loader.h"
#include "mesh_files.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>

using namespace lumbarlab;
using lumbarlab::test::TempDir;
using lumbarlab::test::testMesh;

namespace {

glm::dvec3 apply(const glm::dmat4& m, glm::dvec3 p) {
    return glm::dvec3(m * glm::dvec4(p, 1.0));
}

void writeText(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file) << text;
}

std::string sceneError(const std::filesystem::path& file) {
    try {
        (void)loadSceneFile(file);
    } catch (const FileError& e) {
        return e.what();
    }
    return "";
}

/// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ~ScopedEnv() { ::unsetenv(name_); }

private:
    const char* name_;
};

}  // namespace

TEST_CASE("mesh import: FILE:OPTIONS specs", "[mesh-import]") {
    MeshSource s = parseMeshSpec("bones/pelvis.stl");
    CHECK(s.file == "bones/pelvis.stl");
    CHECK_FALSE(s.units);
    CHECK_FALSE(s.up);

    s = parseMeshSpec("a:b.stl:units=mm:up=-z:name=Right hip bone:colour=ff8000:s=2:rz=90:t=0.1,0,-0.2");
    CHECK(s.file == "a:b.stl");  // a colon that does not start an option belongs to the file name
    CHECK(s.units == LengthUnits::Millimetres);
    CHECK(s.up == UpAxis::MinusZ);
    CHECK(s.name == "Right hip bone");
    REQUIRE(s.colour);
    CHECK(s.colour->x == Approx(1.0));
    CHECK(s.colour->y == Approx(128.0 / 255.0));
    // Left to right: scale 2, then 90 degrees about z, then the translation.
    const glm::dvec3 p = apply(s.transform, {1.0, 0.0, 0.0});
    CHECK(p.x == Approx(0.1).margin(1e-12));
    CHECK(p.y == Approx(2.0));
    CHECK(p.z == Approx(-0.2));

    for (const char* bad :
         {":units=mm", "f.stl:units=km", "f.stl:up=w", "f.stl:t=1,2", "f.stl:t=1,2,nan", "f.stl:s=0", "f.stl:s=-1",
          "f.stl:rx=720", "f.stl:colour=red", "f.stl:units=mm:oops", "f.stl:units=mm:size=3", "f.stl:name="}) {
        INFO(bad);
        CHECK_THROWS_AS(parseMeshSpec(bad), MeshSpecError);
    }
}

TEST_CASE("mesh import: every up axis turns into +y by a proper rotation", "[mesh-import]") {
    const std::pair<UpAxis, glm::dvec3> cases[] = {{UpAxis::PlusY, {0, 1, 0}},   {UpAxis::PlusZ, {0, 0, 1}},
                                                   {UpAxis::MinusY, {0, -1, 0}}, {UpAxis::MinusZ, {0, 0, -1}},
                                                   {UpAxis::PlusX, {1, 0, 0}},   {UpAxis::MinusX, {-1, 0, 0}}};
    for (const auto& [up, axis] : cases) {
        INFO(toString(up));
        const glm::dmat3 r = upRotation(up);
        const glm::dvec3 turned = r * axis;
        CHECK(turned.x == Approx(0.0).margin(1e-12));
        CHECK(turned.y == Approx(1.0));
        CHECK(turned.z == Approx(0.0).margin(1e-12));
        CHECK(glm::determinant(r) == Approx(1.0));
        CHECK(upAxisFromString(toString(up)) == up);
    }
}

TEST_CASE("mesh import: auto units tell millimetres from metres by the extent", "[mesh-import]") {
    Bounds pelvisMm;
    pelvisMm.include(glm::vec3{-138.0f, -134.0f, 0.0f});
    pelvisMm.include(glm::vec3{0.0f, 81.0f, 132.0f});
    CHECK(autoUnits(pelvisMm) == LengthUnits::Millimetres);
    Bounds femurM;
    femurM.include(glm::vec3{-0.037f, -0.43f, -0.03f});
    femurM.include(glm::vec3{0.033f, 0.022f, 0.04f});
    CHECK(autoUnits(femurM) == LengthUnits::Metres);
    Bounds body;  // a whole body in metres stays metres
    body.include(glm::vec3{0.0f});
    body.include(glm::vec3{0.3f, 1.8f, 0.5f});
    CHECK(autoUnits(body) == LengthUnits::Metres);
}

TEST_CASE("mesh import: a millimetre z-up copy imports onto the metre y-up original", "[mesh-import]") {
    const MeshData original = loadMeshWithAssimp(testMesh("r_pelvis.stl"));
    TempDir dir;
    test::writeStl(dir / "pelvis_mm_zup.stl", original, [](glm::vec3 p) { return 1000.0f * test::yUpToZUp(p); });

    MeshSource source;
    source.file = dir / "pelvis_mm_zup.stl";
    const ImportedMesh auto_ = importMesh(source, LengthUnits::Auto, UpAxis::PlusZ, std::chrono::seconds(20));
    CHECK(auto_.unitsWereAuto);
    CHECK(auto_.units == LengthUnits::Millimetres);
    CHECK(auto_.extentInFileUnits == Approx(215.0).margin(2.0));  // the hip bone is 215 mm tall
    CHECK(describeAutoUnits(source, auto_).find("units auto -> mm") != std::string::npos);

    const Bounds a = original.bounds(), b = auto_.mesh.bounds();
    for (int k = 0; k < 3; ++k) {
        CHECK(b.min[k] == Approx(a.min[k]).margin(2e-6));
        CHECK(b.max[k] == Approx(a.max[k]).margin(2e-6));
    }
    // Upright: the pelvis is taller (y) than it is deep (x), as in the y-up original.
    CHECK(b.size().y > b.size().x);

    // Per-file units win over the command's: the same file read as metres is 1000 times larger.
    source.units = LengthUnits::Metres;
    const ImportedMesh asMetres = importMesh(source, LengthUnits::Millimetres, UpAxis::PlusZ, std::chrono::seconds(20));
    CHECK_FALSE(asMetres.unitsWereAuto);
    CHECK(asMetres.mesh.bounds().size().y == Approx(1000.0 * a.size().y).epsilon(1e-5));
}

TEST_CASE("mesh import: scene files", "[mesh-import]") {
    TempDir dir;
    writeText(dir / "scene.json", R"({
      "format": "lumbarlab-scene/1",
      "units": "mm", "up": "z",
      "meshes": [
        {"file": "a.stl", "name": "Hip bone", "colour": "#336699", "translate_m": [0, 1, 0]},
        {"file": "/abs/b.stl", "units": "m", "up": "y", "colour": [0.5, 0.25, 1], "scale": 2, "rotate_deg": [0, 0, 90]}
      ]})");
    const std::vector<MeshSource> s = loadSceneFile(dir / "scene.json");
    REQUIRE(s.size() == 2);
    CHECK(s[0].file == dir / "a.stl");
    CHECK(s[0].units == LengthUnits::Millimetres);
    CHECK(s[0].up == UpAxis::PlusZ);
    CHECK(s[0].name == "Hip bone");
    CHECK(s[0].colour->z == Approx(0x99 / 255.0));
    CHECK(apply(s[0].transform, {0, 0, 0}).y == Approx(1.0));
    CHECK(s[1].file == "/abs/b.stl");
    CHECK(s[1].units == LengthUnits::Metres);
    CHECK(s[1].up == UpAxis::PlusY);
    const glm::dvec3 p = apply(s[1].transform, {1, 0, 0});  // scale 2, then 90 degrees about z
    CHECK(p.x == Approx(0.0).margin(1e-12));
    CHECK(p.y == Approx(2.0));

    // Each defect names the file and the JSON path.
    const std::pair<const char*, const char*> bad[] = {
        {R"({"meshes": [{"file": "a.stl", "units": "inch"}]})", "/meshes/0/units"},
        {R"({"meshes": [{"file": "a.stl", "colour": [1, 2, 0]}]})", "/meshes/0/colour/1"},
        {R"({"meshes": [{"file": "a.stl"}, {"name": "x"}]})", "/meshes/1/file"},
        {R"({"meshes": [{"file": "a.stl", "scale": -1}]})", "/meshes/0/scale"},
        {R"({"meshes": [{"file": "a.stl", "translate_m": [0, 0]}]})", "/meshes/0/translate_m"},
        {R"({"meshes": [{"file": "a.stl", "rotate_deg": [0, "90", 0]}]})", "/meshes/0/rotate_deg/1"},
        {R"({"meshes": [{"file": "a.stl", "colour": "#12345"}]})", "/meshes/0/colour"},
        {R"({"meshes": [{"file": "a.stl", "name": "n"}, {"file": "b.stl", "name": "n"}]})", "/meshes/1/name"},
        {R"({"meshes": [{"file": "a.stl", "size": 3}]})", "/meshes/0/size"},
        {R"({"mesh": []})", "/mesh"},
        {R"({"meshes": []})", "/meshes"},
        {R"({"up": "w", "meshes": [{"file": "a.stl"}]})", "/up"},
        {R"({"format": "other/2", "meshes": [{"file": "a.stl"}]})", "/format"},
        {R"({"meshes": [{"file": "a.stl", "scale": 1e999}]})", "malformed JSON"},
        {R"({"meshes": [)", "malformed JSON"},
    };
    for (const auto& [text, where] : bad) {
        INFO(text);
        writeText(dir / "bad.json", text);
        const std::string error = sceneError(dir / "bad.json");
        CHECK(error.find((dir / "bad.json").string()) == 0);
        CHECK(error.find(where) != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
    }
    CHECK(sceneError(dir / "missing.json").find("cannot open") != std::string::npos);
}

TEST_CASE("isolated import: a good file comes back whole", "[mesh-import][isolated]") {
    const MeshData direct = loadMeshWithAssimp(testMesh("r_femur.stl"));
    const MeshData isolated = loadMeshIsolated(testMesh("r_femur.stl"), std::chrono::seconds(20));
    CHECK(isolated.positions == direct.positions);
    CHECK(isolated.normals == direct.normals);
    CHECK(isolated.indices == direct.indices);
    CHECK(isolated.occlusion == direct.occlusion);
    CHECK(isolated.triangleCount() == 908);
}

TEST_CASE("isolated import: an importer crash is a one-line error naming the file", "[mesh-import][isolated]") {
    const auto file = testMesh("crashes_assimp_5.2.5.ply");
    try {
        (void)loadMeshIsolated(file, std::chrono::seconds(20));
        // A fixed Assimp rejects the file instead; either way it must not come back as a mesh.
        FAIL("a malformed PLY came back as a mesh");
    } catch (const FileError& e) {
        const std::string what = e.what();
        INFO(what);
        CHECK(what.find(file.string()) == 0);
        CHECK(what.find('\n') == std::string::npos);
    }
    // The process that asked is still here and can read the next file.
    CHECK(loadMeshIsolated(testMesh("r_pelvis.stl"), std::chrono::seconds(20)).triangleCount() == 246);
}

TEST_CASE("isolated import: the test hook's abort names the signal", "[mesh-import][isolated]") {
    const ScopedEnv hook("LUMBARLAB_IMPORT_TEST_HOOK", "crash");
    try {
        (void)loadMeshIsolated(testMesh("r_pelvis.stl"), std::chrono::seconds(20));
        FAIL("the crashing importer returned a mesh");
    } catch (const FileError& e) {
        const std::string what = e.what();
        CHECK(what.find("r_pelvis.stl: the importer crashed on this file (SIGABRT)") != std::string::npos);
    }
}

TEST_CASE("isolated import: a hang is stopped at the time limit", "[mesh-import][isolated]") {
    for (const bool hook : {false, true}) {
        INFO((hook ? "test hook" : "a PLY header with no end"));
        std::optional<ScopedEnv> env;
        if (hook) env.emplace("LUMBARLAB_IMPORT_TEST_HOOK", "hang");
        const auto file = testMesh(hook ? "r_pelvis.stl" : "hangs_assimp_5.2.5.ply");
        const auto start = std::chrono::steady_clock::now();
        try {
            (void)loadMeshIsolated(file, std::chrono::milliseconds(400));
            FAIL("a hanging import returned");
        } catch (const FileError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find(file.string() + ": the importer did not finish within 0.4 s") == 0);
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(seconds >= 0.39);
        CHECK(seconds < 3.0);
    }
}

TEST_CASE("isolated import: missing, empty and non-mesh files", "[mesh-import][isolated]") {
    TempDir dir;
    writeText(dir / "empty.stl", "");
    writeText(dir / "junk.obj", "this is not a mesh\n");
    for (const auto& file : {dir / "missing.stl", dir / "empty.stl", dir / "junk.obj", dir.path()}) {
        INFO(file);
        try {
            (void)loadMeshIsolated(file, std::chrono::seconds(20));
            FAIL("no error");
        } catch (const FileError& e) {
            CHECK(std::string(e.what()).find(file.string()) == 0);
        }
    }
}

TEST_CASE("isolated import: the time limit from the environment", "[mesh-import][isolated]") {
    {
        const ScopedEnv env("LUMBARLAB_IMPORT_TIMEOUT_S", "2.5");
        CHECK(defaultImportTimeout() == std::chrono::milliseconds(2500));
    }
    for (const char* bad : {"0", "-1", "nan", "1e9", "soon"}) {
        const ScopedEnv env("LUMBARLAB_IMPORT_TIMEOUT_S", bad);
        CHECK(defaultImportTimeout() == std::chrono::seconds(30));
    }
}
