// Right femur in the femur frame: origin at the femoral head centre, y along the mechanical axis
// (knee joint centre at y = -(length - head radius)), x anterior, z right (the neck points medially, -z).

#include <algorithm>
#include <cmath>

#include "anatomy_math.hpp"
#include "builders.hpp"
#include "knee_layout.hpp"

namespace bonegen {

namespace {

struct NeckGeometry {
    glm::vec3 neckDirection;  ///< unit, from the neck-shaft junction towards the head centre
    glm::vec3 junction;       ///< where the neck axis meets the shaft axis
    glm::vec3 shaftUp;        ///< unit shaft axis pointing proximally
};

// The neck axis meets the shaft axis at the neck-shaft angle, is rotated forward by the anteversion
// about the shaft, and the head centre lies `offset` from the shaft axis (femoral offset). The shaft
// axis must also end at the distal shaft point, so iterate to a fixed point.
NeckGeometry solveNeck(float neckShaftAngle, float anteversion, float offset, const glm::vec3& distalShaft) {
    NeckGeometry g{};
    g.shaftUp = {0.0f, 1.0f, 0.0f};
    const float between = radians(180.0f) - neckShaftAngle;  // angle between neck direction and shaft-up
    const float neckLength = offset / std::sin(between);
    for (int iteration = 0; iteration < 20; ++iteration) {
        const glm::vec3 coronal = rotateAbout(g.shaftUp, glm::vec3(1.0f, 0.0f, 0.0f), -between);  // tipped medially
        g.neckDirection = glm::normalize(rotateAbout(coronal, g.shaftUp, -anteversion));          // head turned forward
        g.junction = -g.neckDirection * neckLength;
        g.shaftUp = glm::normalize(g.junction - distalShaft);
    }
    return g;
}

}  // namespace

BoneModel buildFemurRight(const SkeletonParams& params) {
    const float headRadius = params.f("femur.head_diameter") / 2.0f;
    const float length = params.f("femur.length");
    const float kneeY = -(length - headRadius);
    const float shaftRadius = params.f("femur.shaft_diameter") / 2.0f;
    const float bow = params.f("femur.anterior_bow");
    const float epicondyleHalf = params.f("femur.epicondylar_width") / 2.0f;
    const float condyleRadius = params.f("femur.condyle_radius");

    const glm::vec3 distalShaft(0.0f, kneeY + 70.0f, 0.0f);
    const NeckGeometry neck =
        solveNeck(radians(params.f("femur.neck_shaft_angle")), radians(params.f("femur.anteversion")),
                  params.f("femur.femoral_offset"), distalShaft);
    const glm::vec3 head(0.0f);

    std::vector<Sdf> parts;
    parts.push_back(sphere(head, headRadius));
    parts.push_back(roundCone(head - neck.neckDirection * 8.0f, neck.junction, 14.0f, 17.0f));  // neck

    // Shaft with an anterior bow (sagitta `bow` at mid-shaft).
    std::vector<glm::vec3> shaft;
    std::vector<float> shaftRadii;
    const glm::vec3 shaftTop = neck.junction + neck.shaftUp * 10.0f;
    for (int i = 0; i <= 6; ++i) {
        const float t = static_cast<float>(i) / 6.0f;
        shaft.push_back(lerp(shaftTop, distalShaft, t) + glm::vec3(bow * 4.0f * t * (1.0f - t), 0.0f, 0.0f));
        shaftRadii.push_back(shaftRadius *
                             (t < 0.2f ? 1.25f - t : (t > 0.7f ? 1.0f + (t - 0.7f) * 0.8f : 1.05f - 0.1f * t)));
    }
    parts.push_back(tube(shaft, shaftRadii));
    // Linea aspera: a ridge down the back of the shaft.
    std::vector<glm::vec3> aspera;
    for (int i = 1; i <= 5; ++i)
        aspera.push_back(shaft[static_cast<std::size_t>(i)] +
                         glm::vec3(-shaftRadii[static_cast<std::size_t>(i)] + 1.5f, 0.0f, 0.0f));
    parts.push_back(tube(aspera, {3.0f, 4.0f, 4.0f, 4.0f, 3.0f}));

    // Trochanters and the ridges between them.
    const glm::vec3 greaterTrochanter = neck.junction + glm::vec3(-8.0f, 14.0f, 12.0f);
    parts.push_back(
        ellipsoid(frameFromYX(greaterTrochanter, glm::vec3(0.0f, 1.0f, -0.15f), glm::vec3(1.0f, 0.0f, 0.0f)),
                  {17.0f, 22.0f, 13.0f}));
    const glm::vec3 lesserRoot = neck.junction + neck.shaftUp * -28.0f + glm::vec3(-6.0f, 0.0f, -6.0f);
    const glm::vec3 lesserTip = lesserRoot + glm::vec3(-12.0f, -6.0f, -12.0f);
    parts.push_back(roundCone(lesserRoot, lesserTip, 10.0f, 6.0f));
    parts.push_back(capsule(greaterTrochanter + glm::vec3(-12.0f, -14.0f, -2.0f),
                            lesserTip + glm::vec3(3.0f, 3.0f, 2.0f), 4.5f));  // intertrochanteric crest
    parts.push_back(capsule(greaterTrochanter + glm::vec3(12.0f, -12.0f, -4.0f),
                            lesserRoot + glm::vec3(14.0f, 0.0f, 0.0f), 3.0f));  // intertrochanteric line

    // Distal end (see knee_layout.hpp): the metaphysis; two condyles whose sagittal profile is a
    // circle about the flexion axis (so the plateau keeps its joint space as the knee bends); the
    // trochlea, a solid of revolution about the groove centre whose cross-section is the V of the
    // sulcus angle (the patella rides on the same circle); epicondyles on the sides.
    const KneeLayout layout = kneeLayout(params);
    parts.push_back(ellipsoid(glm::vec3(1.0f, kneeY + 50.0f, 0.0f), {18.0f, 40.0f, 33.0f}));
    const glm::vec3 axis = layout.flexionAxis;
    const float condyleZ = 22.0f;
    parts.push_back(ellipsoid(glm::vec3(axis.x, axis.y, condyleZ), {condyleRadius, condyleRadius, 14.0f}));
    parts.push_back(ellipsoid(glm::vec3(axis.x, axis.y, -condyleZ), {condyleRadius, condyleRadius, 15.0f}));
    const glm::vec3 troch = layout.trochlearCentre;
    const Sdf trochlea = [layout, troch](const glm::vec3& p) {
        const glm::vec2 q(p.x - troch.x, p.y - troch.y);
        const float rho = glm::length(q);
        const float theta = std::atan2(-q.y, q.x);  // 0 anterior, +90 deg distal
        // Facets round off beyond their width and the groove fades out above the trochlea, so the
        // solid blends into the condyles and the shaft instead of ending in flat faces.
        const float dz = p.z - layout.zGroove;
        const float lateral = std::max(dz - 18.0f, 0.0f), medial = std::max(-dz - 17.0f, 0.0f);
        const float above = std::max(radians(-25.0f) - theta, 0.0f);
        const float r =
            layout.trochlearRadiusAt(p.z) - 0.12f * (lateral * lateral + medial * medial) - 60.0f * above * above;
        return std::max(
            {rho - r, std::abs(dz) - 36.0f, (radians(-75.0f) - theta) * rho, (theta - radians(125.0f)) * rho});
    };
    const glm::vec3 medialEpicondyle(-6.0f, kneeY + 30.0f, -(epicondyleHalf - 5.0f));
    const glm::vec3 lateralEpicondyle(-6.0f, kneeY + 32.0f, epicondyleHalf - 5.0f);
    parts.push_back(ellipsoid(medialEpicondyle, {8.0f, 9.0f, 5.0f}));
    parts.push_back(ellipsoid(lateralEpicondyle, {7.0f, 8.0f, 5.0f}));
    Sdf bone = smoothUniteAll(parts, 7.0f);
    bone = smoothUnite(bone, trochlea, 3.0f);

    // Intercondylar notch: a slot between the condyles, open below and behind, that clears the
    // tibial eminence at every flexion angle (it sweeps round the flexion axis); fovea capitis.
    const Sdf notch = [axis](const glm::vec3& p) {
        const float rho = glm::length(glm::vec2(p.x - axis.x, p.y - axis.y));
        return std::max({std::abs(p.z) - 9.0f, 13.0f - rho, p.x - (axis.x + 9.0f), p.y - (axis.y + 18.0f)});
    };
    bone = smoothSubtract(bone, notch, 2.5f);
    bone = smoothSubtract(
        bone,
        sphere(head + glm::normalize(neck.neckDirection + glm::vec3(0.0f, -0.4f, -0.2f)) * (headRadius + 1.0f), 3.0f),
        1.0f);

    BoneModel model;
    model.id = "femur_r";
    model.displayName = "Right femur";
    model.commonName = "thigh bone";
    model.side = "right";
    model.parentFrame = "femur_r";
    model.sdf = bone;
    model.boundsMin = {-50.0f, kneeY - 10.0f, -epicondyleHalf - 12.0f};
    model.boundsMax = {45.0f, headRadius + 15.0f, neck.junction.z + 40.0f};
    model.voxelSize = params.f("mesh.voxel_large");
    model.highTriangles = 36000;
    model.lowTriangles = 5000;

    const glm::vec3 knee(0.0f, kneeY, 0.0f);
    model.landmarks = {
        {"femoral_head_centre", head, false},
        {"greater_trochanter",
         marchToSurface(bone, greaterTrochanter + glm::vec3(0.0f, 45.0f, 0.0f), {0.0f, -1.0f, 0.0f}, 60.0f)},
        {"lesser_trochanter",
         marchToSurface(bone, lesserTip + glm::vec3(-20.0f, -3.0f, -20.0f), {1.0f, 0.0f, 1.0f}, 50.0f)},
        {"medial_epicondyle",
         marchToSurface(bone, medialEpicondyle + glm::vec3(0.0f, 0.0f, -30.0f), {0.0f, 0.0f, 1.0f}, 50.0f)},
        {"lateral_epicondyle",
         marchToSurface(bone, lateralEpicondyle + glm::vec3(0.0f, 0.0f, 30.0f), {0.0f, 0.0f, -1.0f}, 50.0f)},
        {"patellar_groove",
         marchToSurface(bone, {troch.x + 50.0f, troch.y, layout.zGroove}, {-1.0f, 0.0f, 0.0f}, 50.0f)},
        {"medial_condyle_distal", marchToSurface(bone, {axis.x, kneeY - 20.0f, -condyleZ}, {0.0f, 1.0f, 0.0f}, 50.0f)},
        {"lateral_condyle_distal", marchToSurface(bone, {axis.x, kneeY - 20.0f, condyleZ}, {0.0f, 1.0f, 0.0f}, 50.0f)},
        {"intercondylar_notch", marchToSurface(bone, {axis.x - 10.0f, kneeY - 20.0f, 0.0f}, {0.0f, 1.0f, 0.0f}, 60.0f)},
    };
    model.joints = {
        {"hip_centre", head, false, "femoral head centre (frame origin)"},
        {"knee_centre", knee, false,
         "knee joint centre: midway between the distal condyle contacts; tibia frame origin"},
        {"neck_axis", neck.neckDirection, true, "unit vector from the neck-shaft junction to the head centre"},
        {"shaft_axis", neck.shaftUp, true, "anatomical shaft axis, pointing proximally"},
        {"patella_rest_centre",
         troch + layout.patellaTrackRadius(params.f("patella.thickness")) *
                     glm::vec3(std::cos(layout.patellaRestAngle), -std::sin(layout.patellaRestAngle), 0.0f),
         false, "patella centre at full extension, on its track round the trochlear groove centre"},
        {"trochlear_centre", troch, false,
         "centre of the trochlear groove circle; the patella slides on a circle about it (z: the groove plane)"},
        {"flexion_axis", axis, false, "centre of the posterior condyle circles: the knee's hinge axis (along z)"},
    };
    model.design = {
        {"length", length / 1000.0, "m", "femur.length"},
        {"head_diameter", 2.0 * headRadius / 1000.0, "m", "femur.head_diameter"},
        {"neck_shaft_angle", params.value("femur.neck_shaft_angle"), "deg", "femur.neck_shaft_angle"},
        {"anteversion", params.value("femur.anteversion"), "deg", "femur.anteversion"},
        {"femoral_offset", params.value("femur.femoral_offset") / 1000.0, "m", "femur.femoral_offset"},
    };
    return model;
}

}  // namespace bonegen
