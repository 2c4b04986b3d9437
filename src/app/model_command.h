#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab model`: prints facts about the built-in model. Returns an exit code.
int runModelCommand(const ModelOptions& options);
}  // namespace lumbarlab
