// Fuzzes assets/lessons/posture_keys.json (loadPostureKeys) against the shipped postures.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/view/keymap.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const auto file = fuzz::scratchFile("posture_keys.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const PostureKeys keys = loadPostureKeys(f, model);
        for (std::size_t k = 0; k < 12; ++k)
            if (const std::string* id = keys.postureOf(k); id && !model.findPosture(*id)) std::abort();
    });
}
