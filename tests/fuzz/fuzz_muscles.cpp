// Fuzzes assets/muscles/muscles.json (loadMuscleSet) against the built-in skeleton.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/anatomy/muscle_definition.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const auto names = [] {
        std::pair<std::vector<std::string>, std::vector<std::string>> out;
        for (const auto& [name, m] : model.kinematics->solve(SkeletonPose{}).world) out.first.push_back(name);
        for (const auto& spec : model.coordinates.specs()) out.second.push_back(spec.name);
        return out;
    }();
    static const auto file = fuzz::scratchFile("muscles.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const MuscleSet set = loadMuscleSet(f, model.skeleton, names.first, names.second);
        for (const MusclePathDefinition& path : set.paths) {
            for (const PathPoint& p : path.points)
                fuzz::requireFinite(double(p.position.x + p.position.y + p.position.z));
            for (const WrapSurface& w : path.wraps)
                fuzz::requireFinite(double(w.radii.x + w.radii.y + w.radii.z + w.axes[2].x + w.axes[2].y));
        }
    });
}
