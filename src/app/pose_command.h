#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab pose`: coordinates, clinical angles and landmarks of one posture. Returns an exit code.
int runPoseCommand(const PoseOptions& options);
/// `lumbarlab poses`: the posture and motion list. Returns an exit code.
int runPosesCommand();
/// `lumbarlab discs`: per-level disc loads and pressures. Returns an exit code.
int runDiscsCommand(const DiscsOptions& options);
/// `lumbarlab muscles`: per-fascicle and per-muscle lengths, change, speed and moment arms.
int runMusclesCommand(const MusclesOptions& options);
}  // namespace lumbarlab
