// Fuzzes a posture or motion file (assets/poses/*.json: loadPosture, loadSpineBaseline) and playback.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/anatomy/posture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const auto file = fuzz::scratchFile("pose.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        try {
            for (float a : loadSpineBaseline(f).lordosis) fuzz::requireFinite(double(a));
        } catch (const FileError&) {
        }
        const Posture p = loadPosture(f, model.coordinates);
        for (double t : {0.0, 0.3, p.duration, p.duration * 1.5 + 0.1, 1e6})
            for (const auto& [name, v] : p.at(t)) {
                fuzz::requireFinite(v);
                if (!model.coordinates.check({{name, v}}).empty()) std::abort();  // eased values stay in limits
            }
    });
}
