#include "glb_writer.hpp"

#include <cstring>
#include <fstream>
#include <memory>

#include <assimp/scene.h>
#include <assimp/Exporter.hpp>

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/atomic_file.h"

namespace bonegen {

namespace {

constexpr float kMetresPerMillimetre = 0.001f;

// Builds a one-mesh, one-node, one-material scene. aiScene's destructor frees everything below it,
// which the static analyzer cannot see through Assimp's raw arrays.
// NOLINTBEGIN(clang-analyzer-cplusplus.NewDeleteLeaks)
std::unique_ptr<aiScene> buildScene(const TriMesh& meshMm, const std::string& meshName) {
    const TriMesh mesh = scaled(meshMm, kMetresPerMillimetre);
    const std::vector<glm::vec3> normals = smoothNormals(mesh);

    auto scene = std::make_unique<aiScene>();
    scene->mRootNode = new aiNode();
    scene->mRootNode->mName.Set(meshName);
    scene->mRootNode->mNumMeshes = 1;
    scene->mRootNode->mMeshes = new unsigned int[1]{0};

    scene->mNumMaterials = 1;
    scene->mMaterials = new aiMaterial* [1] { new aiMaterial() };
    aiString materialName("bone");
    scene->mMaterials[0]->AddProperty(&materialName, AI_MATKEY_NAME);

    auto* out = new aiMesh();
    scene->mNumMeshes = 1;
    scene->mMeshes = new aiMesh* [1] { out };
    out->mName.Set(meshName);
    out->mMaterialIndex = 0;
    out->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    out->mNumVertices = static_cast<unsigned int>(mesh.positions.size());
    out->mVertices = new aiVector3D[out->mNumVertices];
    out->mNormals = new aiVector3D[out->mNumVertices];
    for (unsigned int i = 0; i < out->mNumVertices; ++i) {
        out->mVertices[i] = aiVector3D(mesh.positions[i].x, mesh.positions[i].y, mesh.positions[i].z);
        out->mNormals[i] = aiVector3D(normals[i].x, normals[i].y, normals[i].z);
    }
    out->mNumFaces = static_cast<unsigned int>(mesh.triangleCount());
    out->mFaces = new aiFace[out->mNumFaces];
    for (unsigned int f = 0; f < out->mNumFaces; ++f) {
        aiFace& face = out->mFaces[f];
        face.mNumIndices = 3;
        face.mIndices = new unsigned int[3]{mesh.indices[3 * std::size_t(f)], mesh.indices[3 * std::size_t(f) + 1],
                                            mesh.indices[3 * std::size_t(f) + 2]};
    }
    return scene;
}
// NOLINTEND(clang-analyzer-cplusplus.NewDeleteLeaks)

}  // namespace

std::vector<std::byte> encodeGlb(const TriMesh& meshMm, const std::string& meshName,
                                 const std::filesystem::path& file) {
    const std::unique_ptr<aiScene> scene = buildScene(meshMm, meshName);
    Assimp::Exporter exporter;
    const aiExportDataBlob* blob = exporter.ExportToBlob(scene.get(), "glb2");
    if (blob == nullptr)
        throw lumbarlab::FileError(file, std::string("glTF export failed (") + exporter.GetErrorString() + ")");
    std::vector<std::byte> bytes(blob->size);
    std::memcpy(bytes.data(), blob->data, blob->size);
    return bytes;
}

void writeGlb(const std::filesystem::path& file, const TriMesh& meshMm, const std::string& meshName) {
    const std::vector<std::byte> bytes = encodeGlb(meshMm, meshName, file);
    lumbarlab::writeFileAtomically(file, [&](const std::filesystem::path& temp) {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        return static_cast<bool>(out);
    });
}

}  // namespace bonegen
