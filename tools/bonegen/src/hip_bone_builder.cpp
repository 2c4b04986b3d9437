// Right hip bone (ilium + ischium + pubis, fused at the acetabulum) in the pelvis frame: origin midway
// between the ASISs, x anterior, y superior, z right, with the ASISs and the pubic symphysis in one
// frontal plane.
//
// The bone is one smooth union of: the iliac wing (a thin curved shell cut to its outline, with the
// crest, spines and tubercle on its rim), the thick posterior ilium (iliac tuberosity and auricular
// surface, cut flat along the sacroiliac joint plane), the sciatic border (PIIS, greater notch,
// ischial spine, lesser notch), the body of the ilium and the ischium around the acetabular cup, the
// quadrilateral plate, the pelvic brim, and a plate-like pubic and ischial frame around the obturator
// foramen. The acetabulum, the foramen and the joint faces are cut out of that union.

#include <algorithm>
#include <cmath>

#include "anatomy_math.hpp"
#include "builders.hpp"

namespace bonegen {

namespace {

// The iliac wing is a thin shell of a large sphere (its inside is the concave iliac fossa) cut to
// the wing's outline; points given roughly are pulled onto that shell.
struct WingShell {
    glm::vec3 centre{0.0f};
    float radius = 0.0f;
    Frame plane;  // y = outward (lateral) normal of the wing's mean plane

    [[nodiscard]] glm::vec3 project(const glm::vec3& p) const { return centre + glm::normalize(p - centre) * radius; }
    [[nodiscard]] glm::vec3 outward(const glm::vec3& p) const { return glm::normalize(p - centre); }
};

WingShell makeWingShell(const std::vector<glm::vec3>& outline) {
    glm::vec3 centroid(0.0f);
    for (const glm::vec3& p : outline) centroid += p;
    centroid /= static_cast<float>(outline.size());
    // Newell's method gives a robust normal for a roughly planar loop.
    glm::vec3 normal(0.0f);
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const glm::vec3& a = outline[i];
        const glm::vec3& b = outline[(i + 1) % outline.size()];
        normal += glm::vec3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), (a.x - b.x) * (a.y + b.y));
    }
    normal = glm::normalize(normal);
    if (normal.z < 0.0f) normal = -normal;  // lateral
    WingShell shell;
    // A tighter curve than the outline alone suggests: the anterior wing turns forward (the iliac
    // fossa faces the front) and the posterior wing turns in towards the sacrum.
    shell.radius = 115.0f;
    normal = glm::normalize(normal + glm::vec3(-0.25f, 0.0f, 0.0f));
    shell.centre = centroid - normal * shell.radius;
    shell.plane = frameFromYX(centroid, normal, glm::vec3(1.0f, 0.0f, 0.0f));
    return shell;
}

// A flat plate of half thickness `halfThickness` in `frame`'s x-z plane, cut to a polygon whose
// corners are given in 3D (projected onto the plate), with rounded edges.
Sdf outlinedPlate(const Frame& frame, const std::vector<glm::vec3>& corners, float halfThickness, float rounding) {
    std::vector<glm::vec2> outline;
    outline.reserve(corners.size());
    for (const glm::vec3& c : corners) {
        const glm::vec3 local = frame.toLocal(c);
        outline.emplace_back(local.x, local.z);
    }
    const glm::vec3 origin = frame.origin;
    const glm::vec3 normal = frame.axes[1];
    const Sdf slab = [=](const glm::vec3& p) { return std::abs(glm::dot(p - origin, normal)) - halfThickness; };
    return smoothIntersect(slab, extrudedPolygon(frame, outline), rounding);
}

// A plate through a loop of 3D corners: its plane is the loop's best-fit plane (Newell normal).
Sdf polygonPlate(const std::vector<glm::vec3>& corners, float halfThickness, float rounding) {
    glm::vec3 centroid(0.0f), normal(0.0f);
    for (const glm::vec3& p : corners) centroid += p;
    centroid /= static_cast<float>(corners.size());
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const glm::vec3& a = corners[i];
        const glm::vec3& b = corners[(i + 1) % corners.size()];
        normal += glm::vec3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), (a.x - b.x) * (a.y + b.y));
    }
    return outlinedPlate(frameFromYX(centroid, normal, corners[1] - corners[0]), corners, halfThickness, rounding);
}

}  // namespace

BoneModel buildHipBoneRight(const SkeletonParams& params) {
    const PelvisLayout layout = pelvisLayout(params);
    const glm::vec3 hip = layout.hipCentre;
    const glm::vec3 axis = layout.acetabulumAxis;

    const float asisZ = params.f("pelvis.inter_asis_width") / 2.0f;
    const float aiisZ = params.f("pelvis.inter_aiis_width") / 2.0f;
    const float crestTop = params.f("pelvis.iliac_crest_height");
    const float crestZ = params.f("pelvis.intercristal_width") / 2.0f;
    const float psisX = -params.f("pelvis.asis_to_psis_depth");
    const float psisZ = params.f("pelvis.inter_psis_width") / 2.0f;
    const float tuberosityY = -params.f("pelvis.ischial_tuberosity_height");
    const float symphysisHeight = params.f("pelvis.pubic_symphysis_height");
    const float socketRadius = params.f("femur.head_diameter") / 2.0f + params.f("pelvis.hip_joint_space");
    const float rimRadius = params.f("pelvis.acetabulum_width") / 2.0f;
    const float openingOffset = params.f("pelvis.acetabular_depth") - socketRadius;  // opening plane along the axis
    const float brimZ = params.f("pelvis.inlet_transverse_diameter") / 2.0f;         // medial face of the brim
    const float spineZ = params.f("pelvis.interspinous_distance") / 2.0f;
    const float notchWidth = params.f("pelvis.greater_sciatic_notch_width");

    // --- key points -----------------------------------------------------------------------------
    const glm::vec3 si = layout.sacroiliacCentre;
    const glm::vec3 siNormal = layout.sacroiliacNormal;
    const glm::vec3 psis(psisX + 8.0f, 2.0f, psisZ);  // tip of the PSIS bump reaches x = psisX
    // Ischial spine behind the acetabulum, its tip at half the interspinous distance; the PIIS one
    // notch width above and behind it, so that the greater sciatic notch spans the cited width.
    const glm::vec3 spineTip(hip.x - 50.0f, hip.y - 8.0f, spineZ);
    const glm::vec3 notchChord = glm::normalize(glm::vec3(-22.0f, 44.0f, 4.5f));
    const glm::vec3 piis = spineTip + notchChord * notchWidth;
    // Deepest point of the greater sciatic notch: 28 mm in front of the PIIS-spine chord.
    const glm::vec3 chordMid = 0.5f * (piis + spineTip);
    const glm::vec3 notchApex =
        chordMid + glm::normalize(glm::vec3(0.894f, 0.447f, 0.0f)) * 28.0f + glm::vec3(0.0f, 0.0f, 60.0f - chordMid.z);
    const glm::vec3 spineBase(spineTip.x + 6.0f, spineTip.y + 3.0f, spineTip.z + 9.0f);
    const glm::vec3 lesserNotch(spineTip.x + 13.0f, spineTip.y - 19.0f, 60.0f);
    const glm::vec3 tuberosity(hip.x - 20.0f, tuberosityY + 15.0f, hip.z - 18.0f);  // centre of the tuberosity

    // Pubic symphysis: its top sits one true conjugate from the sacral promontory (the conjugate
    // runs to the posterior-superior edge of the symphysis, just behind the face's midpoint).
    const glm::vec3 promontory = layout.promontory;
    const float symphysisBackX = -12.0f;
    const float conjugate = params.f("pelvis.true_conjugate");
    const float dx = symphysisBackX - promontory.x;
    const float symphysisTopY = promontory.y - std::sqrt(std::max(conjugate * conjugate - dx * dx, 1.0f));
    const glm::vec3 symphysisCentre(-6.0f, symphysisTopY - symphysisHeight / 2.0f, 11.0f);
    const glm::vec3 pubicTubercle(1.0f, symphysisTopY - 1.0f, 22.0f);
    const glm::vec3 iliopubicEminence(hip.x + 20.0f, hip.y + 24.0f, brimZ - 4.0f);

    // --- iliac wing -----------------------------------------------------------------------------
    const glm::vec3 asis(-8.0f, 0.0f, asisZ);  // crest end; the spine's bump reaches forward to x = 0
    const glm::vec3 aiis(-8.0f, -32.0f, aiisZ);
    const std::vector<glm::vec3> crestGuide = {
        asis,
        {-0.12f * -psisX, 0.45f * crestTop, asisZ + 0.55f * (crestZ - asisZ)},
        {-0.28f * -psisX, 0.78f * crestTop, crestZ},  // iliac tubercle: widest point
        {-0.50f * -psisX, crestTop, crestZ - 12.0f},  // crest top
        {-0.72f * -psisX, 0.88f * crestTop, 0.5f * (crestZ + psisZ) + 8.0f},
        {-0.88f * -psisX, 0.55f * crestTop, psisZ + 22.0f}};
    std::vector<glm::vec3> outline = crestGuide;
    outline.insert(outline.end(), {psis + glm::vec3(8.0f, -4.0f, 14.0f),
                                   piis + glm::vec3(10.0f, 2.0f, 10.0f),
                                   notchApex + glm::vec3(8.0f, 6.0f, 8.0f),
                                   hip + glm::vec3(-24.0f, 26.0f, 2.0f),
                                   hip + glm::vec3(22.0f, 24.0f, 8.0f),
                                   aiis,
                                   {-4.0f, -14.0f, 0.5f * (asisZ + aiisZ)}});
    const WingShell shell = makeWingShell(outline);
    std::vector<glm::vec2> outline2d;
    for (const glm::vec3& p : outline) {
        const glm::vec3 local = shell.plane.toLocal(shell.project(p));
        outline2d.emplace_back(local.x, local.z);
    }
    std::vector<glm::vec3> crest;
    crest.reserve(crestGuide.size() + 1);
    for (const glm::vec3& p : crestGuide) crest.push_back(shell.project(p));
    crest.push_back(psis + glm::vec3(4.0f, 3.0f, 6.0f));  // the crest turns in to end at the PSIS
    const float wingHalfThickness = 2.6f;
    const glm::vec3 shellCentre = shell.centre;
    const float shellRadius = shell.radius;
    const Sdf shellSdf = [=](const glm::vec3& p) {
        return std::abs(glm::length(p - shellCentre) - shellRadius) - wingHalfThickness;
    };
    std::vector<Sdf> parts;
    parts.push_back(smoothIntersect(shellSdf, extrudedPolygon(shell.plane, outline2d), 2.0f));
    parts.push_back(tube(crest, {6.0f, 6.5f, 7.5f, 7.0f, 6.5f, 7.5f, 8.5f}));  // iliac crest (thick rim)
    const glm::vec3 asisTip(-7.0f, -2.0f, asisZ);
    parts.push_back(
        ellipsoid(frameFromYX(asisTip, {0.0f, 1.0f, 0.0f}, {1.0f, 0.0f, 0.0f}), {8.0f, 10.0f, 6.5f}));  // ASIS
    const glm::vec3 tubercle = crest[2] + shell.outward(crest[2]) * 3.0f;
    parts.push_back(ellipsoid(tubercle, {13.0f, 8.5f, 8.5f}));  // iliac tubercle
    const glm::vec3 aiisOnWing = shell.project(aiis);
    parts.push_back(ellipsoid(aiisOnWing + glm::vec3(2.0f, 0.0f, 0.0f), {7.0f, 11.0f, 6.0f}));  // AIIS
    parts.push_back(ellipsoid(psis, {8.0f, 10.0f, 8.0f}));                                      // PSIS
    parts.push_back(ellipsoid(piis, {6.5f, 7.5f, 6.5f}));                                       // PIIS
    // Posterior gluteal surface: a plate from the back of the crest to the PSIS, the PIIS, the
    // greater sciatic notch and the body of the ilium, joining the wing to the posterior ilium.
    parts.push_back(
        polygonPlate({crest[4], crest[5], psis + glm::vec3(2.0f, 6.0f, 2.0f), psis + glm::vec3(6.0f, -10.0f, 3.0f),
                      piis + glm::vec3(4.0f, 0.0f, 2.0f), notchApex + glm::vec3(4.0f, 2.0f, 2.0f),
                      hip + glm::vec3(-32.0f, 48.0f, -5.0f), hip + glm::vec3(-40.0f, 100.0f, 8.0f)},
                     3.2f, 2.5f));

    // --- posterior ilium: iliac tuberosity and auricular surface ---------------------------------
    // A thick block lateral to the joint plane (flattened against it below), reaching back to the
    // PSIS and down to the PIIS.
    const glm::vec3 siUp = glm::normalize(glm::vec3(0.0f, 1.0f, 0.0f) - siNormal * siNormal.y);
    const Frame auricularFrame =
        frameFromYX(si + siNormal * 8.0f + glm::vec3(-4.0f, 0.0f, 0.0f), siUp, glm::cross(siUp, siNormal));
    parts.push_back(ellipsoid(auricularFrame, {22.0f, params.f("sacrum.auricular_height") * 0.52f, 12.0f}));
    parts.push_back(roundCone(si + siNormal * 12.0f + glm::vec3(-10.0f, 8.0f, 0.0f), psis, 12.0f, 8.0f));
    parts.push_back(roundCone(si + siNormal * 11.0f + glm::vec3(-8.0f, -20.0f, 0.0f), piis, 10.0f, 6.5f));

    // --- sciatic border: PIIS, greater notch, ischial spine, lesser notch, tuberosity -------------
    parts.push_back(tube({piis, 0.5f * (piis + notchApex) + glm::vec3(0.0f, 0.0f, 4.0f), notchApex,
                          0.5f * (notchApex + spineBase) + glm::vec3(2.0f, 0.0f, 0.0f), spineBase, lesserNotch,
                          tuberosity + glm::vec3(-10.0f, 10.0f, 0.0f)},
                         {6.5f, 8.0f, 9.5f, 10.0f, 9.0f, 8.0f, 10.0f}));
    parts.push_back(roundCone(spineBase, spineTip, 6.5f, 2.6f));  // ischial spine

    // --- body of the ilium, ischium and the acetabular walls --------------------------------------
    parts.push_back(ellipsoid(hip + glm::vec3(-6.0f, 38.0f, -8.0f), {28.0f, 22.0f, 19.0f}));  // body of the ilium
    parts.push_back(ellipsoid(frameFromYX(hip + glm::vec3(-24.0f, -26.0f, -10.0f), glm::vec3(-0.35f, 1.0f, 0.0f),
                                          glm::vec3(1.0f, 0.0f, 0.0f)),
                              {15.0f, 24.0f, 13.0f}));  // body of the ischium
    parts.push_back(ellipsoid(frameFromYX(tuberosity, glm::vec3(-0.3f, 1.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f)),
                              {11.5f, 16.0f, 11.0f}));  // ischial tuberosity
    // Quadrilateral plate: the side wall of the true pelvis behind the acetabulum.
    parts.push_back(roundBox(
        frameFromYX(hip + glm::vec3(-12.0f, -4.0f, -23.5f), glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.12f)),
        {30.0f, 24.0f, 4.5f}, 4.0f));

    // Pelvic brim: the arcuate line from the auricular surface to the iliopubic eminence, then the
    // pecten pubis to the pubic tubercle and the pubic crest; its medial face lies at half the
    // inlet's transverse diameter where it is widest.
    const float brimRadius = 5.0f;
    const glm::vec3 brimStart = si + glm::vec3(17.0f, -22.0f, 0.0f);
    // (on the ilium's side of the joint plane at that height and depth)
    const float brimStartZ =
        si.z - (siNormal.x * (brimStart.x - si.x) + siNormal.y * (brimStart.y - si.y)) / siNormal.z + 8.0f;
    const std::vector<glm::vec3> brim = {{brimStart.x, brimStart.y, brimStartZ},
                                         {-80.0f, -22.0f, brimZ + brimRadius},
                                         {-58.0f, hip.y + 38.0f, brimZ + brimRadius - 1.0f},
                                         iliopubicEminence + glm::vec3(0.0f, 0.0f, 1.0f),
                                         {-22.0f, symphysisTopY + 8.0f, 42.0f},
                                         pubicTubercle + glm::vec3(-5.0f, 2.0f, 0.0f),
                                         {-7.0f, symphysisTopY - 1.0f, 6.0f}};
    parts.push_back(tube(brim, {brimRadius, brimRadius, brimRadius, 6.5f, 5.5f, 5.0f, 4.5f}));
    // The bone under the brim, from the auricular surface to the acetabulum (the sacro-acetabular
    // buttress that carries the trunk's weight to the hip).
    parts.push_back(
        roundCone(brim[1] + glm::vec3(-4.0f, -4.0f, 4.0f), hip + glm::vec3(-8.0f, 24.0f, -12.0f), 9.0f, 13.0f));

    // Posterior column: the broad bone between the sciatic border and the back of the acetabulum
    // (a plate, so the border reads as the edge of one bone rather than a separate rod).
    parts.push_back(polygonPlate({piis + glm::vec3(6.0f, 0.0f, 2.0f), notchApex + glm::vec3(4.0f, 0.0f, 2.0f),
                                  spineBase + glm::vec3(4.0f, 0.0f, 3.0f), lesserNotch + glm::vec3(4.0f, 0.0f, 2.0f),
                                  tuberosity + glm::vec3(-4.0f, 10.0f, 0.0f),
                                  tuberosity + glm::vec3(10.0f, 14.0f, 0.0f), hip + glm::vec3(-14.0f, -26.0f, -6.0f),
                                  hip + glm::vec3(-26.0f, 0.0f, -4.0f), hip + glm::vec3(-20.0f, 28.0f, -8.0f)},
                                 6.5f, 4.0f));

    // --- pubis and the obturator frame ------------------------------------------------------------
    const glm::vec3 foramenTop(-26.0f, symphysisTopY - 24.0f, 40.0f);
    const glm::vec3 foramenBottom(-46.0f, tuberosityY + 12.0f, 38.0f);
    const glm::vec3 foramenFront(-18.0f, symphysisTopY - 45.0f, 24.0f);
    const glm::vec3 foramenBack(-50.0f, symphysisTopY - 50.0f, 50.0f);
    const glm::vec3 foramenCentre = 0.25f * (foramenTop + foramenBottom + foramenFront + foramenBack);
    glm::vec3 foramenNormal = glm::normalize(glm::cross(foramenTop - foramenBottom, foramenBack - foramenFront));
    if (foramenNormal.x < 0.0f) foramenNormal = -foramenNormal;
    const Frame foramenFrame = frameFromYX(foramenCentre, foramenNormal, foramenBottom - foramenTop);
    const glm::vec3 symphysisBottom(-9.0f, symphysisTopY - symphysisHeight + 3.0f, 7.0f);
    // The frame around the foramen: superior ramus, pubic body, inferior and ischial rami, tuberosity
    // and the bone under the acetabulum, as rounded bars with a thin plate between them and the hole.
    const glm::vec3 superiorRamusMid(-24.0f, symphysisTopY - 2.0f, 40.0f);
    const glm::vec3 pubicBodyTop(-8.0f, symphysisTopY - 6.0f, 14.0f);
    const glm::vec3 inferiorRamusMid(-28.0f, tuberosityY + 20.0f, 22.0f);
    const glm::vec3 ischialRamusMid(-52.0f, tuberosityY + 6.0f, 44.0f);
    const glm::vec3 ischialFront = tuberosity + glm::vec3(8.0f, -4.0f, -4.0f);
    const glm::vec3 subAcetabular = hip + glm::vec3(-4.0f, -34.0f, -20.0f);
    parts.push_back(outlinedPlate(
        foramenFrame,
        {iliopubicEminence, superiorRamusMid, pubicBodyTop, symphysisCentre, symphysisBottom, inferiorRamusMid,
         ischialRamusMid, ischialFront, tuberosity + glm::vec3(-2.0f, 14.0f, 0.0f), subAcetabular},
        4.0f, 3.0f));
    // Superior pubic ramus (thick, triangular in section) and the pubic body.
    parts.push_back(squashedAlong(
        tube({iliopubicEminence + glm::vec3(-4.0f, -4.0f, 2.0f), superiorRamusMid, pubicBodyTop}, {12.0f, 9.5f, 9.0f}),
        foramenTop, foramenNormal, 1.25f));
    parts.push_back(ellipsoid(frameFromYX(symphysisCentre, glm::vec3(0.1f, 1.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f)),
                              {9.5f, symphysisHeight / 2.0f + 1.0f, 10.5f}));  // pubic body
    parts.push_back(sphere(pubicTubercle, 5.0f));
    // Inferior pubic ramus and ischial ramus: a flat bar from the symphysis to the tuberosity.
    parts.push_back(squashedAlong(
        tube({symphysisBottom + glm::vec3(0.0f, 4.0f, 0.0f), inferiorRamusMid, ischialRamusMid, ischialFront},
             {8.0f, 7.5f, 8.0f, 9.0f}),
        foramenBottom, foramenNormal, 1.6f));
    // Infra-acetabular bone: fills under the cup's lower wall so the socket sits in the bone, not on it.
    parts.push_back(
        ellipsoid(frameFromYX(hip + glm::vec3(-6.0f, -25.0f, -6.0f) - axis * 14.0f, axis, glm::vec3(1.0f, 0.0f, 0.0f)),
                  {21.0f, 9.0f, 13.0f}));
    // Below the acetabular notch: the bone that closes the foramen's upper-posterior margin.
    parts.push_back(capsule(subAcetabular, iliopubicEminence + glm::vec3(-6.0f, -10.0f, -2.0f), 8.0f));
    parts.push_back(capsule(subAcetabular, tuberosity + glm::vec3(-2.0f, 14.0f, 0.0f), 8.5f));

    Sdf bone = smoothUniteAll(parts, 5.0f);

    // --- cuts -------------------------------------------------------------------------------------
    // Obturator foramen: an oval hole through the plate.
    bone = smoothSubtract(bone, ellipticCylinder(foramenFrame, 21.0f, 13.5f, 13.0f, 2.0f), 3.0f);

    // Acetabulum: add the cup walls, hollow the socket, open it, add the rim lip, then the fossa and
    // the notch.
    const glm::vec3 openingCentre = hip + axis * openingOffset;
    bone = smoothUnite(bone, sphere(hip, rimRadius), 5.0f);
    bone = smoothSubtract(bone, sphere(hip, socketRadius), 1.0f);
    bone = smoothSubtract(bone, intersect(halfSpace(openingCentre, -axis), sphere(hip, rimRadius + 0.5f)), 1.5f);
    const Frame rimFrame = frameFromYX(openingCentre, axis, glm::vec3(1.0f, 0.0f, 0.0f));
    const float lipRadius = 0.5f * (rimRadius - socketRadius);
    bone = smoothUnite(bone, torus(rimFrame, socketRadius + lipRadius, lipRadius), 1.5f);
    glm::vec3 notchDirection = glm::vec3(0.25f, -1.0f, 0.0f);
    notchDirection = glm::normalize(notchDirection - axis * glm::dot(notchDirection, axis));
    // Acetabular fossa: the non-articular pit in the floor, open to the notch; the lunate surface is
    // the horseshoe of socket sphere left around it.
    bone = smoothSubtract(bone, sphere(hip - axis * (socketRadius - 9.0f) + notchDirection * 10.0f, 11.0f), 1.5f);
    const glm::vec3 notchInner = openingCentre + notchDirection * (socketRadius - 5.0f) + axis * 1.0f;
    bone = smoothSubtract(
        bone, capsule(notchInner, openingCentre + notchDirection * (rimRadius + 2.0f) + axis * 5.0f, 6.0f), 1.5f);

    // Symphyseal face: flat, just lateral of the midline.
    bone = smoothIntersect(bone, halfSpace(glm::vec3(0.0f, 0.0f, 2.0f), glm::vec3(0.0f, 0.0f, -1.0f)), 1.0f);
    // Auricular surface: nothing of the posterior ilium on the sacrum's side of the joint plane
    // (shifted by half the joint space); the region keeps the cut to the sacroiliac area.
    const float halfGap = 0.5f * layout.sacroiliacGap;
    const Sdf sacrumSide = halfSpace(si + siNormal * halfGap, siNormal);
    const Sdf jointRegion = ellipsoid(si + glm::vec3(-10.0f, 0.0f, -10.0f), {62.0f, 62.0f, 55.0f});
    bone = smoothSubtract(bone, intersect(sacrumSide, jointRegion), 1.0f);

    BoneModel model;
    model.id = "hip_bone_r";
    model.displayName = "Right hip bone (os coxae)";
    model.commonName = "hip bone";
    model.side = "right";
    model.parentFrame = "pelvis";
    model.sdf = bone;
    model.boundsMin = {psisX - 25.0f, tuberosityY - 25.0f, -2.0f};
    model.boundsMax = {25.0f, crestTop + 25.0f, crestZ + 25.0f};
    model.voxelSize = params.f("mesh.voxel_medium");
    model.highTriangles = 40000;
    model.lowTriangles = 7000;

    const auto tipAlong = [&](glm::vec3 from, glm::vec3 dir) {
        return marchToSurface(bone, from + glm::normalize(dir) * 40.0f, -dir, 60.0f);
    };
    // Brim: the widest point of the medial face along the arcuate line, found from the midline.
    glm::vec3 brimWidest(0.0f);
    for (int i = 0; i <= 20; ++i) {
        const glm::vec3 guide = glm::mix(brim[0], brim[3], static_cast<float>(i) / 20.0f);
        const glm::vec3 hit = marchToSurface(bone, glm::vec3(guide.x, guide.y, 20.0f), {0.0f, 0.0f, 1.0f}, 100.0f);
        if (hit.z < 110.0f && hit.z > brimWidest.z) brimWidest = hit;
    }
    model.landmarks = {
        {"asis", tipAlong(asisTip, {1.0f, 0.0f, 0.0f})},
        {"aiis", tipAlong(aiisOnWing, {1.0f, 0.0f, 0.0f})},
        {"psis", tipAlong(psis, {-1.0f, 0.0f, 0.0f})},
        {"piis", tipAlong(piis, {-1.0f, -0.3f, 0.0f})},
        {"iliac_crest_top", tipAlong(crest[3], {0.0f, 1.0f, 0.0f})},
        {"iliac_tubercle", tipAlong(tubercle, {0.0f, 0.0f, 1.0f})},
        {"pubic_tubercle", tipAlong(pubicTubercle, {1.0f, 0.0f, 0.0f})},
        {"pubic_symphysis", tipAlong(symphysisCentre, {0.0f, 0.0f, -1.0f})},
        {"pubic_symphysis_superior", tipAlong({symphysisBackX, symphysisTopY - 3.0f, 4.0f}, {0.0f, 1.0f, 0.0f})},
        {"ischial_tuberosity", tipAlong(tuberosity, {0.0f, -1.0f, 0.0f})},
        {"ischial_spine", tipAlong(spineTip + glm::vec3(2.0f, 0.0f, 4.0f), {-0.3f, 0.0f, -1.0f})},
        {"greater_sciatic_notch", tipAlong(notchApex, {-0.894f, -0.447f, 0.0f})},
        {"lesser_sciatic_notch", tipAlong(lesserNotch, {-1.0f, 0.0f, 0.0f})},
        {"iliopubic_eminence", tipAlong(iliopubicEminence, {0.0f, 1.0f, 0.0f})},
        {"arcuate_line", brimWidest},
        {"auricular_surface", tipAlong(si + siNormal * 6.0f, -siNormal)},
        {"acetabulum_centre", hip, false},
    };
    model.joints = {
        {"hip_centre", hip, false, "acetabulum (socket sphere) centre = femoral head centre, pelvis frame"},
        {"acetabulum_axis", axis, true, "unit vector out of the socket opening"},
        {"pubic_symphysis", model.landmarks[7].position, false, "medial face of the pubic body"},
        {"sacroiliac_centre", si, false, "centre of the auricular surface contact"},
        {"sacroiliac_normal", siNormal, true, "unit normal of the sacroiliac joint plane, sacrum to ilium"},
    };
    model.design = {
        {"inter_asis_width", 2.0 * asisZ / 1000.0, "m", "pelvis.inter_asis_width"},
        {"acetabulum_rim_diameter", 2.0 * rimRadius / 1000.0, "m", "pelvis.acetabulum_width"},
        {"acetabulum_socket_diameter", 2.0 * socketRadius / 1000.0, "m", ""},
        {"acetabular_inclination", params.value("pelvis.acetabular_inclination"), "deg",
         "pelvis.acetabular_inclination"},
        {"acetabular_anteversion", params.value("pelvis.acetabular_anteversion"), "deg",
         "pelvis.acetabular_anteversion"},
        {"inter_psis_width", 2.0 * psisZ / 1000.0, "m", "pelvis.inter_psis_width"},
        {"true_conjugate", conjugate / 1000.0, "m", "pelvis.true_conjugate"},
        {"inlet_transverse_diameter", 2.0 * brimZ / 1000.0, "m", "pelvis.inlet_transverse_diameter"},
        {"interspinous_distance", 2.0 * spineZ / 1000.0, "m", "pelvis.interspinous_distance"},
        {"greater_sciatic_notch_width", notchWidth / 1000.0, "m", "pelvis.greater_sciatic_notch_width"},
        {"sacroiliac_joint_space", layout.sacroiliacGap / 1000.0, "m", "pelvis.sacroiliac_joint_space"},
    };
    return model;
}

}  // namespace bonegen
