#include "lumbarlab/anatomy/body_skin.h"
#include "lumbarlab/core/transform.h"

#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/implicit_surface.h"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace lumbarlab {
namespace {

constexpr float kJointBlend = 0.02f;       // fillet between segments (m)
constexpr float kWeightSpread = 0.012f;    // how far (m) a vertex feels a segment beyond its nearest one
constexpr float kPropClearance = 0.0005f;  // pressed skin lies this far out of the prop's face

float radiusOf(float girth) {
    return girth / (2.0f * glm::pi<float>());
}

// One shape of the skin, in the rest posture's world coordinates.
struct Primitive {
    SkinSegment segment = SkinSegment::Pelvis;
    bool ellipsoid = false;
    glm::vec3 a{0.0f}, b{0.0f};  // cone: the axis ends
    float ra = 0.0f, rb = 0.0f;
    glm::mat4 toLocal{1.0f};  // ellipsoid: world to its axes, centred
    glm::vec3 radii{0.0f};

    [[nodiscard]] float distance(const glm::vec3& p) const {
        if (!ellipsoid) return roundConeDistance(p, a, b, ra, rb);
        return ellipsoidDistance(glm::vec3(toLocal * glm::vec4(p, 1.0f)), radii);
    }
    // A point on the shape's core nearest p: where contact pushes skin back out from.
    [[nodiscard]] glm::vec3 core(const glm::vec3& p) const {
        if (ellipsoid) return glm::vec3(glm::inverse(toLocal)[3]);
        const glm::vec3 ab = b - a;
        const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-9f), 0.0f, 1.0f);
        return a + t * ab;
    }
};

Primitive cone(SkinSegment s, const glm::vec3& a, const glm::vec3& b, float ra, float rb) {
    Primitive p;
    p.segment = s;
    p.a = a;
    p.b = b;
    p.ra = ra;
    p.rb = rb;
    return p;
}

// An ellipsoid with semi-axes `radii` along the axes of `frame` (rotation only), centred at `centre`.
Primitive ellipsoid(SkinSegment s, const glm::mat4& frame, const glm::vec3& centre, const glm::vec3& radii) {
    glm::mat4 axes(1.0f);
    for (int i = 0; i < 3; ++i) axes[i] = glm::vec4(glm::normalize(glm::vec3(frame[i])), 0.0f);
    axes[3] = glm::vec4(centre, 1.0f);
    Primitive p;
    p.segment = s;
    p.ellipsoid = true;
    p.toLocal = glm::inverse(axes);
    p.radii = radii;
    return p;
}

// A frame at `origin` with y along `up` and z as near `side` as y allows.
glm::mat4 frameAlong(const glm::vec3& origin, const glm::vec3& up, const glm::vec3& side) {
    const glm::vec3 y = glm::normalize(up);
    glm::vec3 x = glm::cross(y, side);
    if (glm::length(x) < 1e-4f) x = glm::cross(y, glm::vec3(0.0f, 0.0f, 1.0f));
    x = glm::normalize(x);
    const glm::vec3 z = glm::cross(x, y);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x, 0.0f);
    m[1] = glm::vec4(y, 0.0f);
    m[2] = glm::vec4(z, 0.0f);
    m[3] = glm::vec4(origin, 1.0f);
    return m;
}

SkinSegment sided(SkinSegment right, int side) {
    return SkinSegment(int(right) + side);
}

std::array<glm::mat4, kSkinSegments> framesOf(const BodyFigure& body, const SkeletonFrames& frames,
                                              const std::array<BodyFigure::Arm, 2>& arms) {
    std::array<glm::mat4, kSkinSegments> out{};
    out[std::size_t(SkinSegment::Pelvis)] = frames.of("pelvis");
    for (int v = 1; v <= 5; ++v)
        out[std::size_t(SkinSegment::L1) + std::size_t(v - 1)] = frames.of(kVertebrae[std::size_t(v)]);
    const glm::mat4& thorax = frames.of("thorax");
    out[std::size_t(SkinSegment::Thorax)] = thorax;
    const glm::vec3 side = glm::vec3(thorax[2]);
    for (int s = 0; s < 2; ++s) {
        const std::string suffix = s == 0 ? "_r" : "_l";
        out[std::size_t(sided(SkinSegment::ThighR, s))] = frames.of("femur" + suffix);
        out[std::size_t(sided(SkinSegment::LegR, s))] = frames.of("tibia" + suffix);
        out[std::size_t(sided(SkinSegment::FootR, s))] = body.footFrame(frames, s);
        const BodyFigure::Arm& a = arms[std::size_t(s)];
        out[std::size_t(sided(SkinSegment::UpperArmR, s))] = frameAlong(a.shoulder, a.shoulder - a.elbow, side);
        out[std::size_t(sided(SkinSegment::ForearmR, s))] = frameAlong(a.elbow, a.elbow - a.wrist, side);
        out[std::size_t(sided(SkinSegment::HandR, s))] = frameAlong(a.wrist, a.wrist - a.fingertip, side);
    }
    return out;
}

// The shapes of the body around the skeleton in `rest`, with the arms as given.
std::vector<Primitive> bodyShapes(const BodyFigure& body, const SkeletonDefinition& skeleton,
                                  const SkeletonFrames& rest, const std::array<BodyFigure::Arm, 2>& arms, float cell) {
    const BodyParameters& p = body.parameters();
    const SkinDimensions& k = p.skin;
    std::vector<Primitive> out;
    const glm::mat4& pelvis = rest.of("pelvis");
    const glm::vec3 hipR = rest.toWorld("femur_r", glm::vec3(0.0f)), hipL = rest.toWorld("femur_l", glm::vec3(0.0f));
    const glm::mat4 toPelvis = glm::inverse(pelvis);
    const glm::vec3 hips = transformPoint(toPelvis, 0.5f * (hipR + hipL));
    // Hips: as broad as the bitrochanteric breadth; front to back as deep as the hip girth then allows.
    const float halfBreadth = 0.5f * k.hipBreadth;
    // Ramanujan's perimeter of an ellipse, solved for the half depth (a few steps of bisection).
    auto halfDepthFor = [](float girth, float half) {
        float lo = 0.02f, hi = half;
        for (int i = 0; i < 30; ++i) {
            const float b = 0.5f * (lo + hi);
            const float perimeter =
                glm::pi<float>() * (3.0f * (half + b) - std::sqrt((3.0f * half + b) * (half + 3.0f * b)));
            (perimeter < girth ? lo : hi) = b;
        }
        return 0.5f * (lo + hi);
    };
    const float hipHalfDepth = halfDepthFor(k.hipGirth, halfBreadth);
    out.push_back(ellipsoid(SkinSegment::Pelvis, pelvis, transformPoint(pelvis, hips + glm::vec3(-0.035f, 0.03f, 0.0f)),
                            {hipHalfDepth, 0.11f, halfBreadth}));
    // Buttocks: behind the hip joints, reaching the cited tissue depth below the sitting bones.
    for (int s = 0; s < 2; ++s) {
        const auto tuberosity = skeleton.landmark(s == 0 ? "hip_bone_r" : "hip_bone_l", "ischial_tuberosity");
        if (!tuberosity) throw FileError(skeleton.manifest, "landmark ischial_tuberosity is needed for the skin");
        const float lateral = s == 0 ? 1.0f : -1.0f;
        const glm::vec3 c = *tuberosity + glm::vec3(-0.01f, 0.07f, lateral * 0.03f);
        out.push_back(ellipsoid(SkinSegment::Pelvis, pelvis, transformPoint(pelvis, c),
                                {0.085f, 0.07f + k.tissueUnderIschium, 0.085f}));
    }
    // The waist: an ellipse of the cited girth around each lumbar vertebra, its back the tissue
    // depth behind the spinous tip.
    const float waistHalf = 0.5f * k.hipBreadth * 0.92f;
    const float waistHalfDepth = halfDepthFor(k.waistGirth, waistHalf);
    for (int v = 1; v <= 5; ++v) {
        const std::string id = kVertebrae[std::size_t(v)];
        const auto tip = skeleton.landmark(id, "spinous_tip");
        if (!tip) throw FileError(skeleton.manifest, "landmark spinous_tip of " + id + " is needed for the skin");
        const glm::mat4& frame = rest.of(id);
        const float back = tip->x - k.tissueBehindSpine;
        out.push_back(ellipsoid(SkinSegment(int(SkinSegment::L1) + v - 1), frame,
                                transformPoint(frame, {back + waistHalfDepth, 0.0f, 0.0f}),
                                {waistHalfDepth, 0.045f, waistHalf}));
    }
    // Chest, shoulders, neck and head on the thorax frame.
    const glm::mat4& thorax = rest.of("thorax");
    out.push_back(ellipsoid(SkinSegment::Thorax, thorax, transformPoint(thorax, {0.045f, 0.45f * p.thoraxHeight, 0.0f}),
                            {0.5f * p.thoraxDepth, 0.55f * p.thoraxHeight, 0.5f * p.thoraxWidth}));
    const float upperArm = radiusOf(k.upperArmGirth);
    const glm::vec3 shoulderR = arms[0].shoulder, shoulderL = arms[1].shoulder;
    out.push_back(cone(SkinSegment::Thorax, shoulderR, shoulderL, upperArm + 0.005f, upperArm + 0.005f));
    const float neck = radiusOf(k.neckGirth);
    const glm::vec3 neckBase = transformPoint(thorax, {0.0f, p.thoraxHeight - 0.02f, 0.0f});
    const glm::vec3 neckTop = transformPoint(thorax, {0.0f, p.thoraxHeight + p.neckLength, 0.0f});
    out.push_back(cone(SkinSegment::Thorax, neckBase, neckTop, neck + 0.01f, neck));
    const float headBase = p.thoraxHeight + p.neckLength;
    // The head's top about a quarter of a metre above the top of the chest (vertex to cervicale),
    // the chin in front of the neck.
    out.push_back(ellipsoid(SkinSegment::Thorax, thorax,
                            transformPoint(thorax, {0.025f, headBase + 0.1f * p.headHeight, 0.0f}),
                            {0.5f * k.headLength, 0.45f * p.headHeight, 0.5f * k.headBreadth}));
    // Face and jaw: forward and lower, narrower.
    out.push_back(ellipsoid(SkinSegment::Thorax, thorax, transformPoint(thorax, {0.06f, headBase - 0.02f, 0.0f}),
                            {0.055f, 0.25f * p.headHeight, 0.36f * k.headBreadth}));
    for (int s = 0; s < 2; ++s) {
        const std::string suffix = s == 0 ? "_r" : "_l";
        const float lateral = s == 0 ? 1.0f : -1.0f;
        // Thigh: from just outside the hip joint (over the trochanter) to the knee.
        const glm::mat4& femur = rest.of("femur" + suffix);
        const glm::vec3 knee = rest.toWorld("tibia" + suffix, glm::vec3(0.0f));
        const glm::vec3 thighTop = transformPoint(femur, {0.0f, -0.03f, lateral * 0.025f});
        out.push_back(
            cone(sided(SkinSegment::ThighR, s), thighTop, knee, radiusOf(k.thighGirth), radiusOf(k.kneeGirth)));
        // Leg: knee, calf (widest a third of the way down, toward the back), ankle.
        const glm::mat4& tibia = rest.of("tibia" + suffix);
        const glm::vec3 ankle = rest.toWorld("tibia" + suffix, skeleton.requireJoint("tibia" + suffix, "ankle_centre"));
        const glm::vec3 calf = glm::mix(knee, ankle, 0.3f) - 0.012f * glm::normalize(glm::vec3(tibia[0]));
        out.push_back(cone(sided(SkinSegment::LegR, s), knee, calf, radiusOf(k.kneeGirth), radiusOf(k.calfGirth)));
        out.push_back(cone(sided(SkinSegment::LegR, s), calf, ankle, radiusOf(k.calfGirth), radiusOf(k.ankleGirth)));
        // Foot: heel and forefoot, the sole 4 mm below the contact plane so the floor flattens it.
        const glm::mat4 foot = body.footFrame(rest, s);
        const float sole = -p.ankleHeight - 0.004f;
        const float heelRadius = 0.032f, toeRadius = 0.022f;
        const glm::vec3 heel = transformPoint(foot, {-p.heelBehindAnkle + heelRadius, sole + heelRadius, 0.0f});
        const glm::vec3 toes =
            transformPoint(foot, {p.footLength - p.heelBehindAnkle - toeRadius, sole + toeRadius, 0.0f});
        out.push_back(cone(sided(SkinSegment::FootR, s), heel, toes, heelRadius, toeRadius));
        out.push_back(ellipsoid(
            sided(SkinSegment::FootR, s), foot,
            transformPoint(foot, {0.45f * p.footLength - p.heelBehindAnkle, sole + 0.45f * p.ankleHeight, 0.0f}),
            {0.42f * p.footLength, 0.45f * p.ankleHeight, 0.5f * p.footWidth}));
        // Arm: upper arm, forearm (widest below the elbow), a flat hand (at least 3.2 cells thick, or
        // the mesher would join its two faces at points).
        const BodyFigure::Arm& a = arms[std::size_t(s)];
        const float forearm = radiusOf(k.forearmGirth), wrist = radiusOf(k.wristGirth);
        out.push_back(cone(sided(SkinSegment::UpperArmR, s), a.shoulder, a.elbow, upperArm, 0.9f * forearm));
        const glm::vec3 belly = glm::mix(a.elbow, a.wrist, 0.25f);
        out.push_back(cone(sided(SkinSegment::ForearmR, s), a.elbow, belly, 0.9f * forearm, forearm));
        out.push_back(cone(sided(SkinSegment::ForearmR, s), belly, a.wrist, forearm, wrist));
        const glm::mat4 hand = frameAlong(a.wrist, a.wrist - a.fingertip, glm::vec3(thorax[2]));
        out.push_back(ellipsoid(sided(SkinSegment::HandR, s), hand, glm::mix(a.wrist, a.fingertip, 0.45f),
                                {0.5f * k.handBreadth, 0.47f * p.hand, std::max(0.5f * k.handThickness, 1.6f * cell)}));
    }
    return out;
}

// The arms of the rest posture: held a little away from the body so the mesh keeps them apart.
std::array<BodyFigure::Arm, 2> restArms(const BodyFigure& body, const SkeletonFrames& rest) {
    std::array<BodyFigure::Arm, 2> arms{};
    const glm::mat4& thorax = rest.of("thorax");
    const BodyParameters& p = body.parameters();
    for (int s = 0; s < 2; ++s) {
        BodyFigure::Arm a = body.drawnArm(rest, s);
        const glm::vec3 out = glm::normalize(glm::vec3(thorax[2])) * (s == 0 ? 1.0f : -1.0f);
        const glm::vec3 d = glm::normalize(-glm::normalize(glm::vec3(thorax[1])) + 0.3f * out);
        a.elbow = a.shoulder + p.upperArm * d;
        a.wrist = a.elbow + p.forearm * d;
        a.fingertip = a.wrist + p.hand * d;
        arms[std::size_t(s)] = a;
    }
    return arms;
}

}  // namespace

BodySkin::BodySkin(const BodyFigure& body, const SkeletonDefinition& skeleton, const SkeletonFrames& rest, float cell)
    : body_(&body) {
    const std::array<BodyFigure::Arm, 2> arms = restArms(body, rest);
    const std::vector<Primitive> shapes = bodyShapes(body, skeleton, rest, arms, cell);
    const std::array<glm::mat4, kSkinSegments> restFrames = framesOf(body, rest, arms);
    for (std::size_t s = 0; s < kSkinSegments; ++s) restInverse_[s] = glm::inverse(restFrames[s]);
    // Each segment's own distance (for the weights).
    auto segmentDistances = [&](const glm::vec3& q, std::array<float, kSkinSegments>& d) {
        d.fill(1e9f);
        for (const Primitive& shape : shapes) {
            float& ds = d[std::size_t(shape.segment)];
            ds = smoothMin(ds, shape.distance(q), kJointBlend);
        }
    };
    // The surface: the smooth union of every shape. A shape whose bounding sphere lies a blend
    // width beyond the union so far cannot change it, and is skipped (most are, at any point).
    struct Sphere {
        glm::vec3 centre;
        float radius;
    };
    std::vector<Sphere> spheres;
    Bounds box;
    for (const Primitive& shape : shapes) {
        Sphere sphere{};
        if (shape.ellipsoid) {
            sphere = {glm::vec3(glm::inverse(shape.toLocal)[3]),
                      std::max({shape.radii.x, shape.radii.y, shape.radii.z})};
        } else {
            sphere = {0.5f * (shape.a + shape.b),
                      0.5f * glm::distance(shape.a, shape.b) + std::max(shape.ra, shape.rb)};
        }
        spheres.push_back(sphere);
        box.include(sphere.centre - glm::vec3(sphere.radius));
        box.include(sphere.centre + glm::vec3(sphere.radius));
    }
    const DistanceField field = [&](const glm::vec3& q) {
        float total = 1e9f;
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            if (glm::distance(q, spheres[i].centre) - spheres[i].radius >= total + kJointBlend) continue;
            total = smoothMin(total, shapes[i].distance(q), kJointBlend);
        }
        return total;
    };
    rest_ = meshDistanceField(field, box, cell);
    rest_.name = "skin";
    // Weights: every segment within a few spreads of the nearest one, falling off exponentially.
    influences_.resize(rest_.positions.size());
    std::array<float, kSkinSegments> d{};
    for (std::size_t v = 0; v < rest_.positions.size(); ++v) {
        const glm::vec3& q = rest_.positions[v];
        segmentDistances(q, d);
        std::array<std::uint8_t, kSkinSegments> order{};
        std::iota(order.begin(), order.end(), std::uint8_t(0));
        std::sort(order.begin(), order.end(), [&](std::uint8_t x, std::uint8_t y) { return d[x] < d[y]; });
        Influence& inf = influences_[v];
        float sum = 0.0f;
        for (std::size_t i = 0; i < 4; ++i) {
            const float excess = d[order[i]] - d[order[0]];
            if (excess > 4.0f * kWeightSpread) break;
            inf.segment[i] = order[i];
            inf.weight[i] = std::exp(-excess / kWeightSpread);
            sum += inf.weight[i];
            ++inf.count;
        }
        for (std::size_t i = 0; i < inf.count; ++i) inf.weight[i] /= sum;
        // The core point: on the nearest shape of the main segment.
        const Primitive* nearest = nullptr;
        float best = 1e9f;
        for (const Primitive& shape : shapes)
            if (std::size_t(shape.segment) == order[0]) {
                const float ds = shape.distance(q);
                if (ds < best) {
                    best = ds;
                    nearest = &shape;
                }
            }
        inf.core = nearest ? transformPoint(restInverse_[order[0]], nearest->core(q)) : glm::vec3(0.0f);
    }
}

std::array<glm::mat4, kSkinSegments> BodySkin::segmentFrames(const SkeletonFrames& frames) const {
    return framesOf(*body_, frames, {body_->drawnArm(frames, 0), body_->drawnArm(frames, 1)});
}

void BodySkin::pose(const SkeletonFrames& frames, const std::vector<BodyShape>& props, MeshData& out) const {
    const std::array<glm::mat4, kSkinSegments> world = segmentFrames(frames);
    std::array<glm::mat4, kSkinSegments> skin{};
    for (std::size_t s = 0; s < kSkinSegments; ++s) skin[s] = world[s] * restInverse_[s];
    out.name = rest_.name;
    out.indices = rest_.indices;
    out.positions.resize(rest_.positions.size());
    out.occlusion.assign(rest_.positions.size(), 1.0f);
    out.colours.clear();
    // Props as boxes: world to unit-box coordinates and the size of each axis.
    struct Box {
        glm::mat4 toUnit, toWorld;
        glm::vec3 size;
    };
    std::vector<Box> boxes;
    for (const BodyShape& prop : props) {
        if (prop.kind != ShapeKind::Box) continue;
        glm::mat4 box = prop.transform;
        // The floor is the ground: however deep a point lies below it, it comes back up.
        if (prop.id == "floor")
            box = box * glm::translate(glm::mat4(1.0f), {0.0f, -49.5f, 0.0f}) *
                  glm::scale(glm::mat4(1.0f), {1.0f, 100.0f, 1.0f});
        const glm::vec3 size{glm::length(glm::vec3(box[0])), glm::length(glm::vec3(box[1])),
                             glm::length(glm::vec3(box[2]))};
        boxes.push_back({glm::inverse(box), box, size});
    }
    for (std::size_t v = 0; v < rest_.positions.size(); ++v) {
        const Influence& inf = influences_[v];
        glm::mat4 m(0.0f);
        for (std::size_t i = 0; i < inf.count; ++i) m += inf.weight[i] * skin[inf.segment[i]];
        glm::vec3 q = transformPoint(m, rest_.positions[v]);
        if (!boxes.empty()) {
            const glm::vec3 core = transformPoint(world[inf.segment[0]], inf.core);
            // Twice round: leaving one prop (the seat) can put skin into its neighbour (the backrest).
            for (int pass = 0; pass < 2; ++pass)
                for (const Box& b : boxes) {
                    glm::vec3 u = transformPoint(b.toUnit, q);
                    if (std::abs(u.x) >= 0.5f || std::abs(u.y) >= 0.5f || std::abs(u.z) >= 0.5f) continue;
                    const glm::vec3 c = transformPoint(b.toUnit, core);
                    // The face the skin came in through: the last slab the ray from the core enters.
                    int axis = -1;
                    float entry = -1e9f, face = 0.0f;
                    for (int i = 0; i < 3; ++i) {
                        if (std::abs(c[i]) <= 0.5f) continue;
                        const float f = c[i] > 0.0f ? 0.5f : -0.5f;
                        const float t = (f - c[i]) / (u[i] - c[i]);
                        if (t > entry) {
                            entry = t;
                            axis = i;
                            face = f;
                        }
                    }
                    if (axis < 0) {  // the core itself is inside: out through the nearest face, but not
                                     // down through the bottom (a body meets a prop from above or the side)
                        float nearest = 1e9f;
                        for (int i = 0; i < 3; ++i) {
                            const float gap = (0.5f - std::abs(u[i])) * b.size[i];
                            const bool bottom =
                                glm::dot(glm::vec3(b.toWorld[i]), glm::vec3(0, 1, 0)) * (u[i] > 0.0f ? 1.0f : -1.0f) <
                                -0.7f * b.size[i];
                            if (gap < nearest && !bottom) {
                                nearest = gap;
                                axis = i;
                                face = u[i] > 0.0f ? 0.5f : -0.5f;
                            }
                        }
                    }
                    u[axis] = face + std::copysign(kPropClearance / b.size[axis], face);
                    q = transformPoint(b.toWorld, u);
                }
        }
        out.positions[v] = q;
    }
    computeSmoothNormals(out);
}

BodySkin makeBodySkin(const ModelData& data, float cell) {
    if (!data.body) throw FileError(data.skeleton.manifest, "the body figure is needed for the skin");
    const Posture* standing = data.findPosture("neutral_standing");
    if (!standing && !data.postures.empty()) standing = &data.postures.front();
    if (!standing) throw FileError(data.skeleton.manifest, "a posture is needed to mesh the skin in");
    const SkeletonFrames rest = data.solveGrounded(standing->at(0.0), standing).second;
    return BodySkin(*data.body, data.skeleton, rest, cell);
}

}  // namespace lumbarlab
