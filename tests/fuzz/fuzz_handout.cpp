// Fuzzes an exercise handout file (assets/handouts/*.json: loadHandout) against the shipped postures.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/anatomy/handout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const auto file = fuzz::scratchFile("handout.json");
    return fuzz::runOnFile(data, size, file,
                           [](const std::filesystem::path& f) { (void)loadHandout(f, model.postures); });
}
