#pragma once
// RAW EGL (src/render only). A GL 3.3 core context with no window and no X: EGL on Mesa's
// surfaceless platform, or on an EGL device (NVIDIA's driver) when that is what is there.

#include <memory>
#include <string>

namespace lumbarlab {

/// Owns an EGL display and context, current on the creating thread. Move-only.
class HeadlessContext {
public:
    /// Throws std::runtime_error with a one-line reason (no EGL, no suitable config, GL too old).
    HeadlessContext();
    ~HeadlessContext();
    HeadlessContext(HeadlessContext&& other) noexcept;
    HeadlessContext& operator=(HeadlessContext&& other) noexcept;
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    /// Which EGL platform was used ("surfaceless" or "device").
    [[nodiscard]] const std::string& platform() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace lumbarlab
