#pragma once
// Dimension measurements on generated meshes (millimetres). The generator records them in the
// manifest; the tests run the same measurements on the meshes read back from the .glb files.

#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "tri_mesh.hpp"

namespace bonegen {

/// max - min of the vertices' y coordinates.
float verticalExtent(const TriMesh& mesh);
/// Sphere fitted to the vertices lying within `tolerance` of the guessed sphere and outside the cone
/// of half-angle acos(maxCos) around `excludeDirection` (e.g. the femoral neck, the socket opening).
std::optional<SphereFit> fitSphereNear(const TriMesh& mesh, glm::vec3 guessCentre, float guessRadius, float tolerance,
                                       glm::vec3 excludeDirection, float maxCos);
/// Neck-shaft angle (degrees) from the head centre, neck direction guess and two shaft slices.
std::optional<float> neckShaftAngle(const TriMesh& femur, glm::vec3 headCentre, float headRadius,
                                    glm::vec3 neckAxisGuess, float shaftSliceHighY, float shaftSliceLowY);
/// Outer diameter of the acetabular rim: per-sector outermost vertex near the opening plane, median.
std::optional<float> acetabularRimDiameter(const TriMesh& hip, glm::vec3 centre, glm::vec3 axis, float openingOffset);
/// ASIS: the most anterior vertex above `minY`.
glm::vec3 mostAnteriorAbove(const TriMesh& mesh, float minY);
/// Vertebral endplate width (z extent) and depth (x extent) in a band just under the superior endplate.
glm::vec2 endplateWidthDepth(const TriMesh& vertebra, float topY, float canalHalfWidth, float bodyHalfDepth);
/// Distances along a ray (unit direction) at which it crosses the mesh surface, sorted.
std::vector<float> rayCrossings(const TriMesh& mesh, glm::vec3 origin, glm::vec3 direction);
/// Height of the mesh along the vertical line (x, z = 0): highest minus lowest crossing (disc height at x).
std::optional<float> heightAt(const TriMesh& mesh, float x);

}  // namespace bonegen
