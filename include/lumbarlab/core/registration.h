#pragma once
// Registering one bone surface onto another by a similarity transform (rotation, uniform scale,
// translation): the closed-form least-squares fit of point pairs (Umeyama 1991) and an iterative
// closest point search on surfaces that starts from the principal axes and tries their sign flips.
// Pure maths on MeshData: no GL, no files.

#include "lumbarlab/core/mesh.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace lumbarlab {

/// x -> scale * rotation * x + translation.
struct Similarity {
    glm::dmat3 rotation{1.0};
    double scale = 1.0;
    glm::dvec3 translation{0.0};

    [[nodiscard]] glm::dvec3 apply(const glm::dvec3& p) const { return scale * (rotation * p) + translation; }
    [[nodiscard]] glm::mat4 matrix() const;
    /// this after `first`: x -> this(first(x)).
    [[nodiscard]] Similarity after(const Similarity& first) const;
};

/// Too few or degenerate point pairs for a fit.
class RegistrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The similarity that maps `from[i]` onto `to[i]` with the least squared error (Umeyama). Needs at
/// least three pairs not on one line; throws RegistrationError otherwise.
[[nodiscard]] Similarity fitSimilarity(const std::vector<glm::dvec3>& from, const std::vector<glm::dvec3>& to);

/// Root mean square of |s(from[i]) - to[i]|.
[[nodiscard]] double rmsError(const Similarity& s, const std::vector<glm::dvec3>& from,
                              const std::vector<glm::dvec3>& to);

struct IcpOptions {
    int iterations = 80;           ///< per candidate start, at most
    double relativeChange = 1e-6;  ///< stop when the RMS changes by less than this fraction
    std::size_t maxPoints = 3000;  ///< points used from each surface (evenly strided)
    bool allowScale = true;        ///< false: rigid only
};

struct SurfaceRegistration {
    Similarity transform;        ///< maps the source mesh onto the target
    double rmsMetres = 0.0;      ///< surface residual, see registerSurfaces
    int iterations = 0;          ///< ICP iterations of the winning start
    int startsTried = 0;         ///< initial alignments tried
    std::size_t pointsUsed = 0;  ///< source + target points in the final iteration
};

/// Registers `source` onto `target` by ICP with a similarity transform. Starts: the centroids
/// matched with the axes as they are, and the principal axes of the source laid on those of the
/// target with each of the four proper sign choices; each start runs a few iterations, the best
/// continues to convergence. Pairs come from both directions (source to target and target to
/// source), so the scale cannot shrink the source into a part of the target.
/// The residual is the RMS, over every vertex of both meshes, of the distance to the other
/// (registered) surface. Throws RegistrationError for an empty or flat mesh.
[[nodiscard]] SurfaceRegistration registerSurfaces(const MeshData& source, const MeshData& target,
                                                   const IcpOptions& options = {});

/// RMS over the vertices of both meshes of the distance to the other surface (after `s` on source).
[[nodiscard]] double surfaceResidual(const MeshData& source, const MeshData& target, const Similarity& s);

}  // namespace lumbarlab
