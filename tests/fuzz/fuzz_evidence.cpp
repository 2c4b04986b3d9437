// Fuzzes assets/biomech/evidence.json (loadEvidenceData).
#include "fuzz_support.h"
#include "lumbarlab/biomech/evidence.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("evidence.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        for (const PublishedPressure& p : loadEvidenceData(f).rows)
            if (!(p.publishedMpa > 0.0) || !std::isfinite(p.publishedMpa)) std::abort();
    });
}
