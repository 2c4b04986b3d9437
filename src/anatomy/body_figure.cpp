#include "lumbarlab/anatomy/body_figure.h"
#include "lumbarlab/core/transform.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <glm/gtc/constants.hpp>
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
glm::vec3 axis(const glm::mat4& m, int i) {
    return glm::normalize(glm::vec3(m[i]));
}

}  // namespace

namespace {}  // namespace

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
    // The skin's girths and breadths: at least a centimetre, at most 1.5 m.
    auto skin = [&](const char* key) { return float(number("skin", key, "value", NumberRange::between(0.01, 1.5))); };
    SkinDimensions& k = p.skin;
    k.waistGirth = skin("waist_girth");
    k.hipGirth = skin("hip_girth");
    k.hipBreadth = skin("hip_breadth");
    k.thighGirth = skin("thigh_girth");
    k.kneeGirth = skin("knee_girth");
    k.calfGirth = skin("calf_girth");
    k.ankleGirth = skin("ankle_girth");
    k.upperArmGirth = skin("upper_arm_girth");
    k.forearmGirth = skin("forearm_girth");
    k.wristGirth = skin("wrist_girth");
    k.neckGirth = skin("neck_girth");
    k.headBreadth = skin("head_breadth");
    k.headLength = skin("head_length");
    k.handBreadth = skin("hand_breadth");
    k.handThickness = skin("hand_thickness");
    k.tissueUnderIschium = skin("tissue_under_ischium");
    k.tissueBehindSpine = skin("tissue_behind_spine");
    return p;
}

BodyFigure::BodyFigure(BodyParameters parameters, const SkeletonDefinition& skeleton) : p_(parameters) {
    t12Top_ = skeleton.requireJoint("t12", "superior_endplate_centre");
    for (int side = 0; side < 2; ++side) {
        const std::string s = side == 0 ? "_r" : "_l";
        ankle_[side] = skeleton.requireJoint("tibia" + s, "ankle_centre");
        const auto ischial = skeleton.landmark("hip_bone" + s, "ischial_tuberosity");
        const auto tibial = skeleton.landmark("tibia" + s, "tibial_tuberosity");
        if (!ischial || !tibial)
            throw FileError(skeleton.manifest,
                            "landmarks ischial_tuberosity and tibial_tuberosity are needed for contacts");
        tuberosity_[side] = *ischial;
        tibialTuberosity_[side] = *tibial;
        if (const auto psis = skeleton.landmark("hip_bone" + s, "psis")) backPoints_.emplace_back("pelvis", *psis);
    }
    for (const char* v : kVertebrae)
        if (const auto tip = skeleton.landmark(v, "spinous_tip")) backPoints_.emplace_back(v, *tip);
}

glm::mat4 BodyFigure::thoraxFrame(const SkeletonFrames& frames) {
    // The thorax rides on T12's upper endplate, bent by thoracic flexion (kinematics' "thorax" frame).
    return frames.of("thorax");
}

BodyFigure::Arm BodyFigure::arm(const SkeletonFrames& frames, int side) const {
    const glm::mat4 thorax = thoraxFrame(frames);
    const float lateral = side == 0 ? 1.0f : -1.0f;
    Arm a{};
    a.shoulder = transformPoint(thorax, {0.03f, p_.thoraxHeight - 0.03f, lateral * p_.shoulderHalfWidth});
    // Relaxed arms hang under gravity, angled out a little so they clear the chest; that is what
    // lets the hands reach the floor at the bottom of a forward bend.
    const glm::vec3 out = axis(thorax, 2) * lateral;
    glm::vec3 hang = glm::normalize(glm::vec3{0.0f, -1.0f, 0.0f} + 0.10f * out);
    // Arms cannot hang through the floor (world y = 0): lying down, they rest along the body.
    const float reach = p_.upperArm + p_.forearm + p_.hand;
    if (a.shoulder.y + reach * hang.y < 0.0f) hang = glm::normalize(-axis(thorax, 1) + 0.15f * out);
    // Shoulder flexion swings the straight arm about the thorax's side-to-side axis (walking's arm
    // swing): the rotation from the thorax frame to the upper-arm frame, applied in the world.
    if (const auto upper = frames.world.find(side == 0 ? "upper_arm_r" : "upper_arm_l"); upper != frames.world.end())
        hang = glm::mat3(upper->second) * glm::transpose(glm::mat3(thorax)) * hang;
    a.elbow = a.shoulder + p_.upperArm * hang;
    a.wrist = a.elbow + p_.forearm * hang;
    a.fingertip = a.wrist + p_.hand * hang;
    return a;
}

BodyFigure::Arm BodyFigure::drawnArm(const SkeletonFrames& frames, int side) const {
    Arm a = arm(frames, side);
    const glm::mat4 thorax = thoraxFrame(frames);
    const float lateral = side == 0 ? 1.0f : -1.0f;
    const glm::vec3 out = axis(thorax, 2) * lateral;
    const float reach = p_.upperArm + p_.forearm;
    const float wristRadius = p_.skin.wristGirth / (2.0f * glm::pi<float>());
    auto straight = [&](const glm::vec3& direction) {
        a.elbow = a.shoulder + p_.upperArm * direction;
        a.wrist = a.elbow + p_.forearm * direction;
        a.fingertip = a.wrist + p_.hand * direction;
    };
    // Lying down arm() lays the arm along the body at shoulder height: let it down onto the floor.
    if (glm::dot(glm::normalize(a.fingertip - a.shoulder), -axis(thorax, 1)) > 0.9f && a.shoulder.y < 0.5f * reach) {
        glm::vec3 d = glm::normalize(a.fingertip - a.shoulder);
        const float dy = std::clamp((wristRadius - a.shoulder.y) / reach, -0.9f, 0.0f);
        const glm::vec3 level = glm::normalize(glm::vec3(d.x, 0.0f, d.z) + glm::vec3(1e-6f, 0.0f, 0.0f));
        d = std::sqrt(1.0f - dy * dy) * level + glm::vec3(0.0f, dy, 0.0f);
        straight(d);
        return a;
    }
    // Sitting (both thighs within about 35 deg of level, the chest upright): the hands rest on the thighs.
    const std::string s = side == 0 ? "_r" : "_l";
    auto level = [&](const char* suffix) {
        const glm::vec3 hip = frames.toWorld(std::string("femur") + suffix, glm::vec3(0.0f));
        const glm::vec3 knee = frames.toWorld(std::string("tibia") + suffix, glm::vec3(0.0f));
        const glm::vec3 along = glm::normalize(knee - hip);
        return 1.0f - glm::smoothstep(0.45f, 0.65f, std::abs(along.y));
    };
    const float seated = std::min(level("_r"), level("_l")) * glm::smoothstep(0.6f, 0.8f, axis(thorax, 1).y);
    if (seated <= 0.0f) return a;
    const glm::vec3 hip = frames.toWorld("femur" + s, glm::vec3(0.0f));
    const glm::vec3 knee = frames.toWorld("tibia" + s, glm::vec3(0.0f));
    const float thighRadius = p_.skin.thighGirth / (2.0f * glm::pi<float>());
    const float kneeRadius = p_.skin.kneeGirth / (2.0f * glm::pi<float>());
    // The wrist on top of the thigh, as far toward the knee as the arm reaches.
    glm::vec3 wrist{0.0f};
    for (int step = 0; step <= 9; ++step) {
        const float t = 0.65f - 0.05f * float(step);
        wrist = glm::mix(hip, knee, t) +
                glm::vec3(0.0f, glm::mix(thighRadius, kneeRadius, t) + wristRadius + 0.005f, 0.0f) + 0.02f * out;
        if (glm::distance(wrist, a.shoulder) < 0.97f * reach) break;
    }
    // Two-bone reach: the elbow bends back and a little out.
    const glm::vec3 toWrist = wrist - a.shoulder;
    const float dist = std::clamp(glm::length(toWrist), std::abs(p_.upperArm - p_.forearm) + 1e-3f, 0.999f * reach);
    const glm::vec3 along = glm::normalize(toWrist);
    const float cosShoulder =
        (p_.upperArm * p_.upperArm + dist * dist - p_.forearm * p_.forearm) / (2.0f * p_.upperArm * dist);
    const glm::vec3 pole = -axis(thorax, 0) + 0.3f * out;
    const glm::vec3 bend = glm::normalize(pole - glm::dot(pole, along) * along + glm::vec3(0.0f, 1e-6f, 0.0f));
    const float sinShoulder = std::sqrt(std::max(0.0f, 1.0f - cosShoulder * cosShoulder));
    const glm::vec3 elbow = a.shoulder + p_.upperArm * (cosShoulder * along + sinShoulder * bend);
    const glm::vec3 restWrist = a.shoulder + dist * along;
    const glm::vec3 handDirection = glm::normalize(knee - hip);
    Arm rest{a.shoulder, elbow, restWrist, restWrist + p_.hand * handDirection};
    // Blended in and out of sitting (sit to stand), so the arm does not jump.
    a.elbow = glm::mix(a.elbow, rest.elbow, seated);
    a.wrist = glm::mix(a.wrist, rest.wrist, seated);
    a.fingertip = glm::mix(a.fingertip, rest.fingertip, seated);
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

std::vector<SegmentMass> BodyFigure::upperBodyMasses(const SkeletonFrames& frames, double handLoadKg,
                                                     float reachForward) const {
    std::vector<SegmentMass> out;
    const glm::mat4 thorax = thoraxFrame(frames);
    const double m = p_.massKg;
    // Centres: the head's and chest's shape centres; an arm's centre near its elbow (Dempster's
    // whole-arm centre of mass lies about halfway down); abdominal slices in front of each body.
    out.push_back({"head_neck", m * p_.headNeck,
                   transformPoint(thorax, {0.03f, p_.thoraxHeight + 0.5f * p_.neckLength + 0.4f * p_.headHeight, 0.0f}),
                   0});
    out.push_back({"thorax", m * p_.thorax, transformPoint(thorax, {0.05f, 0.5f * p_.thoraxHeight, 0.0f}), 0});
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
        const glm::vec3 heel = transformPoint(foot, {-p_.heelBehindAnkle, -0.5f * p_.ankleHeight, 0.0f});
        const glm::vec3 toe = transformPoint(foot, {p_.footLength - p_.heelBehindAnkle, -0.5f * p_.ankleHeight, 0.0f});
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
        c.heel[side] = transformPoint(foot, {-p_.heelBehindAnkle, -p_.ankleHeight, 0.0f});
        c.toe[side] = transformPoint(foot, {p_.footLength - p_.heelBehindAnkle, -p_.ankleHeight, 0.0f});
        c.forefootTop[side] = transformPoint(foot, {p_.footLength - p_.heelBehindAnkle, 0.0f, 0.0f});
        const float w = 0.5f * p_.footWidth;
        c.sole[side][0] = transformPoint(foot, {-p_.heelBehindAnkle, -p_.ankleHeight, -w});
        c.sole[side][1] = transformPoint(foot, {-p_.heelBehindAnkle, -p_.ankleHeight, w});
        c.sole[side][2] = transformPoint(foot, {p_.footLength - p_.heelBehindAnkle, -p_.ankleHeight, w});
        c.sole[side][3] = transformPoint(foot, {p_.footLength - p_.heelBehindAnkle, -p_.ankleHeight, -w});
        c.fingertip[side] = arm(frames, side).fingertip;
        c.ischialTuberosity[side] = frames.toWorld("pelvis", tuberosity_[side]);
        c.kneeFront[side] = frames.toWorld("tibia" + s, tibialTuberosity_[side]);
    }
    // Skin and muscle lie about 3 cm behind the bony points of the back (documented default).
    c.backMost = transformPoint(frames.of("thorax"), {0.05f - 0.5f * p_.thoraxDepth, 0.3f * p_.thoraxHeight, 0.0f}).x;
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
