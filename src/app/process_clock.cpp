#include "process_clock.h"

namespace lumbarlab {
namespace {
const auto kStart = std::chrono::steady_clock::now();
}  // namespace

double millisecondsSinceStart() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kStart).count();
}

}  // namespace lumbarlab
