#pragma once
// Coarse start-up phase timings, printed to stderr when LUMBARLAB_TIMINGS is set (to anything but
// "0"): one line per phase with its duration and the time since the program's static initialisation,
// so the gaps between lines show what the untimed code in between costs.

#include <chrono>
#include <string>

namespace lumbarlab {

/// True when LUMBARLAB_TIMINGS asks for timings (read once).
[[nodiscard]] bool startupTimingsEnabled();

/// Prints "lumbarlab timings: <phase> <ms> ms (at <ms> ms)" if timings are enabled.
void reportStartupPhase(const std::string& phase, double milliseconds);

/// Times a scope and reports it on destruction (or at stop()).
class PhaseTimer {
public:
    explicit PhaseTimer(std::string phase) : phase_(std::move(phase)), start_(std::chrono::steady_clock::now()) {}
    ~PhaseTimer() { stop(); }
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;
    /// Milliseconds so far.
    [[nodiscard]] double elapsed() const {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    }
    void stop() {
        if (phase_.empty()) return;
        reportStartupPhase(phase_, elapsed());
        phase_.clear();
    }

private:
    std::string phase_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace lumbarlab
