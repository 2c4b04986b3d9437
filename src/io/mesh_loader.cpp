#include "lumbarlab/io/mesh_loader.h"

#include "lumbarlab/core/cavity_occlusion.h"
#include "lumbarlab/io/atomic_file.h"
#include "lumbarlab/io/startup_timings.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
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

void checkReadable(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw FileError(file, "no such file");
    if (std::filesystem::is_directory(file, ec)) throw FileError(file, "is a directory, not a mesh file");
    if (std::filesystem::file_size(file, ec) == 0) throw FileError(file, "file is empty");
}

// ---- The binary cache. All fields little-endian; the layout is:
//   0  magic "LLMESH\r\n" (the CR LF shows a text-mode copy at once, as in PNG)
//   8  u32 version, u32 vertex count, u32 index count, u32 reserved (0)
//  24  u64 size of the source file in bytes
//  32  positions (3 x f32 per vertex), normals (3 x f32 per vertex), indices (u32)
constexpr char kCacheMagic[8] = {'L', 'L', 'M', 'E', 'S', 'H', '\r', '\n'};
constexpr std::uint32_t kCacheVersion = 1;
constexpr std::size_t kCacheHeaderSize = 32;
static_assert(sizeof(glm::vec3) == 12, "the cache copies vec3 arrays as packed floats");

template <typename T>
void putLittle(std::vector<unsigned char>& out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out.push_back((unsigned char)((std::uint64_t(value) >> (8 * i)) & 0xff));
}

template <typename T>
T getLittle(const unsigned char* p) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= std::uint64_t(p[i]) << (8 * i);
    return T(v);
}

// Assimp 5.2 allocates a binary glTF chunk by the length its header claims, before comparing it with
// the file: a damaged 25 kB file can ask for gigabytes. The container is checked here first: the
// declared total length fits in the file and every chunk fits in the declared length.
void checkBinaryGltfContainer(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char header[12];
    if (!in.read(reinterpret_cast<char*>(header), sizeof header) || std::memcmp(header, "glTF", 4) != 0) return;
    std::error_code ec;
    const std::uintmax_t fileSize = std::filesystem::file_size(file, ec);
    const std::uint32_t version = getLittle<std::uint32_t>(header + 4), declared = getLittle<std::uint32_t>(header + 8);
    if (declared > fileSize)
        throw FileError(file, "binary glTF header declares " + std::to_string(declared) + " bytes but the file has " +
                                  std::to_string(fileSize) + " (truncated or damaged)");
    if (version == 1) {  // glTF 1.0 binary: one scene block of the declared length follows a 20-byte header
        unsigned char rest[8];
        if (!in.read(reinterpret_cast<char*>(rest), sizeof rest) ||
            std::uint64_t(getLittle<std::uint32_t>(rest)) + 20 > declared)
            throw FileError(file, "binary glTF 1.0 scene block runs past the declared length");
        return;
    }
    if (version != 2) throw FileError(file, "binary glTF version " + std::to_string(version) + " (1 and 2 are read)");
    std::uint64_t at = 12;
    while (at < declared) {
        unsigned char chunk[8];
        if (at + 8 > declared || !in.seekg(std::streamoff(at)) ||
            !in.read(reinterpret_cast<char*>(chunk), sizeof chunk))
            throw FileError(file, "binary glTF chunk header at byte " + std::to_string(at) + " is cut off");
        const std::uint32_t length = getLittle<std::uint32_t>(chunk);
        const std::uint64_t end = at + 8 + length;
        if (end > declared)
            throw FileError(file, "binary glTF chunk at byte " + std::to_string(at) + " declares " +
                                      std::to_string(length) + " bytes, past the declared length " +
                                      std::to_string(declared));
        at = end;
    }
}

/// Appends 32-bit words (floats or indices) in little-endian order.
void putWords(std::vector<unsigned char>& out, const void* data, std::size_t words) {
    const std::size_t at = out.size();
    out.resize(at + 4 * words);
    std::memcpy(out.data() + at, data, 4 * words);
    if constexpr (std::endian::native == std::endian::big)
        for (std::size_t i = at; i < out.size(); i += 4) {
            std::swap(out[i], out[i + 3]);
            std::swap(out[i + 1], out[i + 2]);
        }
}

void getWords(const unsigned char* in, void* data, std::size_t words) {
    std::memcpy(data, in, 4 * words);
    if constexpr (std::endian::native == std::endian::big) {
        auto* bytes = static_cast<unsigned char*>(data);
        for (std::size_t i = 0; i < 4 * words; i += 4) {
            std::swap(bytes[i], bytes[i + 3]);
            std::swap(bytes[i + 1], bytes[i + 2]);
        }
    }
}

bool readWholeFile(const std::filesystem::path& file, std::vector<unsigned char>& bytes) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!f) return false;
    if (std::fseek(f.get(), 0, SEEK_END) != 0) return false;
    const long size = std::ftell(f.get());
    if (size < 0 || std::fseek(f.get(), 0, SEEK_SET) != 0) return false;
    bytes.resize(std::size_t(size));
    return std::fread(bytes.data(), 1, bytes.size(), f.get()) == bytes.size();
}

}  // namespace

std::filesystem::path meshCachePath(const std::filesystem::path& file) {
    std::filesystem::path cache = file;
    cache += ".llmesh";
    return cache;
}

MeshData loadMeshWithAssimp(const std::filesystem::path& file) {
    checkReadable(file);
    checkBinaryGltfContainer(file);
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

void writeMeshCache(const MeshData& mesh, const std::filesystem::path& source, const std::filesystem::path& cache) {
    if (mesh.positions.empty() || mesh.normals.size() != mesh.positions.size() || mesh.indices.empty() ||
        mesh.indices.size() % 3 != 0 || mesh.positions.size() > 0xffffffffu || mesh.indices.size() > 0xffffffffu)
        throw FileError(cache, "mesh to cache is empty or inconsistent");
    std::error_code ec;
    const std::uintmax_t sourceSize = std::filesystem::file_size(source, ec);
    if (ec) throw FileError(source, "cannot read the size of the mesh to cache: " + ec.message());

    std::vector<unsigned char> bytes;
    bytes.reserve(kCacheHeaderSize + mesh.positions.size() * 24 + mesh.indices.size() * 4);
    bytes.insert(bytes.end(), std::begin(kCacheMagic), std::end(kCacheMagic));
    putLittle(bytes, kCacheVersion);
    putLittle(bytes, std::uint32_t(mesh.positions.size()));
    putLittle(bytes, std::uint32_t(mesh.indices.size()));
    putLittle(bytes, std::uint32_t(0));
    putLittle(bytes, std::uint64_t(sourceSize));
    putWords(bytes, mesh.positions.data(), 3 * mesh.positions.size());
    putWords(bytes, mesh.normals.data(), 3 * mesh.normals.size());
    putWords(bytes, mesh.indices.data(), mesh.indices.size());
    writeTextAtomically(cache, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::optional<MeshData> readMeshCache(const std::filesystem::path& source, const std::filesystem::path& cache) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto cacheTime = fs::last_write_time(cache, ec);
    if (ec) return std::nullopt;
    const auto sourceTime = fs::last_write_time(source, ec);
    if (ec || cacheTime < sourceTime) return std::nullopt;
    const std::uintmax_t sourceSize = fs::file_size(source, ec);
    if (ec) return std::nullopt;

    std::vector<unsigned char> bytes;
    if (!readWholeFile(cache, bytes) || bytes.size() < kCacheHeaderSize) return std::nullopt;
    if (std::memcmp(bytes.data(), kCacheMagic, sizeof kCacheMagic) != 0) return std::nullopt;
    if (getLittle<std::uint32_t>(&bytes[8]) != kCacheVersion) return std::nullopt;
    const std::uint64_t vertices = getLittle<std::uint32_t>(&bytes[12]);
    const std::uint64_t indices = getLittle<std::uint32_t>(&bytes[16]);
    if (getLittle<std::uint64_t>(&bytes[24]) != sourceSize) return std::nullopt;
    // 64-bit sums of 32-bit counts cannot overflow, so a lying header cannot make this pass.
    if (vertices == 0 || indices == 0 || indices % 3 != 0 ||
        bytes.size() != kCacheHeaderSize + vertices * 24 + indices * 4)
        return std::nullopt;

    MeshData mesh;
    mesh.name = source.stem().string();
    mesh.positions.resize(vertices);
    mesh.normals.resize(vertices);
    mesh.indices.resize(indices);
    const unsigned char* p = bytes.data() + kCacheHeaderSize;
    getWords(p, mesh.positions.data(), 3 * vertices);
    getWords(p + vertices * 12, mesh.normals.data(), 3 * vertices);
    getWords(p + vertices * 24, mesh.indices.data(), indices);
    for (const std::uint32_t i : mesh.indices)
        if (i >= vertices) return std::nullopt;
    for (std::size_t v = 0; v < vertices; ++v)
        for (int k = 0; k < 3; ++k)
            if (!std::isfinite(mesh.positions[v][k]) || !std::isfinite(mesh.normals[v][k])) return std::nullopt;
    computeCavityOcclusion(mesh);
    return mesh;
}

MeshData loadMesh(const std::filesystem::path& file) {
    const auto start = std::chrono::steady_clock::now();
    auto report = [&](const char* how) {
        if (!startupTimingsEnabled()) return;
        const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        reportStartupPhase("mesh " + file.filename().string() + " (" + how + ")", ms);
    };
    checkReadable(file);
    if (std::optional<MeshData> cached = readMeshCache(file, meshCachePath(file))) {
        report("cache");
        return std::move(*cached);
    }
    MeshData mesh = loadMeshWithAssimp(file);
    report("assimp");
    return mesh;
}

}  // namespace lumbarlab
