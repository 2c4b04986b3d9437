#include "lumbarlab/render/gl_info.h"

#include <epoxy/gl.h>

#include <stdexcept>

namespace lumbarlab {

GlInfo currentGlInfo() {
    GlInfo info;
    auto text = [](GLenum what) {
        const auto* s = reinterpret_cast<const char*>(glGetString(what));
        return std::string(s ? s : "unknown");
    };
    info.version = text(GL_VERSION);
    info.renderer = text(GL_RENDERER);
    const int v = epoxy_gl_version();  // e.g. 45 for 4.5
    info.major = v / 10;
    info.minor = v % 10;
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "Software"})
        if (info.renderer.find(name) != std::string::npos) info.software = true;
    return info;
}

void requireGl33() {
    const GlInfo info = currentGlInfo();
    if (info.major * 10 + info.minor < 33)
        throw std::runtime_error("OpenGL 3.3 core is required; this driver offers " + info.version + " (" +
                                 info.renderer + ")");
}

}  // namespace lumbarlab
