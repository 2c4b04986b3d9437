// T12-L5 vertebrae in their own frames: origin at the body centre, y cranial along the body axis,
// x anterior, z right. Per-level sizes come from Panjabi 1991/1992 ([panjabi1991], [panjabi1992]),
// process sizes and facet orientation from the sources cited in skeleton.json.
//
// The posterior arch is built from the parts an anatomy teacher names: pedicle, superior articular
// process (with its mammillary process), a narrow pars interarticularis, a lamina that slopes down and
// back, the inferior articular process, the transverse process (with the accessory process at its root)
// and a hatchet-shaped spinous process. Each facet joint is one surface shared by the two vertebrae:
// the inferior process of the upper level is built in the lower level's frame (assembled on the cited
// disc) and clipped to the other side of that surface, so the joint shows a clean gap.

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy_math.hpp"
#include "builders.hpp"

namespace bonegen {

namespace {

struct LevelDims {
    float height, width, depth, canalWidth, canalDepth, pedicleWidth, pedicleHeight, transverseLength, spinousLength,
        spinousHeight, facetAngle;
};

LevelDims levelDims(const SkeletonParams& params, const std::string& level) {
    const std::string k = "vertebrae." + level + ".";
    return {params.f(k + "body_posterior_height"),
            params.f(k + "endplate_width"),
            params.f(k + "endplate_depth"),
            params.f(k + "canal_width"),
            params.f(k + "canal_depth"),
            params.f(k + "pedicle_width"),
            params.f(k + "pedicle_height"),
            params.f(k + "transverse_process_length"),
            params.f(k + "spinous_process_length"),
            params.f(k + "spinous_process_height"),
            params.f(k + "superior_facet_angle")};
}

// The body's posterior wall is indented at the midline (kidney shape); the canal starts behind it.
constexpr float kPosteriorNotch = 2.0f;
// Bone-to-bone space of a facet joint (articular cartilage and joint cavity) and the radius of the
// facets' curvature in the transverse plane (the superior facet is the concave side).
constexpr float kFacetGap = 2.0f;
constexpr float kFacetRadius = 16.0f;
// The least distance from the superior process below to any other part of the vertebra above.
constexpr float kFacetClearance = 3.0f;

float canalCentreX(const LevelDims& d) {
    return -d.depth / 2.0f + kPosteriorNotch - d.canalDepth / 2.0f;
}

std::string levelBelow(const std::string& level) {
    const auto& levels = vertebraLevels();
    const auto it = std::find(levels.begin(), levels.end(), level);
    return (it + 1 == levels.end()) ? "s1" : *(it + 1);
}

std::string discBelow(const std::string& level) {
    return level + "_" + levelBelow(level);
}

// The disc whose segment a lower level's superior facets belong to. T11 is not modelled: T12's own
// superior facets are placed about the T12/L1 disc's proportions (documented proxy).
std::string discAbove(const std::string& lowerLevel) {
    if (lowerLevel == "s1") return "l5_s1";
    const auto& levels = vertebraLevels();
    const auto it = std::find(levels.begin(), levels.end(), lowerLevel);
    return it == levels.begin() ? "t12_l1" : *(it - 1) + "_" + lowerLevel;
}

// Height of a level's superior endplate above its frame origin (the S1 frame sits on its endplate).
float topOf(const SkeletonParams& params, const std::string& level) {
    return level == "s1" ? 0.0f : params.f("vertebrae." + level + ".body_posterior_height") / 2.0f;
}

struct DiscShape {
    float middle;  ///< middle height, mm
    float wedge;   ///< wedge angle, radians (anterior taller)
};

DiscShape discShape(const SkeletonParams& params, const std::string& disc) {
    const std::string k = "discs." + disc + ".";
    const float anterior = params.f(k + "anterior_height"), posterior = params.f(k + "posterior_height");
    const float slope = (anterior - posterior) / (params.f(k + "depth") - 6.0f);
    // The same wedge the disc builder makes: faces tilted by half the angle each.
    return {0.5f * (anterior + posterior), 2.0f * std::atan(0.5f * slope)};
}

// A facet joint surface in the lower level's frame, swept about the segment's flexion axis.
struct FacetSurface {
    glm::vec2 pivot{0.0f};  ///< (x, y) of the flexion axis (the disc centre)
    glm::vec3 centre{0.0f};
    glm::vec3 normal{0.0f};   ///< unit normal at the centre, towards the inferior process (posteromedial)
    glm::vec3 tangent{0.0f};  ///< unit direction along the joint line in the transverse plane, backwards
    float rho0 = 0.0f;
    float radius = 0.0f;
    glm::vec2 meridianNormal{0.0f};
    glm::vec2 axis{0.0f};

    [[nodiscard]] float distance(const glm::vec3& p) const {
        const float rho = glm::length(glm::vec2(p.x, p.y) - pivot);
        if (radius <= 0.0f) return (rho - rho0) * meridianNormal.x + (p.z - centre.z) * meridianNormal.y;
        return radius - glm::length(glm::vec2(rho, p.z) - axis);
    }
};

FacetSurface facetSurface(const SkeletonParams& params, const std::string& lowerLevel, float side) {
    const FacetJoint j = facetJointBelow(params, lowerLevel);
    const float top = topOf(params, lowerLevel);
    const DiscShape disc = discShape(params, discAbove(lowerLevel));
    FacetSurface s;
    s.pivot = {0.0f, top + 0.5f * disc.middle};
    s.centre = {j.x, top + j.yAboveTop, side * j.z};
    const float theta = radians(j.angleDeg);
    s.normal = {-std::sin(theta), 0.0f, -side * std::cos(theta)};
    s.tangent = {-std::cos(theta), 0.0f, side * std::sin(theta)};
    s.rho0 = glm::length(glm::vec2(s.centre.x, s.centre.y) - s.pivot);
    s.radius = j.radius;
    // In the meridian half-plane (distance from the axis, z) the radial direction points backwards.
    s.meridianNormal = {std::sin(theta), -side * std::cos(theta)};
    s.axis = glm::vec2(s.rho0, s.centre.z) + s.meridianNormal * j.radius;
    return s;
}

Sdf transformed(Sdf shape, const glm::mat4& toShapeFrame) {
    return [shape = std::move(shape), toShapeFrame](const glm::vec3& p) {
        return shape(glm::vec3(toShapeFrame * glm::vec4(p, 1.0f)));
    };
}

glm::vec3 apply(const glm::mat4& m, const glm::vec3& p) {
    return glm::vec3(m * glm::vec4(p, 1.0f));
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

// A plate in the sagittal plane: polygon outline (x, y), half thickness growing linearly from
// `rootHalf` at x = xRoot to `tipHalf` at x = xTip, edges rounded by `rounding`.
Sdf sagittalPlate(const std::vector<glm::vec2>& outlineXY, float xRoot, float xTip, float rootHalf, float tipHalf,
                  float rounding) {
    // Prism frame: local x = world x, local y = world z (the extrusion), local z = -world y.
    Frame frame;
    frame.axes = glm::mat3(glm::vec3(1.0f, 0.0f, 0.0f), glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, -1.0f, 0.0f));
    std::vector<glm::vec2> outline;
    outline.reserve(outlineXY.size());
    for (const glm::vec2& v : outlineXY) outline.emplace_back(v.x, -v.y);
    const Sdf prism = extrudedPolygon(frame, outline);
    return [=](const glm::vec3& p) {
        const float t = std::clamp((p.x - xRoot) / (xTip - xRoot), 0.0f, 1.0f);
        const float half = rootHalf + (tipHalf - rootHalf) * t;
        const glm::vec2 q(prism(p) + rounding, std::abs(p.z) - half + rounding);
        return std::min(std::max(q.x, q.y), 0.0f) + glm::length(glm::max(q, glm::vec2(0.0f))) - rounding;
    };
}

// Superior articular process of `level` (its own frame), its facet on the joint surface with the level
// above (facing back and medially), a mammillary process on its posterior border.
Sdf superiorProcess(const SkeletonParams& params, const std::string& level, float side) {
    const FacetJoint own = facetJointBelow(params, level);
    const FacetSurface sup = facetSurface(params, level, side);
    const float top = params.f("vertebrae." + level + ".body_posterior_height") / 2.0f;
    const float pedicleY = top - 2.0f - params.f("vertebrae." + level + ".pedicle_height") / 2.0f;
    const float halfGap = 0.5f * kFacetGap;
    const glm::vec3 up(0.0f, 1.0f, 0.0f);
    const glm::vec3 sapCentre = sup.centre - sup.normal * (halfGap + 3.6f) - up * 1.5f;
    const glm::vec3 pillarBase(own.x + 2.0f, pedicleY, side * (own.z + 3.0f));
    Sdf superior = ellipsoid(Frame{sapCentre, glm::mat3(sup.tangent, up, sup.normal)}, {7.5f, 8.5f, 5.0f});
    superior = smoothUnite(superior, capsule(sapCentre - up * 3.0f, pillarBase, 4.6f), 3.5f);
    superior =
        smoothUnite(superior, sphere(sapCentre + sup.tangent * 6.0f - sup.normal * 2.0f - up * 3.0f, 2.8f), 1.5f);
    return intersect(superior, [sup, halfGap](const glm::vec3& p) { return sup.distance(p) + halfGap; });
}

// Where the vertebra above `lowerLevel` may put bone (lower frame): at least kFacetClearance from the
// lower level's superior process. S1's process belongs to the sacrum: a box stands in for it on the
// lateral side of its flat joint.
Sdf clearOfSuperiorProcess(const SkeletonParams& params, const std::string& lowerLevel, float side) {
    if (lowerLevel != "s1") {
        const Sdf process = superiorProcess(params, lowerLevel, side);
        return [process](const glm::vec3& p) { return kFacetClearance - process(p); };
    }
    const FacetJoint j = facetJointBelow(params, "s1");
    const float halfGap = 0.5f * kFacetGap;
    return [j, side, halfGap](const glm::vec3& p) {
        const float box =
            std::max({j.x - 10.0f - p.x, p.x - (j.x + 7.0f), p.y - (j.yAboveTop + 9.0f), (j.z + halfGap) - side * p.z});
        return -box;
    };
}
}  // namespace

const std::vector<std::string>& vertebraLevels() {
    static const std::vector<std::string> levels = {"t12", "l1", "l2", "l3", "l4", "l5"};
    return levels;
}

FacetJoint facetJointBelow(const SkeletonParams& params, const std::string& lowerLevel) {
    // The sacrum has no Panjabi row; S1's posterior elements are taken from L5's canal (documented).
    const bool sacrum = lowerLevel == "s1";
    const LevelDims d = levelDims(params, sacrum ? "l5" : lowerLevel);
    const float depth = sacrum ? params.f("sacrum.s1_endplate_depth") : d.depth;
    LevelDims lower = d;
    lower.depth = depth;
    FacetJoint joint{canalCentreX(lower) - 0.2f * d.canalDepth, 5.0f, d.canalWidth / 2.0f + 3.0f};
    if (!sacrum) {
        joint.angleDeg = d.facetAngle;
        joint.radius = kFacetRadius;
        // Coronal joints sit a little further out and back, so the inferior process behind them
        // stays clear of the lateral recess of the canal.
        const float coronal = std::sin(radians(d.facetAngle));
        joint.z += 2.0f * coronal;
        joint.x -= 1.5f * coronal;
    }
    return joint;
}

float facetSideDistance(const SkeletonParams& params, const std::string& lowerLevel, float side, const glm::vec3& p) {
    return facetSurface(params, lowerLevel, side).distance(p);
}

glm::mat4 restTransformToLevelBelow(const SkeletonParams& params, const std::string& upperLevel) {
    const std::string lower = levelBelow(upperLevel);
    const DiscShape disc = discShape(params, discBelow(upperLevel));
    const float upperTop = topOf(params, upperLevel);
    // As the kinematic model: the upper body turns about the disc centre, by the wedge at rest.
    glm::mat4 m = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, topOf(params, lower) + 0.5f * disc.middle, 0.0f));
    m = glm::rotate(m, disc.wedge, glm::vec3(0.0f, 0.0f, 1.0f));
    return glm::translate(m, glm::vec3(0.0f, 0.5f * disc.middle + upperTop, 0.0f));
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
    const bool thoracic = level == "t12";
    const bool lowest = level == "l5";
    const float top = d.height / 2.0f;
    const float xc = canalCentreX(d);
    const float canalBack = xc - d.canalDepth / 2.0f;
    const float pedicleZ = d.canalWidth / 2.0f + d.pedicleWidth / 2.0f;
    const float pedicleHalfHeight = d.pedicleHeight / 2.0f;
    const float pedicleY = top - 2.0f - pedicleHalfHeight;
    const float x0 = -d.depth / 2.0f + 5.5f, x1 = xc - 0.25f * d.canalDepth;  // pedicle front and back

    const std::string below = levelBelow(level);
    const glm::mat4 toBelow = restTransformToLevelBelow(params, level);
    const glm::mat4 fromBelow = glm::inverse(toBelow);
    const float halfGap = 0.5f * kFacetGap;

    const float tpTipZ = d.canalWidth / 2.0f + d.pedicleWidth + d.transverseLength;
    // Transverse process: flat "costal process" bars at L1-L4, a short stout cone rising from pedicle
    // and body at L5, a stub at T12.
    const float tpRootRadius = lowest ? 6.8f : (thoracic ? 4.8f : 5.0f);
    const float tpTipRadius = lowest ? 6.0f : (thoracic ? 4.0f : 3.4f);
    const float tpFlatten = lowest ? 1.35f : (thoracic ? 1.3f : 1.75f);
    const glm::vec3 tpRoot(x1 + 1.5f, pedicleY + (lowest ? 2.5f : 1.0f), pedicleZ);
    const glm::vec3 tpTipCentre(x1 - (thoracic ? 7.0f : 3.0f), pedicleY + (lowest ? 4.0f : 2.0f), tpTipZ - tpTipRadius);

    // Spinous process outline (x, y): a hatchet, T12's a downward-pointing thoracic triangle.
    const float spineRootX = canalBack + 1.0f;
    const float spineTipX = canalBack - 2.0f - d.spinousLength * (thoracic ? 0.9f : 1.0f);
    const float spineRootY = -2.0f;
    const float spineTipY = thoracic ? spineRootY - 0.25f * d.spinousLength : spineRootY - 0.12f * d.spinousLength;
    const float h = d.spinousHeight;
    const float rootHeight = std::min(2.0f * top - 3.0f, h + 4.0f);
    const float neckX = spineRootX + 0.45f * (spineTipX - spineRootX);
    const float neckY = spineRootY + 0.45f * (spineTipY - spineRootY);
    const float neckHeight = (thoracic ? 0.7f : 0.84f) * h;
    std::vector<glm::vec2> spineOutline;
    if (thoracic) {
        spineOutline = {{spineRootX, spineRootY + 0.5f * rootHeight}, {neckX, neckY + 0.5f * neckHeight},
                        {spineTipX + 1.0f, spineTipY + 0.5f * h},     {spineTipX, spineTipY + 0.5f * h - 2.0f},
                        {spineTipX, spineTipY - 0.5f * h + 2.0f},     {spineTipX + 2.0f, spineTipY - 0.5f * h},
                        {neckX, neckY - 0.5f * neckHeight},           {spineRootX, spineRootY - 0.5f * rootHeight}};
    } else {
        // Quadrangular: full height along most of its length, a vertical posterior border a little
        // lower (the discs' lordotic wedge brings neighbouring borders together), a shallow notch in
        // the inferior border.
        const float borderHeight = 0.78f * h;
        spineOutline = {{spineRootX, spineRootY + 0.5f * rootHeight},
                        {spineRootX - 6.0f, spineRootY + 0.5f * h},
                        {spineTipX + 7.0f, spineTipY + 0.5f * borderHeight + 0.8f},
                        {spineTipX + 1.5f, spineTipY + 0.5f * borderHeight},
                        {spineTipX, spineTipY + 0.5f * borderHeight - 1.5f},
                        {spineTipX, spineTipY - 0.5f * borderHeight + 1.5f},
                        {spineTipX + 1.5f, spineTipY - 0.5f * borderHeight},
                        {spineTipX + 7.0f, spineTipY - 0.5f * borderHeight - 0.8f},
                        {neckX, neckY - 0.5f * neckHeight},
                        {spineRootX - 6.0f, spineRootY - 0.5f * h},
                        {spineRootX, spineRootY - 0.5f * rootHeight}};
    }

    // The right half of the arch; the left is its mirror image, so the field is exactly symmetric.
    std::vector<Sdf> arch;
    const FacetJoint own = facetJointBelow(params, level);
    glm::vec3 inferiorCentreRight{0.0f};
    {
        const float side = 1.0f;
        // Pedicle: from the posterolateral body back to the articular pillar.
        arch.push_back(roundBox(Frame{{0.5f * (x0 + x1), pedicleY, side * pedicleZ}, glm::mat3(1.0f)},
                                {0.5f * (x0 - x1), pedicleHalfHeight, d.pedicleWidth / 2.0f},
                                std::min(d.pedicleWidth / 2.0f, pedicleHalfHeight) - 0.3f));

        const glm::vec3 up(0.0f, 1.0f, 0.0f);
        const glm::vec3 pillarBase(own.x + 2.0f, pedicleY, side * (own.z + 3.0f));

        // Inferior articular process, built in the frame of the level below against its joint surface
        // (facing forward and laterally), then carried into this frame.
        const FacetSurface inf = facetSurface(params, below, side);
        const glm::vec3 iapCentreBelow = inf.centre + inf.normal * (halfGap + 3.2f) + up * 0.5f;
        const Sdf iapBelow =
            ellipsoid(Frame{iapCentreBelow, glm::mat3(inf.tangent, up, inf.normal)}, {6.5f, 7.5f, 4.2f});
        // Where this level's bone may be, near the joint: on the inferior-process side of the surface, or
        // above the tip of the superior process below (which reaches 7 mm over the joint centre).
        const float belowTipY = inf.centre.y + 7.0f + halfGap;
        const Sdf keepBelow = [inf, halfGap, belowTipY](const glm::vec3& p) {
            return std::min(halfGap - inf.distance(p), belowTipY - p.y);
        };
        const glm::vec3 iapCentre = apply(fromBelow, iapCentreBelow);
        inferiorCentreRight = apply(fromBelow, inf.centre);
        // Lamina: a plate from the pars to the midline behind the canal, sloping down and back.
        const float laminaTop = top - 7.5f, laminaBottom = -top + 1.0f;
        const glm::vec3 laminaLateral(x1 - 1.0f, 0.5f * (laminaTop + laminaBottom),
                                      side * (d.canalWidth / 2.0f - 2.5f));
        const glm::vec3 laminaMedial(canalBack - 3.2f, laminaLateral.y, 0.0f);
        const glm::vec3 along = glm::normalize(laminaMedial - laminaLateral);
        arch.push_back(roundBox(
            frameFromYX(0.5f * (laminaLateral + laminaMedial), glm::vec3(0.4f, 1.0f, 0.0f), along),
            {0.5f * glm::length(laminaMedial - laminaLateral) + 2.0f, 0.5f * (laminaTop - laminaBottom), 2.6f}, 2.2f));
        // Pars interarticularis: the narrow neck from the superior process down to the inferior one.
        // It, the inferior process and the process's root on the lamina keep clear of the joint below.
        const glm::vec3 iapTop = iapCentre + up * 5.5f;
        Sdf inferior = transformed(iapBelow, toBelow);
        inferior = smoothUnite(inferior, capsule(pillarBase + glm::vec3(-1.5f, -2.0f, 0.0f), iapTop, 3.6f), 2.5f);
        inferior =
            smoothUnite(inferior, capsule(iapTop, {canalBack - 1.0f, laminaBottom + 3.0f, side * 4.0f}, 3.4f), 3.0f);
        arch.push_back(intersect(inferior, transformed(keepBelow, toBelow)));

        // Transverse process with the accessory process at its posterior root.
        const glm::vec3 tip(tpTipCentre.x, tpTipCentre.y, side * tpTipCentre.z);
        const glm::vec3 root(tpRoot.x, tpRoot.y, side * tpRoot.z);
        // The bar is flattened front to back about its root; its tip offset is pre-stretched to match.
        const glm::vec3 tipStretched(root.x + (tip.x - root.x) * tpFlatten, tip.y, tip.z);
        Sdf transverse = squashedAlong(roundCone(root, tipStretched, tpRootRadius, tpTipRadius), root,
                                       glm::vec3(1.0f, 0.0f, 0.0f), tpFlatten);
        transverse =
            smoothUnite(transverse, ellipsoid(tip, {tpTipRadius * 0.9f, tpTipRadius * 1.3f, tpTipRadius}), 2.0f);
        if (lowest) {
            // L5: a second root from the side of the body, so the process rises from pedicle and body.
            const glm::vec3 bodyRoot(-d.depth / 2.0f + 10.0f, pedicleY - 1.0f, side * (d.width / 2.0f - 5.0f));
            transverse = smoothUnite(transverse, roundCone(bodyRoot, 0.5f * (root + tip), 5.5f, 5.5f), 4.0f);
        }
        arch.push_back(transverse);
        arch.push_back(sphere({x1 - 2.5f, pedicleY - 2.5f, side * (pedicleZ + d.pedicleWidth / 2.0f + 1.0f)}, 2.4f));
    }
    // The whole half arch keeps clear of the superior process below.
    arch.push_back(superiorProcess(params, level, 1.0f));
    const Sdf halfArch =
        intersect(smoothUniteAll(arch, 2.5f), transformed(clearOfSuperiorProcess(params, below, 1.0f), toBelow));
    Sdf posterior = smoothUnite(halfArch, mirrorZ(halfArch), 2.5f);
    // Spinous process: thin near the laminae, a thickened posterior border (supraspinous ligament).
    posterior = smoothUnite(posterior, sagittalPlate(spineOutline, spineRootX, spineTipX, 2.4f, 4.6f, 2.6f), 2.5f);

    Sdf bone = smoothUnite(vertebralBody(d), posterior, 2.5f);
    // Vertebral canal: a real hole through this level (the inferior processes below it stay whole).
    bone = smoothSubtract(bone,
                          ellipticCylinder(Frame{{xc, 0.0f, 0.0f}, glm::mat3(1.0f)}, d.canalDepth / 2.0f,
                                           d.canalWidth / 2.0f, top + 3.0f, 0.0f),
                          1.5f);

    const float ribLength = thoracic ? params.f("vertebrae.t12.rib_length") : 0.0f;
    std::vector<glm::vec3> ribPoints;
    if (thoracic) {
        // Costal facets: shallow sockets on the upper posterolateral body; the 12th rib's head sits in
        // them. The rib runs out laterally and back, then curves forward and down to a pointed end,
        // with no neck or tubercle and no joint with the transverse process ([gray1918]).
        const glm::vec3 head(-d.depth / 2.0f + 6.0f, top - 6.0f, d.width / 2.0f - 1.0f);
        const std::vector<glm::vec3> path = {{0.0f, 0.0f, 0.0f},
                                             {-9.0f, -6.0f, 14.0f},
                                             {-16.0f, -20.0f, 32.0f},
                                             {-15.0f, -42.0f, 55.0f},
                                             {-4.0f, -66.0f, 74.0f}};
        float pathLength = 0.0f;
        for (std::size_t i = 1; i < path.size(); ++i) pathLength += glm::length(path[i] - path[i - 1]);
        for (const glm::vec3& p : path) ribPoints.push_back(head + p * (ribLength / pathLength));
        const std::vector<float> ribRadii = {5.0f, 4.3f, 4.6f, 4.0f, 2.0f};
        for (const float side : {1.0f, -1.0f}) {
            std::vector<glm::vec3> pts = ribPoints;
            for (glm::vec3& p : pts) p.z *= side;
            const glm::vec3 socket = pts[0] + glm::vec3(0.0f, 0.0f, side * 3.5f);
            bone = smoothSubtract(bone, sphere(socket, 4.8f), 1.0f);
            // Head slightly smaller than its socket: the joint reads as a seam, yet the mesh stays one piece.
            Sdf rib = unite(sphere(socket + glm::vec3(0.0f, 0.0f, -side * 0.6f), 4.6f), tube(pts, ribRadii));
            bone = unite(bone, rib);
        }
    }

    BoneModel model;
    model.id = level;
    std::string upper = level;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    model.displayName = upper + " vertebra";
    model.commonName = thoracic ? "lowest thoracic vertebra, with the 12th ribs" : "lumbar vertebra";
    model.side = "midline";
    model.parentFrame = level;
    model.sdf = bone;
    float halfSpan = d.canalWidth / 2.0f + d.pedicleWidth + d.transverseLength + 8.0f;
    float yMin = std::min(inferiorCentreRight.y - 18.0f, spineTipY - h);
    float xMin = spineTipX - 12.0f;
    if (thoracic) {
        halfSpan = std::max(halfSpan, ribPoints.back().z + 8.0f);
        yMin = std::min(yMin, ribPoints.back().y - 8.0f);
        xMin = std::min(xMin, ribPoints[2].x - 10.0f);
    }
    model.boundsMin = {xMin, yMin, -halfSpan};
    model.boundsMax = {d.depth / 2.0f + 6.0f, top + own.yAboveTop + 16.0f, halfSpan};
    model.voxelSize = params.f("mesh.voxel_small");
    model.highTriangles = thoracic ? 24000 : 20000;
    model.lowTriangles = thoracic ? 4000 : 3500;

    // Landmarks. Facet surfaces: two points 4 mm either side of each joint centre along the joint line,
    // found by marching onto the facet from the joint space.
    // Height measured where the process is tallest, just behind its root on the laminae.
    const float spineStation = thoracic ? spineTipX + 4.0f : spineRootX - 6.0f;
    const glm::vec3 spineDir = glm::normalize(glm::vec3(spineTipX - spineRootX, spineTipY - spineRootY, 0.0f));
    const glm::vec3 spineTip(spineTipX, spineTipY, 0.0f);
    model.landmarks = {
        {"superior_endplate_centre", {0.0f, top, 0.0f}},
        {"inferior_endplate_centre", {0.0f, -top, 0.0f}},
        {"spinous_tip", marchToSurface(bone, spineTip + spineDir * 30.0f, -spineDir, 50.0f)},
        {"spinous_upper_edge",
         marchToSurface(bone, {spineStation, spineTipY + h + 15.0f, 0.0f}, {0.0f, -1.0f, 0.0f}, 40.0f)},
        {"spinous_lower_edge",
         marchToSurface(bone, {spineStation, spineTipY - h - 15.0f, 0.0f}, {0.0f, 1.0f, 0.0f}, 40.0f)},
        {"body_anterior", {d.depth / 2.0f, 0.0f, 0.0f}},
        // From the vertebral notches above and below the pedicle, in front of the superior process.
        {"pedicle_upper_r",
         marchToSurface(bone, {0.65f * x0 + 0.35f * x1, pedicleY + pedicleHalfHeight + 3.0f, pedicleZ},
                        {0.0f, -1.0f, 0.0f}, 10.0f, 0.1f)},
        {"pedicle_lower_r",
         marchToSurface(bone, {0.65f * x0 + 0.35f * x1, pedicleY - pedicleHalfHeight - 4.0f, pedicleZ},
                        {0.0f, 1.0f, 0.0f}, 10.0f, 0.1f)},
    };
    for (const float side : {1.0f, -1.0f}) {
        const std::string s = side > 0.0f ? "_r" : "_l";
        // Marched on the (exactly symmetric) field and not snapped to the simplified mesh, so the
        // left and right tips mirror exactly (muscles attach to them).
        model.landmarks.push_back({"transverse_tip" + s,
                                   marchToSurface(bone, {tpTipCentre.x, tpTipCentre.y, side * (tpTipZ + 30.0f)},
                                                  {0.0f, 0.0f, -side}, 50.0f, 0.05f),
                                   false});
        const FacetSurface sup = facetSurface(params, level, side);
        for (const float station : {-4.0f, 4.0f}) {
            const glm::vec3 start = sup.centre + sup.tangent * station + sup.normal * (halfGap + 1.5f);
            model.landmarks.push_back({std::string("superior_facet_") + (station < 0.0f ? "anterior" : "posterior") + s,
                                       marchToSurface(bone, start, -sup.normal, 8.0f, 0.1f)});
        }
        const FacetSurface inf = facetSurface(params, below, side);
        for (const float station : {-4.0f, 4.0f}) {
            const glm::vec3 start =
                apply(fromBelow, inf.centre + inf.tangent * station - inf.normal * (halfGap + 1.5f));
            const glm::vec3 dir = glm::normalize(glm::mat3(fromBelow) * inf.normal);
            model.landmarks.push_back({std::string("inferior_facet_") + (station < 0.0f ? "anterior" : "posterior") + s,
                                       marchToSurface(bone, start, dir, 8.0f, 0.1f)});
        }
        if (lowest) {
            // The iliolumbar ligament arises from the tip and front of L5's transverse process.
            model.landmarks.push_back(
                {"iliolumbar_attachment" + s,
                 marchToSurface(bone, {tpTipCentre.x + 25.0f, tpTipCentre.y, side * (tpTipCentre.z - 1.0f)},
                                {-1.0f, 0.0f, 0.0f}, 40.0f)});
        }
        if (thoracic) {
            const glm::vec3 end = ribPoints.back();
            model.landmarks.push_back(
                {"rib_12_head" + s, {ribPoints[0].x, ribPoints[0].y + 4.0f, side * (ribPoints[0].z + 3.0f)}});
            model.landmarks.push_back(
                {"rib_12_tip" + s, marchToSurface(bone, {end.x + 12.0f, end.y - 8.0f, side * (end.z + 8.0f)},
                                                  glm::normalize(glm::vec3(-12.0f, 8.0f, -side * 8.0f)), 30.0f)});
        }
    }
    model.joints = {
        {"superior_endplate_centre", {0.0f, top, 0.0f}, false, "centre of the upper endplate"},
        {"superior_endplate_normal",
         {0.0f, 1.0f, 0.0f},
         true,
         "endplates are parallel; discs carry the lordotic wedge"},
        {"inferior_endplate_centre", {0.0f, -top, 0.0f}, false, "centre of the lower endplate"},
        {"inferior_endplate_normal", {0.0f, -1.0f, 0.0f}, true, ""},
        {"superior_facet_r", {own.x, top + own.yAboveTop, own.z}, false, "joint centre with the level above (right)"},
        {"inferior_facet_r", inferiorCentreRight, false,
         "joint centre with the level below (right), assembled on the cited disc at its wedge angle"},
    };
    const std::string k = "vertebrae." + level + ".";
    model.design = {
        {"endplate_width", d.width / 1000.0, "m", k + "endplate_width"},
        {"endplate_depth", d.depth / 1000.0, "m", k + "endplate_depth"},
        {"body_posterior_height", d.height / 1000.0, "m", k + "body_posterior_height"},
        {"canal_width", d.canalWidth / 1000.0, "m", k + "canal_width"},
        {"canal_depth", d.canalDepth / 1000.0, "m", k + "canal_depth"},
        {"pedicle_width", d.pedicleWidth / 1000.0, "m", k + "pedicle_width"},
        {"pedicle_height", d.pedicleHeight / 1000.0, "m", k + "pedicle_height"},
        {"transverse_span", 2.0 * tpTipZ / 1000.0, "m", k + "transverse_process_length"},
        {"spinous_process_height", d.spinousHeight / 1000.0, "m", k + "spinous_process_height"},
        {"superior_facet_angle", d.facetAngle, "deg", k + "superior_facet_angle"},
    };
    if (thoracic) model.design.push_back({"rib_12_length", ribLength / 1000.0, "m", k + "rib_length"});
    return model;
}

}  // namespace bonegen
