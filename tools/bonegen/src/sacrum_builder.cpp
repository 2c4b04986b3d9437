// Sacrum with coccyx, expressed in the pelvis frame (it is fixed to the pelvis). Its S1 endplate
// slopes by the cited sacral slope, and the endplate centre sits where pelvic incidence and tilt put it.

#include <algorithm>
#include <cmath>

#include "anatomy_math.hpp"
#include "builders.hpp"

namespace bonegen {

PelvisLayout pelvisLayout(const SkeletonParams& params) {
    PelvisLayout layout;
    layout.hipCentre = {params.f("pelvis.hip_centre_x"), params.f("pelvis.hip_centre_y"),
                        params.f("pelvis.inter_hip_centre_width") / 2.0f};

    // Radiographic inclination I and anteversion A (Murray): axis = (sin A, -cos A cos I, cos A sin I).
    const float inclination = radians(params.f("pelvis.acetabular_inclination"));
    const float anteversion = radians(params.f("pelvis.acetabular_anteversion"));
    layout.acetabulumAxis =
        glm::normalize(glm::vec3(std::sin(anteversion), -std::cos(anteversion) * std::cos(inclination),
                                 std::cos(anteversion) * std::sin(inclination)));

    // The frame is anatomical position (ASIS-pubis plane frontal), taken as standing: PT = PI - SS is
    // the angle between the vertical and the line from the hip axis to the S1 endplate centre.
    const float slope = radians(params.f("sacrum.sacral_slope"));
    const float tilt = radians(params.f("sacrum.pelvic_incidence")) - slope;
    const glm::vec3 hipAxisCentre(layout.hipCentre.x, layout.hipCentre.y, 0.0f);
    const float radius = params.f("sacrum.sacrofemoral_distance");
    const glm::vec3 s1Centre = hipAxisCentre + radius * glm::vec3(-std::sin(tilt), std::cos(tilt), 0.0f);
    const glm::vec3 endplateNormal(std::sin(slope), std::cos(slope), 0.0f);  // anterior edge lower
    layout.s1 = frameFromYX(s1Centre, endplateNormal, glm::vec3(1.0f, 0.0f, 0.0f));

    layout.auricularHalfWidth = params.f("sacrum.inter_auricular_width") / 2.0f;
    // Auricular surface: lateral mass of S1-S2, about a third of the way down and behind the body.
    layout.sacroiliacCentre = layout.s1.toWorld({-14.0f, -30.0f, layout.auricularHalfWidth});
    return layout;
}

BoneModel buildSacrum(const SkeletonParams& params) {
    const PelvisLayout layout = pelvisLayout(params);
    const Frame& s1 = layout.s1;
    const float bodyHalfDepth = params.f("sacrum.s1_endplate_depth") / 2.0f;
    const float bodyHalfWidth = params.f("sacrum.s1_body_width") / 2.0f;
    const float height = params.f("sacrum.sacral_height");
    const float halfWidth = params.f("sacrum.sacral_width") / 2.0f;
    const float auricularZ = layout.auricularHalfWidth;
    const float coccyxLength = params.f("sacrum.coccyx_length");

    // The sacrum is a curved plate (concave in front: the sacral kyphosis), thick at the base and thin
    // at the apex, cut to an inverted-triangle outline. Work in the S1 frame's sagittal (x, y) plane:
    // the plate's mid-surface is a circular arc through three points behind the bodies.
    const float hs = height / 106.0f;
    const glm::vec2 top(-18.0f, -8.0f), middle(-9.0f, -55.0f * hs), apex(12.0f, -100.0f * hs);
    const auto circumcentre = [](glm::vec2 a, glm::vec2 b, glm::vec2 c) {
        const float d = 2.0f * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
        const float a2 = glm::dot(a, a), b2 = glm::dot(b, b), c2 = glm::dot(c, c);
        return glm::vec2((a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d,
                         (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d);
    };
    const glm::vec2 arcCentre = circumcentre(top, middle, apex);
    const float arcRadius = glm::length(top - arcCentre);
    const float angleTop = std::atan2(top.y - arcCentre.y, top.x - arcCentre.x);
    const float angleApex = std::atan2(apex.y - arcCentre.y, apex.x - arcCentre.x);
    const float direction = angleApex > angleTop ? 1.0f : -1.0f;
    const float plateLength = arcRadius * std::abs(angleApex - angleTop);
    // Arc length s (0 at the base, plateLength at the apex) and signed offset (+ = posterior).
    const auto arcCoordinates = [=](const glm::vec3& local) {
        const glm::vec2 d(local.x - arcCentre.x, local.y - arcCentre.y);
        const float angle = std::atan2(d.y, d.x);
        return glm::vec2(arcRadius * (angle - angleTop) * direction, glm::length(d) - arcRadius);
    };
    const auto platePoint = [=](float s, float offset, float z) {
        const float angle = angleTop + direction * s / arcRadius;
        const glm::vec2 radial(std::cos(angle), std::sin(angle));
        const glm::vec2 p = arcCentre + radial * (arcRadius + offset);
        return glm::vec3(p.x, p.y, z);
    };
    const auto halfThickness = [=](float s) { return 19.0f - 13.0f * std::clamp(s / plateLength, 0.0f, 1.0f); };
    // The alae slope down laterally from the base.
    const std::vector<glm::vec2> outline = {{-halfWidth, 12.0f},
                                            {-0.45f * halfWidth, -3.0f},
                                            {0.45f * halfWidth, -3.0f},
                                            {halfWidth, 12.0f},
                                            {auricularZ + 4.0f, 0.16f * plateLength},
                                            {auricularZ + 4.0f, 0.52f * plateLength},
                                            {0.4f * halfWidth + 4.0f, 0.72f * plateLength},
                                            {0.24f * halfWidth + 2.0f, 0.88f * plateLength},
                                            {13.0f, plateLength},
                                            {7.0f, plateLength + 4.0f},
                                            {-7.0f, plateLength + 4.0f},
                                            {-13.0f, plateLength},
                                            {-0.24f * halfWidth - 2.0f, 0.88f * plateLength},
                                            {-0.4f * halfWidth - 4.0f, 0.72f * plateLength},
                                            {-auricularZ - 4.0f, 0.52f * plateLength},
                                            {-auricularZ - 4.0f, 0.16f * plateLength}};
    const Frame outlineFrame;  // the polygon lives in (z, s) coordinates, evaluated below
    const Sdf outlineSdf = extrudedPolygon(outlineFrame, outline);
    const Frame toS1 = s1;
    const Sdf plate = [=](const glm::vec3& world) {
        const glm::vec3 local = toS1.toLocal(world);
        const glm::vec2 sc = arcCoordinates(local);
        // The lateral parts (alae, lateral masses) are thinner than the midline column.
        const float lateral = std::min(std::abs(local.z) / halfWidth, 1.0f);
        const float shell = std::abs(sc.y) - halfThickness(sc.x) * (1.0f - 0.3f * lateral * lateral);
        const float inOutline = outlineSdf(glm::vec3(local.z, 0.0f, sc.x));
        return -smoothMin(-shell, -inOutline, 10.0f);  // wide blend: rounded alae and borders
    };

    std::vector<Sdf> parts;
    parts.push_back(plate);
    Frame body = s1;
    body.origin = s1.toWorld({0.0f, -13.0f, 0.0f});
    parts.push_back(ellipticCylinder(body, bodyHalfDepth, bodyHalfWidth, 13.0f, 2.0f));  // S1 body
    // Median sacral crest on the dorsal surface.
    std::vector<glm::vec3> crest;
    std::vector<float> crestRadii;
    for (const float f : {0.05f, 0.3f, 0.55f, 0.75f}) {
        crest.push_back(s1.toWorld(platePoint(f * plateLength, halfThickness(f * plateLength) - 0.5f, 0.0f)));
        crestRadii.push_back(4.0f - 1.5f * f);
    }
    parts.push_back(tube(crest, crestRadii));

    // Coccyx: four small segments continuing the curve and hooking forward.
    std::vector<glm::vec3> coccyx = {platePoint(plateLength - 2.0f, 0.0f, 0.0f)};
    const glm::vec3 downward =
        glm::normalize(platePoint(plateLength + 1.0f, 0.0f, 0.0f) - platePoint(plateLength, 0.0f, 0.0f));
    const glm::vec3 forward = glm::normalize(glm::vec3(arcCentre, 0.0f) - platePoint(plateLength, 0.0f, 0.0f));
    for (int i = 1; i <= 4; ++i)
        coccyx.push_back(coccyx.back() + downward * (coccyxLength / 4.0f) + forward * (1.5f * static_cast<float>(i)));
    std::vector<glm::vec3> coccyxWorld;
    coccyxWorld.reserve(coccyx.size());
    for (const glm::vec3& c : coccyx) coccyxWorld.push_back(s1.toWorld(c));
    parts.push_back(tube(coccyxWorld, {6.0f, 5.0f, 4.0f, 3.2f, 2.4f}));
    for (std::size_t i = 1; i + 1 < coccyxWorld.size(); ++i)
        parts.push_back(sphere(coccyxWorld[i], 5.6f - static_cast<float>(i)));
    Sdf bone = smoothUniteAll(parts, 5.0f);

    // Nothing above the S1 endplate; flat auricular faces laterally.
    bone = smoothIntersect(bone, halfSpace(s1.origin, s1.axes[1]), 1.5f);
    bone = smoothIntersect(bone, halfSpace(glm::vec3(0.0f, 0.0f, auricularZ), glm::vec3(0.0f, 0.0f, 1.0f)), 1.5f);
    bone = smoothIntersect(bone, halfSpace(glm::vec3(0.0f, 0.0f, -auricularZ), glm::vec3(0.0f, 0.0f, -1.0f)), 1.5f);

    // Promontory lip at the anterior edge of the endplate.
    bone = smoothUnite(bone,
                       capsule(s1.toWorld({bodyHalfDepth - 1.5f, -2.5f, -12.0f}),
                               s1.toWorld({bodyHalfDepth - 1.5f, -2.5f, 12.0f}), 2.5f),
                       2.0f);

    // Superior articular processes of S1, meeting L5's inferior processes.
    const FacetJoint facet = facetJointBelow(params, "s1");
    for (const float side : {1.0f, -1.0f}) {
        const glm::vec3 c = s1.toWorld({facet.x - 1.0f, facet.yAboveTop - 3.0f, side * (facet.z + 5.0f)});
        Sdf process = ellipsoid(frameFromYX(c, s1.axes[1], s1.axes[0]), {8.0f, 10.0f, 5.5f});
        process =
            smoothUnite(process, capsule(c, s1.toWorld({facet.x + 2.0f, -14.0f, side * (facet.z + 6.0f)}), 6.0f), 3.0f);
        process =
            intersect(process, halfSpace(glm::vec3(0.0f, 0.0f, side * (facet.z + 0.6f)), glm::vec3(0.0f, 0.0f, -side)));
        bone = smoothUnite(bone, process, 3.0f);
    }

    // Sacral canal inside the plate's posterior half, open at the top behind the S1 body and ending
    // at the hiatus.
    std::vector<glm::vec3> canal;
    const std::vector<float> canalRadii = {9.0f, 8.5f, 6.5f, 4.5f, 3.5f};
    const std::vector<float> canalS = {-14.0f, 0.0f, 0.3f * plateLength, 0.55f * plateLength, 0.8f * plateLength};
    for (std::size_t i = 0; i < canalS.size(); ++i) {
        // The last point exits through the back: the sacral hiatus.
        const float offset = i + 1 == canalS.size() ? halfThickness(canalS[i])
                                                    : std::max(halfThickness(canalS[i]) - canalRadii[i] - 3.5f, 1.0f);
        canal.push_back(s1.toWorld(platePoint(canalS[i], offset, 0.0f)));
    }
    bone = smoothSubtract(bone, tube(canal, canalRadii), 1.5f);

    // Four sacral foramina per side, through the plate along its local normal.
    const float foramenS[4] = {0.26f, 0.45f, 0.62f, 0.78f};
    const float foramenZ[4] = {21.0f, 18.5f, 15.5f, 12.5f};
    const float foramenRadius[4] = {5.5f, 4.8f, 4.0f, 3.2f};
    for (int i = 0; i < 4; ++i)
        for (const float side : {1.0f, -1.0f}) {
            const float sk = foramenS[i] * plateLength;
            bone = smoothSubtract(bone,
                                  capsule(s1.toWorld(platePoint(sk, -35.0f, side * foramenZ[i])),
                                          s1.toWorld(platePoint(sk, 35.0f, side * foramenZ[i])), foramenRadius[i]),
                                  1.0f);
        }

    BoneModel model;
    model.id = "sacrum";
    model.displayName = "Sacrum and coccyx";
    model.commonName = "tailbone";
    model.side = "midline";
    model.parentFrame = "pelvis";
    model.sdf = bone;
    model.boundsMin = {s1.origin.x - 110.0f, s1.origin.y - 160.0f, -auricularZ - 10.0f};
    model.boundsMax = {s1.origin.x + 40.0f, s1.origin.y + 30.0f, auricularZ + 10.0f};
    model.voxelSize = params.f("mesh.voxel_medium");
    model.highTriangles = 30000;
    model.lowTriangles = 5000;

    const glm::vec3 coccyxTip = coccyxWorld.back();
    model.landmarks = {
        {"s1_endplate_centre", s1.origin},
        {"sacral_promontory",
         marchToSurface(bone, s1.toWorld({bodyHalfDepth + 30.0f, -2.5f, 0.0f}), -s1.axes[0], 50.0f)},
        {"coccyx_tip", marchToSurface(bone, coccyxTip + s1.axes * (downward * 30.0f), -(s1.axes * downward), 50.0f)},
        {"auricular_surface_r", layout.sacroiliacCentre},
        {"auricular_surface_l",
         glm::vec3(layout.sacroiliacCentre.x, layout.sacroiliacCentre.y, -layout.sacroiliacCentre.z)},
        {"sacral_ala_r", marchToSurface(bone, s1.toWorld({-8.0f, 30.0f, 38.0f}), -s1.axes[1], 60.0f)},
        {"sacral_ala_l", marchToSurface(bone, s1.toWorld({-8.0f, 30.0f, -38.0f}), -s1.axes[1], 60.0f)},
    };
    model.joints = {
        {"s1_endplate_centre", s1.origin, false,
         "centre of the S1 superior endplate (L5/S1 disc's inferior face), pelvis frame"},
        {"s1_endplate_normal", s1.axes[1], true,
         "unit normal of the S1 endplate (cranial); its angle from vertical is the sacral slope"},
        {"s1_endplate_anterior", s1.axes[0], true, "unit antero-posterior direction along the endplate"},
        {"sacroiliac_centre_r", layout.sacroiliacCentre, false, "right auricular surface centre"},
    };
    model.design = {
        {"sacral_slope", params.value("sacrum.sacral_slope"), "deg", "sacrum.sacral_slope"},
        {"pelvic_incidence", params.value("sacrum.pelvic_incidence"), "deg", "sacrum.pelvic_incidence"},
    };
    return model;
}

}  // namespace bonegen
