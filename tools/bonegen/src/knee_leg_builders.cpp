// Patella (own frame, origin at its centre) and the tibia and fibula (tibia frame: origin at the knee
// joint centre between the plateaus, y up the shaft, x anterior, z right).

#include <algorithm>
#include <cmath>

#include "anatomy_math.hpp"
#include "builders.hpp"

namespace bonegen {

BoneModel buildPatellaRight(const SkeletonParams& params) {
    const float halfHeight = params.f("patella.height") / 2.0f;
    const float halfWidth = params.f("patella.width") / 2.0f;
    const float halfThickness = params.f("patella.thickness") / 2.0f;

    // Rounded triangle: an ellipsoid narrowing towards the inferior apex.
    const Sdf body = [=](const glm::vec3& p) {
        const float taper = 1.0f + 0.28f * std::clamp(p.y / halfHeight, -1.0f, 1.0f);
        const glm::vec3 q(p.x, p.y, p.z / taper);
        const glm::vec3 r(halfThickness, halfHeight, halfWidth);
        const float k0 = glm::length(q / r), k1 = glm::length(q / (r * r));
        return (k1 < 1e-9f ? -halfThickness : k0 * (k0 - 1.0f) / k1) * std::min(taper, 1.0f);
    };
    // Posterior articular surface: two facets meeting at a vertical ridge (lateral facet larger).
    const glm::vec3 ridge(-halfThickness + 2.5f, 0.0f, -3.0f);
    Sdf bone = smoothIntersect(body, halfSpace(ridge, glm::vec3(-1.0f, 0.0f, 0.55f)), 2.0f);
    bone = smoothIntersect(bone, halfSpace(ridge, glm::vec3(-1.0f, 0.0f, -0.75f)), 2.0f);
    // Flatter anterior face.
    bone = smoothIntersect(bone, halfSpace({halfThickness - 2.5f, 0.0f, 0.0f}, {1.0f, 0.0f, 0.0f}), 4.0f);

    BoneModel model;
    model.id = "patella_r";
    model.displayName = "Right patella";
    model.commonName = "kneecap";
    model.side = "right";
    model.parentFrame = "patella_r";
    model.sdf = bone;
    model.boundsMin = -glm::vec3(halfThickness, halfHeight, halfWidth * 1.3f) - glm::vec3(5.0f);
    model.boundsMax = glm::vec3(halfThickness, halfHeight, halfWidth * 1.3f) + glm::vec3(5.0f);
    model.voxelSize = params.f("mesh.voxel_small");
    model.highTriangles = 6000;
    model.lowTriangles = 1000;
    model.landmarks = {
        {"patella_centre", marchToSurface(bone, {halfThickness + 20.0f, 0.0f, 0.0f}, {-1.0f, 0.0f, 0.0f}, 40.0f)},
        {"patella_apex", marchToSurface(bone, {0.0f, -halfHeight - 20.0f, 0.0f}, {0.0f, 1.0f, 0.0f}, 40.0f)},
        {"patella_base", marchToSurface(bone, {0.0f, halfHeight + 20.0f, 0.0f}, {0.0f, -1.0f, 0.0f}, 40.0f)},
        {"posterior_ridge", marchToSurface(bone, {-halfThickness - 20.0f, 0.0f, ridge.z}, {1.0f, 0.0f, 0.0f}, 40.0f)},
    };
    model.joints = {
        {"patella_centre", glm::vec3(0.0f), false, "frame origin: centre of the patella's bounding ellipsoid"}};
    model.design = {{"height", halfHeight * 2.0 / 1000.0, "m", "patella.height"},
                    {"width", halfWidth * 2.0 / 1000.0, "m", "patella.width"},
                    {"thickness", halfThickness * 2.0 / 1000.0, "m", "patella.thickness"}};
    return model;
}

BoneModel buildTibiaRight(const SkeletonParams& params) {
    const float length = params.f("tibia.length");
    const float halfWidth = params.f("tibia.plateau_width") / 2.0f;
    const float halfDepth = params.f("tibia.plateau_depth") / 2.0f;
    const float shaftRadius = params.f("tibia.shaft_diameter") / 2.0f;

    std::vector<Sdf> parts;
    parts.push_back(ellipticCylinder(Frame{{-2.0f, -8.0f, 0.0f}, glm::mat3(1.0f)}, halfDepth, halfWidth, 8.0f,
                                     6.5f));  // plateau, rounded rim
    parts.push_back(
        ellipsoid(glm::vec3(-3.0f, -32.0f, 0.0f), {halfDepth - 1.0f, 42.0f, halfWidth - 3.0f}));  // condylar flare
    const glm::vec3 tuberosity(halfDepth - 6.0f, -42.0f, 4.0f);
    parts.push_back(ellipsoid(tuberosity, {8.0f, 14.0f, 10.0f}));
    parts.push_back(
        tube({{-2.0f, -40.0f, 0.0f}, {0.0f, -150.0f, -1.0f}, {1.0f, -260.0f, -2.0f}, {0.0f, -(length - 45.0f), -3.0f}},
             {shaftRadius + 3.0f, shaftRadius, shaftRadius - 1.0f, shaftRadius + 2.0f}));  // shaft
    parts.push_back(tube(
        {{shaftRadius - 2.0f, -60.0f, 1.0f}, {shaftRadius - 3.0f, -160.0f, 0.0f}, {shaftRadius - 3.0f, -280.0f, -2.0f}},
        {4.5f, 4.5f, 3.5f}));  // anterior border (shin)
    parts.push_back(ellipsoid(glm::vec3(0.0f, -(length - 30.0f), -3.0f), {17.0f, 36.0f, 20.0f}));  // distal metaphysis
    Sdf bone = smoothUniteAll(parts, 8.0f);

    // Flat plateau top with two shallow condylar dishes, then the plafond.
    bone = smoothIntersect(bone, halfSpace(glm::vec3(0.0f), {0.0f, 1.0f, 0.0f}), 1.5f);
    for (const float side : {1.0f, -1.0f})
        bone = smoothSubtract(bone, sphere({-4.0f, 45.0f - 1.5f, side * 19.0f}, 45.0f), 1.5f);
    for (const float side : {1.0f, -1.0f})
        bone = smoothUnite(bone, roundCone({-2.0f, -3.0f, side * 5.0f}, {-2.0f, 6.0f, side * 4.0f}, 4.0f, 1.5f), 2.0f);
    bone = smoothIntersect(bone, halfSpace({0.0f, -length, 0.0f}, {0.0f, -1.0f, 0.0f}), 1.5f);
    const glm::vec3 malleolusTip(3.0f, -(length + 12.0f), -19.0f);
    bone = smoothUnite(bone, roundCone({1.0f, -(length - 22.0f), -13.0f}, malleolusTip, 11.0f, 7.0f),
                       5.0f);  // medial malleolus

    BoneModel model;
    model.id = "tibia_r";
    model.displayName = "Right tibia";
    model.commonName = "shin bone";
    model.side = "right";
    model.parentFrame = "tibia_r";
    model.sdf = bone;
    model.boundsMin = {-halfDepth - 12.0f, -(length + 30.0f), -halfWidth - 12.0f};
    model.boundsMax = {halfDepth + 15.0f, 15.0f, halfWidth + 12.0f};
    model.voxelSize = params.f("mesh.voxel_large");
    model.highTriangles = 26000;
    model.lowTriangles = 4000;
    model.landmarks = {
        {"tibial_tuberosity",
         marchToSurface(bone, tuberosity + glm::vec3(30.0f, 0.0f, 0.0f), {-1.0f, 0.0f, 0.0f}, 50.0f)},
        {"medial_malleolus",
         marchToSurface(bone, malleolusTip + glm::vec3(0.0f, -20.0f, 0.0f), {0.0f, 1.0f, 0.0f}, 40.0f)},
        {"medial_condyle", marchToSurface(bone, {-2.0f, -10.0f, -halfWidth - 20.0f}, {0.0f, 0.0f, 1.0f}, 40.0f)},
        {"lateral_condyle", marchToSurface(bone, {-2.0f, -10.0f, halfWidth + 20.0f}, {0.0f, 0.0f, -1.0f}, 40.0f)},
        {"intercondylar_eminence", marchToSurface(bone, {-2.0f, 20.0f, 4.5f}, {0.0f, -1.0f, 0.0f}, 40.0f)},
    };
    model.joints = {
        {"knee_centre", glm::vec3(0.0f), false, "frame origin: between the plateaus, on the joint line"},
        {"ankle_centre", {0.0f, -length - 8.0f, 0.0f}, false, "talocrural joint centre below the plafond"},
    };
    model.design = {{"length", length / 1000.0, "m", "tibia.length"},
                    {"plateau_width", halfWidth * 2.0 / 1000.0, "m", "tibia.plateau_width"}};
    return model;
}

BoneModel buildFibulaRight(const SkeletonParams& params) {
    const float length = params.f("fibula.length");
    const float shaftRadius = params.f("fibula.shaft_diameter") / 2.0f;
    const glm::vec3 headCentre(-20.0f, -46.0f, 36.0f);
    const float topY = headCentre.y + 11.0f;
    const glm::vec3 malleolusTip(-16.0f, topY - length, 29.0f);

    std::vector<Sdf> parts;
    parts.push_back(ellipsoid(headCentre, {11.0f, 11.0f, 10.0f}));  // head
    parts.push_back(roundCone(headCentre + glm::vec3(-3.0f, 4.0f, 2.0f), headCentre + glm::vec3(-5.0f, 11.0f, 3.0f),
                              5.0f, 2.5f));  // apex
    parts.push_back(tube({headCentre + glm::vec3(1.0f, -8.0f, -1.0f),
                          {-14.0f, -180.0f, 29.0f},
                          {-10.0f, -300.0f, 27.0f},
                          malleolusTip + glm::vec3(0.0f, 14.0f, 1.0f)},
                         {shaftRadius + 1.0f, shaftRadius, shaftRadius - 0.5f, shaftRadius + 1.0f}));  // shaft
    parts.push_back(ellipsoid(malleolusTip + glm::vec3(0.0f, 16.0f, 0.0f), {10.0f, 17.0f, 6.5f}));  // lateral malleolus
    const Sdf bone = smoothUniteAll(parts, 5.0f);

    BoneModel model;
    model.id = "fibula_r";
    model.displayName = "Right fibula";
    model.commonName = "calf bone";
    model.side = "right";
    model.parentFrame = "tibia_r";
    model.sdf = bone;
    model.boundsMin = {-40.0f, malleolusTip.y - 12.0f, 10.0f};
    model.boundsMax = {0.0f, topY + 12.0f, 55.0f};
    model.voxelSize = params.f("mesh.voxel_medium");
    model.highTriangles = 10000;
    model.lowTriangles = 1600;
    model.landmarks = {
        {"fibular_head", marchToSurface(bone, headCentre + glm::vec3(0.0f, 0.0f, 30.0f), {0.0f, 0.0f, -1.0f}, 40.0f)},
        {"lateral_malleolus",
         marchToSurface(bone, malleolusTip + glm::vec3(0.0f, -20.0f, 0.0f), {0.0f, 1.0f, 0.0f}, 40.0f)},
    };
    model.joints = {{"proximal_tibiofibular", headCentre + glm::vec3(0.0f, 0.0f, -10.0f), false,
                     "head against the lateral tibial condyle"}};
    model.design = {{"length", length / 1000.0, "m", "fibula.length"}};
    return model;
}

}  // namespace bonegen
