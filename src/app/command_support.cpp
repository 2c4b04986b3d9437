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

TightPose tightPose(const ModelData& data, const Coordinates& values, const Posture* posture, double percent) {
    TightPose t;
    t.state.values = values;
    if (!(percent > 0.0)) return t;
    t.muscles = std::make_unique<MuscleModel>(data, loadMuscleSetFor(data, findAssetDir()));
    t.model = std::make_unique<HipFlexorTightness>(loadHipFlexorTightness(*t.muscles, findAssetDir()));
    t.state = t.model->evaluate(values, percent, posture && isStandingPosture(*posture));
    return t;
}

}  // namespace lumbarlab
