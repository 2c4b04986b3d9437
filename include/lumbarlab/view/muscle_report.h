#pragma once
// The rows `lumbarlab muscles` prints: every fascicle and side, then every whole muscle and side,
// with length, change against the reference posture, lengthening speed and moment arms.

#include "lumbarlab/biomech/muscle_model.h"

#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

struct MuscleReportRow {
    std::string muscle, side, fascicle;  ///< fascicle "all" for a whole-muscle row
    double length = 0.0, reference = 0.0, change = 0.0, speed = 0.0;
    std::vector<std::optional<double>> momentArms;  ///< per momentArmColumns(), empty where it does not cross
    double passiveForceN = 0.0;                     ///< tight muscles only (lumbarlab muscles --tight)
};

/// One pose: a row per fascicle and side, then a row per muscle and side (the mean of its fascicles).
/// `posture` (a motion, or null) and `time` give the lengthening speeds; `overrides` are held through it.
[[nodiscard]] std::vector<MuscleReportRow> muscleReport(const MuscleModel& model, const Coordinates& values,
                                                        const Posture* posture, double time,
                                                        const Coordinates& overrides);

}  // namespace lumbarlab
