// Patella (own frame, origin at its centre) and the tibia and fibula (tibia frame: origin at the knee
// joint centre between the plateaus, y up the shaft, x anterior, z right), plus the knee layout they
// share with the distal femur.

#include <algorithm>
#include <cmath>

#include "anatomy_math.hpp"
#include "builders.hpp"
#include "knee_layout.hpp"

namespace bonegen {

namespace {

// Rise of a V-shaped cross-section with a rounded bottom (radius about `round`): 0 at dz = 0.
float roundedV(float dz, float slope, float round) {
    return slope * (std::sqrt(dz * dz + round * round) - round);
}

// Elliptic cross-sections stacked along y and interpolated linearly: a lofted solid whose sides
// flare smoothly (no rim). Each section: height y, centre (cx, cz), semi-axes a (x) and b (z).
struct Section {
    float y, cx, cz, a, b;
};
Sdf loft(std::vector<Section> sections) {
    return [sections = std::move(sections)](const glm::vec3& p) {
        const Section& top = sections.front();
        const Section& bottom = sections.back();
        const float y = std::clamp(p.y, bottom.y, top.y);
        std::size_t i = 0;
        while (i + 2 < sections.size() && sections[i + 1].y > y) ++i;
        const Section& s0 = sections[i];
        const Section& s1 = sections[i + 1];
        const float t = (s0.y - y) / std::max(s0.y - s1.y, 1e-6f);
        const glm::vec2 centre(s0.cx + t * (s1.cx - s0.cx), s0.cz + t * (s1.cz - s0.cz));
        const glm::vec2 r(s0.a + t * (s1.a - s0.a), s0.b + t * (s1.b - s0.b));
        const float slope = std::max(std::abs(s1.a - s0.a), std::abs(s1.b - s0.b)) / std::max(s0.y - s1.y, 1e-6f);
        const glm::vec2 e = glm::vec2(p.x, p.z) - centre;
        const float k0 = glm::length(e / r), k1 = glm::length(e / (r * r));
        const float side = (k1 < 1e-9f ? -std::min(r.x, r.y) : k0 * (k0 - 1.0f) / k1) / std::sqrt(1.0f + slope * slope);
        const float caps = std::max(p.y - top.y, bottom.y - p.y);
        return std::max(side, caps);
    };
}

}  // namespace

float KneeLayout::trochlearRadiusAt(float z) const {
    const float dz = z - zGroove;
    return grooveRadius + roundedV(dz, dz > 0.0f ? lateralSlope : medialSlope, 4.0f);
}

float KneeLayout::patellaTrackRadius(float patellaThickness) const {
    return grooveRadius + patellaGap + patellaThickness / 2.0f;
}

KneeLayout kneeLayout(const SkeletonParams& params) {
    KneeLayout k;
    k.kneeY = -(params.f("femur.length") - params.f("femur.head_diameter") / 2.0f);
    k.condyleRadius = params.f("femur.condyle_radius");
    // The posterior condyles are round about the flexion axis (the knee's hinge); the trochlear
    // groove is a circle too, centred near the transepicondylar axis, above and in front of it.
    k.tibiofemoralGap = params.f("tibia.tibiofemoral_gap");
    k.flexionAxis = {-11.0f, k.kneeY + k.condyleRadius, 0.0f};
    k.grooveRadius = params.f("femur.trochlear_groove_radius");
    k.zGroove = 2.0f;
    // Sulcus angle: the two facets rise at angles adding to 180 - sulcus; the lateral one is steeper.
    const float rise = radians(180.0f - params.f("femur.sulcus_angle"));
    k.lateralSlope = std::tan(0.58f * rise);
    k.medialSlope = std::tan(0.42f * rise);
    k.patellaGap = params.f("patella.cartilage_gap");
    k.trochlearCentre = {-5.0f, k.kneeY + k.condyleRadius + 7.0f, k.zGroove + 3.0f};
    k.patellaRidgeOffset = 3.0f;
    k.patellaRestAngle = radians(params.f("patella.rest_angle"));
    return k;
}

BoneModel buildPatellaRight(const SkeletonParams& params) {
    const KneeLayout knee = kneeLayout(params);
    const float halfHeight = params.f("patella.height") / 2.0f;
    const float halfWidth = params.f("patella.width") / 2.0f;
    const float thickness = params.f("patella.thickness");
    const float halfThickness = thickness / 2.0f;
    const float ridgeZ = -knee.patellaRidgeOffset;  // medial of the centre: the lateral facet is larger

    // Built in the articular frame A (x away from the groove centre, y along the patella), then
    // tilted by the rest angle into the bone frame, which is aligned with the femur at full extension.
    const float c = std::cos(knee.patellaRestAngle), s = std::sin(knee.patellaRestAngle);
    const glm::vec3 ax(c, -s, 0.0f), ay(s, c, 0.0f);
    const auto toA = [=](const glm::vec3& p) { return glm::vec3(glm::dot(p, ax), glm::dot(p, ay), p.z); };
    const auto fromA = [=](const glm::vec3& q) { return q.x * ax + q.y * ay + glm::vec3(0.0f, 0.0f, q.z); };

    // Outline: a rounded triangle, broad base above, apex below; thickest along the ridge.
    const Sdf outline = [=](const glm::vec3& q) {
        const float v = std::clamp(q.y / halfHeight, -1.0f, 1.0f);
        const float taper = 0.78f + 0.26f * v - 0.12f * v * v;  // widest a little above the middle
        const glm::vec3 r(halfThickness + 3.0f, halfHeight, halfWidth * taper);
        const glm::vec3 local(q.x + 1.5f, q.y, q.z);
        const float k0 = glm::length(local / r), k1 = glm::length(local / (r * r));
        return k1 < 1e-9f ? -halfThickness : k0 * (k0 - 1.0f) / k1;
    };
    // Posterior articular surface: the groove's cross-section offset by the cartilage gap, so the
    // vertical ridge rides in the groove and the two facets on the trochlear facets.
    const Sdf articular = [=](const glm::vec3& q) {
        const float dz = q.z - ridgeZ;
        const float back = -halfThickness + roundedV(dz, dz > 0.0f ? knee.lateralSlope : knee.medialSlope, 4.0f);
        return (back - q.x) / std::sqrt(1.0f + knee.lateralSlope * knee.lateralSlope);
    };
    Sdf bodyA = smoothIntersect(outline, articular, 1.5f);
    // Anterior face: gently convex, flatter than the ellipsoid.
    bodyA = smoothIntersect(bodyA, sphere({halfThickness - 60.0f, 2.0f, 0.0f}, 60.0f), 3.0f);
    // Apex: the lower quarter is non-articular, bevelled forward away from the femur.
    bodyA = smoothIntersect(bodyA, halfSpace({-halfThickness + 2.5f, -0.45f * halfHeight, 0.0f}, {-1.0f, -0.9f, 0.0f}),
                            3.0f);
    const Sdf bone = [bodyA, toA](const glm::vec3& p) { return bodyA(toA(p)); };

    const auto marchA = [&](glm::vec3 startA, glm::vec3 dirA) {
        return fromA(marchToSurface(bodyA, startA, dirA, 60.0f));
    };
    BoneModel model;
    model.id = "patella_r";
    model.displayName = "Right patella";
    model.commonName = "kneecap";
    model.side = "right";
    model.parentFrame = "patella_r";
    model.sdf = bone;
    const float extent = halfHeight + 6.0f;
    model.boundsMin = -glm::vec3(extent, extent, halfWidth + 5.0f);
    model.boundsMax = glm::vec3(extent, extent, halfWidth + 5.0f);
    model.voxelSize = params.f("mesh.voxel_small");
    model.highTriangles = 6000;
    model.lowTriangles = 1000;
    model.landmarks = {
        {"patella_centre", marchA({halfThickness + 20.0f, 0.0f, 0.0f}, {-1.0f, 0.0f, 0.0f})},
        {"patella_apex", marchA({4.0f, -halfHeight - 20.0f, 0.0f}, {0.0f, 1.0f, 0.0f})},
        {"patella_base", marchA({4.0f, halfHeight + 20.0f, 0.0f}, {0.0f, -1.0f, 0.0f})},
        {"posterior_ridge", marchA({-halfThickness - 20.0f, 0.0f, ridgeZ}, {1.0f, 0.0f, 0.0f})},
    };
    model.joints = {
        {"patella_centre", glm::vec3(0.0f), false, "frame origin: centre of the patella's bounding ellipsoid"},
        {"articular_axis", ax, true, "unit vector from the trochlear groove centre through the patella centre"}};
    model.design = {{"height", halfHeight * 2.0 / 1000.0, "m", "patella.height"},
                    {"width", halfWidth * 2.0 / 1000.0, "m", "patella.width"},
                    {"thickness", thickness / 1000.0, "m", "patella.thickness"}};
    return model;
}

namespace {

// The right tibia's field, shared with the fibula (which is placed against it).
struct TibiaShape {
    Sdf sdf;
    glm::vec3 tuberosity, malleolusTip;
};

TibiaShape tibiaShape(const SkeletonParams& params) {
    const KneeLayout knee = kneeLayout(params);
    const float length = params.f("tibia.length");
    const float halfWidth = params.f("tibia.plateau_width") / 2.0f;
    const float halfDepth = params.f("tibia.plateau_depth") / 2.0f;
    const float shaftRadius = params.f("tibia.shaft_diameter") / 2.0f;
    const float top = -knee.tibiofemoralGap;  // plateau surface: the joint space below the condyles

    // Proximal end: the condyles flare smoothly out of the shaft (no overhanging rim).
    std::vector<Sdf> parts;
    // Bell-shaped: wide condyles, then a quick narrowing to the shaft.
    const float w = halfWidth, d = halfDepth;
    parts.push_back(loft({{top + 3.0f, -2.0f, 0.0f, d, w},
                          {top - 8.0f, -2.0f, 0.0f, d, w - 0.3f},
                          {top - 16.0f, -2.0f, 0.0f, d - 0.5f, w - 1.2f},
                          {top - 24.0f, -2.0f, 0.0f, d - 1.5f, w - 3.0f},
                          {top - 32.0f, -1.5f, 0.0f, d - 3.0f, w - 6.5f},
                          {top - 40.0f, -1.5f, -0.3f, d - 5.0f, w - 11.0f},
                          {top - 50.0f, -1.0f, -0.6f, d - 7.0f, w - 17.0f},
                          {top - 62.0f, -1.0f, -1.0f, shaftRadius + 3.5f, shaftRadius + 4.5f},
                          {top - 80.0f, -1.0f, -1.0f, shaftRadius + 1.5f, shaftRadius + 1.5f},
                          {top - 95.0f, -0.5f, -1.0f, shaftRadius - 2.0f, shaftRadius - 2.0f}}));
    const glm::vec3 tuberosity(halfDepth - 8.0f, top - 32.0f, 3.0f);
    parts.push_back(ellipsoid(tuberosity, {7.0f, 12.0f, 9.0f}));
    parts.push_back(ellipsoid(glm::vec3(halfDepth - 14.0f, top - 12.0f, halfWidth - 12.0f),
                              {7.0f, 7.0f, 8.0f}));  // Gerdy's tubercle (iliotibial tract)
    parts.push_back(tube(
        {{-1.0f, top - 70.0f, -1.0f}, {0.0f, -150.0f, -1.0f}, {1.0f, -260.0f, -2.0f}, {0.0f, -(length - 45.0f), -3.0f}},
        {shaftRadius + 1.5f, shaftRadius, shaftRadius - 1.0f, shaftRadius + 2.0f}));  // shaft
    parts.push_back(tube({{shaftRadius - 2.0f, top - 50.0f, 2.0f},
                          {shaftRadius - 3.0f, -160.0f, 0.0f},
                          {shaftRadius - 3.0f, -280.0f, -2.0f}},
                         {3.5f, 4.5f, 3.5f}));  // anterior border (shin)
    parts.push_back(ellipsoid(glm::vec3(0.0f, -(length - 30.0f), -3.0f), {17.0f, 36.0f, 20.0f}));  // distal metaphysis
    Sdf bone = smoothUniteAll(parts, 6.0f);

    // Flat plateau at the joint space, a concave medial and a flatter lateral condyle, the posterior
    // intercondylar fossa, the two intercondylar tubercles (eminence), then the plafond.
    bone = smoothIntersect(bone, halfSpace({0.0f, top, 0.0f}, {0.0f, 1.0f, 0.0f}), 3.0f);
    bone = smoothSubtract(bone, sphere({-4.0f, top + 40.0f - 1.6f, -19.0f}, 40.0f), 1.5f);  // medial dish
    bone = smoothSubtract(bone, sphere({-5.0f, top + 60.0f - 0.7f, 19.0f}, 60.0f), 1.5f);   // lateral, flatter
    bone = smoothSubtract(bone,
                          capsule({-2.0f - halfDepth, top + 4.0f, 0.0f}, {-2.0f - halfDepth, top - 22.0f, 0.0f}, 7.0f),
                          4.0f);  // posterior intercondylar fossa between the condyles
    for (const float side : {1.0f, -1.0f})
        bone = smoothUnite(
            bone, roundCone({-6.0f, top - 3.0f, side * 4.0f}, {-6.0f, top + 4.5f, side * 3.5f}, 5.0f, 2.2f), 3.0f);
    bone = smoothIntersect(bone, halfSpace({0.0f, -length, 0.0f}, {0.0f, -1.0f, 0.0f}), 1.5f);
    const glm::vec3 malleolusTip(3.0f, -(length + 12.0f), -19.0f);
    bone = smoothUnite(bone, roundCone({1.0f, -(length - 22.0f), -13.0f}, malleolusTip, 11.0f, 7.0f),
                       5.0f);  // medial malleolus
    return {bone, tuberosity, malleolusTip};
}

}  // namespace

BoneModel buildTibiaRight(const SkeletonParams& params) {
    const float length = params.f("tibia.length");
    const float halfWidth = params.f("tibia.plateau_width") / 2.0f;
    const float halfDepth = params.f("tibia.plateau_depth") / 2.0f;
    const TibiaShape shape = tibiaShape(params);
    const Sdf& bone = shape.sdf;
    const float top = -params.f("tibia.tibiofemoral_gap");

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
         marchToSurface(bone, shape.tuberosity + glm::vec3(30.0f, 5.0f, 0.0f), {-1.0f, 0.0f, 0.0f}, 50.0f)},
        {"medial_malleolus",
         marchToSurface(bone, shape.malleolusTip + glm::vec3(0.0f, -20.0f, 0.0f), {0.0f, 1.0f, 0.0f}, 40.0f)},
        {"medial_condyle", marchToSurface(bone, {-2.0f, top - 6.0f, -halfWidth - 20.0f}, {0.0f, 0.0f, 1.0f}, 40.0f)},
        {"lateral_condyle", marchToSurface(bone, {-2.0f, top - 6.0f, halfWidth + 20.0f}, {0.0f, 0.0f, -1.0f}, 40.0f)},
        {"intercondylar_eminence", marchToSurface(bone, {-6.0f, 20.0f, 4.0f}, {0.0f, -1.0f, 0.0f}, 40.0f)},
    };
    model.joints = {
        {"knee_centre", glm::vec3(0.0f), false, "frame origin: between the plateaus, on the joint line"},
        {"ankle_centre", {0.0f, -length - 8.0f, 0.0f}, false, "talocrural joint centre below the plafond"},
    };
    model.design = {{"length", length / 1000.0, "m", "tibia.length"},
                    {"plateau_width", halfWidth * 2.0 / 1000.0, "m", "tibia.plateau_width"},
                    {"plateau_depth", halfDepth * 2.0 / 1000.0, "m", "tibia.plateau_depth"}};
    return model;
}

BoneModel buildFibulaRight(const SkeletonParams& params) {
    const float length = params.f("fibula.length");
    const float shaftRadius = params.f("fibula.shaft_diameter") / 2.0f;
    const float gap = params.f("fibula.tibiofibular_gap");
    const float headRadius = 11.0f;
    const Sdf tibia = tibiaShape(params).sdf;

    // Proximal tibiofibular joint: the head sits against the posterolateral underside of the lateral
    // tibial condyle. Find the tibia's surface along the joint's normal, then back the head off it
    // until its nearest point is `gap` from the tibia.
    const glm::vec3 normal = glm::normalize(glm::vec3(-0.7f, -0.6f, 0.4f));
    const glm::vec3 facet = marchToSurface([&](const glm::vec3& p) { return -tibia(p); },
                                           glm::vec3(-10.0f, -13.0f, 24.0f), normal, 40.0f, 0.1f);
    glm::vec3 headCentre = facet + normal * (headRadius + gap);
    for (int iteration = 0; iteration < 6; ++iteration) {
        float nearest = 1e9f;
        for (int i = 0; i < 200; ++i) {  // points over the head's sphere (golden-angle spiral)
            const float t = (static_cast<float>(i) + 0.5f) / 200.0f;
            const float phi = static_cast<float>(i) * 2.39996f;
            const float zc = 1.0f - 2.0f * t, rc = std::sqrt(1.0f - zc * zc);
            nearest = std::min(nearest,
                               tibia(headCentre + headRadius * glm::vec3(rc * std::cos(phi), zc, rc * std::sin(phi))));
        }
        headCentre += normal * (gap - nearest);
    }
    const float topY = headCentre.y + headRadius;
    const glm::vec3 malleolusTip(-16.0f, topY - length, 29.0f);

    std::vector<Sdf> parts;
    parts.push_back(sphere(headCentre, headRadius));  // head
    parts.push_back(roundCone(headCentre + glm::vec3(-5.0f, 3.0f, 4.0f), headCentre + glm::vec3(-8.0f, 9.0f, 6.0f),
                              5.0f, 2.5f));  // apex (styloid process), pointing up and back
    parts.push_back(tube({headCentre + glm::vec3(0.0f, -8.0f, -1.0f),
                          {-14.0f, -180.0f, 29.0f},
                          {-10.0f, -300.0f, 27.0f},
                          malleolusTip + glm::vec3(0.0f, 14.0f, 1.0f)},
                         {shaftRadius + 1.5f, shaftRadius, shaftRadius - 0.5f, shaftRadius + 1.0f}));  // neck, shaft
    parts.push_back(ellipsoid(malleolusTip + glm::vec3(0.0f, 16.0f, 0.0f), {10.0f, 17.0f, 6.5f}));  // lateral malleolus
    const Sdf bone = smoothUniteAll(parts, 5.0f);

    BoneModel model;
    model.id = "fibula_r";
    model.displayName = "Right fibula";
    model.commonName = "calf bone";
    model.side = "right";
    model.parentFrame = "tibia_r";
    model.sdf = bone;
    model.boundsMin = {-45.0f, malleolusTip.y - 12.0f, 10.0f};
    model.boundsMax = {5.0f, topY + 16.0f, 60.0f};
    model.voxelSize = params.f("mesh.voxel_medium");
    model.highTriangles = 10000;
    model.lowTriangles = 1600;
    model.landmarks = {
        {"fibular_head", marchToSurface(bone, headCentre + glm::vec3(0.0f, 0.0f, 30.0f), {0.0f, 0.0f, -1.0f}, 40.0f)},
        {"lateral_malleolus",
         marchToSurface(bone, malleolusTip + glm::vec3(0.0f, -20.0f, 0.0f), {0.0f, 1.0f, 0.0f}, 40.0f)},
    };
    model.joints = {{"proximal_tibiofibular", headCentre - normal * headRadius, false,
                     "head against the posterolateral underside of the lateral tibial condyle"}};
    model.design = {{"length", length / 1000.0, "m", "fibula.length"},
                    {"tibiofibular_gap", gap / 1000.0, "m", "fibula.tibiofibular_gap"}};
    return model;
}

}  // namespace bonegen
