// T12-L5 vertebrae in their own frames: origin at the body centre, y cranial along the body axis,
// x anterior, z right. Per-level sizes come from Panjabi 1991/1992 ([panjabi1991], [panjabi1992]).

#include <algorithm>
#include <cmath>

#include "anatomy_math.hpp"
#include "builders.hpp"

namespace bonegen {

namespace {

struct LevelDims {
    float height, width, depth, canalWidth, canalDepth, pedicleWidth, transverseLength, spinousLength;
};

LevelDims levelDims(const SkeletonParams& params, const std::string& level) {
    const std::string k = "vertebrae." + level + ".";
    return {params.f(k + "body_posterior_height"),
            params.f(k + "endplate_width"),
            params.f(k + "endplate_depth"),
            params.f(k + "canal_width"),
            params.f(k + "canal_depth"),
            params.f(k + "pedicle_width"),
            params.f(k + "transverse_process_length"),
            params.f(k + "spinous_process_length")};
}

// The body's posterior wall is indented at the midline (kidney shape); the canal starts behind it.
constexpr float kPosteriorNotch = 2.0f;
float canalCentreX(const LevelDims& d) {
    return -d.depth / 2.0f + kPosteriorNotch - d.canalDepth / 2.0f;
}

std::string discBelow(const std::string& level) {
    const auto& levels = vertebraLevels();
    const auto it = std::find(levels.begin(), levels.end(), level);
    const std::string lower = (it + 1 == levels.end()) ? "s1" : *(it + 1);
    return level + "_" + lower;
}

std::string levelBelow(const std::string& level) {
    const auto& levels = vertebraLevels();
    const auto it = std::find(levels.begin(), levels.end(), level);
    return (it + 1 == levels.end()) ? "s1" : *(it + 1);
}

// Kidney-shaped body: elliptic cylinder with flat endplates, a shallow posterior notch and a waist
// (the sides are concave between the raised endplate rims).
Sdf vertebralBody(const LevelDims& d) {
    const float rounding = 2.0f;
    const float halfHeight = d.height / 2.0f;
    const Sdf waisted = [=](const glm::vec3& p) {
        const float t = std::clamp(p.y / halfHeight, -1.0f, 1.0f);
        const float waist = 1.0f - 0.07f * (1.0f - t * t);
        const glm::vec2 r(d.depth / 2.0f * waist - rounding, d.width / 2.0f * waist - rounding);
        const glm::vec2 e(p.x, p.z);
        const float k0 = glm::length(e / r), k1 = glm::length(e / (r * r));
        const float dEllipse = k1 < 1e-9f ? -std::min(r.x, r.y) : k0 * (k0 - 1.0f) / k1;
        const glm::vec2 q(dEllipse, std::abs(p.y) - (halfHeight - rounding));
        return std::min(std::max(q.x, q.y), 0.0f) + glm::length(glm::max(q, glm::vec2(0.0f))) - rounding;
    };
    const float notchRadius = d.width * 0.3f;
    const float notchX = -d.depth / 2.0f - notchRadius + kPosteriorNotch;
    const Sdf notch = capsule({notchX, -d.height, 0.0f}, {notchX, d.height, 0.0f}, notchRadius);
    return smoothSubtract(waisted, notch, 3.0f);
}

}  // namespace

const std::vector<std::string>& vertebraLevels() {
    static const std::vector<std::string> levels = {"t12", "l1", "l2", "l3", "l4", "l5"};
    return levels;
}

FacetJoint facetJointBelow(const SkeletonParams& params, const std::string& lowerLevel) {
    // The sacrum has no Panjabi row; S1's posterior elements are taken from L5's canal (documented).
    const LevelDims d = levelDims(params, lowerLevel == "s1" ? "l5" : lowerLevel);
    const float depth = lowerLevel == "s1" ? params.f("sacrum.s1_endplate_depth") : d.depth;
    LevelDims lower = d;
    lower.depth = depth;
    return {canalCentreX(lower) - 0.2f * d.canalDepth, 5.0f, d.canalWidth / 2.0f + 3.0f};
}

float discGapAt(const SkeletonParams& params, const std::string& disc, float x) {
    const std::string k = "discs." + disc + ".";
    const float anterior = params.f(k + "anterior_height"), posterior = params.f(k + "posterior_height");
    const float depth = params.f(k + "depth");
    // Heights are defined 3 mm inside the anterior and posterior margins, linear in between.
    return 0.5f * (anterior + posterior) + (anterior - posterior) * x / (depth - 6.0f);
}

BoneModel buildVertebra(const SkeletonParams& params, const std::string& level) {
    const LevelDims d = levelDims(params, level);
    const float top = d.height / 2.0f;
    const float xc = canalCentreX(d);
    const float canalBack = xc - d.canalDepth / 2.0f;
    const float pedicleZ = d.canalWidth / 2.0f + d.pedicleWidth / 2.0f;
    const float pedicleHalfHeight = 7.5f;
    const float pedicleY = top - 2.0f - pedicleHalfHeight;

    std::vector<Sdf> arch;
    for (const float side : {1.0f, -1.0f}) {
        // Pedicle: from the posterolateral body back to the articular pillar.
        const float x0 = -d.depth / 2.0f + 5.5f, x1 = xc - 0.25f * d.canalDepth;
        arch.push_back(roundBox(Frame{{0.5f * (x0 + x1), pedicleY, side * pedicleZ}, glm::mat3(1.0f)},
                                {0.5f * (x0 - x1), pedicleHalfHeight, d.pedicleWidth / 2.0f},
                                std::min(4.5f, d.pedicleWidth / 2.0f - 0.3f)));
        // Lamina: a sloping plate from the pedicle to the midline behind the canal.
        const glm::vec3 a(x1, 0.0f, side * (d.canalWidth / 2.0f + 2.5f));
        const glm::vec3 b(canalBack - 3.0f, 0.0f, 0.0f);
        const glm::vec3 along = glm::normalize(b - a);
        const Frame laminaFrame =
            frameFromYX(0.5f * (a + b) + glm::vec3(0.0f, -2.0f, 0.0f), glm::vec3(0.0f, 1.0f, 0.0f), along);
        arch.push_back(roundBox(laminaFrame, {0.5f * glm::length(b - a) + 3.0f, top - 1.0f, 3.5f}, 2.5f));
        // Transverse process: flat bar laterally (and a little back) from the pedicle-lamina junction.
        const glm::vec3 root(x1 + 2.0f, pedicleY + 1.0f, side * pedicleZ);
        // The tip's outer surface (bulb radius 3.4 mm) sits at the cited process length.
        const glm::vec3 tip(x1 - 4.0f, pedicleY + 3.0f,
                            side * (d.canalWidth / 2.0f + d.pedicleWidth + d.transverseLength - 3.4f));
        const Frame tpFrame = frameFromYX(0.5f * (root + tip), glm::vec3(0.0f, 1.0f, 0.0f), tip - root);
        arch.push_back(roundBox(tpFrame, {0.5f * glm::length(tip - root), 5.0f, 3.0f}, 2.8f));
        arch.push_back(ellipsoid(tip, {3.4f, 5.2f, 3.4f}));  // slightly club-shaped tip
    }
    // Spinous process: a tall, hatchet-shaped plate pointing back and slightly down.
    const glm::vec3 spineRoot(canalBack - 2.0f, -2.0f, 0.0f);
    const glm::vec3 spineDir = glm::normalize(glm::vec3(-1.0f, -0.18f, 0.0f));
    const glm::vec3 spineTip = spineRoot + spineDir * d.spinousLength;
    arch.push_back(roundBox(frameFromYX(0.5f * (spineRoot + spineTip), glm::vec3(0.0f, 1.0f, 0.0f), spineDir),
                            {0.5f * d.spinousLength, 8.5f, 3.2f}, 3.0f));
    arch.push_back(ellipsoid(spineTip - spineDir * 3.0f, {4.5f, 8.8f, 4.2f}));  // slightly thickened tip

    // Articular processes. Superior ones rise above the endplate and face medially; inferior ones hang
    // below the lamina, medial to the next level's superior processes, so the facets line up when stacked.
    const FacetJoint below = facetJointBelow(params, levelBelow(level));
    const float gap = discGapAt(params, discBelow(level), below.x);
    const float inferiorY = -(top + gap) + below.yAboveTop;
    const FacetJoint own = facetJointBelow(params, level);
    for (const float side : {1.0f, -1.0f}) {
        const glm::vec3 superiorCentre(own.x - 1.0f, top + own.yAboveTop - 2.0f, side * (own.z + 4.5f));
        Sdf superior = ellipsoid(superiorCentre, {8.5f, 9.0f, 3.8f});
        superior =
            smoothUnite(superior, capsule(superiorCentre, {own.x + 2.0f, pedicleY, side * (own.z + 4.0f)}, 5.5f), 4.0f);
        superior = intersect(superior, halfSpace({0.0f, 0.0f, side * (own.z + 0.6f)}, {0.0f, 0.0f, -side}));
        // Mammillary bump on the back of the superior process (multifidus attachment, a useful cue).
        superior = smoothUnite(superior, sphere(superiorCentre + glm::vec3(-6.0f, -2.0f, side * 2.0f), 3.5f), 2.0f);
        arch.push_back(superior);

        const glm::vec3 inferiorCentre(below.x - 1.5f, inferiorY, side * (below.z - 4.0f));
        Sdf inferior = ellipsoid(inferiorCentre, {7.5f, 9.5f, 3.8f});
        inferior = smoothUnite(inferior,
                               capsule(inferiorCentre + glm::vec3(0.0f, 4.0f, 0.0f),
                                       {canalBack - 1.0f, -top + 4.0f, side * (below.z - 7.0f)}, 4.5f),
                               3.0f);
        inferior = intersect(inferior, halfSpace({0.0f, 0.0f, side * (below.z - 0.6f)}, {0.0f, 0.0f, side}));
        arch.push_back(inferior);
    }

    Sdf bone = smoothUnite(vertebralBody(d), smoothUniteAll(arch, 2.5f), 2.5f);
    // Vertebral canal: a real hole, slightly rounded-triangular (wider in front).
    bone = smoothSubtract(bone,
                          ellipticCylinder(Frame{{xc, 0.0f, 0.0f}, glm::mat3(1.0f)}, d.canalDepth / 2.0f,
                                           d.canalWidth / 2.0f, 80.0f, 0.0f),
                          1.5f);

    BoneModel model;
    model.id = level;
    std::string upper = level;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    model.displayName = upper + " vertebra";
    model.commonName = level == "t12" ? "lowest thoracic vertebra" : "lumbar vertebra";
    model.side = "midline";
    model.parentFrame = level;
    model.sdf = bone;
    const float halfSpan = d.canalWidth / 2.0f + d.pedicleWidth + d.transverseLength + 8.0f;
    model.boundsMin = {spineTip.x - 15.0f, inferiorY - 18.0f, -halfSpan};
    model.boundsMax = {d.depth / 2.0f + 6.0f, top + own.yAboveTop + 16.0f, halfSpan};
    model.voxelSize = params.f("mesh.voxel_small");
    model.highTriangles = 20000;
    model.lowTriangles = 3500;

    const float tpTipZ = d.canalWidth / 2.0f + d.pedicleWidth + d.transverseLength;
    model.landmarks = {
        {"superior_endplate_centre", {0.0f, top, 0.0f}},
        {"inferior_endplate_centre", {0.0f, -top, 0.0f}},
        {"spinous_tip", marchToSurface(bone, spineTip + spineDir * 30.0f, -spineDir, 50.0f)},
        {"transverse_tip_r", marchToSurface(bone, {xc - 0.25f * d.canalDepth - 4.0f, pedicleY + 3.0f, tpTipZ + 30.0f},
                                            {0.0f, 0.0f, -1.0f}, 50.0f)},
        {"transverse_tip_l", marchToSurface(bone, {xc - 0.25f * d.canalDepth - 4.0f, pedicleY + 3.0f, -tpTipZ - 30.0f},
                                            {0.0f, 0.0f, 1.0f}, 50.0f)},
        {"body_anterior", {d.depth / 2.0f, 0.0f, 0.0f}},
    };
    model.joints = {
        {"superior_endplate_centre", {0.0f, top, 0.0f}, false, "centre of the upper endplate"},
        {"superior_endplate_normal",
         {0.0f, 1.0f, 0.0f},
         true,
         "endplates are parallel; discs carry the lordotic wedge"},
        {"inferior_endplate_centre", {0.0f, -top, 0.0f}, false, "centre of the lower endplate"},
        {"inferior_endplate_normal", {0.0f, -1.0f, 0.0f}, true, ""},
        {"superior_facet_r", {own.x, top + own.yAboveTop, own.z}, false, "joint centre with the level above (right)"},
        {"inferior_facet_r",
         {below.x, inferiorY, below.z},
         false,
         "joint centre with the level below (right), assuming the cited disc heights"},
    };
    model.design = {
        {"endplate_width", d.width / 1000.0, "m", "vertebrae." + level + ".endplate_width"},
        {"endplate_depth", d.depth / 1000.0, "m", "vertebrae." + level + ".endplate_depth"},
        {"body_posterior_height", d.height / 1000.0, "m", "vertebrae." + level + ".body_posterior_height"},
        {"canal_width", d.canalWidth / 1000.0, "m", "vertebrae." + level + ".canal_width"},
        {"canal_depth", d.canalDepth / 1000.0, "m", "vertebrae." + level + ".canal_depth"},
        {"transverse_span", 2.0 * tpTipZ / 1000.0, "m", "vertebrae." + level + ".transverse_process_length"},
    };
    return model;
}

}  // namespace bonegen
