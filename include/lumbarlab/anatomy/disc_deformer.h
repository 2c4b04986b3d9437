#pragma once
// Discs fill the space between their endplates: each vertex keeps its place across the disc
// (x, z) and its fraction of the height, measured between the rest faces and re-placed between
// the posed endplates. The wedge opens and closes with its segment; nothing gaps or overlaps.

#include "lumbarlab/anatomy/skeleton_pose.h"
#include "lumbarlab/core/mesh.h"

namespace lumbarlab {

/// What the disc model says about one disc, shown on its mesh.
struct DiscAppearance {
    double anteriorMpa = 0.0, posteriorMpa = 0.0;  ///< pressure at the front and back of the endplate
    double nucleusShiftMm = 0.0;                   ///< positive backwards
    double bulgeMm = 0.0;                          ///< posterior annulus bulge
    bool colourByPressure = false;
    bool isNucleus = false;  ///< nuclei shift; annuli bulge and take the pressure colours
};

/// Sequential colour for a pressure in MPa: deep blue at 0, through teal and yellow, to red at
/// `maximumMpa` and above (sRGB).
[[nodiscard]] glm::vec3 pressureColour(double mpa, double maximumMpa = 1.6);

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

private:
    MeshData rest_;
    std::vector<float> heightFraction_;  ///< 0 on the bottom face, 1 on the top face
    float halfDepth_ = 0.015f;           ///< front-to-back half extent of the rest mesh (m)
};

}  // namespace lumbarlab
