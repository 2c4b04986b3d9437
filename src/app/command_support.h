#pragma once
// What the one-shot commands share.

#include "lumbarlab/anatomy/model_data.h"

#include <optional>

namespace lumbarlab {

/// The built-in model's data from the folders findModelDir/findAssetDir name, or nullopt after one
/// line on stderr ("lumbarlab <command>: <problem>").
[[nodiscard]] std::optional<ModelData> loadModelDataOrReport(const char* command);

}  // namespace lumbarlab
