#include "window.h"

#include "lumbarlab/view/keymap.h"

#include <epoxy/gl.h>  // before GLFW, so GLFW does not pull in a GL header of its own

#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdlib>

namespace lumbarlab {
namespace {

// The keymap's codes are GLFW's, passed straight through.
static_assert(keys::kSpace == GLFW_KEY_SPACE && keys::kDigit1 == GLFW_KEY_1 && keys::kDigit6 == GLFW_KEY_6);
static_assert(keys::kC == GLFW_KEY_C && keys::kX == GLFW_KEY_X && keys::kQ == GLFW_KEY_Q);
static_assert(keys::kEscape == GLFW_KEY_ESCAPE && keys::kF1 == GLFW_KEY_F1 && keys::kF12 == GLFW_KEY_F12 &&
              keys::kF11 == GLFW_KEY_F11 && keys::kRight == GLFW_KEY_RIGHT && keys::kLeft == GLFW_KEY_LEFT &&
              keys::kPageUp == GLFW_KEY_PAGE_UP && keys::kPageDown == GLFW_KEY_PAGE_DOWN &&
              keys::kHome == GLFW_KEY_HOME);
static_assert(keys::kModShift == GLFW_MOD_SHIFT && keys::kModControl == GLFW_MOD_CONTROL);

std::string gGlfwError;  // last message from GLFW's error callback, for one-line reports

constexpr double kClickSlopPixels = 4.0;  // a press that moved less than this is a click

InputQueue& queueOf(GLFWwindow* w) {
    return *static_cast<InputQueue*>(glfwGetWindowUserPointer(w));
}

}  // namespace

Window::Window(int width, int height, const char* title, bool vsync) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland))
        throw WindowError(
            "no display (DISPLAY is not set); use 'lumbarlab render --out FILE.png' to render without one");
    glfwSetErrorCallback([](int, const char* message) { gGlfwError = message ? message : ""; });
    if (!glfwInit())
        throw WindowError("cannot open the display (" + gGlfwError +
                          "); use 'lumbarlab render --out FILE.png' instead");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // MSAA happens in the renderer's offscreen target
    handle_ = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!handle_) {
        glfwTerminate();
        throw WindowError("cannot create an OpenGL 3.3 core window (" + gGlfwError + ")");
    }
    glfwMakeContextCurrent(handle_);
    glfwSwapInterval(vsync ? 1 : 0);

    // Installed before ImGui, which chains to them.
    glfwSetWindowUserPointer(handle_, &input_);
    glfwSetScrollCallback(handle_, [](GLFWwindow* w, double, double dy) { queueOf(w).scrollY += dy; });
    glfwSetMouseButtonCallback(handle_, [](GLFWwindow* w, int button, int action, int) {
        if (button != GLFW_MOUSE_BUTTON_LEFT) return;
        InputQueue& queue = queueOf(w);
        double x = 0.0, y = 0.0;
        glfwGetCursorPos(w, &x, &y);
        if (action == GLFW_PRESS) {
            queue.pressX = x;
            queue.pressY = y;
        } else if (action == GLFW_RELEASE &&
                   std::abs(x - queue.pressX) + std::abs(y - queue.pressY) <= kClickSlopPixels) {
            queue.click = std::pair{x, y};
        }
    });
    glfwSetKeyCallback(handle_, [](GLFWwindow* w, int key, int, int action, int mods) {
        if (action == GLFW_PRESS) queueOf(w).keys.emplace_back(key, mods);
    });
}

Window::~Window() {
    glfwDestroyWindow(handle_);
    glfwTerminate();
}

WindowSizes Window::sizes() const {
    WindowSizes s;
    glfwGetFramebufferSize(handle_, &s.fbWidth, &s.fbHeight);
    glfwGetWindowSize(handle_, &s.winWidth, &s.winHeight);
    return s;
}

PointerState Window::pointer() const {
    PointerState p;
    glfwGetCursorPos(handle_, &p.x, &p.y);
    p.left = glfwGetMouseButton(handle_, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    p.right = glfwGetMouseButton(handle_, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
    p.shift = glfwGetKey(handle_, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS ||
              glfwGetKey(handle_, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
    return p;
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(handle_, &x, &y);
    return x;
}

double Window::now() {
    return glfwGetTime();
}

bool Window::shouldClose() const {
    return glfwWindowShouldClose(handle_) != 0;
}

void Window::requestClose() {
    glfwSetWindowShouldClose(handle_, GLFW_TRUE);
}

void Window::processEvents(bool idle, double timeout) {
    if (idle)
        glfwWaitEventsTimeout(timeout);
    else
        glfwPollEvents();
}

void Window::waitForEvent() {
    glfwWaitEvents();
}

void Window::swapBuffers() {
    glfwSwapBuffers(handle_);
}

bool Window::fullscreen() const {
    return glfwGetWindowMonitor(handle_) != nullptr;
}

void Window::setFullscreen(bool on) {
    if (on == fullscreen()) return;
    if (on) {
        glfwGetWindowPos(handle_, &windowedX_, &windowedY_);
        glfwGetWindowSize(handle_, &windowedW_, &windowedH_);
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;  // no monitor to fill: stay windowed
        glfwSetWindowMonitor(handle_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(handle_, nullptr, windowedX_, windowedY_, windowedW_, windowedH_, GLFW_DONT_CARE);
    }
}

std::pair<int, int> Window::position() const {
    int x = 0, y = 0;
    glfwGetWindowPos(handle_, &x, &y);
    return {x, y};
}

void Window::place(int x, int y, int width, int height) {
    glfwSetWindowSize(handle_, width, height);
    glfwSetWindowPos(handle_, x, y);
}

}  // namespace lumbarlab
