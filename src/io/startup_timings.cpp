#include "lumbarlab/io/startup_timings.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lumbarlab {
namespace {
const auto kStart = std::chrono::steady_clock::now();
}  // namespace

bool startupTimingsEnabled() {
    static const bool enabled = [] {
        const char* env = std::getenv("LUMBARLAB_TIMINGS");
        return env && *env && std::strcmp(env, "0") != 0;
    }();
    return enabled;
}

void reportStartupPhase(const std::string& phase, double milliseconds) {
    if (!startupTimingsEnabled()) return;
    const double at = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kStart).count();
    std::fprintf(stderr, "lumbarlab timings: %-28s %8.2f ms (at %7.1f ms)\n", phase.c_str(), milliseconds, at);
}

}  // namespace lumbarlab
