// Fuzzes assets/anatomy/coordinates.json (CoordinateSystem::load) and the joint angles it gives.
#include "fuzz_support.h"
#include "lumbarlab/anatomy/coordinates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const auto file = fuzz::scratchFile("coordinates.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const CoordinateSystem system = CoordinateSystem::load(f);
        Coordinates values;
        for (const CoordinateSpec& s : system.specs()) values[s.name] = s.max;
        if (!system.check(values).empty()) std::abort();  // every limit is itself a valid value
        const SkeletonPose pose = system.toSkeletonPose(values, {});
        for (const SegmentAngles& s : pose.segments) fuzz::requireFinite(s.extension + s.bending + s.rotation);
    });
}
