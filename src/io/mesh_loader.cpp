#include "lumbarlab/io/mesh_loader.h"

#include "lumbarlab/core/cavity_occlusion.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <system_error>

namespace lumbarlab {
namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '.')) s.pop_back();
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

void appendNode(const aiScene& scene, const aiNode& node, const aiMatrix4x4& parent, MeshData& out) {
    const aiMatrix4x4 world = parent * node.mTransformation;
    aiMatrix3x3 normalMatrix(world);
    normalMatrix.Inverse().Transpose();
    for (unsigned i = 0; i < node.mNumMeshes; ++i) {
        const aiMesh& mesh = *scene.mMeshes[node.mMeshes[i]];
        if (!(mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
        const auto base = std::uint32_t(out.positions.size());
        for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
            const aiVector3D p = world * mesh.mVertices[v];
            out.positions.emplace_back(p.x, p.y, p.z);
            aiVector3D n = mesh.HasNormals() ? normalMatrix * mesh.mNormals[v] : aiVector3D(0, 1, 0);
            n.NormalizeSafe();
            out.normals.emplace_back(n.x, n.y, n.z);
        }
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            const aiFace& face = mesh.mFaces[f];
            if (face.mNumIndices != 3) continue;  // points and lines left over after triangulation
            out.indices.insert(out.indices.end(),
                               {base + face.mIndices[0], base + face.mIndices[1], base + face.mIndices[2]});
        }
    }
    for (unsigned c = 0; c < node.mNumChildren; ++c) appendNode(scene, *node.mChildren[c], world, out);
}

}  // namespace

MeshData loadMesh(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw FileError(file, "no such file");
    if (std::filesystem::is_directory(file, ec)) throw FileError(file, "is a directory, not a mesh file");
    if (std::filesystem::file_size(file, ec) == 0) throw FileError(file, "file is empty");

    Assimp::Importer importer;
    // Points and lines are of no use to a surface renderer; dropping them keeps meshes triangular.
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_GenSmoothNormals |
                           aiProcess_SortByPType | aiProcess_FindInvalidData | aiProcess_ValidateDataStructure;
    const aiScene* scene = importer.ReadFile(file.string(), flags);
    if (!scene) throw FileError(file, trimmed(importer.GetErrorString()));
    if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
        throw FileError(file, "incomplete scene (the file may be truncated)");

    MeshData mesh;
    mesh.name = file.stem().string();
    appendNode(*scene, *scene->mRootNode, aiMatrix4x4{}, mesh);
    if (mesh.triangleCount() == 0) throw FileError(file, "contains no triangles");
    if (!mesh.isConsistent()) throw FileError(file, "inconsistent mesh data after import");
    computeCavityOcclusion(mesh);
    return mesh;
}

}  // namespace lumbarlab
