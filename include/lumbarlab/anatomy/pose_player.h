#pragma once
// Plays postures and motions over time: the state behind the viewer's timeline. Switching
// postures blends from where the body is to the new posture; manual slider values override.

#include "lumbarlab/anatomy/posture.h"

#include <optional>

namespace lumbarlab {

class PosePlayer {
public:
    static constexpr double kDefaultBlendSeconds = 0.8;

    /// Switches to `posture`, blending from the current values over `blendSeconds` (0 jumps).
    /// Time restarts at 0; motions start playing, static postures simply hold.
    void setPosture(const Posture& posture, double blendSeconds = kDefaultBlendSeconds);
    [[nodiscard]] const Posture* posture() const { return posture_ ? &*posture_ : nullptr; }

    /// Advances the clock by dt seconds of wall time (times speed while playing).
    void update(double dt);

    void play() { playing_ = true; }
    void pause() { playing_ = false; }
    void togglePlay() { playing_ = !playing_; }
    [[nodiscard]] bool playing() const { return playing_; }
    /// Jumps to a time in the posture (clamped to its length); ends any blend.
    void seek(double seconds);
    void setSpeed(double speed);  ///< clamped to 0.25-2
    [[nodiscard]] double speed() const { return speed_; }
    void setLoop(bool loop) { loop_ = loop; }
    [[nodiscard]] bool loop() const { return loop_; }

    /// Seconds since the posture started (keeps counting through loops: the hold timer).
    [[nodiscard]] double elapsed() const { return elapsed_; }
    /// Position within the motion, 0..duration.
    [[nodiscard]] double time() const;
    /// Completed cycles of a looping motion.
    [[nodiscard]] int repetitions() const;

    /// A manual value that wins over the posture until cleared.
    void setOverride(const std::string& coordinate, double value) {
        overrides_[coordinate] = value;
        ++revision_;
    }
    void clearOverrides() {
        overrides_.clear();
        ++revision_;
    }
    [[nodiscard]] const Coordinates& overrides() const { return overrides_; }

    /// The values to show now: blended posture values with overrides applied.
    [[nodiscard]] Coordinates values() const;
    /// Changes every time values() may have changed (for redraw decisions).
    [[nodiscard]] std::uint64_t revision() const { return revision_; }

private:
    [[nodiscard]] Coordinates postureValues() const;

    std::optional<Posture> posture_;
    Coordinates blendFrom_;
    double blendDuration_ = 0.0, blendElapsed_ = 0.0;
    double elapsed_ = 0.0;  ///< motion clock (speed applied)
    double speed_ = 1.0;
    bool playing_ = true;
    bool loop_ = true;
    Coordinates overrides_;
    std::uint64_t revision_ = 0;
};

}  // namespace lumbarlab
