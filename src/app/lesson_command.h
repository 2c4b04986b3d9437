#pragma once
#include "cli.h"

namespace lumbarlab {
/// `lumbarlab lessons`: lists the lessons and their steps. Returns an exit code.
int runLessonsCommand();
/// `lumbarlab lesson NAME`: checks the lesson, then opens the window on it. Returns an exit code.
int runLessonCommand(const ViewOptions& options);
/// `lumbarlab compare`: prints the A | B diff, or opens the split view (--window).
int runCompareCommand(const CompareOptions& options);
}  // namespace lumbarlab
