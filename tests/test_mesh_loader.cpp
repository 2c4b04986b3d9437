#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/mesh_loader.h"

#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

fs::path scratchDir() {
    const fs::path dir = fs::temp_directory_path() / ("lumbarlab_loader_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

/// Writes `mesh` with Assimp's exporter in the given format ("glb2", "obj", "stl", "ply").
void exportMesh(const MeshData& mesh, const fs::path& file, const char* formatId) {
    auto scene = std::make_unique<aiScene>();
    scene->mRootNode = new aiNode();
    scene->mMaterials = new aiMaterial* [1] { new aiMaterial() };
    scene->mNumMaterials = 1;
    auto* out = new aiMesh();
    out->mMaterialIndex = 0;
    out->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    out->mNumVertices = unsigned(mesh.positions.size());
    out->mVertices = new aiVector3D[out->mNumVertices];
    out->mNormals = new aiVector3D[out->mNumVertices];
    for (unsigned i = 0; i < out->mNumVertices; ++i) {
        out->mVertices[i] = {mesh.positions[i].x, mesh.positions[i].y, mesh.positions[i].z};
        out->mNormals[i] = {mesh.normals[i].x, mesh.normals[i].y, mesh.normals[i].z};
    }
    out->mNumFaces = unsigned(mesh.triangleCount());
    out->mFaces = new aiFace[out->mNumFaces];
    for (unsigned f = 0; f < out->mNumFaces; ++f) {
        out->mFaces[f].mNumIndices = 3;
        out->mFaces[f].mIndices =
            new unsigned[3]{mesh.indices[3 * f], mesh.indices[3 * f + 1], mesh.indices[3 * f + 2]};
    }
    scene->mMeshes = new aiMesh* [1] { out };
    scene->mNumMeshes = 1;
    scene->mRootNode->mMeshes = new unsigned[1]{0};
    scene->mRootNode->mNumMeshes = 1;
    Assimp::Exporter exporter;
    REQUIRE(exporter.Export(scene.get(), formatId, file.string()) == AI_SUCCESS);
}

}  // namespace

TEST_CASE("loader: glTF binary, OBJ, STL and PLY written here load back intact", "[loader]") {
    const fs::path dir = scratchDir();
    const MeshData sphere = makeSphere(0.1f, 12, 24);
    for (const auto& [format, extension] :
         {std::pair{"glb2", ".glb"}, {"obj", ".obj"}, {"stl", ".stl"}, {"ply", ".ply"}}) {
        const fs::path file = dir / (std::string("sphere") + extension);
        exportMesh(sphere, file, format);
        const MeshData loaded = loadMesh(file);
        INFO(file);
        CHECK(loaded.triangleCount() == sphere.triangleCount());
        CHECK(loaded.isConsistent());
        CHECK(loaded.occlusion.size() == loaded.positions.size());
        CHECK(loaded.bounds().size().x == Approx(0.2f).epsilon(0.02));
        CHECK(signedVolume(loaded) > 0.0);
    }
    fs::remove_all(dir);
}

TEST_CASE("loader: bad files fail with one line naming the file and the reason", "[loader]") {
    const fs::path dir = scratchDir();
    auto expectError = [](const fs::path& file, const std::string& fragment) {
        try {
            (void)loadMesh(file);
            FAIL("loading " << file << " should have failed");
        } catch (const FileError& e) {
            const std::string message = e.what();
            INFO(message);
            CHECK(message.rfind(file.string(), 0) == 0);  // starts with the path
            CHECK(message.find('\n') == std::string::npos);
            CHECK(message.find(fragment) != std::string::npos);
        }
    };
    expectError(dir / "missing.glb", "no such file");

    const fs::path empty = dir / "empty.obj";
    std::ofstream(empty).close();
    expectError(empty, "empty");

    const fs::path garbage = dir / "garbage.glb";
    {
        std::ofstream out(garbage, std::ios::binary);
        for (int i = 0; i < 500; ++i) out << char(i * 37) << "\x01\xff noise ";
    }
    expectError(garbage, "");

    const fs::path whole = dir / "whole.glb";
    exportMesh(makeSphere(0.1f, 12, 24), whole, "glb2");
    const fs::path truncated = dir / "truncated.glb";
    {
        std::ifstream in(whole, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(truncated, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size() / 2));
    }
    expectError(truncated, "");

    expectError(dir, "directory");
    fs::remove_all(dir);
}
