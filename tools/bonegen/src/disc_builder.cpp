// Intervertebral discs T12/L1 ... L5/S1 as two meshes each: annulus (a ring open at the endplates)
// and nucleus (a lens-shaped blob inside the ring). Disc frame: origin at the disc centre, y cranial,
// x anterior. The disc is a wedge: taller in front ([anatscij-discs]), which gives the lumbar lordosis.

#include <algorithm>
#include <cmath>

#include "builders.hpp"

namespace bonegen {

namespace {

std::string upperLevel(const std::string& disc) {
    return disc.substr(0, disc.find('_'));
}
std::string lowerLevel(const std::string& disc) {
    return disc.substr(disc.find('_') + 1);
}

}  // namespace

std::pair<BoneModel, BoneModel> buildDisc(const SkeletonParams& params, const std::string& disc) {
    const std::string k = "discs." + disc + ".";
    const float anterior = params.f(k + "anterior_height"), posterior = params.f(k + "posterior_height");
    const float depth = params.f(k + "depth");
    const std::string lower = lowerLevel(disc);
    const float upperWidth = params.f("vertebrae." + upperLevel(disc) + ".endplate_width");
    const float lowerWidth = lower == "s1" ? upperWidth : params.f("vertebrae." + lower + ".endplate_width");
    const float width = 0.5f * (upperWidth + lowerWidth);
    const float middle = 0.5f * (anterior + posterior);
    const float slope = (anterior - posterior) / (depth - 6.0f);  // height change per mm towards anterior

    // Wedge-shaped kidney: ellipse in x-z with the same posterior notch as the vertebral bodies,
    // bounded above and below by planes y = +-h(x)/2.
    const float rx = depth / 2.0f, rz = width / 2.0f;
    const float notchRadius = width * 0.3f;
    const float notchX = -depth / 2.0f - notchRadius + 1.5f;
    const Sdf wedge = [=](const glm::vec3& p) {
        const glm::vec2 e(p.x, p.z);
        const glm::vec2 r(rx, rz);
        const float k0 = glm::length(e / r), k1 = glm::length(e / (r * r));
        float ring = k1 < 1e-9f ? -std::min(rx, rz) : k0 * (k0 - 1.0f) / k1;
        ring = -smoothMin(-ring, glm::length(glm::vec2(p.x - notchX, p.z)) - notchRadius, 3.0f);
        const float halfHeight = 0.5f * (middle + slope * p.x);
        const float vertical = (std::abs(p.y) - halfHeight) * 0.95f;
        const glm::vec2 dd(ring + 1.2f, vertical + 1.2f);  // 1.2 mm rounded rims
        return std::min(std::max(dd.x, dd.y), 0.0f) + glm::length(glm::max(dd, glm::vec2(0.0f))) - 1.2f;
    };

    const float nucleusHalfDepth = params.f("discs.nucleus.ap_fraction") * depth / 2.0f;
    const float nucleusHalfHeight =
        std::min(params.f("discs.nucleus.height_to_length") * nucleusHalfDepth, 0.42f * middle);
    const float nucleusHalfWidth = 0.55f * width / 2.0f;
    const glm::vec3 nucleusCentre(params.f("discs.nucleus.centroid_offset"), 0.0f, 0.0f);
    const Sdf cavity = ellipticCylinder(Frame{nucleusCentre, glm::mat3(1.0f)}, nucleusHalfDepth + 0.6f,
                                        nucleusHalfWidth + 0.6f, 40.0f, 0.0f);

    std::string upperName = upperLevel(disc), lowerName = lower;
    std::transform(upperName.begin(), upperName.end(), upperName.begin(), ::toupper);
    std::transform(lowerName.begin(), lowerName.end(), lowerName.begin(), ::toupper);
    const std::string label = upperName + "/" + lowerName;

    const glm::vec3 superiorNormal = glm::normalize(glm::vec3(-0.5f * slope, 1.0f, 0.0f));
    const glm::vec3 inferiorNormal = glm::normalize(glm::vec3(-0.5f * slope, -1.0f, 0.0f));
    const std::vector<FrameVector> joints = {
        {"superior_centre",
         {0.0f, middle / 2.0f, 0.0f},
         false,
         "centre of the face against the upper vertebra's inferior endplate"},
        {"superior_normal", superiorNormal, true, "outward normal of the upper face (tilted back: the wedge)"},
        {"inferior_centre", {0.0f, -middle / 2.0f, 0.0f}, false, "centre of the face against the lower endplate"},
        {"inferior_normal", inferiorNormal, true, "outward normal of the lower face"},
    };
    const float wedgeDegrees = glm::degrees(2.0f * std::atan(0.5f * slope));

    BoneModel annulus;
    annulus.id = "disc_" + disc + "_annulus";
    annulus.displayName = label + " disc, annulus fibrosus";
    annulus.commonName = "disc outer ring";
    annulus.side = "midline";
    annulus.parentFrame = "disc_" + disc;
    annulus.sdf = smoothSubtract(wedge, cavity, 0.8f);
    annulus.boundsMin = {-rx - notchRadius - 4.0f, -anterior / 2.0f - 4.0f, -rz - 4.0f};
    annulus.boundsMax = {rx + 4.0f, anterior / 2.0f + 4.0f, rz + 4.0f};
    annulus.voxelSize = params.f("mesh.voxel_small");
    annulus.highTriangles = 6000;
    annulus.lowTriangles = 900;
    annulus.landmarks = {{"superior_centre_anterior_margin", {rx - 1.0f, 0.5f * (middle + slope * (rx - 1.0f)), 0.0f}},
                         {"anterior_midpoint", {rx, 0.0f, 0.0f}}};
    annulus.joints = joints;
    annulus.design = {{"anterior_height", anterior / 1000.0, "m", k + "anterior_height"},
                      {"posterior_height", posterior / 1000.0, "m", k + "posterior_height"},
                      {"depth", depth / 1000.0, "m", k + "depth"},
                      {"wedge_angle", wedgeDegrees, "deg", ""}};

    BoneModel nucleus;
    nucleus.id = "disc_" + disc + "_nucleus";
    nucleus.displayName = label + " disc, nucleus pulposus";
    nucleus.commonName = "disc jelly centre";
    nucleus.side = "midline";
    nucleus.parentFrame = "disc_" + disc;
    nucleus.sdf = ellipsoid(nucleusCentre, {nucleusHalfDepth, nucleusHalfHeight, nucleusHalfWidth});
    nucleus.boundsMin =
        nucleusCentre - glm::vec3(nucleusHalfDepth, nucleusHalfHeight, nucleusHalfWidth) - glm::vec3(4.0f);
    nucleus.boundsMax =
        nucleusCentre + glm::vec3(nucleusHalfDepth, nucleusHalfHeight, nucleusHalfWidth) + glm::vec3(4.0f);
    nucleus.voxelSize = params.f("mesh.voxel_small");
    nucleus.highTriangles = 3000;
    nucleus.lowTriangles = 400;
    nucleus.landmarks = {{"nucleus_top", nucleusCentre + glm::vec3(0.0f, nucleusHalfHeight, 0.0f)}};
    nucleus.joints = joints;
    nucleus.design = {{"nucleus_depth", 2.0 * nucleusHalfDepth / 1000.0, "m", "discs.nucleus.ap_fraction"},
                      {"nucleus_height", 2.0 * nucleusHalfHeight / 1000.0, "m", "discs.nucleus.height_to_length"}};
    return {annulus, nucleus};
}

}  // namespace bonegen
