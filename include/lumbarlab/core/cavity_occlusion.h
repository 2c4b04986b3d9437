#pragma once
// A cheap ambient-occlusion stand-in: darkens concave regions (grooves, fossae, sockets) from
// local curvature, computed once per mesh on load. Screen-space AO would cost more than the
// whole scene on software GL; this costs nothing per frame.

#include "lumbarlab/core/mesh.h"

namespace lumbarlab {

/// Fills mesh.occlusion: 1 on flat or convex surface, down to `floor` in deep concavities.
/// `reach` is the neighbourhood radius in metres over which concavity is measured.
void computeCavityOcclusion(MeshData& mesh, float reach = 0.004f, float floor = 0.55f);

}  // namespace lumbarlab
