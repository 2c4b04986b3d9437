#pragma once
// Turns --pose/--time/--set into coordinate values, with one-line errors that list valid names.

#include "cli.h"
#include "lumbarlab/anatomy/model_data.h"

#include <stdexcept>

namespace lumbarlab {

/// A bad --pose, --time or --set; what() is one line for the user.
class PoseSelectionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The values of the chosen posture at the chosen time, with the overrides applied and checked.
[[nodiscard]] Coordinates resolvePose(const ModelData& data, const PoseSelection& selection);

}  // namespace lumbarlab
