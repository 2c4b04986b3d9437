#pragma once
// The two-joint map: how a muscle's length changes over hip flexion x knee flexion, from standing
// with the other joints held, so a student sees why the couch stretch needs both hip extension and
// a deeply bent knee (rectus femoris) and why the hamstrings need the reverse.

#include "lumbarlab/biomech/muscle_model.h"

#include <string>
#include <vector>

namespace lumbarlab {

struct JointMap {
    std::string muscle, side;
    std::vector<double> hipDeg, kneeDeg;         ///< the grid's axes
    std::vector<std::vector<double>> changePct;  ///< [hip][knee], % against the reference posture
};

/// Hip -30..120 deg by knee 0..150 deg in `stepDeg` steps on `side`, from neutral standing. Throws
/// std::invalid_argument for an unknown muscle or a step outside 1-30 deg.
[[nodiscard]] JointMap hipKneeMap(const MuscleModel& muscles, const std::string& muscleId, BodySide side,
                                  double stepDeg = 10.0);

[[nodiscard]] std::string jointMapCsv(const JointMap& map);
[[nodiscard]] std::string jointMapJson(const JointMap& map);

}  // namespace lumbarlab
