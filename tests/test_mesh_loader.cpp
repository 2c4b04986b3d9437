#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/mesh_loader.h"
#include "scratch_dir.h"

#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

fs::path scratchDir() {
    const fs::path dir = processScratchDir("lumbarlab_loader_test");
    fs::create_directories(dir);
    return dir;
}

std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
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
    const std::string wholeBytes = readBytes(whole);
    const fs::path truncated = dir / "truncated.glb";
    writeBytes(truncated, wholeBytes.substr(0, wholeBytes.size() / 2));
    expectError(truncated, "declares");

    // A chunk that claims 3 GB inside a small file (a fuzzer's find: Assimp would allocate it).
    auto patched = [&](const char* name, std::size_t at, std::uint32_t value) {
        std::string bytes = wholeBytes;
        for (int i = 0; i < 4; ++i) bytes[at + i] = char((value >> (8 * i)) & 0xff);
        const fs::path file = dir / name;
        writeBytes(file, bytes);
        return file;
    };
    expectError(patched("huge_chunk.glb", 12, 0xbc000000u), "chunk at byte 12 declares 3154116608 bytes");
    expectError(patched("huge_total.glb", 8, 0x040062c8u), "header declares 67134152 bytes");
    expectError(patched("version.glb", 4, 7), "binary glTF version 7");

    expectError(dir, "directory");
    fs::remove_all(dir);
}

namespace {

void requireSameMesh(const MeshData& a, const MeshData& b) {
    REQUIRE(a.positions.size() == b.positions.size());
    REQUIRE(a.indices.size() == b.indices.size());
    CHECK(a.name == b.name);
    CHECK(a.indices == b.indices);
    // Bit for bit: the cache stores the floats the Assimp path produced.
    CHECK(std::memcmp(a.positions.data(), b.positions.data(), a.positions.size() * sizeof(glm::vec3)) == 0);
    CHECK(std::memcmp(a.normals.data(), b.normals.data(), a.normals.size() * sizeof(glm::vec3)) == 0);
    CHECK(a.occlusion == b.occlusion);
}

}  // namespace

TEST_CASE("mesh cache: a cached mesh loads identical to the Assimp import", "[loader][cache]") {
    const fs::path dir = scratchDir();
    const fs::path file = dir / "bone.glb";
    exportMesh(makeSphere(0.05f, 16, 32), file, "glb2");
    const MeshData imported = loadMeshWithAssimp(file);
    const fs::path cache = meshCachePath(file);
    CHECK(cache == dir / "bone.glb.llmesh");
    REQUIRE_FALSE(readMeshCache(file, cache).has_value());  // no cache yet

    writeMeshCache(imported, file, cache);
    const std::string bytes = readBytes(cache);
    // Header: magic, version 1, counts and the source size, little-endian; then 24 bytes a vertex, 4 an index.
    REQUIRE(bytes.size() == 32 + imported.positions.size() * 24 + imported.indices.size() * 4);
    CHECK(bytes.compare(0, 8, "LLMESH\r\n") == 0);
    CHECK(bytes[8] == 1);
    CHECK(std::uint32_t((unsigned char)bytes[12]) + (std::uint32_t((unsigned char)bytes[13]) << 8) +
              (std::uint32_t((unsigned char)bytes[14]) << 16) ==
          imported.positions.size());

    const std::optional<MeshData> cached = readMeshCache(file, cache);
    REQUIRE(cached.has_value());
    requireSameMesh(*cached, imported);
    requireSameMesh(loadMesh(file), imported);
    fs::remove_all(dir);
}

TEST_CASE("mesh cache: truncated, garbage, stale or lying caches fall back to Assimp", "[loader][cache]") {
    const fs::path dir = scratchDir();
    const fs::path file = dir / "bone.glb";
    exportMesh(makeSphere(0.05f, 16, 32), file, "glb2");
    const MeshData imported = loadMeshWithAssimp(file);
    const fs::path cache = meshCachePath(file);
    writeMeshCache(imported, file, cache);
    const std::string good = readBytes(cache);

    auto expectFallback = [&](const std::string& what) {
        INFO(what);
        CHECK_FALSE(readMeshCache(file, cache).has_value());
        requireSameMesh(loadMesh(file), imported);  // never an error, never a wrong mesh
    };

    writeBytes(cache, good.substr(0, good.size() - 5));
    expectFallback("truncated in the indices");
    writeBytes(cache, good.substr(0, 20));
    expectFallback("truncated in the header");
    writeBytes(cache, good + "x");
    expectFallback("trailing bytes");
    writeBytes(cache, "");
    expectFallback("empty");

    std::string garbage(good.size(), '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = char(i * 131 + 7);
    writeBytes(cache, garbage);
    expectFallback("garbage");

    std::string badMagic = good;
    badMagic[6] = '\n';  // as a text-mode copy would leave it
    writeBytes(cache, badMagic);
    expectFallback("bad magic");

    std::string newerVersion = good;
    newerVersion[8] = 2;
    writeBytes(cache, newerVersion);
    expectFallback("unknown version");

    std::string hugeCount = good;
    hugeCount[12] = hugeCount[13] = hugeCount[14] = hugeCount[15] = char(0xff);
    writeBytes(cache, hugeCount);
    expectFallback("vertex count that does not fit the file");

    std::string badIndex = good;
    badIndex[good.size() - 1] = char(0x7f);  // the last index's high byte: far past the vertices
    writeBytes(cache, badIndex);
    expectFallback("index out of range");

    std::string otherSource = good;
    otherSource[24] = char(otherSource[24] + 1);
    writeBytes(cache, otherSource);
    expectFallback("made for a source of another size");

    writeBytes(cache, good);
    REQUIRE(readMeshCache(file, cache).has_value());
    fs::last_write_time(cache, fs::last_write_time(file) - std::chrono::seconds(10));
    expectFallback("older than its source");

    fs::remove_all(dir);
}

TEST_CASE("mesh cache: a cache that cannot be written is one FileError naming it", "[loader][cache]") {
    const fs::path dir = scratchDir();
    const fs::path file = dir / "bone.glb";
    exportMesh(makeSphere(0.05f, 8, 16), file, "glb2");
    const fs::path cache = dir / "missing_folder" / "bone.glb.llmesh";
    try {
        writeMeshCache(loadMeshWithAssimp(file), file, cache);
        FAIL("writing into a missing folder should fail");
    } catch (const FileError& e) {
        const std::string message = e.what();
        CHECK(message.rfind(cache.string(), 0) == 0);
        CHECK(message.find('\n') == std::string::npos);
    }
    CHECK_THROWS_AS(writeMeshCache(MeshData{}, file, dir / "empty.llmesh"), FileError);
    fs::remove_all(dir);
}
