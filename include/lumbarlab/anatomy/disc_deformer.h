#pragma once
// Discs fill the space between their endplates: each vertex keeps its place across the disc
// (x, z) and its fraction of the height, measured between the rest faces and re-placed between
// the posed endplates. The wedge opens and closes with its segment; nothing gaps or overlaps.

#include "lumbarlab/anatomy/skeleton_pose.h"
#include "lumbarlab/core/mesh.h"

namespace lumbarlab {

/// What the disc model says about one disc's shape.
struct DiscAppearance {
    double nucleusShiftMm = 0.0;  ///< positive backwards
    double bulgeMm = 0.0;         ///< posterior annulus bulge
    bool isNucleus = false;       ///< nuclei shift; annuli bulge
};

class DiscDeformer {
public:
    /// `rest` is the generated disc mesh in its own frame; the face planes come from the
    /// disc's joints (superior/inferior centre and normal), as the generator wrote them.
    DiscDeformer(MeshData rest, const BoneDefinition& disc);

    /// Writes the deformed mesh (in the disc frame `discFrame`) for posed endplates `bottom` and
    /// `top` (world transforms with y pointing up, origin at the endplate centre).
    void deform(const glm::mat4& discFrame, const glm::mat4& bottom, const glm::mat4& top, MeshData& out,
                const DiscAppearance& appearance = {}) const;

    [[nodiscard]] const MeshData& rest() const { return rest_; }
    /// Where rest vertex `i` lies from the back (0) to the front (1) of the disc: pressure across the
    /// endplate varies linearly along it.
    [[nodiscard]] float frontFraction(std::size_t i) const;

private:
    MeshData rest_;
    std::vector<float> heightFraction_;  ///< 0 on the bottom face, 1 on the top face
    float halfDepth_ = 0.015f;           ///< front-to-back half extent of the rest mesh (m)
};

}  // namespace lumbarlab
