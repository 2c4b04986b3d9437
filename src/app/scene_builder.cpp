#include "app/scene_builder.h"

#include "io/mesh_loader.h"

#include <cstdlib>
#include <system_error>

namespace lumbarlab {
namespace {

constexpr const char* kManifestName = "skeleton_manifest.json";

std::filesystem::path executableDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

/// The first folder that holds `probe`, from an environment override, places beside the
/// executable, and the folder known at build time.
std::filesystem::path findFolder(const char* envName, const std::vector<std::filesystem::path>& besideExe,
                                 const char* builtIn, const std::filesystem::path& probe) {
    std::error_code ec;
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv(envName); env && *env) candidates.emplace_back(env);
    if (const auto exeDir = executableDir(); !exeDir.empty())
        for (const auto& rel : besideExe) candidates.push_back(exeDir / rel);
    if (builtIn && *builtIn) candidates.emplace_back(builtIn);
    for (const auto& dir : candidates)
        if (std::filesystem::exists(dir / probe, ec)) return std::filesystem::weakly_canonical(dir, ec);
    return {};
}

// Colours as sRGB: bone ivory; the annulus a translucent cartilage blue so the nucleus shows.
constexpr glm::vec4 kBoneColour{0.89f, 0.85f, 0.76f, 1.0f};
constexpr glm::vec4 kAnnulusColour{0.60f, 0.74f, 0.84f, 0.55f};
constexpr glm::vec4 kNucleusColour{0.93f, 0.52f, 0.48f, 1.0f};

glm::vec4 colourOf(const BoneDefinition& bone) {
    if (bone.id.find("_annulus") != std::string::npos) return kAnnulusColour;
    if (bone.id.find("_nucleus") != std::string::npos) return kNucleusColour;
    return kBoneColour;
}

}  // namespace

void BuiltInModel::applyPose(Scene& scene) const {
    const SkeletonFrames solved = frames();
    for (std::size_t i = 0; i < scene.objects.size() && i < boneOfObject.size(); ++i)
        scene.objects[i].transform = solved.of(data.skeleton.bones[boneOfObject[i]].parentFrame);
}

SceneLoadResult loadMeshScene(const std::vector<std::filesystem::path>& files) {
    SceneLoadResult result;
    for (const auto& file : files) {
        try {
            MeshData mesh = loadMesh(file);
            SceneObject object;
            object.id = file.filename().string();
            object.name = file.filename().string();
            object.group = "meshes";
            object.mesh = result.scene.meshes.add(std::move(mesh));
            result.scene.objects.push_back(std::move(object));
        } catch (const FileError& e) {
            result.errors.push_back(e.what());
        }
    }
    return result;
}

std::filesystem::path findModelDir() {
#ifdef LUMBARLAB_BUILD_MODEL_DIR
    const char* builtIn = LUMBARLAB_BUILD_MODEL_DIR;
#else
    const char* builtIn = nullptr;
#endif
    return findFolder("LUMBARLAB_MODEL_DIR", {"models", "../../models", "../share/lumbarlab/models"}, builtIn, kManifestName);
}

std::filesystem::path findAssetDir() {
#ifdef LUMBARLAB_SOURCE_ASSET_DIR
    const char* builtIn = LUMBARLAB_SOURCE_ASSET_DIR;
#else
    const char* builtIn = nullptr;
#endif
    return findFolder("LUMBARLAB_ASSET_DIR", {"assets", "../share/lumbarlab/assets"}, builtIn, "anatomy/coordinates.json");
}

SceneLoadResult loadBuiltInScene(const std::filesystem::path& modelDir, const std::filesystem::path& assetDir,
                                 Detail detail) {
    SceneLoadResult result;
    if (modelDir.empty()) {
        result.errors.push_back(std::string("built-in model not found (no ") + kManifestName +
                                "; build the 'lumbarlab_models' target or set LUMBARLAB_MODEL_DIR)");
        return result;
    }
    if (assetDir.empty()) {
        result.errors.push_back("data folder not found (no assets/anatomy/coordinates.json; set LUMBARLAB_ASSET_DIR)");
        return result;
    }
    auto model = std::make_unique<BuiltInModel>();
    try {
        model->data = loadModelData(modelDir, assetDir);
    } catch (const FileError& e) {
        result.errors.push_back(e.what());
        return result;
    }
    if (const Posture* standing = model->data.findPosture("neutral_standing")) model->values = standing->at(0.0);
    Scene& scene = result.scene;
    for (std::size_t b = 0; b < model->data.skeleton.bones.size(); ++b) {
        const BoneDefinition& bone = model->data.skeleton.bones[b];
        try {
            MeshData mesh = loadMesh(detail == Detail::Low ? bone.meshLow : bone.meshHigh);
            SceneObject object;
            object.id = bone.id;
            object.name = bone.displayName;
            object.group = bone.group;
            object.colour = colourOf(bone);
            object.mesh = scene.meshes.add(std::move(mesh));
            scene.objects.push_back(std::move(object));
            model->boneOfObject.push_back(b);
        } catch (const FileError& e) {
            result.errors.push_back(e.what());
        }
    }
    model->applyPose(scene);
    result.model = std::move(model);
    return result;
}

}  // namespace lumbarlab
