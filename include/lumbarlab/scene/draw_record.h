#pragma once
// The plain records between the model and the renderer: what to draw, where, in what colour,
// under which pick id. The renderer draws exactly these and nothing else.

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace lumbarlab {

/// Index into a MeshLibrary.
using MeshId = std::uint32_t;
/// Pick ids are non-zero; 0 means "nothing here" in the ID buffer.
using PickId = std::uint32_t;
inline constexpr PickId kNoPick = 0;

/// Bit flags that change how one record is drawn.
enum DrawFlags : std::uint32_t {
    kDrawNone = 0,
    kDrawHovered = 1u << 0,       ///< brightened rim to show what the pointer is over
    kDrawSelected = 1u << 1,      ///< strong highlight
    kDrawTranslucent = 1u << 2,   ///< drawn after opaque records, alpha from colour.a
    kDrawFlat = 1u << 3,          ///< unlit, no specular (props like the floor)
    kDrawNoPick = 1u << 4,        ///< never written to the ID buffer
    kDrawVertexColour = 1u << 5,  ///< colour from the mesh's per-vertex colours (alpha from colour.a)
    kDrawTwoSided = 1u << 6,      ///< no back-face culling: open or inward-facing surfaces (imported meshes)
    kDrawOutermost = 1u << 7,     ///< translucent shell around everything else (the skin): drawn after them
};

/// One mesh instance to draw.
struct DrawRecord {
    MeshId mesh = 0;
    glm::mat4 transform{1.0f};  ///< model-to-world, metres
    glm::vec4 colour{1.0f};     ///< linear RGB + alpha
    PickId pickId = kNoPick;
    std::uint32_t flags = kDrawNone;
};

using DrawList = std::vector<DrawRecord>;

}  // namespace lumbarlab
