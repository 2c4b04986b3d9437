#pragma once
// What the one-shot commands share.

#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/biomech/tightness.h"

#include <memory>
#include <optional>

namespace lumbarlab {

/// The built-in model's data from the folders findModelDir/findAssetDir name, or nullopt after one
/// line on stderr ("lumbarlab <command>: <problem>").
[[nodiscard]] std::optional<ModelData> loadModelDataOrReport(const char* command);

/// --tight for a command: at 0 % nothing is loaded and `state` holds the values unchanged.
struct TightPose {
    std::unique_ptr<MuscleModel> muscles;
    std::unique_ptr<HipFlexorTightness> model;
    TightnessState state;
    [[nodiscard]] bool active() const { return model != nullptr; }
};

/// The tight-hip-flexor state of `values` (before grounding) for `posture` (null: a plain pose).
/// Standing postures are re-solved. Throws FileError when the muscle or passive data are bad.
[[nodiscard]] TightPose tightPose(const ModelData& data, const Coordinates& values, const Posture* posture,
                                  double percent);

}  // namespace lumbarlab
