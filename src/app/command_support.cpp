#include "command_support.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/data_folders.h"

#include <cstdio>

namespace lumbarlab {

std::optional<ModelData> loadModelDataOrReport(const char* command) {
    const std::filesystem::path modelDir = findModelDir(), assetDir = findAssetDir();
    if (modelDir.empty()) {
        std::fprintf(
            stderr,
            "lumbarlab %s: built-in model not found (build the 'lumbarlab_models' target or set LUMBARLAB_MODEL_DIR)\n",
            command);
        return std::nullopt;
    }
    if (assetDir.empty()) {
        std::fprintf(stderr, "lumbarlab %s: data folder not found (set LUMBARLAB_ASSET_DIR)\n", command);
        return std::nullopt;
    }
    try {
        return loadModelData(modelDir, assetDir);
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab %s: %s\n", command, e.what());
        return std::nullopt;
    }
}

}  // namespace lumbarlab
