#pragma once
// The line of a muscle fascicle through a posed skeleton: its active points in world space, bent
// over wrapping surfaces along the shortest way round, and its musculotendon length.

#include "lumbarlab/anatomy/coordinates.h"
#include "lumbarlab/anatomy/muscle_definition.h"

#include <glm/glm.hpp>

#include <vector>

namespace lumbarlab {

/// One vertex of a path's polyline, with the frame it rides on (for velocities and moment arms).
struct PathVertex {
    glm::vec3 world{0.0f};
    const std::string* frame = nullptr;  ///< the frame whose motion carries this vertex
    glm::vec3 local{0.0f};               ///< its position in that frame
    bool attachment = false;             ///< an origin, via or insertion point (not a wrap sample)
};

/// A path solved for one pose.
struct PathGeometry {
    std::vector<PathVertex> vertices;  ///< origin ... insertion, wrap arcs sampled
    float length = 0.0f;               ///< metres, the sum of the polyline's segments
    int wrapsActive = 0;               ///< how many segments bent over a surface
};

/// Solves one path; `values` decides which conditional via points are active. Reuses `out`'s storage.
void solveMusclePath(const MusclePathDefinition& path, const SkeletonFrames& frames, const Coordinates& values,
                     PathGeometry& out);

/// The shortest way from `from` to `to` around one surface (all in the surface's frame, metres).
/// Returns false, leaving `arc` empty, when the straight segment does not enter the surface.
/// Otherwise `arc` holds the tangent points and samples between them, in order.
[[nodiscard]] bool wrapSegment(const WrapSurface& surface, const glm::vec3& from, const glm::vec3& to,
                               std::vector<glm::vec3>& arc);

}  // namespace lumbarlab
