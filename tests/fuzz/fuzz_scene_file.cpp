// Fuzzes a mesh scene file (--scene FILE.json: loadSceneFile).
#include "fuzz_support.h"
#include "lumbarlab/io/mesh_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("scene.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) { (void)loadSceneFile(f); });
}
