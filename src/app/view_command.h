#pragma once
#include "app/cli.h"

namespace lumbarlab {
/// `lumbarlab view`: the interactive window. Returns an exit code.
int runViewCommand(const ViewOptions& options);
}  // namespace lumbarlab
