#include "lumbarlab/anatomy/balance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lumbarlab {
namespace {

/// Seen from above (+y) with x forward and z to the right, counter-clockwise turns are negative
/// in (x, z); work in (x, -z) so the usual cross-product sign holds.
double cross(const glm::vec2& o, const glm::vec2& a, const glm::vec2& b) {
    return double(a.x - o.x) * double(-(b.y - o.y)) - double(-(a.y - o.y)) * double(b.x - o.x);
}

bool hasProp(const Posture& posture, const std::string& prefix) {
    return std::any_of(posture.props.begin(), posture.props.end(),
                       [&](const std::string& p) { return p.rfind(prefix, 0) == 0; });
}

/// Height of the middle of a thigh, half way from hip to knee (side 0 right, 1 left).
float midThighHeight(const SkeletonFrames& frames, int side) {
    return 0.5f * (frames.toWorld(side == 0 ? "femur_r" : "femur_l", glm::vec3(0.0f)).y +
                   frames.toWorld(side == 0 ? "tibia_r" : "tibia_l", glm::vec3(0.0f)).y);
}

}  // namespace

SeatReference seatReferenceOf(const ModelData& data, const Posture& posture) {
    const SkeletonFrames first = data.solveGrounded(posture.at(0.0), &posture).second;
    const ContactPoints c = data.body->contacts(first);
    return {std::min(c.ischialTuberosity[0].y, c.ischialTuberosity[1].y),
            {midThighHeight(first, 0), midThighHeight(first, 1)}};
}

std::vector<glm::vec2> convexHull(std::vector<glm::vec2> points) {
    std::sort(points.begin(), points.end(),
              [](const glm::vec2& a, const glm::vec2& b) { return a.x < b.x || (a.x == b.x && a.y > b.y); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3) return points;
    std::vector<glm::vec2> hull(2 * points.size());
    std::size_t k = 0;
    for (const glm::vec2& p : points) {  // lower chain
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0.0) --k;
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {  // upper chain
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0.0) --k;
        hull[k++] = points[i];
    }
    hull.resize(k - 1);
    return hull;
}

double signedDistanceInside(const std::vector<glm::vec2>& hull, const glm::vec2& p) {
    if (hull.empty()) return -std::numeric_limits<double>::infinity();
    if (hull.size() < 3) {  // a point or a line of contact: nothing lies inside it
        const glm::vec2 a = hull.front(), d = hull.back() - a;
        const float t = glm::clamp(glm::dot(p - a, d) / std::max(glm::dot(d, d), 1e-12f), 0.0f, 1.0f);
        return -double(glm::distance(p, a + t * d));
    }
    double nearest = std::numeric_limits<double>::infinity();
    bool inside = true;
    for (std::size_t i = 0; i < hull.size(); ++i) {
        const glm::vec2 a = hull[i], b = hull[(i + 1) % hull.size()];
        if (cross(a, b, p) < 0.0) inside = false;
        const glm::vec2 d = b - a;
        const float t = glm::clamp(glm::dot(p - a, d) / std::max(glm::dot(d, d), 1e-12f), 0.0f, 1.0f);
        nearest = std::min(nearest, double(glm::distance(p, a + t * d)));
    }
    return inside ? nearest : -nearest;
}

Balance balanceOf(const ModelData& data, const Posture& posture, const SkeletonFrames& frames) {
    Balance out;
    out.centreOfMass = data.body->centreOfMass(frames);
    if (posture.supported) {
        out.lying = true;
        return out;
    }
    const ContactPoints c = data.body->contacts(frames);
    std::vector<glm::vec2> points;
    auto add = [&](const glm::vec3& p) { points.emplace_back(p.x, p.z); };
    const char* sides[2] = {"_r", "_l"};
    for (int side = 0; side < 2; ++side) {
        // A sole on the ground: every corner of it within a couple of centimetres of the floor or box.
        bool down = false;
        for (const glm::vec3& corner : c.sole[side])
            down = down || std::abs(corner.y - float(posture.groundHeight)) <= kSoleContactM;
        if (!down) continue;
        for (const glm::vec3& corner : c.sole[side])
            if (std::abs(corner.y - float(posture.groundHeight)) <= kSoleContactM) add(corner);
        out.contacts.push_back(std::string("sole") + sides[side]);
    }
    if (hasProp(posture, "chair")) {
        // Seated: the sitting bones and the backs of the thighs, about two thirds of the way to the knee,
        // while the seat carries them. The seat is where the posture's first frame puts it (as the viewer
        // places the chair). Leaning forward rolls the sitting bones up off it while the thighs still
        // rest on it; seat-off is when both have left it, and the feet alone carry the body.
        const auto cached = data.seats.find(posture.id);
        const SeatReference seat = cached != data.seats.end() ? cached->second : seatReferenceOf(data, posture);
        for (int side = 0; side < 2; ++side) {
            const bool bonesDown = c.ischialTuberosity[side].y <= seat.seat + kSeatContactM;
            const bool thighDown = midThighHeight(frames, side) <= seat.midThigh[std::size_t(side)] + kSeatContactM;
            if (!bonesDown && !thighDown) continue;
            add(c.ischialTuberosity[side]);
            add(glm::mix(c.ischialTuberosity[side], c.kneeFront[side], 0.6f));
            out.contacts.push_back(std::string("ischium") + sides[side]);
            out.contacts.push_back(std::string("thigh") + sides[side]);
        }
    }
    if (hasProp(posture, "couch")) {
        // Kneeling: the rear knee on the cushion (the lower of the two knees).
        const int rear = c.kneeFront[0].y < c.kneeFront[1].y ? 0 : 1;
        add(c.kneeFront[rear]);
        out.contacts.push_back(std::string("knee") + sides[rear]);
    }
    out.support = convexHull(points);
    out.marginM = signedDistanceInside(out.support, {out.centreOfMass.x, out.centreOfMass.z});
    return out;
}

}  // namespace lumbarlab
