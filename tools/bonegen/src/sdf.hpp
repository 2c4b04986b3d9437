#pragma once
// Signed-distance primitives and combinators for procedural bone modelling (millimetres).
// Negative inside, positive outside. Several primitives (ellipsoids, tapered shapes) return a
// bound rather than an exact distance; the volume mesher re-distances the field afterwards.

#include <functional>
#include <vector>

#include <glm/glm.hpp>

namespace bonegen {

/// A signed distance function of a point in millimetres.
using Sdf = std::function<float(const glm::vec3&)>;

/// A rigid frame: origin plus orthonormal axes (columns are the local x, y, z in world coordinates).
struct Frame {
    glm::vec3 origin{0.0f};
    glm::mat3 axes{1.0f};

    /// World point -> local coordinates.
    [[nodiscard]] glm::vec3 toLocal(const glm::vec3& world) const { return glm::transpose(axes) * (world - origin); }
    /// Local point -> world coordinates.
    [[nodiscard]] glm::vec3 toWorld(const glm::vec3& local) const { return origin + axes * local; }
};

/// Frame whose y axis is `up` and whose x axis is as close as possible to `forward`.
Frame frameFromYX(const glm::vec3& origin, const glm::vec3& up, const glm::vec3& forward);

// --- primitives ----------------------------------------------------------------------------
/// Sphere of radius r.
Sdf sphere(glm::vec3 centre, float radius);
/// Axis-aligned (in `frame`) ellipsoid with the given semi-axes.
Sdf ellipsoid(Frame frame, glm::vec3 radii);
/// Ellipsoid with world-aligned axes.
Sdf ellipsoid(glm::vec3 centre, glm::vec3 radii);
/// Segment a-b swept by a sphere of radius r.
Sdf capsule(glm::vec3 a, glm::vec3 b, float radius);
/// Segment swept by a sphere whose radius varies linearly from ra (at a) to rb (at b).
Sdf roundCone(glm::vec3 a, glm::vec3 b, float ra, float rb);
/// Polyline swept by a sphere of linearly varying radius (hard union: joints are already smooth).
Sdf tube(const std::vector<glm::vec3>& points, const std::vector<float>& radii);
/// Box with the given half extents in `frame`, edges rounded by `rounding` (included in the extents).
Sdf roundBox(Frame frame, glm::vec3 halfExtents, float rounding);
/// Elliptic cylinder along the frame's y axis (semi-axes rx along x, rz along z), rounded rims.
Sdf ellipticCylinder(Frame frame, float rx, float rz, float halfHeight, float rounding);
/// Torus lying in the frame's x-z plane.
Sdf torus(Frame frame, float majorRadius, float minorRadius);
/// Half-space of points with dot(p - point, normal) <= 0 (normal points out of the solid).
Sdf halfSpace(glm::vec3 point, glm::vec3 normal);

// --- combinators ---------------------------------------------------------------------------
/// Hard union.
Sdf unite(Sdf a, Sdf b);
/// Union with a polynomial blend of width k (mm): fillets concave joins.
Sdf smoothUnite(Sdf a, Sdf b, float k);
/// Smooth union of many shapes, folded left to right.
Sdf smoothUniteAll(const std::vector<Sdf>& shapes, float k);
/// a minus b.
Sdf subtract(Sdf a, Sdf b);
/// a minus b with a rounded edge of width k.
Sdf smoothSubtract(Sdf a, Sdf b, float k);
/// Intersection.
Sdf intersect(Sdf a, Sdf b);
/// Intersection with a rounded edge of width k.
Sdf smoothIntersect(Sdf a, Sdf b, float k);
/// The shape compressed by `factor` (> 1) along a unit axis through `origin`: flattens tubes into bars.
Sdf squashedAlong(Sdf a, glm::vec3 origin, glm::vec3 axis, float factor);
/// The shape mirrored across the sagittal plane z = 0 (for left-side parts built from right ones).
Sdf mirrorZ(Sdf a);

/// Polynomial smooth minimum (Quilez); exposed for tests and builders.
float smoothMin(float a, float b, float k);

}  // namespace bonegen

namespace bonegen {
/// Prism along the frame's y axis whose cross-section is a simple polygon given in local (x, z).
Sdf extrudedPolygon(Frame frame, const std::vector<glm::vec2>& polygonXZ);
/// First point where the SDF becomes negative marching from `start` along `direction` (mm steps
/// of at most `step`); returns start + direction * maxDistance if none is found.
glm::vec3 marchToSurface(const Sdf& sdf, glm::vec3 start, glm::vec3 direction, float maxDistance, float step = 0.25f);
}  // namespace bonegen
