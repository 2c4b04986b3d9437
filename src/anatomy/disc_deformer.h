#pragma once
// Discs fill the space between their endplates: each vertex keeps its place across the disc
// (x, z) and its fraction of the height, measured between the rest faces and re-placed between
// the posed endplates. The wedge opens and closes with its segment; nothing gaps or overlaps.

#include "anatomy/skeleton_pose.h"
#include "core/mesh.h"

namespace lumbarlab {

class DiscDeformer {
public:
    /// `rest` is the generated disc mesh in its own frame; the face planes come from the
    /// disc's joints (superior/inferior centre and normal), as the generator wrote them.
    DiscDeformer(MeshData rest, const BoneDefinition& disc);

    /// Writes the deformed mesh (in the disc frame `discFrame`) for posed endplates `bottom` and
    /// `top` (world transforms with y pointing up, origin at the endplate centre).
    void deform(const glm::mat4& discFrame, const glm::mat4& bottom, const glm::mat4& top, MeshData& out) const;

    [[nodiscard]] const MeshData& rest() const { return rest_; }

private:
    MeshData rest_;
    std::vector<float> heightFraction_;  ///< 0 on the bottom face, 1 on the top face
};

}  // namespace lumbarlab
