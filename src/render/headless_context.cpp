#include "lumbarlab/render/headless_context.h"

#include "lumbarlab/io/startup_timings.h"
#include "lumbarlab/render/gl_info.h"

#include <epoxy/egl.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace lumbarlab {

struct HeadlessContext::State {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    std::string platform;
    State() = default;
    State(const State&) = delete;  // owns the EGL display and context
    State& operator=(const State&) = delete;
    ~State() {
        if (display == EGL_NO_DISPLAY) return;
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
        eglTerminate(display);
    }
};

namespace {

bool hasExtension(const char* list, const char* name) {
    if (!list) return false;
    const std::size_t n = std::strlen(name);
    for (const char* p = std::strstr(list, name); p; p = std::strstr(p + n, name))
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
    return false;
}

std::string eglErrorName(EGLint error) {
    switch (error) {
        case EGL_NOT_INITIALIZED:
            return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ALLOC:
            return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE:
            return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG:
            return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT:
            return "EGL_BAD_CONTEXT";
        case EGL_BAD_DISPLAY:
            return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH:
            return "EGL_BAD_MATCH";
        case EGL_BAD_PARAMETER:
            return "EGL_BAD_PARAMETER";
        default:
            return "EGL error " + std::to_string(error);
    }
}

/// Initialises a display; returns EGL_NO_DISPLAY (and terminates it) if that fails.
EGLDisplay initialised(EGLDisplay display) {
    if (display == EGL_NO_DISPLAY) return display;
    EGLint major = 0, minor = 0;
    if (eglInitialize(display, &major, &minor) != EGL_TRUE) return EGL_NO_DISPLAY;
    return display;
}

}  // namespace

HeadlessContext::HeadlessContext() : state_(std::make_unique<State>()) {
    PhaseTimer displayTimer("egl display (loads driver)");
    // Core eglGetPlatformDisplay aborts through libepoxy on Mesa's EGL 1.5 ("No provider"), so
    // only the EXT entry point is used, after checking the client extensions.
    const char* clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!clientExtensions || !hasExtension(clientExtensions, "EGL_EXT_platform_base"))
        throw std::runtime_error("headless rendering needs EGL with EGL_EXT_platform_base (install libegl-mesa0)");

    if (hasExtension(clientExtensions, "EGL_MESA_platform_surfaceless")) {
        state_->display =
            initialised(eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr));
        state_->platform = "surfaceless";
    }
    if (state_->display == EGL_NO_DISPLAY && hasExtension(clientExtensions, "EGL_EXT_platform_device")) {
        EGLDeviceEXT devices[8];
        EGLint count = 0;
        if (eglQueryDevicesEXT(8, devices, &count) == EGL_TRUE)
            for (EGLint i = 0; i < count && state_->display == EGL_NO_DISPLAY; ++i)
                state_->display = initialised(eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr));
        state_->platform = "device";
    }
    if (state_->display == EGL_NO_DISPLAY)
        throw std::runtime_error("no EGL display for headless rendering (neither Mesa surfaceless nor an EGL device)");

    displayTimer.stop();
    const PhaseTimer contextTimer("egl context + current");

    if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE)
        throw std::runtime_error("EGL cannot bind desktop OpenGL: " + eglErrorName(eglGetError()));

    // We render into our own framebuffer objects, so any config will do; surfaceless displays
    // offer no window configs, hence the explicit surface type.
    const EGLint configAttributes[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                       EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configCount = 0;
    if (eglChooseConfig(state_->display, configAttributes, &config, 1, &configCount) != EGL_TRUE || configCount < 1) {
        const char* displayExtensions = eglQueryString(state_->display, EGL_EXTENSIONS);
        if (!hasExtension(displayExtensions, "EGL_KHR_no_config_context"))
            throw std::runtime_error("EGL offers no config for desktop OpenGL on the " + state_->platform +
                                     " platform");
        config = EGL_NO_CONFIG_KHR;
    }

    const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION_KHR,
                                        3,
                                        EGL_CONTEXT_MINOR_VERSION_KHR,
                                        3,
                                        EGL_CONTEXT_OPENGL_PROFILE_MASK_KHR,
                                        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT_KHR,
                                        EGL_CONTEXT_FLAGS_KHR,
                                        EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE_BIT_KHR,
                                        EGL_NONE};
    state_->context = eglCreateContext(state_->display, config, EGL_NO_CONTEXT, contextAttributes);
    if (state_->context == EGL_NO_CONTEXT)
        throw std::runtime_error("cannot create an OpenGL 3.3 core context through EGL: " +
                                 eglErrorName(eglGetError()));
    if (eglMakeCurrent(state_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, state_->context) != EGL_TRUE)
        throw std::runtime_error("cannot make the EGL context current without a surface: " +
                                 eglErrorName(eglGetError()));
    requireGl33();
}

HeadlessContext::~HeadlessContext() = default;
HeadlessContext::HeadlessContext(HeadlessContext&&) noexcept = default;
HeadlessContext& HeadlessContext::operator=(HeadlessContext&&) noexcept = default;

const std::string& HeadlessContext::platform() const {
    return state_->platform;
}

}  // namespace lumbarlab
