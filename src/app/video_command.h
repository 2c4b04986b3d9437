#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab video`: renders a motion headlessly into ffmpeg (MP4 or GIF) or a PNG sequence.
int runVideoCommand(const VideoOptions& options);
}  // namespace lumbarlab
