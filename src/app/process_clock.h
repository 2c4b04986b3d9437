#pragma once
// Time since the process started, for "first frame after N ms" reports.

#include <chrono>

namespace lumbarlab {

/// Milliseconds since static initialisation of the program (close enough to process start).
double millisecondsSinceStart();

}  // namespace lumbarlab
