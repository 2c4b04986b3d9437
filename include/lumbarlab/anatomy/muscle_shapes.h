#pragma once
// How each muscle is drawn (assets/muscles/shapes.json): its shape class, belly volume and tendons.
// Lengths and moment arms never read these values; the PCSA (times a specific tension) is also the
// maximal force behind the passive force of tight muscles (biomech/tightness).

#include "lumbarlab/anatomy/muscle_definition.h"
#include "lumbarlab/core/muscle_volume.h"

#include <filesystem>
#include <vector>

namespace lumbarlab {

struct MuscleShape {
    MuscleShapeKind kind = MuscleShapeKind::Spindle;
    double bellyVolumeM3 = 0.0;  ///< the whole muscle on one side
    double pcsaCm2 = 0.0;        ///< physiological cross-section, one side; 0 where the file gives a volume
    double tendonOriginFraction = 0.0, tendonInsertionFraction = 0.0;
    double tendonRadiusM = 0.0;
};

/// One entry per muscle of `muscles`, in its order. Every muscle needs an entry and no entry may
/// name an unknown muscle; volumes come from "volume_cm3" or "pcsa_cm2" times the muscle's optimal
/// fibre length. Throws FileError naming the file and the entry.
[[nodiscard]] std::vector<MuscleShape> loadMuscleShapes(const std::filesystem::path& file, const MuscleSet& muscles);

}  // namespace lumbarlab
