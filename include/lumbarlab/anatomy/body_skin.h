#pragma once
// The body's skin: one closed, smooth surface around the skeleton (a smooth union of cited
// segment shapes meshed once), skinned to the segment frames so it follows every posture, and
// flattened where it meets a prop (soft tissue pressed onto the floor, seat, cushion or box).

#include "lumbarlab/anatomy/body_figure.h"
#include "lumbarlab/core/mesh.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace lumbarlab {

/// Segments of the skin, each moving with one frame.
enum class SkinSegment : std::uint8_t {
    Pelvis,
    L1,
    L2,
    L3,
    L4,
    L5,
    Thorax,  ///< chest, shoulders, neck and head
    ThighR,
    ThighL,
    LegR,
    LegL,
    FootR,
    FootL,
    UpperArmR,
    UpperArmL,
    ForearmR,
    ForearmL,
    HandR,
    HandL,
    Count
};
inline constexpr std::size_t kSkinSegments = std::size_t(SkinSegment::Count);

class BodySkin {
public:
    /// Meshes the skin around the skeleton in `rest` (cells of `cell` metres) and weights each
    /// vertex to its nearest segments. Throws FileError if a needed landmark is missing.
    BodySkin(const BodyFigure& body, const SkeletonDefinition& skeleton, const SkeletonFrames& rest, float cell);

    [[nodiscard]] const MeshData& restMesh() const { return rest_; }
    /// The world frame of every segment in a posture.
    [[nodiscard]] std::array<glm::mat4, kSkinSegments> segmentFrames(const SkeletonFrames& frames) const;
    /// The skin in a posture: linear blend skinning, then every vertex inside a prop box moved onto
    /// the face it came in through (from its segment's core), normals recomputed. `out` is reused.
    void pose(const SkeletonFrames& frames, const std::vector<BodyShape>& props, MeshData& out) const;

private:
    struct Influence {
        std::array<std::uint8_t, 4> segment{};
        std::array<float, 4> weight{};
        std::uint8_t count = 0;
        glm::vec3 core{0.0f};  ///< a point inside the body behind the vertex, in its main segment's rest frame
    };
    const BodyFigure* body_;
    MeshData rest_;
    std::vector<Influence> influences_;
    std::array<glm::mat4, kSkinSegments> restInverse_{};
};

struct ModelData;

/// Cell sizes (m) of the skin at low and high detail.
inline constexpr float kSkinCellLow = 0.014f, kSkinCellHigh = 0.008f;

/// The skin of the built-in model, meshed in relaxed standing (its first posture if it has none).
[[nodiscard]] BodySkin makeBodySkin(const ModelData& data, float cell);

}  // namespace lumbarlab
