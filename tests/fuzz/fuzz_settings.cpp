// Fuzzes the viewer's settings file (loadSettings): a corrupt file must give defaults and one line.
#include "fuzz_support.h"
#include "lumbarlab/view/settings.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("settings.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const LoadedSettings loaded = loadSettings(f);
        if (!std::isfinite(loaded.settings.uiScale)) std::abort();
        if (loaded.problem && loaded.problem->find('\n') != std::string::npos) std::abort();
    });
}
