#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab view`: the interactive window. Returns an exit code.
int runViewCommand(const ViewOptions& options);
}  // namespace lumbarlab
