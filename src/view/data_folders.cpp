#include "lumbarlab/view/data_folders.h"

#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace lumbarlab {
namespace {

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

}  // namespace

std::filesystem::path findModelDir() {
#ifdef LUMBARLAB_BUILD_MODEL_DIR
    const char* builtIn = LUMBARLAB_BUILD_MODEL_DIR;
#else
    const char* builtIn = nullptr;
#endif
    return findFolder("LUMBARLAB_MODEL_DIR", {"models", "../../models", "../share/lumbarlab/models"}, builtIn,
                      "skeleton_manifest.json");
}

std::filesystem::path findAssetDir() {
#ifdef LUMBARLAB_SOURCE_ASSET_DIR
    const char* builtIn = LUMBARLAB_SOURCE_ASSET_DIR;
#else
    const char* builtIn = nullptr;
#endif
    return findFolder("LUMBARLAB_ASSET_DIR", {"assets", "../share/lumbarlab/assets"}, builtIn,
                      "anatomy/coordinates.json");
}

std::filesystem::path picturesFolder() {
    if (const char* xdg = std::getenv("XDG_PICTURES_DIR"); xdg && *xdg) return xdg;
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / "Pictures" / "LumbarLab";
    return {};
}

std::string pictureFileName(std::string_view pose, bool motion, double time, std::string_view camera,
                            std::string_view extension) {
    std::string name(pose);
    if (motion) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "-%.1fs", time);
        name += seconds;
    }
    if (!camera.empty()) name += "-" + std::string(camera);
    return name + "." + std::string(extension);
}

}  // namespace lumbarlab
