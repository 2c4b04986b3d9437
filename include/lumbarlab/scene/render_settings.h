#pragma once
// How a frame is shaded and what it cost: plain data shared by the renderer, which reads it, and the
// interface, which edits and shows it, without pulling GL headers into the interface.

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstddef>

namespace lumbarlab {

/// Which part of a larger picture one render draws (tiled renders beyond the GL size limits): the
/// tile's rectangle in the full picture's normalised device coordinates, the full picture's aspect
/// and the tile's pixel offset in it (so background gradient and dither continue across tiles).
struct FrameWindow {
    glm::vec4 ndc{-1.0f, -1.0f, 1.0f, 1.0f};  ///< x0, y0, x1, y1 (y up)
    float aspect = 0.0f;                      ///< full picture width / height; 0: the target's
    glm::vec2 pixelOffset{0.0f};              ///< tile origin in the full picture, pixels from bottom left
};

/// How a frame is shaded; plain data the UI can edit.
struct RenderSettings {
    bool flatShading = false;  ///< unlit, for measuring what the material costs
    bool sagittalCut = false;  ///< cut away the subject's right half (z > 0) to see inside discs and canal
    float exposure = 1.0f;
    glm::vec3 backgroundTop{0.205f, 0.245f, 0.300f};     ///< sRGB, calm slate blue
    glm::vec3 backgroundBottom{0.070f, 0.082f, 0.100f};  ///< sRGB, near black
    bool transparent = false;  ///< no background: alpha 0 where nothing is drawn, premultiplied colour
    FrameWindow window;        ///< the whole picture unless tiled
};

/// What one frame drew.
struct FrameStats {
    std::size_t drawCalls = 0;
    std::size_t triangles = 0;
};

}  // namespace lumbarlab
