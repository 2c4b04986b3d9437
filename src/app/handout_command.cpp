#include "handout_command.h"

#include "export_jobs.h"
#include "lumbarlab/anatomy/handout.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/handout_writer.h"
#include "lumbarlab/view/data_folders.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace lumbarlab {
namespace {

int run(const HandoutOptions& options, int& exitCode) {
    exitCode = kExitFailed;
    FigureScene figure(handoutRenderOptions(), exitCode, "handout");
    exitCode = kExitUsage;
    HandoutJob job(figure, options);
    exitCode = kExitFailed;
    while (job.step()) {
    }
    std::printf("wrote %s (%s)\n", job.out().c_str(), job.summary().c_str());
    return kExitOk;
}

}  // namespace

int runHandoutCommand(const HandoutOptions& options) {
    int exitCode = kExitFailed;
    try {
        return run(options, exitCode);
    } catch (const FigureUsageError& e) {
        std::fprintf(stderr, "lumbarlab handout: %s\n", e.what());
        return kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab handout: %s\n", e.what());
        return exitCode == kExitOk || exitCode == kExitUsage ? kExitFailed : exitCode;
    }
}

}  // namespace lumbarlab
