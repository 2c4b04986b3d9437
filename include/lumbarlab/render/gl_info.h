#pragma once
// RAW OPENGL (src/render only). What the current context is, and whether it is new enough.

#include <string>

namespace lumbarlab {

struct GlInfo {
    std::string version;   ///< GL_VERSION
    std::string renderer;  ///< GL_RENDERER
    int major = 0, minor = 0;
    bool software = false;  ///< llvmpipe, softpipe, swrast: prefer light meshes
};

/// Queries the current context.
[[nodiscard]] GlInfo currentGlInfo();

/// Throws std::runtime_error "OpenGL 3.3 required, this driver offers X (renderer)" when too old.
void requireGl33();

}  // namespace lumbarlab
