#pragma once
// Simple closed shapes built in code: test meshes, props and the simplified body figure.

#include "lumbarlab/core/mesh.h"

namespace lumbarlab {

/// A UV sphere of the given radius centred at the origin; rings >= 2, segments >= 3.
[[nodiscard]] MeshData makeSphere(float radius, int rings, int segments);

/// A box centred at the origin with the given full extents, flat-shaded faces.
[[nodiscard]] MeshData makeBox(const glm::vec3& size);

/// A capped cylinder along y from -height/2 to +height/2.
[[nodiscard]] MeshData makeCylinder(float radius, float height, int segments);

/// A torus in the xz-plane (ring radius, tube radius).
[[nodiscard]] MeshData makeTorus(float ringRadius, float tubeRadius, int ringSegments, int tubeSegments);

}  // namespace lumbarlab
