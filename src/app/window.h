#pragma once
// The one GLFW window with a current OpenGL 3.3 core context, and the input its callbacks gather
// between frames. Nothing else in the program includes GLFW.

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct GLFWwindow;

namespace lumbarlab {

/// No display, no window, or no OpenGL 3.3: the message says which, in one line.
class WindowError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Raw input gathered by GLFW callbacks between frames; the viewer turns it into actions.
struct InputQueue {
    double scrollY = 0.0;
    std::vector<std::pair<int, int>> keys;  ///< (key, mods) pressed since the last frame
    // Left-button events: a press and release can both happen between two frames (a quick tap),
    // so clicks come from events, not from polling the button state.
    double pressX = 0.0, pressY = 0.0;
    std::optional<std::pair<double, double>> click;  ///< release point of a press that did not move
};

/// Where the pointer is and which buttons and modifiers are held, polled once a frame.
struct PointerState {
    double x = 0.0, y = 0.0;  ///< window coordinates
    bool left = false, right = false, shift = false;
};

/// Framebuffer (pixels) and window (screen coordinates) sizes; they differ on high-DPI screens.
struct WindowSizes {
    int fbWidth = 0, fbHeight = 0, winWidth = 1, winHeight = 1;
    [[nodiscard]] float aspect() const { return float(fbWidth) / float(fbHeight > 0 ? fbHeight : 1); }
    [[nodiscard]] double toPixelsX() const { return double(fbWidth) / (winWidth > 0 ? winWidth : 1); }
    [[nodiscard]] double toPixelsY() const { return double(fbHeight) / (winHeight > 0 ? winHeight : 1); }
};

class Window {
public:
    /// Initialises GLFW and opens the window; throws WindowError. `vsync` off for --frames runs.
    Window(int width, int height, const char* title, bool vsync);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* handle() const { return handle_; }
    [[nodiscard]] InputQueue& input() { return input_; }
    [[nodiscard]] WindowSizes sizes() const;
    [[nodiscard]] PointerState pointer() const;
    /// The monitor's content scale (1 on ordinary screens, 2 on high-DPI ones).
    [[nodiscard]] float contentScale() const;
    /// Seconds on GLFW's clock.
    [[nodiscard]] static double now();

    [[nodiscard]] bool shouldClose() const;
    void requestClose();
    /// Processes pending events; when `idle`, waits up to `timeout` seconds for one first.
    void processEvents(bool idle, double timeout);
    /// Sleeps until any event (a minimised window).
    void waitForEvent();
    void swapBuffers();

    /// Full screen on the monitor the window is on (its current video mode), or back to the
    /// window's last size and place.
    void setFullscreen(bool on);
    [[nodiscard]] bool fullscreen() const;
    /// Window position and size in screen coordinates (for saved settings).
    [[nodiscard]] std::pair<int, int> position() const;
    void place(int x, int y, int width, int height);

private:
    GLFWwindow* handle_ = nullptr;
    int windowedX_ = 0, windowedY_ = 0, windowedW_ = 1280, windowedH_ = 720;
    InputQueue input_;
};

}  // namespace lumbarlab
