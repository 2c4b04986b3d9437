#include "test_support.hpp"

#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>
#include <catch2/catch.hpp>

namespace bonegen::test {

std::filesystem::path modelDir() {
    return LUMBARLAB_MODEL_DIR;
}

const nlohmann::json& manifest() {
    static const nlohmann::json document = [] {
        std::ifstream in(modelDir() / "skeleton_manifest.json");
        if (!in) throw std::runtime_error("cannot open " + (modelDir() / "skeleton_manifest.json").string());
        return nlohmann::json::parse(in);
    }();
    return document;
}

const nlohmann::json& boneEntry(const std::string& id) {
    for (const nlohmann::json& bone : manifest()["bones"])
        if (bone["id"] == id) return bone;
    FAIL("bone " << id << " is missing from the manifest");
    throw std::logic_error("unreachable");
}

const SkeletonParams& params() {
    static const SkeletonParams loaded = SkeletonParams::load(LUMBARLAB_SKELETON_PARAMS);
    return loaded;
}

const TriMesh& loadMeshMm(const std::string& boneId, const std::string& lod) {
    static std::map<std::string, TriMesh> cache;
    const std::string key = boneId + "." + lod;
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    const std::filesystem::path file = modelDir() / (key + ".glb");
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(file.string(), aiProcess_Triangulate | aiProcess_JoinIdenticalVertices);
    if (scene == nullptr || scene->mNumMeshes != 1)
        throw std::runtime_error(file.string() + ": " + importer.GetErrorString());
    const aiMesh* mesh = scene->mMeshes[0];
    TriMesh out;
    for (unsigned i = 0; i < mesh->mNumVertices; ++i)
        out.positions.emplace_back(mesh->mVertices[i].x, mesh->mVertices[i].y, mesh->mVertices[i].z);
    for (unsigned f = 0; f < mesh->mNumFaces; ++f)
        for (unsigned k = 0; k < 3; ++k) out.indices.push_back(mesh->mFaces[f].mIndices[k]);
    TriMesh welded = scaled(weldIdenticalPositions(out), 1000.0f);
    return cache.emplace(key, std::move(welded)).first->second;
}

glm::vec3 pointMm(const nlohmann::json& xyz) {
    return glm::vec3(xyz[0].get<float>(), xyz[1].get<float>(), xyz[2].get<float>()) * 1000.0f;
}

int genus(const TriMesh& mesh) {
    std::set<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
            edges.insert({std::min(a, b), std::max(a, b)});
        }
    const long euler = static_cast<long>(mesh.positions.size()) - static_cast<long>(edges.size()) +
                       static_cast<long>(mesh.triangleCount());
    return static_cast<int>((2 - euler) / 2);
}

}  // namespace bonegen::test
