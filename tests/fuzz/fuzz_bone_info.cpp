// Fuzzes assets/anatomy/bone_info.json (BoneInfoCatalogue::load) and its pattern lookup.
#include "fuzz_support.h"
#include "lumbarlab/anatomy/bone_info.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("bone_info.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const BoneInfoCatalogue catalogue = BoneInfoCatalogue::load(f);
        for (const char* id : {"femur_r", "l4", "disc_l4_l5", "hip_bone_l", ""}) (void)catalogue.find(id);
    });
}
