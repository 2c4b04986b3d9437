#include "lumbarlab/anatomy/body_figure.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace lumbarlab {
namespace {

glm::mat4 translate(const glm::vec3& t) {
    return glm::translate(glm::mat4(1.0f), t);
}
glm::mat4 scale(const glm::vec3& s) {
    return glm::scale(glm::mat4(1.0f), s);
}
glm::vec3 point(const glm::mat4& m, const glm::vec3& p) {
    return glm::vec3(m * glm::vec4(p, 1.0f));
}
glm::vec3 axis(const glm::mat4& m, int i) {
    return glm::normalize(glm::vec3(m[i]));
}

glm::mat4 limbBetween(const glm::vec3& a, const glm::vec3& b, float radius) {
    return ellipsoidBetween(a, b, radius);
}

std::optional<glm::vec3> landmarkOf(const SkeletonDefinition& skeleton, const std::string& bone,
                                    const std::string& name);

}  // namespace

glm::mat4 ellipsoidBetween(const glm::vec3& a, const glm::vec3& b, float radius) {
    const glm::vec3 along = b - a;
    const float length = std::max(glm::length(along), 1e-4f);
    const glm::vec3 y = along / length;
    const glm::vec3 helper = std::abs(y.x) < 0.9f ? glm::vec3{1, 0, 0} : glm::vec3{0, 0, 1};
    const glm::vec3 z = glm::normalize(glm::cross(helper, y));
    const glm::vec3 x = glm::cross(y, z);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x * radius, 0.0f);
    m[1] = glm::vec4(y * (0.5f * length), 0.0f);
    m[2] = glm::vec4(z * radius, 0.0f);
    m[3] = glm::vec4(0.5f * (a + b), 1.0f);
    return m;
}

namespace {

std::optional<glm::vec3> landmarkOf(const SkeletonDefinition& skeleton, const std::string& bone,
                                    const std::string& name) {
    if (const BoneDefinition* b = skeleton.find(bone))
        for (const auto& l : b->landmarks)
            if (l.name == name) return l.position;
    return std::nullopt;
}

}  // namespace

float ContactPoints::lowestSole() const {
    return std::min({heel[0].y, heel[1].y, toe[0].y, toe[1].y});
}

BodyParameters loadBodyParameters(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const JsonValue<> root = doc.root();
    BodyParameters p;
    // Every entry is {"<field>": number, "source": "..."}; the number must lie in its physical range.
    auto number = [&](const char* section, const char* key, const char* field, const NumberRange& range) {
        const JsonValue<> entry = root[section][key];
        (void)entry["source"].text();
        return entry[field].number(range);
    };
    p.massKg = number("subject", "mass_kg", "value", NumberRange::positive(500.0));
    p.heightM = number("subject", "height_m", "value", NumberRange::positive(3.0));
    auto fraction = [&](const char* key) { return number("segments", key, "mass_fraction", NumberRange::fraction()); };
    p.headNeck = fraction("head_neck");
    p.thorax = fraction("thorax");
    p.abdomen = fraction("abdomen");
    p.arm = fraction("arm");
    p.foot = fraction("foot");
    p.trunkAtL5 = fraction("trunk_at_l5");
    const double upper = p.headNeck + p.thorax + p.abdomen + 2.0 * p.arm + p.trunkAtL5;
    if (upper > 1.0)
        root["segments"].fail(
            "the upper body's mass fractions (head_neck, thorax, abdomen, two arms, trunk_at_l5) "
            "add up to " +
            std::to_string(upper) + ", more than the whole body");
    p.pelvis = fraction("pelvis");
    p.thigh = fraction("thigh");
    p.leg = fraction("leg");
    // Centres of mass as fractions of each segment's length, and the pelvis's in its frame (mm).
    p.thighCentre = number("centres_of_mass", "thigh_from_hip", "value", NumberRange::fraction());
    p.legCentre = number("centres_of_mass", "leg_from_knee", "value", NumberRange::fraction());
    p.footCentre = number("centres_of_mass", "foot_along_sole", "value", NumberRange::fraction());
    const JsonValue<> pelvisCentre = root["centres_of_mass"]["pelvis_mm"];
    (void)pelvisCentre["source"].text();
    const auto pelvisMm = pelvisCentre["value"].numbers<3>(NumberRange::between(-500.0, 500.0));
    for (int axis = 0; axis < 3; ++axis) p.pelvisCentre[axis] = 0.001f * float(pelvisMm[std::size_t(axis)]);
    // Body lengths in metres: at least a millimetre (a shape needs a size), at most 1.5 m.
    auto length = [&](const char* key) {
        return float(number("shapes", key, "value", NumberRange::between(0.001, 1.5)));
    };
    p.thoraxHeight = length("thorax_height");
    p.thoraxDepth = length("thorax_depth");
    p.thoraxWidth = length("thorax_width");
    p.shoulderHalfWidth = length("shoulder_half_width");
    p.neckLength = length("neck_length");
    p.headHeight = length("head_height");
    p.upperArm = length("upper_arm_length");
    p.forearm = length("forearm_length");
    p.hand = length("hand_length");
    p.footLength = length("foot_length");
    p.ankleHeight = length("ankle_height");
    p.heelBehindAnkle = length("heel_behind_ankle");
    p.footWidth = length("foot_width");
    return p;
}

BodyFigure::BodyFigure(BodyParameters parameters, const SkeletonDefinition& skeleton) : p_(parameters) {
    t12Top_ = skeleton.requireJoint("t12", "superior_endplate_centre");
    for (int side = 0; side < 2; ++side) {
        const std::string s = side == 0 ? "_r" : "_l";
        ankle_[side] = skeleton.requireJoint("tibia" + s, "ankle_centre");
        const auto ischial = landmarkOf(skeleton, "hip_bone" + s, "ischial_tuberosity");
        const auto tibial = landmarkOf(skeleton, "tibia" + s, "tibial_tuberosity");
        if (!ischial || !tibial)
            throw FileError(skeleton.manifest,
                            "landmarks ischial_tuberosity and tibial_tuberosity are needed for contacts");
        tuberosity_[side] = *ischial;
        tibialTuberosity_[side] = *tibial;
        if (const auto psis = landmarkOf(skeleton, "hip_bone" + s, "psis")) backPoints_.emplace_back("pelvis", *psis);
    }
    for (const char* v : kVertebrae)
        if (const auto tip = landmarkOf(skeleton, v, "spinous_tip")) backPoints_.emplace_back(v, *tip);
}

glm::mat4 BodyFigure::thoraxFrame(const SkeletonFrames& frames) {
    // The thorax rides on T12's upper endplate, bent by thoracic flexion (kinematics' "thorax" frame).
    return frames.of("thorax");
}

BodyFigure::Arm BodyFigure::arm(const SkeletonFrames& frames, int side) const {
    const glm::mat4 thorax = thoraxFrame(frames);
    const float lateral = side == 0 ? 1.0f : -1.0f;
    Arm a{};
    a.shoulder = point(thorax, {0.03f, p_.thoraxHeight - 0.03f, lateral * p_.shoulderHalfWidth});
    // Relaxed arms hang under gravity, angled out a little so they clear the chest; that is what
    // lets the hands reach the floor at the bottom of a forward bend.
    const glm::vec3 out = axis(thorax, 2) * lateral;
    glm::vec3 hang = glm::normalize(glm::vec3{0.0f, -1.0f, 0.0f} + 0.10f * out);
    // Arms cannot hang through the floor (world y = 0): lying down, they rest along the body.
    const float reach = p_.upperArm + p_.forearm + p_.hand;
    if (a.shoulder.y + reach * hang.y < 0.0f) hang = glm::normalize(-axis(thorax, 1) + 0.15f * out);
    a.elbow = a.shoulder + p_.upperArm * hang;
    a.wrist = a.elbow + p_.forearm * hang;
    a.fingertip = a.wrist + p_.hand * hang;
    return a;
}

glm::mat4 BodyFigure::footFrame(const SkeletonFrames& frames, int side) const {
    const glm::mat4 ankle = frames.of(side == 0 ? "tibia_r" : "tibia_l") * translate(ankle_[side]);
    // A simple ankle: the foot stays as flat as the joint allows (20 deg of dorsiflexion,
    // 45 deg of plantar flexion), which places it on the floor in stance.
    const glm::vec3 forward = axis(ankle, 0);
    const float pitch = std::atan2(forward.y, std::sqrt(forward.x * forward.x + forward.z * forward.z));
    const float ankleAngle = std::clamp(-pitch, glm::radians(-45.0f), glm::radians(20.0f));
    return ankle * glm::rotate(glm::mat4(1.0f), ankleAngle, glm::vec3{0, 0, 1});
}

std::vector<BodyShape> BodyFigure::shapes(const SkeletonFrames& frames) const {
    std::vector<BodyShape> out;
    const glm::mat4 thorax = thoraxFrame(frames);
    // Chest: an ellipsoid in front of the spine, as deep and wide as an adult's.
    out.push_back({"thorax", "body", ShapeKind::Sphere,
                   thorax * translate({0.05f, 0.5f * p_.thoraxHeight, 0.0f}) *
                       scale({0.5f * p_.thoraxDepth, 0.5f * p_.thoraxHeight, 0.5f * p_.thoraxWidth})});
    // The lower ribs: three hoops around the bottom of the chest, sloping down toward the front.
    for (int i = 0; i < 3; ++i) {
        const float y = 0.02f + 0.045f * float(i);
        const float shrink = 0.92f - 0.05f * float(2 - i);
        out.push_back({"rib_" + std::to_string(10 + i), "body", ShapeKind::Torus,
                       thorax * translate({0.05f, y + 0.06f, 0.0f}) *
                           glm::rotate(glm::mat4(1.0f), glm::radians(-20.0f), glm::vec3{0, 0, 1}) *
                           scale({0.5f * p_.thoraxDepth * shrink, 1.0f, 0.5f * p_.thoraxWidth * shrink})});
    }
    // Abdomen: a softer shape in front of the lumbar spine joining chest and pelvis.
    out.push_back({"abdomen", "body", ShapeKind::Sphere,
                   frames.of("l3") * translate({0.06f, 0.0f, 0.0f}) * scale({0.11f, 0.12f, 0.14f})});
    const glm::vec3 neckBase = point(thorax, {0.0f, p_.thoraxHeight, 0.0f});
    const glm::vec3 neckTop = point(thorax, {0.01f, p_.thoraxHeight + p_.neckLength, 0.0f});
    out.push_back({"neck", "body", ShapeKind::Sphere, limbBetween(neckBase, neckTop, 0.05f)});
    out.push_back({"head", "body", ShapeKind::Sphere,
                   thorax * translate({0.03f, p_.thoraxHeight + p_.neckLength + 0.5f * p_.headHeight, 0.0f}) *
                       scale({0.10f, 0.5f * p_.headHeight, 0.08f})});
    for (int side = 0; side < 2; ++side) {
        const std::string s = side == 0 ? "_r" : "_l";
        const Arm a = arm(frames, side);
        out.push_back({"upper_arm" + s, "body", ShapeKind::Sphere, limbBetween(a.shoulder, a.elbow, 0.045f)});
        out.push_back({"forearm" + s, "body", ShapeKind::Sphere, limbBetween(a.elbow, a.wrist, 0.037f)});
        out.push_back({"hand" + s, "body", ShapeKind::Sphere, limbBetween(a.wrist, a.fingertip, 0.03f)});
        const glm::mat4 foot = footFrame(frames, side);
        out.push_back({"foot" + s, "body", ShapeKind::Sphere,
                       foot * translate({0.5f * p_.footLength - p_.heelBehindAnkle, -0.5f * p_.ankleHeight, 0.0f}) *
                           scale({0.5f * p_.footLength, 0.5f * p_.ankleHeight, 0.5f * p_.footWidth})});
    }
    return out;
}

std::vector<SegmentMass> BodyFigure::upperBodyMasses(const SkeletonFrames& frames, double handLoadKg,
                                                     float reachForward) const {
    std::vector<SegmentMass> out;
    const glm::mat4 thorax = thoraxFrame(frames);
    const double m = p_.massKg;
    // Centres: the head's and chest's shape centres; an arm's centre near its elbow (Dempster's
    // whole-arm centre of mass lies about halfway down); abdominal slices in front of each body.
    out.push_back({"head_neck", m * p_.headNeck,
                   point(thorax, {0.03f, p_.thoraxHeight + 0.5f * p_.neckLength + 0.4f * p_.headHeight, 0.0f}), 0});
    out.push_back({"thorax", m * p_.thorax, point(thorax, {0.05f, 0.5f * p_.thoraxHeight, 0.0f}), 0});
    for (int side = 0; side < 2; ++side) {
        const Arm a = arm(frames, side);
        out.push_back({side == 0 ? "arm_r" : "arm_l", m * p_.arm, a.elbow, 0});
        if (handLoadKg > 0.0) {
            const glm::vec3 forward =
                glm::normalize(glm::vec3(axis(thorax, 0).x, 0.0f, axis(thorax, 0).z) + glm::vec3(1e-6f, 0, 0));
            out.push_back({side == 0 ? "load_r" : "load_l", 0.5 * handLoadKg, a.wrist + reachForward * forward, 0});
        }
    }
    // The abdomen (T12/L1 to L4/L5) in four equal slices carried by L1-L4, and the L5 slice of the
    // trunk (Pearsall 1996: 2.6 % of body mass at L5) carried by L5.
    for (int v = 1; v <= 4; ++v)
        out.push_back({std::string("abdomen_") + kVertebrae[std::size_t(v)], m * p_.abdomen / 4.0,
                       frames.toWorld(kVertebrae[std::size_t(v)], {0.03f, 0.0f, 0.0f}), v});
    out.push_back({"trunk_l5", m * p_.trunkAtL5, frames.toWorld("l5", {0.03f, 0.0f, 0.0f}), 5});
    return out;
}

std::vector<SegmentMass> BodyFigure::wholeBodyMasses(const SkeletonFrames& frames) const {
    std::vector<SegmentMass> out = upperBodyMasses(frames);
    const double m = p_.massKg;
    out.push_back({"pelvis", m * p_.pelvis, frames.toWorld("pelvis", p_.pelvisCentre), 5});
    for (int side = 0; side < 2; ++side) {
        const std::string s = side == 0 ? "_r" : "_l";
        const glm::vec3 hip = frames.toWorld("femur" + s, glm::vec3(0.0f));
        const glm::vec3 knee = frames.toWorld("tibia" + s, glm::vec3(0.0f));
        const glm::vec3 ankle = frames.toWorld("tibia" + s, ankle_[side]);
        const glm::mat4 foot = footFrame(frames, side);
        const glm::vec3 heel = point(foot, {-p_.heelBehindAnkle, -0.5f * p_.ankleHeight, 0.0f});
        const glm::vec3 toe = point(foot, {p_.footLength - p_.heelBehindAnkle, -0.5f * p_.ankleHeight, 0.0f});
        out.push_back({"thigh" + s, m * p_.thigh, glm::mix(hip, knee, float(p_.thighCentre)), 5});
        out.push_back({"leg" + s, m * p_.leg, glm::mix(knee, ankle, float(p_.legCentre)), 5});
        out.push_back({"foot" + s, m * p_.foot, glm::mix(heel, toe, float(p_.footCentre)), 5});
    }
    return out;
}

glm::vec3 BodyFigure::centreOfMass(const SkeletonFrames& frames) const {
    glm::dvec3 sum{0.0};
    double mass = 0.0;
    for (const SegmentMass& s : wholeBodyMasses(frames)) {
        sum += s.massKg * glm::dvec3(s.centre);
        mass += s.massKg;
    }
    return glm::vec3(sum / mass);
}

ContactPoints BodyFigure::contacts(const SkeletonFrames& frames) const {
    ContactPoints c;
    for (int side = 0; side < 2; ++side) {
        const std::string s = side == 0 ? "_r" : "_l";
        const glm::mat4 foot = footFrame(frames, side);
        c.heel[side] = point(foot, {-p_.heelBehindAnkle, -p_.ankleHeight, 0.0f});
        c.toe[side] = point(foot, {p_.footLength - p_.heelBehindAnkle, -p_.ankleHeight, 0.0f});
        c.forefootTop[side] = point(foot, {p_.footLength - p_.heelBehindAnkle, 0.0f, 0.0f});
        const float w = 0.5f * p_.footWidth;
        c.sole[side][0] = point(foot, {-p_.heelBehindAnkle, -p_.ankleHeight, -w});
        c.sole[side][1] = point(foot, {-p_.heelBehindAnkle, -p_.ankleHeight, w});
        c.sole[side][2] = point(foot, {p_.footLength - p_.heelBehindAnkle, -p_.ankleHeight, w});
        c.sole[side][3] = point(foot, {p_.footLength - p_.heelBehindAnkle, -p_.ankleHeight, -w});
        c.fingertip[side] = arm(frames, side).fingertip;
        c.ischialTuberosity[side] = frames.toWorld("pelvis", tuberosity_[side]);
        c.kneeFront[side] = frames.toWorld("tibia" + s, tibialTuberosity_[side]);
    }
    // Skin and muscle lie about 3 cm behind the bony points of the back (documented default).
    c.backMost = point(frames.of("thorax"), {0.05f - 0.5f * p_.thoraxDepth, 0.3f * p_.thoraxHeight, 0.0f}).x;
    for (const auto& [frame, p] : backPoints_) c.backMost = std::min(c.backMost, frames.toWorld(frame, p).x - 0.03f);
    return c;
}

std::vector<BodyShape> propShapes(const std::vector<std::string>& props, const ContactPoints& c, float floorHeight) {
    std::vector<BodyShape> out;
    const float floorTop = floorHeight;
    out.push_back(
        {"floor", "props", ShapeKind::Box, translate({0.0f, floorTop - 0.01f, 0.0f}) * scale({2.2f, 0.02f, 1.6f})});
    for (const auto& prop : props) {
        if (prop == "chair") {
            // The seat meets the sitting bones; it reaches forward under the thighs.
            const float seat = std::min(c.ischialTuberosity[0].y, c.ischialTuberosity[1].y);
            // The backrest stands just behind the back, the seat reaches forward under the thighs.
            const float backX =
                std::min(std::min(c.ischialTuberosity[0].x, c.ischialTuberosity[1].x) - 0.08f, c.backMost - 0.015f);
            const float depth =
                std::max(0.44f, std::max(c.ischialTuberosity[0].x, c.ischialTuberosity[1].x) + 0.30f - backX);
            const float height = seat - floorTop;
            out.push_back({"chair_seat", "props", ShapeKind::Box,
                           translate({backX + 0.5f * depth, seat - 0.02f, 0.0f}) * scale({depth, 0.04f, 0.46f})});
            out.push_back({"chair_back", "props", ShapeKind::Box,
                           translate({backX - 0.02f, seat + 0.25f, 0.0f}) * scale({0.03f, 0.46f, 0.44f})});
            for (float dx : {0.02f, depth - 0.02f})
                for (float dz : {-0.2f, 0.2f})
                    out.push_back({"chair_leg", "props", ShapeKind::Box,
                                   translate({backX + dx, floorTop + 0.5f * (height - 0.04f), dz}) *
                                       scale({0.03f, height - 0.04f, 0.03f})});
        } else if (prop == "couch_r" || prop == "couch_l") {
            // A cushion under the rear knee and the couch's backrest behind the rear foot.
            const int rear = prop == "couch_r" ? 0 : 1;
            const glm::vec3 knee = c.kneeFront[rear];
            const float cushionTop = knee.y - 0.02f;  // the tuberosity sits about 2 cm above the skin's contact
            out.push_back({"cushion", "props", ShapeKind::Box,
                           translate({knee.x - 0.05f, floorTop + 0.5f * (cushionTop - floorTop), knee.z}) *
                               scale({0.40f, cushionTop - floorTop, 0.35f})});
            // The couch front touches the rear foot wherever it reaches furthest back (the top of the
            // forefoot when the shin stands up the couch).
            const float backX = std::min({c.heel[rear].x, c.toe[rear].x, c.forefootTop[rear].x});
            out.push_back({"couch_back", "props", ShapeKind::Box,
                           translate({backX - 0.08f, floorTop + 0.45f, c.heel[rear].z}) * scale({0.16f, 0.90f, 0.9f})});
        } else if (prop == "box") {
            const glm::vec3 centre = 0.25f * (c.heel[0] + c.heel[1] + c.toe[0] + c.toe[1]);
            const float top = c.lowestSole();
            out.push_back({"box", "props", ShapeKind::Box,
                           translate({centre.x, floorTop + 0.5f * (top - floorTop), centre.z}) *
                               scale({0.40f, top - floorTop, 0.50f})});
        }
    }
    return out;
}

}  // namespace lumbarlab
