#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab handout`: renders an exercise's start and end and writes one page (PDF or PNG).
int runHandoutCommand(const HandoutOptions& options);
}  // namespace lumbarlab
