#pragma once
// One headless GL context for the whole test run: creating EGL contexts per test is slow and
// some drivers leak them. It is never destroyed: tearing EGL down at exit unloads the driver,
// after which LeakSanitizer cannot name (or suppress) the driver's own allocations.

#include "lumbarlab/render/headless_context.h"

namespace lumbarlab::testing {

inline HeadlessContext& sharedGlContext() {
    static HeadlessContext* context = new HeadlessContext();
    return *context;
}

}  // namespace lumbarlab::testing
