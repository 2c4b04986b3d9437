// Fuzzes assets/anatomy/plain_names.json (PlainNameTable::load) and its look-ups.
#include "fuzz_support.h"
#include "lumbarlab/view/plain_names.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("plain_names.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const PlainNameTable names = PlainNameTable::load(f);
        if (names.size() == 0) std::abort();  // the loader refuses an empty table
        for (const char* id : {"muscle_psoas_r", "l4", "disc_l4_l5_nucleus", "hip_bone_l", "_r", ""})
            if (const auto name = names.of(id); name && name->empty()) std::abort();
        for (std::size_t level = 0; level < 8; ++level) (void)names.ofDisc(level);
    });
}
