#include "sdf.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace bonegen {

Frame frameFromYX(const glm::vec3& origin, const glm::vec3& up, const glm::vec3& forward) {
    const glm::vec3 y = glm::normalize(up);
    glm::vec3 x = forward - glm::dot(forward, y) * y;
    x = glm::normalize(x);
    const glm::vec3 z = glm::cross(x, y);
    Frame f;
    f.origin = origin;
    f.axes = glm::mat3(x, y, z);
    return f;
}

float smoothMin(float a, float b, float k) {
    if (k <= 0.0f) return std::min(a, b);
    const float h = std::max(k - std::abs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}

Sdf sphere(glm::vec3 centre, float radius) {
    return [=](const glm::vec3& p) { return glm::length(p - centre) - radius; };
}

Sdf ellipsoid(Frame frame, glm::vec3 radii) {
    // Quilez's bound: k0 * (k0 - 1) / k1 behaves well near the surface and never overestimates much.
    return [=](const glm::vec3& p) {
        const glm::vec3 q = frame.toLocal(p);
        const float k0 = glm::length(q / radii);
        const float k1 = glm::length(q / (radii * radii));
        if (k1 < 1e-9f) return -std::min({radii.x, radii.y, radii.z});
        return k0 * (k0 - 1.0f) / k1;
    };
}

Sdf ellipsoid(glm::vec3 centre, glm::vec3 radii) {
    Frame f;
    f.origin = centre;
    return ellipsoid(f, radii);
}

Sdf capsule(glm::vec3 a, glm::vec3 b, float radius) {
    return [=](const glm::vec3& p) {
        const glm::vec3 pa = p - a, ba = b - a;
        const float h = std::clamp(glm::dot(pa, ba) / std::max(glm::dot(ba, ba), 1e-12f), 0.0f, 1.0f);
        return glm::length(pa - ba * h) - radius;
    };
}

Sdf roundCone(glm::vec3 a, glm::vec3 b, float ra, float rb) {
    // Exact round-cone distance (Quilez), valid while |ra - rb| < |b - a|.
    return [=](const glm::vec3& p) {
        const glm::vec3 ba = b - a;
        const float l2 = glm::dot(ba, ba);
        const float rr = ra - rb;
        const float a2 = l2 - rr * rr;
        const float il2 = 1.0f / l2;
        const glm::vec3 pa = p - a;
        const float y = glm::dot(pa, ba);
        const float z = y - l2;
        const glm::vec3 xv = pa * l2 - ba * y;
        const float x2 = glm::dot(xv, xv);
        const float y2 = y * y * l2;
        const float z2 = z * z * l2;
        const float k = std::copysign(1.0f, rr) * rr * rr * x2;
        if (std::copysign(1.0f, z) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
        if (std::copysign(1.0f, y) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
        return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
    };
}

Sdf tube(const std::vector<glm::vec3>& points, const std::vector<float>& radii) {
    std::vector<Sdf> pieces;
    for (std::size_t i = 0; i + 1 < points.size(); ++i)
        pieces.push_back(roundCone(points[i], points[i + 1], radii[i], radii[i + 1]));
    return [pieces](const glm::vec3& p) {
        float d = pieces.front()(p);
        for (std::size_t i = 1; i < pieces.size(); ++i) d = std::min(d, pieces[i](p));
        return d;
    };
}

Sdf roundBox(Frame frame, glm::vec3 halfExtents, float rounding) {
    const glm::vec3 inner = halfExtents - glm::vec3(rounding);
    return [=](const glm::vec3& p) {
        const glm::vec3 q = glm::abs(frame.toLocal(p)) - inner;
        return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max({q.x, q.y, q.z}), 0.0f) - rounding;
    };
}

Sdf ellipticCylinder(Frame frame, float rx, float rz, float halfHeight, float rounding) {
    return [=](const glm::vec3& p) {
        const glm::vec3 q = frame.toLocal(p);
        // 2D ellipse bound, shrunk by the rounding radius, then rounded like a capped cylinder.
        const glm::vec2 r(rx - rounding, rz - rounding);
        const glm::vec2 e(q.x, q.z);
        const float k0 = glm::length(e / r);
        const float k1 = glm::length(e / (r * r));
        const float dEllipse = k1 < 1e-9f ? -std::min(r.x, r.y) : k0 * (k0 - 1.0f) / k1;
        const glm::vec2 d(dEllipse, std::abs(q.y) - (halfHeight - rounding));
        return std::min(std::max(d.x, d.y), 0.0f) + glm::length(glm::max(d, glm::vec2(0.0f))) - rounding;
    };
}

Sdf torus(Frame frame, float majorRadius, float minorRadius) {
    return [=](const glm::vec3& p) {
        const glm::vec3 q = frame.toLocal(p);
        const glm::vec2 t(glm::length(glm::vec2(q.x, q.z)) - majorRadius, q.y);
        return glm::length(t) - minorRadius;
    };
}

Sdf halfSpace(glm::vec3 point, glm::vec3 normal) {
    const glm::vec3 n = glm::normalize(normal);
    return [=](const glm::vec3& p) { return glm::dot(p - point, n); };
}

Sdf unite(Sdf a, Sdf b) {
    return [a = std::move(a), b = std::move(b)](const glm::vec3& p) { return std::min(a(p), b(p)); };
}

Sdf smoothUnite(Sdf a, Sdf b, float k) {
    return [a = std::move(a), b = std::move(b), k](const glm::vec3& p) { return smoothMin(a(p), b(p), k); };
}

Sdf smoothUniteAll(const std::vector<Sdf>& shapes, float k) {
    return [shapes, k](const glm::vec3& p) {
        float d = shapes.front()(p);
        for (std::size_t i = 1; i < shapes.size(); ++i) d = smoothMin(d, shapes[i](p), k);
        return d;
    };
}

Sdf subtract(Sdf a, Sdf b) {
    return [a = std::move(a), b = std::move(b)](const glm::vec3& p) { return std::max(a(p), -b(p)); };
}

Sdf smoothSubtract(Sdf a, Sdf b, float k) {
    return [a = std::move(a), b = std::move(b), k](const glm::vec3& p) { return -smoothMin(-a(p), b(p), k); };
}

Sdf intersect(Sdf a, Sdf b) {
    return [a = std::move(a), b = std::move(b)](const glm::vec3& p) { return std::max(a(p), b(p)); };
}

Sdf smoothIntersect(Sdf a, Sdf b, float k) {
    return [a = std::move(a), b = std::move(b), k](const glm::vec3& p) { return -smoothMin(-a(p), -b(p), k); };
}

Sdf squashedAlong(Sdf a, glm::vec3 origin, glm::vec3 axis, float factor) {
    const glm::vec3 n = glm::normalize(axis);
    return [a = std::move(a), origin, n, factor](const glm::vec3& p) {
        const glm::vec3 q = p + n * (glm::dot(p - origin, n) * (factor - 1.0f));
        return a(q) / factor;  // stretching space by `factor` along n scales distances by at most that
    };
}

Sdf mirrorZ(Sdf a) {
    return [a = std::move(a)](const glm::vec3& p) { return a(glm::vec3(p.x, p.y, -p.z)); };
}

}  // namespace bonegen

namespace bonegen {

Sdf extrudedPolygon(Frame frame, const std::vector<glm::vec2>& polygon) {
    // Exact 2D polygon distance (Quilez) applied to the point projected on the frame's x-z plane.
    return [=](const glm::vec3& world) {
        const glm::vec3 q = frame.toLocal(world);
        const glm::vec2 p(q.x, q.z);
        float d = glm::dot(p - polygon[0], p - polygon[0]);
        float s = 1.0f;
        for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i, ++i) {
            const glm::vec2 e = polygon[j] - polygon[i];
            const glm::vec2 w = p - polygon[i];
            const glm::vec2 b = w - e * std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
            d = std::min(d, glm::dot(b, b));
            const bool c1 = p.y >= polygon[i].y, c2 = p.y<polygon[j].y, c3 = e.x * w.y> e.y * w.x;
            if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
        }
        return s * std::sqrt(d);
    };
}

glm::vec3 marchToSurface(const Sdf& sdf, glm::vec3 start, glm::vec3 direction, float maxDistance, float step) {
    const glm::vec3 dir = glm::normalize(direction);
    float previous = sdf(start);
    // A float counter on purpose: the sample positions (and so the generated meshes) stay as they were.
    // NOLINTNEXTLINE(cert-flp30-c,clang-analyzer-security.FloatLoopCounter)
    for (float t = step; t <= maxDistance; t += step) {
        const float d = sdf(start + dir * t);
        if (d < 0.0f) {
            const float f = previous / (previous - d);  // linear root between the two samples
            return start + dir * (t - step + f * step);
        }
        previous = d;
    }
    return start + dir * maxDistance;
}

}  // namespace bonegen
