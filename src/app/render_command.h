#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab render`: draws the scene headlessly and writes a PNG. Returns an exit code.
int runRenderCommand(const RenderOptions& options);
}  // namespace lumbarlab
