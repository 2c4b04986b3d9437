// Fuzzes assets/anatomy/skeleton.json, the bone generator's cited parameters (SkeletonParams).
#include "fuzz_support.h"
#include "params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("skeleton.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const bonegen::SkeletonParams params = bonegen::SkeletonParams::load(f);
        for (const bonegen::ParamSpec& spec : bonegen::requiredParams()) fuzz::requireFinite(params.value(spec.key));
    });
}
