// Fuzzes the generated skeleton manifest the program reads at start (skeletonManifestFromJson), and
// checks that what it accepts writes back and reads again unchanged.
#include "fuzz_support.h"
#include "lumbarlab/anatomy/skeleton_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    const std::filesystem::path file = "skeleton_manifest.json";
    try {
        const SkeletonManifest m =
            skeletonManifestFromJson(std::string_view(reinterpret_cast<const char*>(data), size), file);
        if (!(skeletonManifestFromJson(skeletonManifestToJson(m, file), file) == m)) std::abort();
    } catch (const FileError&) {
    }
    return 0;
}
