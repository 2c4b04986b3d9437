// Fuzzes assets/biomech/disc_model.json (loadDiscModelParameters), then evaluates the discs of the
// built-in body standing and in a forward bend with a load: accepted parameters give finite results.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/biomech/disc_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const auto file = fuzz::scratchFile("disc_model.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const DiscModel discs(loadDiscModelParameters(f), *model.body, model.baseline.lordosis);
        for (double flexion : {-30.0, 0.0, 60.0}) {
            const SkeletonPose pose = model.poseFor({{"lumbar_flexion", flexion}, {"pelvis_ty", 0.97}});
            for (const DiscState& d : discs.evaluate(model.kinematics->solve(pose), pose, {20.0, true}))
                for (double v : {d.compressionN, d.shearN, d.pressureMpa, d.anteriorMpa, d.posteriorMpa,
                                 d.nucleusShiftMm, d.bulgeMm, d.rootProximity})
                    fuzz::requireFinite(v);
        }
    });
}
