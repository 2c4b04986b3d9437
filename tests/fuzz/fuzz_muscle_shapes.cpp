// Fuzzes assets/muscles/shapes.json (loadMuscleShapes) against the shipped muscle set.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/anatomy/muscle_shapes.h"
#include "lumbarlab/biomech/muscle_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const MuscleSet muscles = loadMuscleSetFor(model, LUMBARLAB_FUZZ_ASSET_DIR);
    static const auto file = fuzz::scratchFile("shapes.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        for (const MuscleShape& s : loadMuscleShapes(f, muscles)) {
            fuzz::requireFinite(s.bellyVolumeM3 + s.tendonRadiusM + s.tendonOriginFraction + s.tendonInsertionFraction);
            if (s.bellyVolumeM3 <= 0.0 || s.tendonRadiusM <= 0.0) std::abort();
        }
    });
}
