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

}  // namespace

SceneLoadResult loadMeshScene(const std::vector<std::filesystem::path>& files) {
    SceneLoadResult result;
    for (const auto& file : files) {
        try {
            MeshData mesh = loadMesh(file);
            SceneObject object;
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
    std::error_code ec;
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("LUMBARLAB_MODEL_DIR"); env && *env) candidates.emplace_back(env);
    if (const auto exeDir = executableDir(); !exeDir.empty()) {
        candidates.push_back(exeDir / "models");                        // packaged beside the binary
        candidates.push_back(exeDir / ".." / ".." / "models");          // build tree: build/src/app/lumbarlab
        candidates.push_back(exeDir / ".." / "share" / "lumbarlab" / "models");  // installed
    }
#ifdef LUMBARLAB_BUILD_MODEL_DIR
    candidates.emplace_back(LUMBARLAB_BUILD_MODEL_DIR);
#endif
    for (const auto& dir : candidates)
        if (std::filesystem::is_regular_file(dir / kManifestName, ec)) return std::filesystem::weakly_canonical(dir, ec);
    return {};
}

SceneLoadResult loadBuiltInScene(const std::filesystem::path& modelDir, Detail /*detail*/) {
    SceneLoadResult result;
    if (modelDir.empty()) {
        result.errors.push_back(std::string("built-in model not found (no ") + kManifestName +
                                "; build the 'lumbarlab_models' target or set LUMBARLAB_MODEL_DIR)");
        return result;
    }
    result.errors.push_back((modelDir / kManifestName).string() + ": built-in model loading not implemented yet");
    return result;
}

}  // namespace lumbarlab
