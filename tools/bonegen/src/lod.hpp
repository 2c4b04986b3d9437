#pragma once
// Level-of-detail reduction with meshoptimizer.

#include <cstddef>

#include "tri_mesh.hpp"

namespace bonegen {

/// Simplifies to at most `maxTriangles` while keeping the mesh closed and edge-manifold; if a
/// simplification breaks topology it retries with slightly different targets and finally returns
/// the densest watertight result found. Unused vertices are dropped and the buffers are
/// reordered for the vertex cache.
TriMesh simplifyToBudget(const TriMesh& mesh, std::size_t maxTriangles);

}  // namespace bonegen
