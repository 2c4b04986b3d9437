#pragma once
// Muscles drawn as volumes along their paths: a belly that tapers into tendon at both ends, with an
// elliptical cross-section (round spindles, flat fans, straps and sheets), fibre striations along the
// path, and a footprint where each end meets the bone. The belly keeps its volume as the path
// changes length (tendons are taken as inextensible), so a shortened muscle is thicker.

#include "lumbarlab/core/mesh.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace lumbarlab {

enum class MuscleShapeKind { Spindle, Fan, Strap, Sheet, Column };

/// How one path is drawn; sizes in metres and cubic metres.
struct MuscleVolumeProfile {
    MuscleShapeKind kind = MuscleShapeKind::Spindle;
    float bellyVolume = 0.0f;           ///< volume of this path's share of the belly (m^3)
    float referenceLength = 0.0f;       ///< path length at which the tendon fractions hold (m)
    float tendonOriginFraction = 0.1f;  ///< of the reference length, at the origin end
    float tendonInsertionFraction = 0.1f;
    float tendonRadius = 0.002f;  ///< m
};

struct MuscleVolumeColours {
    glm::vec3 belly{0.62f, 0.16f, 0.14f};
    glm::vec3 tendon{0.88f, 0.85f, 0.76f};
    glm::vec3 footprint{0.80f, 0.74f, 0.62f};
};

/// Width over thickness of the cross-section at fraction `u` (0 origin, 1 insertion) of the belly.
[[nodiscard]] float crossSectionAspect(MuscleShapeKind kind, float u);

/// Vertex and index counts of one piece of a mesh.
struct MeshPieceSize {
    std::size_t vertices = 0;
    std::size_t indices = 0;
};

/// Where a piece is written in a mesh whose arrays already have room for it. With `writeIndices`
/// false the indices already there are kept: they are the same for every pose (see muscleVolumeRings).
struct MeshPieceSlot {
    std::uint32_t firstVertex = 0;
    std::size_t firstIndex = 0;
    bool writeIndices = true;
};

/// Cross-sections along the volume of a path whose reference length is `referenceLength` (m). It
/// depends on the path, not on the pose, so a muscle's mesh keeps its topology as it moves and only
/// its vertices are rewritten.
[[nodiscard]] int muscleVolumeRings(float referenceLength);
[[nodiscard]] MeshPieceSize muscleVolumeSize(int rings);
[[nodiscard]] MeshPieceSize attachmentFootprintSize();

/// Writes the closed volume of appendMuscleVolume with `rings` cross-sections into `slot`. A path
/// without two distinct points collapses the piece onto its first point (it draws nothing).
void writeMuscleVolume(MeshData& mesh, const MeshPieceSlot& slot, int rings, const std::vector<glm::vec3>& path,
                       const glm::vec3& coreA, const glm::vec3& coreB, const MuscleVolumeProfile& profile,
                       const MuscleVolumeColours& colours);
/// Writes appendAttachmentFootprint's disc into `slot`.
void writeAttachmentFootprint(MeshData& mesh, const MeshPieceSlot& slot, const glm::vec3& centre,
                              const glm::vec3& direction, float radius, const glm::vec3& colour);

/// Appends a closed volume along `path` (at least two distinct points). `outward` gives, at each
/// point, the direction the thin axis of a flat muscle faces (away from the body's core); it is
/// projected off the path tangent. The path is smoothed (centripetal Catmull-Rom, resampled by arc
/// length) so via points and wrap arcs never show as kinks.
void appendMuscleVolume(MeshData& mesh, const std::vector<glm::vec3>& path, const glm::vec3& coreA,
                        const glm::vec3& coreB, const MuscleVolumeProfile& profile, const MuscleVolumeColours& colours);

/// A flattened disc where a muscle's end meets the bone: its thin axis along `direction` (the
/// path's direction at that end), closed, in one colour.
void appendAttachmentFootprint(MeshData& mesh, const glm::vec3& centre, const glm::vec3& direction, float radius,
                               const glm::vec3& colour);

/// Radius (m) and colour of a round tube at one place along it.
struct TubeSection {
    float radius = 0.001f;
    glm::vec3 colour{1.0f};
};

/// Appends a closed round tube through `path` (at least two distinct points), smoothed as muscle
/// paths are, with `rings` cross-sections (at least 2); `section(u)` gives its radius and colour at
/// fraction `u` of its length (0 at the first point, 1 at the last). Nerves are drawn this way.
void appendTube(MeshData& mesh, const std::vector<glm::vec3>& path, int rings,
                const std::function<TubeSection(float)>& section);

}  // namespace lumbarlab
