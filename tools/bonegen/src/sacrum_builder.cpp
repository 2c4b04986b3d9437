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
    // The joint runs from anterolateral to posteromedial at the cited axial angle (the sacrum is wider
    // in front) and converges a little downwards (wider at the base): both keep it wedged.
    const float axial = radians(params.f("pelvis.sacroiliac_joint_axial_angle"));
    layout.sacroiliacNormal = glm::normalize(glm::vec3(-std::sin(axial), -0.15f, std::cos(axial)));
    layout.sacroiliacGap = params.f("pelvis.sacroiliac_joint_space");
    layout.promontory = layout.s1.toWorld({params.f("sacrum.s1_endplate_depth") / 2.0f, 0.0f, 0.0f});
    return layout;
}

BoneModel buildSacrum(const SkeletonParams& params) {
    const PelvisLayout layout = pelvisLayout(params);
    const Frame& s1 = layout.s1;
    const float bodyHalfDepth = params.f("sacrum.s1_endplate_depth") / 2.0f;
    const float bodyHalfWidth = params.f("sacrum.s1_body_width") / 2.0f;
    const float height = params.f("sacrum.sacral_height");
    const float halfWidth = params.f("sacrum.sacral_width") / 2.0f;
    const float coccyxLength = params.f("sacrum.coccyx_length");

    // The sacrum is a curved wedge (concave in front: the sacral kyphosis), thick at the base and thin
    // at the apex, cut to an inverted-triangle outline and wedged between the ilia by the two
    // sacroiliac joint planes. Work in the S1 frame's sagittal (x, y) plane: the mid-surface is a
    // circular arc through three points behind the bodies.
    const float hs = height / 106.0f;
    const glm::vec2 top(-18.0f, -8.0f), middle(-8.0f, -55.0f * hs), apex(14.0f, -100.0f * hs);
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
    const auto at = [&](float s, float offset, float z) { return s1.toWorld(platePoint(s, offset, z)); };
    const auto halfThickness = [=](float s) { return 21.0f - 15.0f * std::clamp(s / plateLength, 0.0f, 1.0f); };
    // Outline in (z, s): alae at the base, the lateral masses beside the auricular surfaces (cut back
    // by the joint planes), then the lateral borders converging to the apex.
    const float len = plateLength;
    const std::vector<glm::vec2> outline = {{-halfWidth, 10.0f},
                                            {-0.45f * halfWidth, -3.0f},
                                            {0.45f * halfWidth, -3.0f},
                                            {halfWidth, 10.0f},
                                            {halfWidth + 14.0f, 0.2f * len},
                                            {halfWidth + 10.0f, 0.5f * len},
                                            {0.42f * halfWidth + 4.0f, 0.72f * len},
                                            {0.24f * halfWidth + 2.0f, 0.88f * len},
                                            {12.0f, len},
                                            {6.0f, len + 4.0f},
                                            {-6.0f, len + 4.0f},
                                            {-12.0f, len},
                                            {-0.24f * halfWidth - 2.0f, 0.88f * len},
                                            {-0.42f * halfWidth - 4.0f, 0.72f * len},
                                            {-halfWidth - 10.0f, 0.5f * len},
                                            {-halfWidth - 14.0f, 0.2f * len}};
    const Sdf outlineSdf = extrudedPolygon(Frame{}, outline);
    const Frame toS1 = s1;
    const Sdf plate = [=](const glm::vec3& world) {
        const glm::vec3 local = toS1.toLocal(world);
        const glm::vec2 sc = arcCoordinates(local);
        // Below the auricular surfaces the lateral parts thin out; the lateral masses above stay thick.
        const float lateral = std::min(std::abs(local.z) / halfWidth, 1.0f);
        const float low = std::clamp((sc.x / len - 0.5f) / 0.3f, 0.0f, 1.0f);
        const float shell = std::abs(sc.y) - halfThickness(sc.x) * (1.0f - 0.35f * low * lateral * lateral);
        const float inOutline = outlineSdf(glm::vec3(local.z, 0.0f, sc.x));
        return -smoothMin(-shell, -inOutline, 10.0f);  // wide blend: rounded alae and borders
    };

    std::vector<Sdf> parts;
    parts.push_back(plate);
    Frame body = s1;
    body.origin = s1.toWorld({0.0f, -13.0f, 0.0f});
    parts.push_back(ellipticCylinder(body, bodyHalfDepth, bodyHalfWidth, 13.0f, 2.0f));  // S1 body
    // Median sacral crest with its spinous tubercles, intermediate crests (fused articular
    // processes) and lateral crests (transverse tubercles) on the dorsal surface.
    std::vector<glm::vec3> crest;
    std::vector<float> crestRadii;
    for (const float f : {0.04f, 0.25f, 0.45f, 0.62f, 0.74f}) {
        crest.push_back(at(f * len, halfThickness(f * len) - 1.0f, 0.0f));
        crestRadii.push_back(3.8f - 1.6f * f);
    }
    parts.push_back(tube(crest, crestRadii));
    for (const float f : {0.12f, 0.32f, 0.5f, 0.64f})
        parts.push_back(sphere(at(f * len, halfThickness(f * len) + 0.5f, 0.0f), 4.6f - 2.0f * f));
    const float foramenS[4] = {0.24f, 0.42f, 0.6f, 0.76f};
    const float anteriorZ[4] = {25.0f, 22.5f, 19.0f, 15.5f};
    const float posteriorZ[4] = {19.0f, 17.0f, 14.5f, 12.0f};
    for (const float side : {1.0f, -1.0f}) {
        std::vector<glm::vec3> intermediate;
        for (const float f : {0.05f, 0.24f, 0.42f, 0.6f, 0.74f})
            intermediate.push_back(at(f * len, halfThickness(f * len) - 1.0f, side * (10.0f - 3.0f * f)));
        parts.push_back(tube(intermediate, {3.0f, 2.8f, 2.6f, 2.3f, 2.0f}));
        for (int i = 0; i < 4; ++i) {
            const float sk = foramenS[i] * len;
            parts.push_back(sphere(at(sk + 4.0f, halfThickness(sk) - 1.5f, side * (posteriorZ[i] + 10.0f)),
                                   4.2f - 0.4f * static_cast<float>(i)));  // lateral crest tubercle
        }
    }
    // Transverse ridges on the pelvic surface where the five sacral bodies fused.
    for (const float f : {0.16f, 0.33f, 0.51f, 0.68f}) {
        const float sk = f * len;
        parts.push_back(
            capsule(at(sk, -halfThickness(sk) + 0.8f, -14.0f), at(sk, -halfThickness(sk) + 0.8f, 14.0f), 1.8f));
    }

    // Coccyx: four small segments continuing the curve and hooking forward.
    std::vector<glm::vec3> coccyx = {platePoint(len - 2.0f, 0.0f, 0.0f)};
    const glm::vec3 downward = glm::normalize(platePoint(len + 1.0f, 0.0f, 0.0f) - platePoint(len, 0.0f, 0.0f));
    const glm::vec3 forward = glm::normalize(glm::vec3(arcCentre, 0.0f) - platePoint(len, 0.0f, 0.0f));
    for (int i = 1; i <= 4; ++i)
        coccyx.push_back(coccyx.back() + downward * (coccyxLength / 4.0f) + forward * (1.5f * static_cast<float>(i)));
    std::vector<glm::vec3> coccyxWorld;
    coccyxWorld.reserve(coccyx.size());
    for (const glm::vec3& c : coccyx) coccyxWorld.push_back(s1.toWorld(c));
    parts.push_back(tube(coccyxWorld, {6.0f, 5.0f, 4.0f, 3.2f, 2.4f}));
    for (std::size_t i = 1; i + 1 < coccyxWorld.size(); ++i)
        parts.push_back(sphere(coccyxWorld[i], 5.6f - static_cast<float>(i)));
    Sdf bone = smoothUniteAll(parts, 5.0f);

    // Nothing above the S1 endplate.
    bone = smoothIntersect(bone, halfSpace(s1.origin, s1.axes[1]), 1.5f);
    // Auricular surfaces: the lateral masses end half a joint space short of each sacroiliac joint
    // plane, so the sacrum sits wedged between the ilia (wider in front and above).
    const float halfGap = 0.5f * layout.sacroiliacGap;
    const glm::vec3 siRight = layout.sacroiliacCentre;
    const glm::vec3 nRight = layout.sacroiliacNormal;
    const glm::vec3 siLeft(siRight.x, siRight.y, -siRight.z);
    const glm::vec3 nLeft(nRight.x, nRight.y, -nRight.z);
    bone = smoothIntersect(bone, halfSpace(siRight - nRight * halfGap, nRight), 1.5f);
    bone = smoothIntersect(bone, halfSpace(siLeft - nLeft * halfGap, nLeft), 1.5f);

    // Behind the auricular surfaces (the ligamentous part of the joint) the dorsal sacrum narrows to
    // lie medial to the PSISs, with the iliac tuberosities behind and beside it.
    const float psisZ = params.f("pelvis.inter_psis_width") / 2.0f;
    const float backX = siRight.x - 16.0f;
    for (const float side : {1.0f, -1.0f}) {
        const Sdf behind = halfSpace(glm::vec3(backX, 0.0f, 0.0f), glm::vec3(1.0f, 0.0f, 0.0f));
        const Sdf lateral = halfSpace(glm::vec3(backX, 0.0f, side * (psisZ - 5.0f)), glm::vec3(0.35f, 0.0f, -side));
        bone = smoothSubtract(bone, intersect(behind, lateral), 2.0f);
    }

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
    // at the hiatus, a gap in the dorsal wall over S4-S5 between the sacral cornua.
    std::vector<glm::vec3> canal;
    const std::vector<float> canalRadii = {9.0f, 8.5f, 6.5f, 4.5f, 3.5f};
    const std::vector<float> canalS = {-14.0f, 0.0f, 0.3f * len, 0.55f * len, 0.8f * len};
    for (std::size_t i = 0; i < canalS.size(); ++i) {
        const float offset = i + 1 == canalS.size() ? halfThickness(canalS[i]) - 3.0f
                                                    : std::max(halfThickness(canalS[i]) - canalRadii[i] - 3.5f, 1.0f);
        canal.push_back(s1.toWorld(platePoint(canalS[i], offset, 0.0f)));
    }
    bone = smoothSubtract(bone, tube(canal, canalRadii), 1.5f);
    const glm::vec3 hiatusTop = at(0.77f * len, halfThickness(0.77f * len), 0.0f);
    const glm::vec3 hiatusBottom = at(0.95f * len, halfThickness(0.95f * len) + 2.0f, 0.0f);
    bone = smoothSubtract(bone, capsule(hiatusTop, hiatusBottom, 5.0f), 1.5f);
    for (const float side : {1.0f, -1.0f})
        bone = smoothUnite(bone, sphere(at(0.93f * len, halfThickness(0.93f * len) - 0.5f, side * 7.5f), 3.0f), 2.0f);

    // Four pairs of sacral foramina: the anterior (pelvic) ones larger and more lateral, the
    // posterior (dorsal) ones smaller and nearer the midline, joined through the lateral mass.
    for (int i = 0; i < 4; ++i)
        for (const float side : {1.0f, -1.0f}) {
            const float sk = foramenS[i] * len;
            const float r = 5.6f - 0.7f * static_cast<float>(i);
            bone = smoothSubtract(
                bone, roundCone(at(sk, -40.0f, side * anteriorZ[i]), at(sk, 40.0f, side * posteriorZ[i]), r, r * 0.62f),
                1.0f);
        }

    BoneModel model;
    model.id = "sacrum";
    model.displayName = "Sacrum and coccyx";
    model.commonName = "tailbone";
    model.side = "midline";
    model.parentFrame = "pelvis";
    model.sdf = bone;
    model.boundsMin = {s1.origin.x - 110.0f, s1.origin.y - 160.0f, -halfWidth - 25.0f};
    model.boundsMax = {s1.origin.x + 40.0f, s1.origin.y + 30.0f, halfWidth + 25.0f};
    model.voxelSize = params.f("mesh.voxel_medium");
    model.highTriangles = 30000;
    model.lowTriangles = 5000;

    const glm::vec3 coccyxTip = coccyxWorld.back();
    const auto dorsal = [&](float f, float z) {  // a point on the dorsal surface, found from behind
        const glm::vec3 inside = at(f * len, 0.0f, z);
        const glm::vec3 out = glm::normalize(at(f * len, 1.0f, z) - inside);
        return marchToSurface(bone, inside + out * 40.0f, -out, 60.0f);
    };
    model.landmarks = {
        {"s1_endplate_centre", s1.origin},
        {"sacral_promontory",
         marchToSurface(bone, s1.toWorld({bodyHalfDepth + 30.0f, -2.5f, 0.0f}), -s1.axes[0], 50.0f)},
        {"coccyx_tip", marchToSurface(bone, coccyxTip + s1.axes * (downward * 30.0f), -(s1.axes * downward), 50.0f)},
        {"auricular_surface_r", marchToSurface(bone, siRight + nRight * 20.0f, -nRight, 40.0f)},
        {"auricular_surface_l", marchToSurface(bone, siLeft + nLeft * 20.0f, -nLeft, 40.0f)},
        {"sacral_ala_r", marchToSurface(bone, s1.toWorld({-8.0f, 30.0f, 38.0f}), -s1.axes[1], 60.0f)},
        {"sacral_ala_l", marchToSurface(bone, s1.toWorld({-8.0f, 30.0f, -38.0f}), -s1.axes[1], 60.0f)},
        {"median_sacral_crest", dorsal(foramenS[1], 0.0f)},
        {"lateral_sacral_crest_r", dorsal(foramenS[1], posteriorZ[1] + 10.0f)},
        {"lateral_sacral_crest_l", dorsal(foramenS[1], -posteriorZ[1] - 10.0f)},
        {"sacral_hiatus", 0.5f * (hiatusTop + hiatusBottom), false},
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
        {"sacroiliac_joint_space", layout.sacroiliacGap / 1000.0, "m", "pelvis.sacroiliac_joint_space"},
    };
    return model;
}

}  // namespace bonegen
