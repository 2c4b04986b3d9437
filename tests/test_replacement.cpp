// --replace: a real femur and hip bone in place of the built-in ones, registered by ICP or by
// landmark pairs, posed with the skeleton; fits that do not fit are refused.

#include "builtin_model.h"
#include "lumbarlab/io/mesh_import.h"
#include "lumbarlab/io/mesh_loader.h"
#include "lumbarlab/view/bone_replacement.h"
#include "lumbarlab/view/scene_view.h"
#include "mesh_files.h"

#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <chrono>
#include <fstream>

using namespace lumbarlab;
using lumbarlab::test::TempDir;
using lumbarlab::test::testMesh;

namespace {

std::size_t objectOf(const Scene& scene, const std::string& id) {
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        if (scene.objects[i].id == id) return i;
    FAIL("no object " << id);
    return 0;
}

BoneFit fitFile(const std::string& boneId, const MeshSource& source, double limitMm = kDefaultReplaceLimitMm) {
    const BoneDefinition& bone = builtinModel().skeleton.require(boneId);
    const ImportedMesh imported = importMesh(source, LengthUnits::Auto, UpAxis::PlusY, std::chrono::seconds(30));
    return fitReplacement(bone, loadMesh(bone.meshHigh), imported.mesh, source.file, imported.toWorld, limitMm);
}

}  // namespace

TEST_CASE("replace: a real femur fits the built-in right femur by ICP", "[model][replace]") {
    MeshSource source;
    source.file = testMesh("r_femur.stl");
    const BoneFit fit = fitFile("femur_r", source);
    WARN("real femur (MyoSuite r_femur.stl, 908 triangles) onto femur_r: surface residual "
         << fit.surfaceRmsMm << " mm RMS, scale " << fit.transform.scale << ", " << fit.milliseconds << " ms");
    CHECK(fit.method == "surface ICP");
    CHECK(fit.surfaceRmsMm < kDefaultReplaceLimitMm);
    CHECK(fit.surfaceRmsMm > 1.0);  // two different femurs: millimetres apart, not a copy
    CHECK(fit.transform.scale == Approx(1.0).margin(0.15));
    // Both femurs are in OpenSim's femur frame: the fit turns little.
    CHECK(glm::dot(glm::dvec3(fit.transform.rotation[1]), glm::dvec3(0, 1, 0)) > 0.95);

    // The same femur in millimetres and z up: the units and axis are undone, the fit is the same.
    TempDir dir;
    test::writeStl(dir / "femur_mm_zup.stl", loadMeshWithAssimp(source.file),
                   [](glm::vec3 p) { return 1000.0f * test::yUpToZUp(p); });
    MeshSource zUp;
    zUp.file = dir / "femur_mm_zup.stl";
    zUp.up = UpAxis::PlusZ;
    const BoneFit again = fitFile("femur_r", zUp);
    CHECK(again.surfaceRmsMm == Approx(fit.surfaceRmsMm).margin(0.05));
}

TEST_CASE("replace: landmark pairs from a sidecar recover a known similarity", "[model][replace]") {
    const BoneDefinition& bone = builtinModel().skeleton.require("femur_r");
    const MeshData builtIn = loadMesh(bone.meshHigh);
    // The built-in femur as a scan might store it: turned, 3 % larger, moved, in millimetres, z up.
    const glm::dmat4 scan = glm::translate(glm::dmat4(1.0), glm::dvec3(0.12, -0.05, 0.3)) *
                            glm::rotate(glm::dmat4(1.0), glm::radians(35.0), glm::normalize(glm::dvec3(1, 2, 0.5))) *
                            glm::scale(glm::dmat4(1.0), glm::dvec3(1.03));
    auto toFile = [&](glm::vec3 p) {
        return 1000.0f * test::yUpToZUp(glm::vec3(scan * glm::dvec4(glm::dvec3(p), 1.0)));
    };
    TempDir dir;
    test::writeStl(dir / "scan.stl", builtIn, toFile);
    {
        std::ofstream out(dir / "scan.stl.landmarks.json");
        out << "{\"landmarks\": {";
        for (std::size_t i = 0; i < bone.landmarks.size(); ++i) {
            const glm::vec3 p = toFile(bone.landmarks[i].position);
            out << (i ? ", " : "") << '"' << bone.landmarks[i].name << "\": [" << p.x << ", " << p.y << ", " << p.z
                << "]";
        }
        out << "}}";
    }
    MeshSource source;
    source.file = dir / "scan.stl";
    source.units = LengthUnits::Millimetres;
    source.up = UpAxis::PlusZ;
    const BoneFit fit = fitFile("femur_r", source);
    CHECK(fit.method == "landmarks");
    CHECK(fit.landmarkPairs == bone.landmarks.size());
    CHECK(fit.landmarkRmsMm < 0.01);
    CHECK(fit.surfaceRmsMm < 0.05);
    CHECK(fit.transform.scale == Approx(1.0 / 1.03).epsilon(1e-5));

    // A name the bone does not have is an error naming the sidecar.
    std::ofstream(dir / "scan.stl.landmarks.json")
        << R"({"landmarks": {"femoral_head_centre": [0, 0, 0], "elbow": [1, 2, 3]}})";
    try {
        (void)fitFile("femur_r", source);
        FAIL("an unknown landmark was accepted");
    } catch (const FileError& e) {
        CHECK(std::string(e.what()).find("scan.stl.landmarks.json: no landmark named elbow on femur_r") !=
              std::string::npos);
    }
    std::ofstream(dir / "scan.stl.landmarks.json") << R"({"landmarks": {"femoral_head_centre": [0, 0, "x"]}})";
    CHECK_THROWS_WITH(fitFile("femur_r", source),
                      Catch::Contains("/landmarks/femoral_head_centre/2: must be a number"));
}

TEST_CASE("replace: a fit over the limit, or at a wrong scale, is refused in one line", "[model][replace]") {
    MeshSource pelvis;
    pelvis.file = testMesh("r_pelvis.stl");
    try {
        (void)fitFile("femur_r", pelvis);
        FAIL("a hip bone was accepted as a femur");
    } catch (const FileError& e) {
        const std::string what = e.what();
        INFO(what);
        CHECK(what.find(pelvis.file.string() + ": does not fit femur_r") == 0);
        CHECK(what.find('\n') == std::string::npos);
    }
    // The right femur passes the default limit but not a 1 mm one.
    MeshSource femur;
    femur.file = testMesh("r_femur.stl");
    CHECK_THROWS_WITH(fitFile("femur_r", femur, 1.0), Catch::Contains("exceeds the 1.0 mm limit"));
    // Millimetres read as metres: the fit would shrink the bone a thousand times.
    femur.units = LengthUnits::Millimetres;
    CHECK_THROWS_WITH(fitFile("femur_r", femur), Catch::Contains("are its units right"));
}

TEST_CASE("replace: the replaced femur poses with the skeleton; muscles keep their lengths", "[model][replace]") {
    const std::filesystem::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    SceneView plain = SceneView::builtIn(modelDir(), assets, Detail::Low);
    SceneView replaced = SceneView::builtIn(modelDir(), assets, Detail::Low);
    SceneRequest request;
    BoneReplacementRequest femur;
    femur.bone = "femur_r";
    femur.source.file = testMesh("r_femur.stl");
    BoneReplacementRequest hip;
    hip.bone = "hip_bone_r";
    hip.source.file = testMesh("r_pelvis.stl");
    request.replacements = {femur, hip};
    replaced.replaceBones(request);
    REQUIRE(replaced.errors().empty());
    std::vector<std::string> fits;  // the other notes say what auto units chose
    for (const auto& note : replaced.notes())
        if (note.find(" registered by ") != std::string::npos) fits.push_back(note);
    REQUIRE(fits.size() == 2);
    CHECK(fits[0].find("femur_r: r_femur.stl registered by surface ICP: residual") == 0);
    CHECK(fits[1].find("hip_bone_r: r_pelvis.stl registered by surface ICP: residual") == 0);
    WARN(fits[0] << "\n" << fits[1]);

    for (const char* posture : {"neutral_standing", "sitting_upright", "couch_stretch_r"}) {
        INFO(posture);
        plain.model()->showPosture(posture);
        replaced.model()->showPosture(posture);
        for (const char* id : {"femur_r", "hip_bone_r"}) {
            const std::size_t a = objectOf(plain.scene(), id), b = objectOf(replaced.scene(), id);
            CHECK(replaced.scene().meshes.get(replaced.scene().objects[b].mesh).triangleCount() !=
                  plain.scene().meshes.get(plain.scene().objects[a].mesh).triangleCount());
            // The registered bone sits where the built-in one is, in every pose.
            const Bounds p = plain.scene().bounds(a), r = replaced.scene().bounds(b);
            CHECK(glm::length(p.centre() - r.centre()) < 0.015);
        }
        CHECK(replaced.model()->muscleLengths() == plain.model()->muscleLengths());
    }
    const std::size_t f = objectOf(replaced.scene(), "femur_r");
    CHECK(replaced.scene().objects[f].name == "Right femur (r_femur.stl)");
    CHECK(replaced.scene().objects[f].twoSided);
}

TEST_CASE("replace: bones that cannot be replaced are named", "[model][replace]") {
    SceneView view = SceneView::builtIn(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR, Detail::Low);
    SceneRequest request;
    for (const char* bone : {"pelvis_r", "disc_l4_l5_nucleus"}) {
        BoneReplacementRequest r;
        r.bone = bone;
        r.source.file = testMesh("r_femur.stl");
        request.replacements.push_back(r);
    }
    view.replaceBones(request);
    REQUIRE(view.errors().size() == 2);
    CHECK(view.errors()[0].find("--replace: no bone 'pelvis_r' to replace (bones: hip_bone_r, hip_bone_l, sacrum") ==
          0);
    CHECK(view.errors()[1].find("no bone 'disc_l4_l5_nucleus'") != std::string::npos);
}
