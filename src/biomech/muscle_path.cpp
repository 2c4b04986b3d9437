#include "lumbarlab/biomech/muscle_path.h"

#include <algorithm>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr float kTwoPi = 6.28318530718f;
/// Arc samples are at most this far apart (radians) so the polyline length matches the arc's.
constexpr float kArcStep = 0.08f;

/// Shortest distance from the origin to the segment a-b, and where along it (0..1).
std::pair<float, float> closestToOrigin(const glm::vec2& a, const glm::vec2& b) {
    const glm::vec2 d = b - a;
    const float dd = glm::dot(d, d);
    const float t = dd > 0.0f ? glm::clamp(-glm::dot(a, d) / dd, 0.0f, 1.0f) : 0.0f;
    return {glm::length(a + t * d), t};
}

/// Tangent-arc-tangent round a circle of radius r at the origin, from p to q (2D), the short way.
/// A non-zero `forbidden` direction turns the circle into the end of a bar that continues that way
/// (the rest of the bone): a line that crosses the bar must also bend, and always round the free end.
/// Returns the angle of the first tangent point and the signed sweep; false if no bend is needed.
bool circleWrap(const glm::vec2& p, const glm::vec2& q, float r, const glm::vec2& forbidden, float& theta1,
                float& sweep) {
    const float dp = glm::length(p), dq = glm::length(q);
    if (dp <= r || dq <= r) return false;  // an end inside the surface: leave the line straight
    const bool barred = glm::dot(forbidden, forbidden) > 1e-6f;
    bool crosses = closestToOrigin(p, q).first < r;
    if (barred && !crosses) {
        // Coordinates with the bar along +Y: does the segment cross X = 0 above the centre?
        const glm::vec2 up = glm::normalize(forbidden), across{up.y, -up.x};
        const float px = glm::dot(p, across), qx = glm::dot(q, across);
        if (std::abs(px) < r || std::abs(qx) < r) return false;  // an end against the bar itself
        if ((px < 0.0f) != (qx < 0.0f)) {
            const float t = px / (px - qx);
            crosses = glm::dot(p + t * (q - p), up) > 0.0f;
        }
    }
    if (!crosses) return false;
    auto arcFor = [&](float s, float& start, float& delta) {
        start = std::atan2(p.y, p.x) + s * std::acos(r / dp);
        const float end = std::atan2(q.y, q.x) - s * std::acos(r / dq);
        delta = std::fmod(std::fmod(s * (end - start), kTwoPi) + kTwoPi, kTwoPi);
    };
    auto sweepsOver = [&](float s, float start, float delta, const glm::vec2& direction) {
        const float at = std::atan2(direction.y, direction.x);
        return std::fmod(std::fmod(s * (at - start), kTwoPi) + kTwoPi, kTwoPi) < delta;
    };
    float startCcw = 0, deltaCcw = 0, startCw = 0, deltaCw = 0;
    arcFor(1.0f, startCcw, deltaCcw);
    arcFor(-1.0f, startCw, deltaCw);
    bool useCcw = deltaCcw <= deltaCw;
    if (barred) {
        // A route is open if its tangent points lie on the free half of the circle and its arc does
        // not pass the bar; otherwise its tangent lines would cut through the bar.
        const glm::vec2 up = glm::normalize(forbidden);
        auto open = [&](float s, float start, float delta) {
            const float end = start + s * delta;
            return glm::dot(glm::vec2{std::cos(start), std::sin(start)}, up) <= 1e-3f &&
                   glm::dot(glm::vec2{std::cos(end), std::sin(end)}, up) <= 1e-3f &&
                   !sweepsOver(s, start, delta, forbidden);
        };
        const bool ccwOpen = open(1.0f, startCcw, deltaCcw), cwOpen = open(-1.0f, startCw, deltaCw);
        if (ccwOpen != cwOpen)
            useCcw = ccwOpen;
        else if (!ccwOpen)
            useCcw = sweepsOver(1.0f, startCcw, deltaCcw, -forbidden);  // neither: go round the free end
    } else if (std::min(deltaCcw, deltaCw) > kTwoPi * 0.5f) {
        return false;
    }
    theta1 = useCcw ? startCcw : startCw;
    sweep = useCcw ? deltaCcw : -deltaCw;
    return true;
}

int arcSteps(float sweep) {
    return std::max(1, static_cast<int>(std::ceil(std::abs(sweep) / kArcStep)));
}

bool wrapCylinder(const WrapSurface& w, const glm::vec3& fromLocal, const glm::vec3& toLocal,
                  std::vector<glm::vec3>& arc) {
    const glm::mat3 toSurface = glm::transpose(w.axes);
    const glm::vec3 p = toSurface * (fromLocal - w.centre), q = toSurface * (toLocal - w.centre);
    const float r = w.radii.x;
    float theta1 = 0.0f, sweep = 0.0f;
    if (!circleWrap({p.x, p.y}, {q.x, q.y}, r, {w.forbiddenSide.x, w.forbiddenSide.y}, theta1, sweep)) return false;
    // Only where the line meets the cylinder within its length.
    const float t = closestToOrigin({p.x, p.y}, {q.x, q.y}).second;
    if (std::abs(p.z + t * (q.z - p.z)) > w.radii.z) return false;
    // Unrolled, the geodesic is straight: height rises in proportion to the distance in plan.
    const float l1 = std::sqrt(glm::dot(glm::vec2(p), glm::vec2(p)) - r * r);
    const float l2 = std::sqrt(glm::dot(glm::vec2(q), glm::vec2(q)) - r * r);
    const float planTotal = l1 + r * std::abs(sweep) + l2;
    const int steps = arcSteps(sweep);
    for (int i = 0; i <= steps; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(steps);
        const float theta = theta1 + f * sweep;
        const float along = (l1 + f * r * std::abs(sweep)) / planTotal;
        const glm::vec3 s{r * std::cos(theta), r * std::sin(theta), p.z + along * (q.z - p.z)};
        arc.push_back(w.centre + w.axes * s);
    }
    return true;
}

/// Spheres and ellipsoids: scaled to a unit sphere, wrapped in the plane through its centre and
/// both ends (the exact geodesic for a sphere, a close, smooth approximation for an ellipsoid).
bool wrapEllipsoid(const WrapSurface& w, const glm::vec3& fromLocal, const glm::vec3& toLocal,
                   std::vector<glm::vec3>& arc) {
    const glm::mat3 toSurface = glm::transpose(w.axes);
    const glm::vec3 p = (toSurface * (fromLocal - w.centre)) / w.radii;
    const glm::vec3 q = (toSurface * (toLocal - w.centre)) / w.radii;
    glm::vec3 normal = glm::cross(p, q);
    if (glm::length(normal) < 1e-9f) {
        // Ends in line with the centre: any plane through them will do; pick one deterministically.
        const glm::vec3 helper = std::abs(p.x) < 0.9f * glm::length(p) ? glm::vec3{1, 0, 0} : glm::vec3{0, 1, 0};
        normal = glm::cross(p, helper);
    }
    normal = glm::normalize(normal);
    const glm::vec3 e1 = glm::normalize(p), e2 = glm::cross(normal, e1);
    const glm::vec2 p2{glm::dot(p, e1), glm::dot(p, e2)}, q2{glm::dot(q, e1), glm::dot(q, e2)};
    float theta1 = 0.0f, sweep = 0.0f;
    const glm::vec2 forbidden{glm::dot(w.forbiddenSide, e1), glm::dot(w.forbiddenSide, e2)};
    if (!circleWrap(p2, q2, 1.0f, forbidden, theta1, sweep)) return false;
    const int steps =
        arcSteps(sweep * std::max({w.radii.x, w.radii.y, w.radii.z}) / std::min({w.radii.x, w.radii.y, w.radii.z}));
    for (int i = 0; i <= steps; ++i) {
        const float theta = theta1 + sweep * static_cast<float>(i) / static_cast<float>(steps);
        const glm::vec3 unit = std::cos(theta) * e1 + std::sin(theta) * e2;
        arc.push_back(w.centre + w.axes * (unit * w.radii));
    }
    return true;
}

}  // namespace

bool wrapSegment(const WrapSurface& surface, const glm::vec3& from, const glm::vec3& to, std::vector<glm::vec3>& arc) {
    arc.clear();  // each shape checks every condition before it adds a point
    return surface.shape == WrapSurface::Shape::Cylinder ? wrapCylinder(surface, from, to, arc)
                                                         : wrapEllipsoid(surface, from, to, arc);
}

void solveMusclePath(const MusclePathDefinition& path, const SkeletonFrames& frames, const Coordinates& values,
                     PathGeometry& out) {
    out.vertices.clear();
    out.wrapsActive = 0;
    for (const PathPoint& p : path.points) {
        if (!p.coordinate.empty()) {
            const auto it = values.find(p.coordinate);
            const double v = it == values.end() ? 0.0 : it->second;
            if (v < p.min || v > p.max) continue;
        }
        out.vertices.push_back(
            {glm::vec3(frames.of(p.frame) * glm::vec4(p.position, 1.0f)), &p.frame, p.position, true});
    }
    if (!path.wraps.empty()) {
        // Bend each straight segment over the first surface it would cut through.
        thread_local std::vector<PathVertex> bent;
        thread_local std::vector<glm::vec3> arc;
        thread_local std::vector<std::pair<glm::mat4, glm::mat4>> placed;  // each surface's frame and its inverse
        bent.clear();
        placed.clear();
        for (const WrapSurface& w : path.wraps) {
            const glm::mat4& frame = frames.of(w.frame);
            // Rigid: the inverse is the transposed rotation and the rotated-back translation.
            const glm::mat3 rt = glm::transpose(glm::mat3(frame));
            glm::mat4 inverse(rt);
            inverse[3] = glm::vec4(-(rt * glm::vec3(frame[3])), 1.0f);
            placed.emplace_back(frame, inverse);
        }
        for (std::size_t i = 0; i + 1 < out.vertices.size(); ++i) {
            const PathVertex& a = out.vertices[i];
            const PathVertex& b = out.vertices[i + 1];
            bent.push_back(a);
            // Surfaces in file order (proximal to distal): each bends what is left of the segment
            // after the previous one, so a path can pass over the ischium and then the condyles.
            glm::vec3 from = a.world;
            for (std::size_t k = 0; k < path.wraps.size(); ++k) {
                const WrapSurface& w = path.wraps[k];
                const auto& [frame, toLocal] = placed[k];
                if (!wrapSegment(w, glm::vec3(toLocal * glm::vec4(from, 1.0f)),
                                 glm::vec3(toLocal * glm::vec4(b.world, 1.0f)), arc))
                    continue;
                for (const glm::vec3& local : arc)
                    bent.push_back({glm::vec3(frame * glm::vec4(local, 1.0f)), &w.frame, local, false});
                from = bent.back().world;
                ++out.wrapsActive;
            }
        }
        bent.push_back(out.vertices.back());
        out.vertices.swap(bent);
    }
    float length = 0.0f;
    for (std::size_t i = 0; i + 1 < out.vertices.size(); ++i)
        length += glm::distance(out.vertices[i].world, out.vertices[i + 1].world);
    out.length = length;
}

}  // namespace lumbarlab
