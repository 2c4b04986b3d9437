// Fuzzes assets/anatomy/body.json (loadBodyParameters).
#include "fuzz_support.h"
#include "lumbarlab/anatomy/body_figure.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("body.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const BodyParameters p = loadBodyParameters(f);
        fuzz::requireFinite(p.massKg * (p.headNeck + p.thorax + p.abdomen + p.arm + p.foot + p.trunkAtL5));
        fuzz::requireFinite(double(p.thoraxHeight + p.thoraxDepth + p.thoraxWidth + p.footLength));
    });
}
