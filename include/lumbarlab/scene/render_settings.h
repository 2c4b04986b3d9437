#pragma once
// How a frame is shaded and what it cost: plain data shared by the renderer, which reads it, and the
// interface, which edits and shows it, without pulling GL headers into the interface.

#include <glm/vec3.hpp>

#include <cstddef>

namespace lumbarlab {

/// How a frame is shaded; plain data the UI can edit.
struct RenderSettings {
    bool flatShading = false;  ///< unlit, for measuring what the material costs
    bool sagittalCut = false;  ///< cut away the subject's right half (z > 0) to see inside discs and canal
    float exposure = 1.0f;
    glm::vec3 backgroundTop{0.205f, 0.245f, 0.300f};     ///< sRGB, calm slate blue
    glm::vec3 backgroundBottom{0.070f, 0.082f, 0.100f};  ///< sRGB, near black
};

/// What one frame drew.
struct FrameStats {
    std::size_t drawCalls = 0;
    std::size_t triangles = 0;
};

}  // namespace lumbarlab
