// Right hip bone (ilium + ischium + pubis) in the pelvis frame: origin midway between the ASISs,
// x anterior, y superior, z right, with the ASISs and the pubic symphysis in one frontal plane.

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

    // --- iliac wing ------------------------------------------------------------------------
    const glm::vec3 asis(-8.0f, 0.0f, asisZ);  // crest end; the spine's bump reaches forward to x = 0
    const glm::vec3 psis(psisX, 8.0f, psisZ);
    const std::vector<glm::vec3> crestGuide = {
        asis,
        {-0.12f * -psisX, 0.45f * crestTop, asisZ + 0.55f * (crestZ - asisZ)},
        {-0.28f * -psisX, 0.78f * crestTop, crestZ},  // iliac tubercle: widest point
        {-0.50f * -psisX, crestTop, crestZ - 12.0f},  // crest top
        {-0.72f * -psisX, 0.88f * crestTop, 0.5f * (crestZ + psisZ) + 5.0f},
        {-0.88f * -psisX, 0.58f * crestTop, psisZ + 20.0f},
        psis};
    const glm::vec3 piis(psisX + 3.0f, -22.0f, psisZ + 2.0f);
    const glm::vec3 aiis(-8.0f, -32.0f, aiisZ);
    std::vector<glm::vec3> outline = crestGuide;
    outline.insert(outline.end(), {piis,
                                   {psisX + 22.0f, -46.0f, psisZ + 12.0f},
                                   {hip.x - 45.0f, hip.y + 12.0f, hip.z - 6.0f},
                                   hip + glm::vec3(-10.0f, 0.0f, 8.0f),
                                   hip + glm::vec3(25.0f, 18.0f, 10.0f),
                                   aiis,
                                   {-4.0f, -14.0f, 0.5f * (asisZ + aiisZ)}});
    const WingShell shell = makeWingShell(outline);
    std::vector<glm::vec2> outline2d;
    std::vector<glm::vec3> crest;
    crest.reserve(crestGuide.size());
    for (const glm::vec3& p : outline) {
        const glm::vec3 local = shell.plane.toLocal(shell.project(p));
        outline2d.emplace_back(local.x, local.z);
    }
    for (const glm::vec3& p : crestGuide) crest.push_back(shell.project(p));
    const float wingHalfThickness = 2.6f;
    const glm::vec3 shellCentre = shell.centre;
    const float shellRadius = shell.radius;
    const Sdf shellSdf = [=](const glm::vec3& p) {
        return std::abs(glm::length(p - shellCentre) - shellRadius) - wingHalfThickness;
    };
    const Sdf wing = smoothIntersect(shellSdf, extrudedPolygon(shell.plane, outline2d), 2.0f);

    std::vector<Sdf> parts;
    parts.push_back(wing);
    parts.push_back(tube(crest, {6.0f, 6.5f, 7.5f, 7.0f, 6.5f, 7.0f, 8.0f}));  // iliac crest (thick rim)
    const glm::vec3 asisTip(-7.0f, -2.0f, asisZ);  // tip of the bump at x = +1, z = inter-ASIS / 2
    parts.push_back(
        ellipsoid(frameFromYX(asisTip, {0.0f, 1.0f, 0.0f}, {1.0f, 0.0f, 0.0f}), {8.0f, 10.0f, 6.5f}));  // ASIS
    parts.push_back(ellipsoid(crest[2] + shell.outward(crest[2]) * 2.0f, {12.0f, 8.0f, 8.0f}));  // iliac tubercle
    const glm::vec3 aiisOnWing = shell.project(aiis);
    parts.push_back(ellipsoid(aiisOnWing + glm::vec3(2.0f, 0.0f, 0.0f), {7.0f, 11.0f, 6.0f}));  // AIIS
    const glm::vec3 psisTip = crest.back() + glm::vec3(-4.0f, 0.0f, 0.0f);
    parts.push_back(ellipsoid(psisTip, {8.0f, 10.0f, 8.0f}));             // PSIS
    parts.push_back(ellipsoid(shell.project(piis), {6.0f, 8.0f, 7.0f}));  // PIIS

    // Thick column that carries load from the sacrum to the acetabulum (its upper edge is the brim).
    const glm::vec3 auricular = layout.sacroiliacCentre + glm::vec3(0.0f, 0.0f, 6.0f);
    parts.push_back(
        roundCone(hip + glm::vec3(-14.0f, 14.0f, -10.0f), auricular, 12.0f, 11.0f));  // sacro-acetabular buttress
    // Auricular surface: an ear-shaped pad whose medial face is flattened against the sacrum.
    const Frame auricularFrame = frameFromYX(auricular, glm::vec3(0.25f, 1.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f));
    const float faceZ = layout.auricularHalfWidth + 1.0f;  // 1 mm joint gap to the sacrum's flat face
    parts.push_back(
        smoothIntersect(ellipsoid(auricularFrame, {16.0f, params.f("sacrum.auricular_height") / 2.0f, 8.0f}),
                        halfSpace(glm::vec3(0.0f, 0.0f, faceZ), glm::vec3(0.0f, 0.0f, -1.0f)), 1.0f));
    // Posterior border of the ilium and ischium: its concave curve is the greater sciatic notch.
    const glm::vec3 ischialSpine(hip.x - 44.0f, hip.y - 22.0f, hip.z - 22.0f);
    const std::vector<glm::vec3> notchBorder = {
        shell.project(piis), shell.project({psisX + 20.0f, -48.0f, psisZ + 12.0f}),
        shell.project({hip.x - 46.0f, hip.y + 8.0f, hip.z - 8.0f}), ischialSpine + glm::vec3(6.0f, 6.0f, 6.0f)};
    parts.push_back(tube(notchBorder, {7.0f, 8.0f, 10.0f, 9.0f}));
    parts.push_back(roundCone(ischialSpine + glm::vec3(6.0f, 6.0f, 8.0f), ischialSpine, 6.0f, 2.5f));  // ischial spine

    // --- acetabulum, ischium, pubis -----------------------------------------------------------
    const float cupOffset = 3.0f;
    const float cupOuterRadius =
        std::sqrt(rimRadius * rimRadius + (openingOffset + cupOffset) * (openingOffset + cupOffset));
    parts.push_back(sphere(hip - axis * cupOffset, cupOuterRadius));
    // Body of the ilium: the thick bone between the socket roof and the wing (behind the opening
    // plane, so the socket's mouth stays clear).
    const glm::vec3 wingNormal = shell.plane.axes[1];
    parts.push_back(ellipsoid(frameFromYX(hip + glm::vec3(-6.0f, 30.0f, -6.0f), {0.0f, 1.0f, 0.0f},
                                          glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), wingNormal)),
                              {26.0f, 22.0f, 13.0f}));
    // Supra-acetabular bone: the lateral wall above the socket, flush with the cup's outer wall.
    parts.push_back(ellipsoid(frameFromYX(hip + glm::vec3(-2.0f, 22.0f, 6.0f), {0.0f, 1.0f, 0.0f},
                                          glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), wingNormal)),
                              {26.0f, 16.0f, 11.0f}));
    const glm::vec3 tuberosity(hip.x - 20.0f, tuberosityY + 6.0f, hip.z - 18.0f);
    parts.push_back(roundCone(hip + glm::vec3(-14.0f, -14.0f, -16.0f), tuberosity + glm::vec3(2.0f, 8.0f, 0.0f), 14.0f,
                              11.0f));  // ischial body
    parts.push_back(ellipsoid(frameFromYX(tuberosity, glm::vec3(0.25f, 1.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f)),
                              {11.0f, 17.0f, 11.0f}));  // tuberosity
    const glm::vec3 symphysisCentre(-6.0f, tuberosityY + 48.0f, 2.0f + 9.0f);
    const glm::vec3 pubicTubercle(1.0f, symphysisCentre.y + 0.45f * symphysisHeight, 22.0f);
    // The ring around the obturator foramen; the rami are flat bars lying in its plane.
    const glm::vec3 ringIschium = hip + glm::vec3(-12.0f, -38.0f, -10.0f);
    const glm::vec3 ringPubis = symphysisCentre + glm::vec3(-3.0f, -4.0f, 4.0f);
    const glm::vec3 ringTop(-22.0f, symphysisCentre.y + 8.0f, 44.0f);
    const glm::vec3 ringBottom(hip.x + 18.0f, tuberosityY + 10.0f, hip.z - 46.0f);
    const glm::vec3 foramenCentre = 0.25f * (ringIschium + ringPubis + ringTop + ringBottom);
    const glm::vec3 longAxis = glm::normalize(ringIschium - ringPubis);
    glm::vec3 foramenNormal = glm::normalize(glm::cross(ringIschium - ringPubis, ringTop - ringBottom));
    if (foramenNormal.x < 0.0f) foramenNormal = -foramenNormal;
    const glm::vec3 inferiorRamusMid(-26.0f, symphysisCentre.y - 26.0f, 24.0f);
    parts.push_back(squashedAlong(tube({tuberosity + glm::vec3(10.0f, -6.0f, -2.0f),
                                        {hip.x + 10.0f, tuberosityY + 4.0f, hip.z - 40.0f},
                                        {-26.0f, symphysisCentre.y - 26.0f, 24.0f},
                                        symphysisCentre + glm::vec3(-2.0f, -12.0f, 0.0f)},
                                       {8.5f, 8.0f, 7.5f, 8.0f}),
                                  inferiorRamusMid, foramenNormal, 1.7f));  // ischial ramus + inferior pubic ramus
    const glm::vec3 iliopubicEminence = hip + glm::vec3(14.0f, -4.0f, -18.0f);
    parts.push_back(squashedAlong(tube({iliopubicEminence,
                                        {-22.0f, symphysisCentre.y + 8.0f, 44.0f},
                                        symphysisCentre + glm::vec3(0.0f, 8.0f, 4.0f)},
                                       {11.5f, 10.0f, 9.5f}),
                                  ringTop, foramenNormal, 1.35f));  // superior pubic ramus
    parts.push_back(ellipsoid(frameFromYX(symphysisCentre, glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f)),
                              {9.0f, symphysisHeight / 2.0f, 11.0f}));  // pubic body
    parts.push_back(sphere(pubicTubercle, 5.0f));
    parts.push_back(
        capsule(pubicTubercle, {pubicTubercle.x - 2.0f, pubicTubercle.y - 2.0f, 6.0f}, 4.5f));  // pubic crest

    Sdf bone = smoothUniteAll(parts, 5.0f);

    // Obturator foramen: a real hole inside the ring of rami, ischium and pubic body.
    const Frame foramenFrame = frameFromYX(foramenCentre, foramenNormal, longAxis);
    bone = smoothSubtract(bone, ellipsoid(foramenFrame, {21.0f, 30.0f, 13.0f}), 3.0f);

    // Socket, its opening and the acetabular notch; then the rim lip.
    bone = smoothSubtract(bone, sphere(hip, socketRadius), 1.0f);
    const glm::vec3 openingCentre = hip + axis * openingOffset;
    bone = smoothSubtract(
        bone, intersect(halfSpace(openingCentre, -axis), sphere(hip - axis * cupOffset, cupOuterRadius + 3.0f)), 2.5f);
    const Frame rimFrame = frameFromYX(openingCentre, axis, glm::vec3(1.0f, 0.0f, 0.0f));
    const float lipRadius = 0.5f * (rimRadius - socketRadius);
    bone = smoothUnite(bone, torus(rimFrame, socketRadius + lipRadius, lipRadius), 1.5f);
    glm::vec3 notchDirection = glm::vec3(0.25f, -1.0f, 0.0f);
    notchDirection = glm::normalize(notchDirection - axis * glm::dot(notchDirection, axis));
    const glm::vec3 notchInner = openingCentre + notchDirection * (socketRadius - 6.0f);
    bone = smoothSubtract(
        bone, capsule(notchInner, openingCentre + notchDirection * (rimRadius + 6.0f) + axis * 4.0f, 7.5f), 1.5f);

    // Symphyseal face: flat, just lateral of the midline.
    bone = smoothIntersect(bone, halfSpace(glm::vec3(0.0f, 0.0f, 2.0f), glm::vec3(0.0f, 0.0f, -1.0f)), 1.0f);
    const glm::vec3 si = layout.sacroiliacCentre;

    // Pelvic brim (arcuate line): a low ridge on the medial surface from the auricular surface to the pubis.
    std::vector<glm::vec3> brim;
    for (const glm::vec3& guide : {glm::vec3(si.x + 18.0f, si.y - 20.0f, 0.0f), glm::vec3(-75.0f, hip.y + 38.0f, 0.0f),
                                   glm::vec3(hip.x + 8.0f, hip.y + 20.0f, 0.0f),
                                   glm::vec3(iliopubicEminence.x, iliopubicEminence.y + 8.0f, 0.0f),
                                   glm::vec3(-22.0f, symphysisCentre.y + 17.0f, 0.0f),
                                   glm::vec3(pubicTubercle.x - 4.0f, pubicTubercle.y + 3.0f, 0.0f)}) {
        brim.push_back(marchToSurface(bone, glm::vec3(guide.x, guide.y, 2.0f), glm::vec3(0.0f, 0.0f, 1.0f), 140.0f) +
                       glm::vec3(0.0f, 0.0f, 1.2f));
    }
    bone = smoothUnite(bone, tube(brim, {2.6f, 2.6f, 2.6f, 2.6f, 2.4f, 2.2f}), 2.0f);

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
    model.landmarks = {
        {"asis", tipAlong(asisTip, {1.0f, 0.0f, 0.0f})},
        {"aiis", tipAlong(aiisOnWing, {1.0f, 0.0f, 0.0f})},
        {"psis", tipAlong(psisTip, {-1.0f, 0.0f, 0.0f})},
        {"iliac_crest_top", tipAlong(crest[3], {0.0f, 1.0f, 0.0f})},
        {"iliac_tubercle", tipAlong(crest[2], {0.0f, 0.0f, 1.0f})},
        {"pubic_tubercle", tipAlong(pubicTubercle, {1.0f, 0.0f, 0.0f})},
        {"pubic_symphysis", tipAlong(symphysisCentre, {0.0f, 0.0f, -1.0f})},
        {"ischial_tuberosity", tipAlong(tuberosity, {0.0f, -1.0f, 0.0f})},
        {"ischial_spine", tipAlong(ischialSpine, {-0.3f, 0.0f, -1.0f})},
        {"greater_sciatic_notch", tipAlong(notchBorder[2], {-1.0f, 0.0f, 0.0f})},
        {"auricular_surface", tipAlong(si, {0.0f, 0.0f, -1.0f})},
        {"acetabulum_centre", hip, false},
    };
    model.joints = {
        {"hip_centre", hip, false, "acetabulum (socket sphere) centre = femoral head centre, pelvis frame"},
        {"acetabulum_axis", axis, true, "unit vector out of the socket opening"},
        {"pubic_symphysis", model.landmarks[6].position, false, "medial face of the pubic body"},
        {"sacroiliac_centre", layout.sacroiliacCentre, false, "centre of the auricular surface contact"},
    };
    model.design = {
        {"inter_asis_width", 2.0 * asisZ / 1000.0, "m", "pelvis.inter_asis_width"},
        {"acetabulum_rim_diameter", 2.0 * rimRadius / 1000.0, "m", "pelvis.acetabulum_width"},
        {"acetabulum_socket_diameter", 2.0 * socketRadius / 1000.0, "m", ""},
    };
    return model;
}

}  // namespace bonegen
