#include "lumbarlab/core/muscle_volume.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr float kPi = 3.14159265f;
constexpr int kSides = 12;              // around the cross-section (even: striations alternate)
constexpr float kRingSpacing = 0.011f;  // m between rings along the path
constexpr int kMinRings = 10, kMaxRings = 30;
constexpr float kStriationShade = 0.84f;  // every other fibre line a little darker
constexpr float kTendonBlend = 0.12f;     // of the belly over which tendon colour turns to muscle
constexpr int kProfileSamples = 64;

/// cos and sin of each side's angle around the cross-section.
const std::array<glm::vec2, kSides>& sideAngles() {
    static const std::array<glm::vec2, kSides> table = [] {
        std::array<glm::vec2, kSides> t{};
        for (int k = 0; k < kSides; ++k) {
            const float theta = 2.0f * kPi * float(k) / float(kSides);
            t[std::size_t(k)] = {std::cos(theta), std::sin(theta)};
        }
        return t;
    }();
    return table;
}

/// Grows every per-vertex array by `count` and the index array by `indexCount`; returns the first
/// new vertex.
std::uint32_t grow(MeshData& mesh, std::size_t count, std::size_t indexCount) {
    const std::size_t first = mesh.positions.size();
    mesh.positions.resize(first + count);
    mesh.normals.resize(first + count);
    mesh.colours.resize(first + count);
    mesh.occlusion.resize(first + count, 1.0f);
    mesh.indices.reserve(mesh.indices.size() + indexCount);
    return std::uint32_t(first);
}

void pushTriangle(MeshData& mesh, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    mesh.indices.push_back(a);
    mesh.indices.push_back(b);
    mesh.indices.push_back(c);
}

/// Joins `rings` consecutive rings of kSides vertices from `base` with outward-facing quads.
void connectRings(MeshData& mesh, std::uint32_t base, int rings) {
    for (int r = 0; r + 1 < rings; ++r)
        for (int k = 0; k < kSides; ++k) {
            const std::uint32_t a = base + std::uint32_t(r * kSides + k);
            const std::uint32_t b = base + std::uint32_t(r * kSides + (k + 1) % kSides);
            const std::uint32_t c = a + std::uint32_t(kSides), d = b + std::uint32_t(kSides);
            pushTriangle(mesh, a, d, b);
            pushTriangle(mesh, a, c, d);
        }
}

glm::vec3 anyPerpendicular(const glm::vec3& d) {
    const glm::vec3 helper = std::abs(d.x) < 0.9f ? glm::vec3{1, 0, 0} : glm::vec3{0, 1, 0};
    return glm::normalize(glm::cross(d, helper));
}

/// Belly thickness shape over u in [0, 1]: zero at both ends (where the tendon takes over).
float bellyShape(MuscleShapeKind kind, float u) {
    u = std::clamp(u, 0.0f, 1.0f);
    // Fans are broadest near their origin on the bone; the others in the middle. Straps, sheets and
    // columns run fleshy nearly to their ends (blunt), spindles and fans taper.
    const float w = kind == MuscleShapeKind::Fan ? std::pow(u, 0.6f) : u;
    const bool blunt =
        kind == MuscleShapeKind::Strap || kind == MuscleShapeKind::Sheet || kind == MuscleShapeKind::Column;
    return std::pow(std::sin(kPi * w), blunt ? 0.3f : 0.8f);
}

float meanBellyShape(MuscleShapeKind kind) {
    static const std::array<float, 5> means = [] {
        std::array<float, 5> m{};
        for (std::size_t k = 0; k < m.size(); ++k) {
            float sum = 0.0f;
            for (int i = 0; i < kProfileSamples; ++i)
                sum += bellyShape(MuscleShapeKind(k), (float(i) + 0.5f) / float(kProfileSamples));
            m[k] = sum / float(kProfileSamples);
        }
        return m;
    }();
    return means[std::size_t(kind)];
}

/// The path without repeated points (a via point on an attachment, a wrap arc of zero length).
std::vector<glm::vec3> distinctPoints(const std::vector<glm::vec3>& path) {
    std::vector<glm::vec3> points;
    for (const glm::vec3& p : path)
        if (points.empty() || glm::distance(points.back(), p) > 1e-5f) points.push_back(p);
    return points;
}

/// Centripetal Catmull-Rom through `p`, sampled densely (passes through every point, no cusps).
std::vector<glm::vec3> smoothThrough(const std::vector<glm::vec3>& p) {
    if (p.size() < 3) return p;
    std::vector<glm::vec3> out;
    constexpr int kPerSegment = 6;
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        const glm::vec3 p1 = p[i], p2 = p[i + 1];
        const glm::vec3 p0 = i > 0 ? p[i - 1] : p1 + (p1 - p2);
        const glm::vec3 p3 = i + 2 < p.size() ? p[i + 2] : p2 + (p2 - p1);
        auto knot = [](const glm::vec3& a, const glm::vec3& b) {
            return std::max(std::sqrt(glm::distance(a, b)), 1e-4f);
        };
        const float t0 = 0.0f, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
        for (int k = 0; k < kPerSegment; ++k) {
            const float t = t1 + (t2 - t1) * float(k) / float(kPerSegment);
            const glm::vec3 a1 = ((t1 - t) * p0 + (t - t0) * p1) / (t1 - t0);
            const glm::vec3 a2 = ((t2 - t) * p1 + (t - t1) * p2) / (t2 - t1);
            const glm::vec3 a3 = ((t3 - t) * p2 + (t - t2) * p3) / (t3 - t2);
            const glm::vec3 b1 = ((t2 - t) * a1 + (t - t0) * a2) / (t2 - t0);
            const glm::vec3 b2 = ((t3 - t) * a2 + (t - t1) * a3) / (t3 - t1);
            out.push_back(((t2 - t) * b1 + (t - t1) * b2) / (t2 - t1));
        }
    }
    out.push_back(p.back());
    return out;
}

/// `count` points spaced evenly by arc length along the polyline, and the total length.
std::vector<glm::vec3> resample(const std::vector<glm::vec3>& p, int count, float& length) {
    std::vector<float> along(p.size(), 0.0f);
    for (std::size_t i = 1; i < p.size(); ++i) along[i] = along[i - 1] + glm::distance(p[i - 1], p[i]);
    length = along.back();
    std::vector<glm::vec3> out;
    std::size_t seg = 1;
    for (int k = 0; k < count; ++k) {
        const float s = length * float(k) / float(count - 1);
        while (seg + 1 < p.size() && along[seg] < s) ++seg;
        const float span = std::max(along[seg] - along[seg - 1], 1e-9f);
        out.push_back(glm::mix(p[seg - 1], p[seg], std::clamp((s - along[seg - 1]) / span, 0.0f, 1.0f)));
    }
    return out;
}

glm::vec3 closestOnSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
    const glm::vec3 ab = b - a;
    const float d = glm::dot(ab, ab);
    const float t = d > 1e-12f ? std::clamp(glm::dot(p - a, ab) / d, 0.0f, 1.0f) : 0.0f;
    return a + t * ab;
}

void appendCap(MeshData& mesh, std::uint32_t ring, const glm::vec3& centre, const glm::vec3& normal,
               const glm::vec3& colour, bool reverse) {
    const std::uint32_t c = grow(mesh, 1, std::size_t(3) * kSides);
    mesh.positions[c] = centre;
    mesh.normals[c] = normal;
    mesh.colours[c] = colour;
    for (int s = 0; s < kSides; ++s) {
        const std::uint32_t a = ring + std::uint32_t(s), b = ring + std::uint32_t((s + 1) % kSides);
        if (reverse)
            pushTriangle(mesh, c, a, b);
        else
            pushTriangle(mesh, c, b, a);
    }
}

}  // namespace

float crossSectionAspect(MuscleShapeKind kind, float u) {
    switch (kind) {
        case MuscleShapeKind::Spindle:
            return 1.0f;
        case MuscleShapeKind::Column:
            return 1.4f;
        case MuscleShapeKind::Strap:
            return 3.5f;
        case MuscleShapeKind::Sheet:
            return 7.0f;
        case MuscleShapeKind::Fan:
            return 4.0f + (1.3f - 4.0f) * std::clamp(u, 0.0f, 1.0f);
    }
    return 1.0f;
}

void appendMuscleVolume(MeshData& mesh, const std::vector<glm::vec3>& path, const glm::vec3& coreA,
                        const glm::vec3& coreB, const MuscleVolumeProfile& profile,
                        const MuscleVolumeColours& colours) {
    const std::vector<glm::vec3> points = distinctPoints(path);
    if (points.size() < 2) return;
    float rough = 0.0f;
    for (std::size_t i = 1; i < points.size(); ++i) rough += glm::distance(points[i - 1], points[i]);
    const int rings = std::clamp(int(std::ceil(rough / kRingSpacing)) + 1, kMinRings, kMaxRings);
    float length = 0.0f;
    const std::vector<glm::vec3> centres = resample(smoothThrough(points), rings, length);

    // Tendons keep their length; the belly takes up the change and keeps its volume.
    const float tendonArea = kPi * profile.tendonRadius * profile.tendonRadius;
    const float originTendon = profile.tendonOriginFraction * profile.referenceLength;
    const float insertionTendon = profile.tendonInsertionFraction * profile.referenceLength;
    const float belly = std::max(length - originTendon - insertionTendon, 0.2f * length);
    const float tendonScale = (length - belly) / std::max(originTendon + insertionTendon, 1e-6f);
    const float originEnd = originTendon * tendonScale;
    const float meanArea = profile.bellyVolume / std::max(belly, 1e-4f);
    const float peakArea = tendonArea + std::max(meanArea - tendonArea, 0.0f) / meanBellyShape(profile.kind);

    const std::uint32_t base = grow(mesh, std::size_t(rings) * kSides, std::size_t(rings - 1) * kSides * 6);
    const auto& angles = sideAngles();
    glm::vec3 thin = anyPerpendicular(glm::normalize(centres[1] - centres[0]));
    for (int r = 0; r < rings; ++r) {
        const glm::vec3 c = centres[std::size_t(r)];
        const glm::vec3 ahead = centres[std::size_t(std::min(r + 1, rings - 1))];
        const glm::vec3 behind = centres[std::size_t(std::max(r - 1, 0))];
        const glm::vec3 tangent = glm::normalize(ahead - behind);
        // The thin axis faces away from the body's core, so flat muscles lie along the body.
        glm::vec3 out = c - closestOnSegment(c, coreA, coreB);
        out -= glm::dot(out, tangent) * tangent;
        if (glm::length(out) > 1e-5f)
            thin = glm::normalize(out);
        else
            thin = glm::normalize(thin - glm::dot(thin, tangent) * tangent);
        const glm::vec3 wide = glm::cross(tangent, thin);

        const float s = length * float(r) / float(rings - 1);
        const float u = (s - originEnd) / belly;
        const bool inBelly = u > 0.0f && u < 1.0f;
        const float area = inBelly ? tendonArea + (peakArea - tendonArea) * bellyShape(profile.kind, u) : tendonArea;
        const float aspect = crossSectionAspect(profile.kind, std::clamp(u, 0.0f, 1.0f));
        const float b = std::sqrt(area / (kPi * aspect)), a = aspect * b;
        const float edge = std::min(u, 1.0f - u) / kTendonBlend;
        const glm::vec3 tissue = glm::mix(colours.tendon, colours.belly, inBelly ? std::clamp(edge, 0.0f, 1.0f) : 0.0f);
        const glm::vec3 shaded = inBelly ? tissue * kStriationShade : tissue;
        // Per ring: the ellipse's axes for positions, and their reciprocals for normals.
        const glm::vec3 pa = a * wide, pb = b * thin, na = wide / a, nb = thin / b;
        std::uint32_t v = base + std::uint32_t(r * kSides);
        for (int k = 0; k < kSides; ++k, ++v) {
            const glm::vec2 cs = angles[std::size_t(k)];
            mesh.positions[v] = c + cs.x * pa + cs.y * pb;
            const glm::vec3 n = cs.x * na + cs.y * nb;
            mesh.normals[v] = n * (1.0f / std::sqrt(glm::dot(n, n)));
            mesh.colours[v] = k % 2 == 1 ? shaded : tissue;
        }
    }
    connectRings(mesh, base, rings);
    appendCap(mesh, base, centres.front(), glm::normalize(centres.front() - centres[1]), colours.tendon, true);
    appendCap(mesh, base + std::uint32_t((rings - 1) * kSides), centres.back(),
              glm::normalize(centres.back() - centres[std::size_t(rings - 2)]), colours.tendon, false);
}

void appendAttachmentFootprint(MeshData& mesh, const glm::vec3& centre, const glm::vec3& direction, float radius,
                               const glm::vec3& colour) {
    // A flattened sphere: kFootprintRings rings from pole to pole, kSides around.
    constexpr int kFootprintRings = 3;
    constexpr float kFlatness = 0.18f;
    const glm::vec3 axis = glm::normalize(direction);
    const glm::vec3 e1 = anyPerpendicular(axis), e2 = glm::cross(axis, e1);
    const auto& angles = sideAngles();
    const std::uint32_t base =
        grow(mesh, std::size_t(kFootprintRings + 1) * kSides, std::size_t(kFootprintRings) * kSides * 6);
    std::uint32_t v = base;
    for (int r = 0; r <= kFootprintRings; ++r) {
        const float phi = kPi * float(r) / float(kFootprintRings);
        const float h = std::cos(phi), w = std::sin(phi);
        for (int k = 0; k < kSides; ++k, ++v) {
            const glm::vec2 cs = angles[std::size_t(k)];
            const glm::vec3 dir = w * (cs.x * e1 + cs.y * e2);
            mesh.positions[v] = centre + radius * dir + radius * kFlatness * h * axis;
            mesh.normals[v] = glm::normalize(dir * kFlatness + h * axis);
            mesh.colours[v] = colour;
        }
    }
    connectRings(mesh, base, kFootprintRings + 1);
}

void appendTube(MeshData& mesh, const std::vector<glm::vec3>& path, int rings,
                const std::function<TubeSection(float)>& section) {
    const std::vector<glm::vec3> points = distinctPoints(path);
    if (points.size() < 2 || rings < 2) return;
    float length = 0.0f;
    const std::vector<glm::vec3> centres = resample(smoothThrough(points), rings, length);
    const std::uint32_t base = grow(mesh, std::size_t(rings) * kSides, std::size_t(rings - 1) * kSides * 6);
    const auto& angles = sideAngles();
    // Frames are carried along the path (each ring's side axis re-projected off the new tangent), so
    // the rings do not twist between neighbours.
    glm::vec3 side = anyPerpendicular(glm::normalize(centres[1] - centres[0]));
    TubeSection first{}, last{};
    for (int r = 0; r < rings; ++r) {
        const glm::vec3 c = centres[std::size_t(r)];
        const glm::vec3 tangent =
            glm::normalize(centres[std::size_t(std::min(r + 1, rings - 1))] - centres[std::size_t(std::max(r - 1, 0))]);
        side = glm::normalize(side - glm::dot(side, tangent) * tangent);
        const glm::vec3 other = glm::cross(side, tangent);  // the handedness connectRings expects
        const TubeSection at = section(float(r) / float(rings - 1));
        if (r == 0) first = at;
        last = at;
        std::uint32_t v = base + std::uint32_t(r * kSides);
        for (int k = 0; k < kSides; ++k, ++v) {
            const glm::vec2 cs = angles[std::size_t(k)];
            const glm::vec3 n = cs.x * side + cs.y * other;
            mesh.positions[v] = c + at.radius * n;
            mesh.normals[v] = n;
            mesh.colours[v] = at.colour;
        }
    }
    connectRings(mesh, base, rings);
    appendCap(mesh, base, centres.front(), glm::normalize(centres.front() - centres[1]), first.colour, true);
    appendCap(mesh, base + std::uint32_t((rings - 1) * kSides), centres.back(),
              glm::normalize(centres.back() - centres[std::size_t(rings - 2)]), last.colour, false);
}

}  // namespace lumbarlab
