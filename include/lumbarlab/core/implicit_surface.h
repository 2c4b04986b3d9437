#pragma once
// A closed triangle mesh of an implicit surface (the zero level of a signed distance field), by
// surface nets on a regular grid. Pure maths: no GL.

#include "lumbarlab/core/bounds.h"
#include "lumbarlab/core/mesh.h"

#include <functional>

namespace lumbarlab {

/// Negative inside, positive outside, in metres; it may underestimate the distance (a smooth union
/// does) but must not grow faster than the distance does.
using DistanceField = std::function<float(const glm::vec3&)>;

/// The smooth (polynomial) minimum of two distances: the union of two shapes with a fillet of about
/// `k` metres where they meet.
[[nodiscard]] float smoothMin(float a, float b, float k);

/// Distance to a cone with rounded ends: spheres of radius ra at a and rb at b and the tangent cone
/// between them.
[[nodiscard]] float roundConeDistance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra, float rb);

/// Approximate distance to an axis-aligned ellipsoid at the origin with semi-axes r (exact on the axes).
[[nodiscard]] float ellipsoidDistance(const glm::vec3& p, const glm::vec3& r);

/// Surface nets over `box` (padded by two cells) with cubic cells of `cell` metres: one vertex per
/// cell the surface crosses, moved onto the surface, one quad per crossed grid edge, counter-clockwise
/// seen from outside, smooth normals from the field's gradient. The field must be positive on the
/// box's border. Empty if nothing is inside.
[[nodiscard]] MeshData meshDistanceField(const DistanceField& field, const Bounds& box, float cell);

}  // namespace lumbarlab
