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
// Side k's angle folded into the first quadrant (0..90 deg): sides with equal |cos| and |sin|.
constexpr int kQuadrantSides = kSides / 4 + 1;
static_assert(kSides % 4 == 0, "the normal-length table folds the sides into quadrants");
constexpr std::array<int, kSides> kQuadrant = [] {
    std::array<int, kSides> q{};
    for (int k = 0; k < kSides; ++k) {
        const int half = k % (kSides / 2);  // 0..180 deg
        q[std::size_t(k)] = half <= kSides / 4 ? half : kSides / 2 - half;
    }
    return q;
}();

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
    // sin(pi) in floats is a hair below zero: a fractional power of it would be NaN.
    return std::pow(std::max(std::sin(kPi * w), 0.0f), blunt ? 0.3f : 0.8f);
}

/// bellyShape sampled finely once per kind: a pose change asks for it at every ring of every
/// path, and its sine and powers were a tenth of the update's time. Linear between samples.
constexpr int kShapeTableIntervals = 1024;
float tabulatedBellyShape(MuscleShapeKind kind, float u) {
    using Table = std::array<float, kShapeTableIntervals + 1>;
    static const std::array<Table, 5> tables = [] {
        std::array<Table, 5> t{};
        for (std::size_t k = 0; k < t.size(); ++k)
            for (int i = 0; i <= kShapeTableIntervals; ++i)
                t[k][std::size_t(i)] = bellyShape(MuscleShapeKind(k), float(i) / float(kShapeTableIntervals));
        return t;
    }();
    const Table& table = tables[std::size_t(kind)];
    const float x = std::clamp(u, 0.0f, 1.0f) * float(kShapeTableIntervals);
    const int i = std::min(int(x), kShapeTableIntervals - 1);
    return table[std::size_t(i)] + (x - float(i)) * (table[std::size_t(i) + 1] - table[std::size_t(i)]);
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
void distinctPoints(const std::vector<glm::vec3>& path, std::vector<glm::vec3>& points) {
    points.clear();
    for (const glm::vec3& p : path)
        if (points.empty() || glm::distance(points.back(), p) > 1e-5f) points.push_back(p);
}

/// Centripetal Catmull-Rom through `p`, sampled densely (passes through every point, no cusps).
/// Barry and Goldman's pyramid with its knot differences and their reciprocals worked out once
/// per segment, not per sample.
void smoothThrough(const std::vector<glm::vec3>& p, std::vector<glm::vec3>& out) {
    out.clear();
    if (p.size() < 3) {
        out.assign(p.begin(), p.end());
        return;
    }
    constexpr int kPerSegment = 6;
    auto knot = [](const glm::vec3& a, const glm::vec3& b) { return std::max(std::sqrt(glm::distance(a, b)), 1e-4f); };
    const std::size_t n = p.size();
    // The knot spacing of each span, from the point before the first to the point after the last.
    float before = knot(p[0] + (p[0] - p[1]), p[0]);
    float span = knot(p[0], p[1]);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const glm::vec3 p1 = p[i], p2 = p[i + 1];
        const glm::vec3 p0 = i > 0 ? p[i - 1] : p1 + (p1 - p2);
        const glm::vec3 p3 = i + 2 < n ? p[i + 2] : p2 + (p2 - p1);
        const float after = knot(p2, p3);
        // Knots t0 = 0, t1 = d01, t2 = t1 + d12, t3 = t2 + d23.
        const float d01 = before, d12 = span, d23 = after;
        const float i01 = 1.0f / d01, i12 = 1.0f / d12, i23 = 1.0f / d23;
        const float i02 = 1.0f / (d01 + d12), i13 = 1.0f / (d12 + d23);
        for (int k = 0; k < kPerSegment; ++k) {
            const float f = d12 * float(k) / float(kPerSegment);  // t - t1
            const float g = d12 - f;                              // t2 - t
            const glm::vec3 a1 = ((-f) * p0 + (d01 + f) * p1) * i01;
            const glm::vec3 a2 = (g * p1 + f * p2) * i12;
            const glm::vec3 a3 = ((d23 + g) * p2 - g * p3) * i23;
            const glm::vec3 b1 = (g * a1 + (d01 + f) * a2) * i02;
            const glm::vec3 b2 = ((d23 + g) * a2 + f * a3) * i13;
            out.push_back((g * b1 + f * b2) * i12);
        }
        before = span;
        span = after;
    }
    out.push_back(p.back());
}

/// `count` points spaced evenly by arc length along the polyline; returns the total length.
float resample(const std::vector<glm::vec3>& p, int count, std::vector<float>& along, std::vector<glm::vec3>& out) {
    along.assign(p.size(), 0.0f);
    for (std::size_t i = 1; i < p.size(); ++i) along[i] = along[i - 1] + glm::distance(p[i - 1], p[i]);
    const float length = along.back();
    out.clear();
    std::size_t seg = 1;
    for (int k = 0; k < count; ++k) {
        const float s = length * float(k) / float(count - 1);
        while (seg + 1 < p.size() && along[seg] < s) ++seg;
        const float span = std::max(along[seg] - along[seg - 1], 1e-9f);
        out.push_back(glm::mix(p[seg - 1], p[seg], std::clamp((s - along[seg - 1]) / span, 0.0f, 1.0f)));
    }
    return length;
}

/// One ring's centre, ellipse axes (positions), reciprocal axes (normals), normal lengths per
/// quadrant and colours.
struct RingFrame {
    glm::vec3 centre, pa, pb, na, nb, tissue, shaded;
    std::array<float, kQuadrantSides> inverseLength;
};

/// Working buffers for one path (one thread builds one path at a time), so a pose change allocates
/// nothing once they have grown.
struct PathScratch {
    std::vector<glm::vec3> distinct, smooth, centres;
    std::vector<float> along;
    std::vector<RingFrame> rings;
};
PathScratch& scratch() {
    thread_local PathScratch buffers;
    return buffers;
}

/// Indices joining `rings` rings of kSides vertices from `base` with outward-facing quads.
std::uint32_t* writeRingIndices(std::uint32_t* out, std::uint32_t base, int rings) {
    for (int r = 0; r + 1 < rings; ++r)
        for (int k = 0; k < kSides; ++k) {
            const std::uint32_t a = base + std::uint32_t(r * kSides + k);
            const std::uint32_t b = base + std::uint32_t(r * kSides + (k + 1 == kSides ? 0 : k + 1));
            const std::uint32_t c = a + std::uint32_t(kSides), d = b + std::uint32_t(kSides);
            *out++ = a, *out++ = d, *out++ = b;
            *out++ = a, *out++ = c, *out++ = d;
        }
    return out;
}

/// Indices of a fan closing the ring at `ring` around the centre vertex `c`.
std::uint32_t* writeCapIndices(std::uint32_t* out, std::uint32_t ring, std::uint32_t c, bool reverse) {
    for (int s = 0; s < kSides; ++s) {
        const std::uint32_t a = ring + std::uint32_t(s), b = ring + std::uint32_t(s + 1 == kSides ? 0 : s + 1);
        *out++ = c;
        *out++ = reverse ? a : b;
        *out++ = reverse ? b : a;
    }
    return out;
}

/// Makes room for a piece at the end of the mesh and returns its slot.
MeshPieceSlot appendSlot(MeshData& mesh, const MeshPieceSize& size) {
    const MeshPieceSlot slot{std::uint32_t(mesh.positions.size()), mesh.indices.size(), true};
    const std::size_t vertices = mesh.positions.size() + size.vertices;
    mesh.positions.resize(vertices);
    mesh.normals.resize(vertices);
    mesh.colours.resize(vertices);
    mesh.occlusion.resize(vertices, 1.0f);
    mesh.indices.resize(mesh.indices.size() + size.indices);
    return slot;
}

/// The indices of a closed tube of `rings` rings (muscleVolumeSize's layout: the rings, then the
/// two cap centres).
void writeTubeIndices(MeshData& mesh, const MeshPieceSlot& slot, int rings) {
    const std::uint32_t base = slot.firstVertex, capStart = base + std::uint32_t(rings * kSides);
    std::uint32_t* out = mesh.indices.data() + slot.firstIndex;
    out = writeRingIndices(out, base, rings);
    out = writeCapIndices(out, base, capStart, true);
    writeCapIndices(out, base + std::uint32_t((rings - 1) * kSides), capStart + 1, false);
}

glm::vec3 closestOnSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
    const glm::vec3 ab = b - a;
    const float d = glm::dot(ab, ab);
    const float t = d > 1e-12f ? std::clamp(glm::dot(p - a, ab) / d, 0.0f, 1.0f) : 0.0f;
    return a + t * ab;
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

int muscleVolumeRings(float referenceLength) {
    if (!(referenceLength > 0.0f)) return kMinRings;  // also NaN
    if (referenceLength >= float(kMaxRings) * kRingSpacing) return kMaxRings;
    return std::clamp(int(std::ceil(referenceLength / kRingSpacing)) + 1, kMinRings, kMaxRings);
}

MeshPieceSize muscleVolumeSize(int rings) {
    rings = std::max(rings, 2);
    // The rings, then one centre vertex per end cap.
    return {std::size_t(rings) * kSides + 2, std::size_t(rings - 1) * kSides * 6 + std::size_t(2) * kSides * 3};
}

namespace {
// A footprint is a flattened sphere about its axis: two rings (60 and 120 deg from the pole) and a
// pole vertex at each end, in the layout of a two-ring tube.
constexpr int kFootprintRings = 2;
constexpr float kFootprintFlatness = 0.18f;

/// The footprint's vertices on a unit flattened sphere about +z (in the frame e1, e2, axis): the
/// two rings, then the two poles; position and normal.
struct FootprintVertex {
    glm::vec3 position;
    glm::vec3 normal;
};
const std::array<FootprintVertex, std::size_t(kFootprintRings) * kSides + 2>& footprintTemplate() {
    static const auto table = [] {
        std::array<FootprintVertex, std::size_t(kFootprintRings) * kSides + 2> t{};
        const auto& angles = sideAngles();
        std::size_t v = 0;
        for (int r = 1; r <= kFootprintRings; ++r) {
            const float phi = kPi * float(r) / float(kFootprintRings + 1);
            const float h = std::cos(phi), w = std::sin(phi);
            for (int k = 0; k < kSides; ++k, ++v) {
                const glm::vec2 cs = angles[std::size_t(k)];
                t[v].position = {w * cs.x, w * cs.y, kFootprintFlatness * h};
                t[v].normal =
                    glm::normalize(glm::vec3(kFootprintFlatness * w * cs.x, kFootprintFlatness * w * cs.y, h));
            }
        }
        t[v++] = {{0.0f, 0.0f, kFootprintFlatness}, {0.0f, 0.0f, 1.0f}};
        t[v] = {{0.0f, 0.0f, -kFootprintFlatness}, {0.0f, 0.0f, -1.0f}};
        return t;
    }();
    return table;
}
}  // namespace

MeshPieceSize attachmentFootprintSize() {
    return muscleVolumeSize(kFootprintRings);
}

void writeMuscleVolume(MeshData& mesh, const MeshPieceSlot& slot, int rings, const std::vector<glm::vec3>& path,
                       const glm::vec3& coreA, const glm::vec3& coreB, const MuscleVolumeProfile& profile,
                       const MuscleVolumeColours& colours) {
    rings = std::max(rings, 2);
    const MeshPieceSize size = muscleVolumeSize(rings);
    const std::uint32_t base = slot.firstVertex;
    const std::uint32_t capStart = base + std::uint32_t(rings * kSides), capEnd = capStart + 1;
    if (slot.writeIndices) writeTubeIndices(mesh, slot, rings);
    PathScratch& work = scratch();
    distinctPoints(path, work.distinct);
    if (work.distinct.size() < 2) {  // nothing to draw: every vertex on one point
        const glm::vec3 at = path.empty() ? glm::vec3(0.0f) : path.front();
        std::fill_n(mesh.positions.begin() + base, size.vertices, at);
        std::fill_n(mesh.normals.begin() + base, size.vertices, glm::vec3(0.0f, 1.0f, 0.0f));
        std::fill_n(mesh.colours.begin() + base, size.vertices, colours.tendon);
        return;
    }
    smoothThrough(work.distinct, work.smooth);
    const float length = resample(work.smooth, rings, work.along, work.centres);
    const std::vector<glm::vec3>& centres = work.centres;

    // Tendons keep their length; the belly takes up the change and keeps its volume.
    const float tendonArea = kPi * profile.tendonRadius * profile.tendonRadius;
    const float originTendon = profile.tendonOriginFraction * profile.referenceLength;
    const float insertionTendon = profile.tendonInsertionFraction * profile.referenceLength;
    const float belly = std::max(length - originTendon - insertionTendon, 0.2f * length);
    const float tendonScale = (length - belly) / std::max(originTendon + insertionTendon, 1e-6f);
    const float originEnd = originTendon * tendonScale;
    const float meanArea = profile.bellyVolume / std::max(belly, 1e-4f);
    const float peakArea = tendonArea + std::max(meanArea - tendonArea, 0.0f) / meanBellyShape(profile.kind);

    // Two passes: each ring's frame and axes first (a chain of roots and divisions per ring, which
    // the processor overlaps across rings when nothing else sits between them), then the vertices
    // (independent multiply-adds and stores).
    const auto& angles = sideAngles();
    std::vector<RingFrame>& frames = work.rings;
    frames.resize(std::size_t(rings));
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
        const float area =
            inBelly ? tendonArea + (peakArea - tendonArea) * tabulatedBellyShape(profile.kind, u) : tendonArea;
        const float aspect = crossSectionAspect(profile.kind, std::clamp(u, 0.0f, 1.0f));
        const float b = std::sqrt(area / (kPi * aspect)), a = aspect * b;
        const float edge = std::min(u, 1.0f - u) / kTendonBlend;
        RingFrame& f = frames[std::size_t(r)];
        f.centre = c;
        f.tissue = glm::mix(colours.tendon, colours.belly, inBelly ? std::clamp(edge, 0.0f, 1.0f) : 0.0f);
        f.shaded = inBelly ? f.tissue * kStriationShade : f.tissue;
        // The ellipse's axes for positions, and their reciprocals for normals. The normal's length,
        // sqrt(cos^2/a^2 + sin^2/b^2), repeats in the four quadrants: four roots per ring, and two
        // divisions, not two per quadrant.
        f.pa = a * wide;
        f.pb = b * thin;
        const float inverseA = 1.0f / a, inverseB = 1.0f / b;
        f.na = wide * inverseA;
        f.nb = thin * inverseB;
        const float inverseA2 = inverseA * inverseA, inverseB2 = inverseB * inverseB;
        for (int q = 0; q < kQuadrantSides; ++q) {
            const glm::vec2 cs = angles[std::size_t(q)];
            f.inverseLength[std::size_t(q)] = 1.0f / std::sqrt(cs.x * cs.x * inverseA2 + cs.y * cs.y * inverseB2);
        }
    }

    glm::vec3* positions = mesh.positions.data();
    glm::vec3* normals = mesh.normals.data();
    glm::vec3* tints = mesh.colours.data();
    for (int r = 0; r < rings; ++r) {
        const RingFrame& f = frames[std::size_t(r)];
        const std::uint32_t first = base + std::uint32_t(r * kSides);
        for (int k = 0; k < kSides; ++k) {
            const glm::vec2 cs = angles[std::size_t(k)];
            const std::uint32_t v = first + std::uint32_t(k);
            positions[v] = f.centre + cs.x * f.pa + cs.y * f.pb;
            normals[v] = (cs.x * f.na + cs.y * f.nb) * f.inverseLength[std::size_t(kQuadrant[std::size_t(k)])];
            tints[v] = (k & 1) != 0 ? f.shaded : f.tissue;
        }
    }
    positions[capStart] = centres.front();
    normals[capStart] = glm::normalize(centres.front() - centres[1]);
    tints[capStart] = colours.tendon;
    positions[capEnd] = centres.back();
    normals[capEnd] = glm::normalize(centres.back() - centres[std::size_t(rings - 2)]);
    tints[capEnd] = colours.tendon;
}

void appendMuscleVolume(MeshData& mesh, const std::vector<glm::vec3>& path, const glm::vec3& coreA,
                        const glm::vec3& coreB, const MuscleVolumeProfile& profile,
                        const MuscleVolumeColours& colours) {
    std::vector<glm::vec3> points;
    distinctPoints(path, points);
    if (points.size() < 2) return;
    float rough = 0.0f;
    for (std::size_t i = 1; i < points.size(); ++i) rough += glm::distance(points[i - 1], points[i]);
    const int rings = muscleVolumeRings(profile.referenceLength > 0.0f ? profile.referenceLength : rough);
    const MeshPieceSlot slot = appendSlot(mesh, muscleVolumeSize(rings));
    writeMuscleVolume(mesh, slot, rings, points, coreA, coreB, profile, colours);
}

void writeAttachmentFootprint(MeshData& mesh, const MeshPieceSlot& slot, const glm::vec3& centre,
                              const glm::vec3& direction, float radius, const glm::vec3& colour) {
    // The rings run from the +axis pole to the -axis one, the handedness a tube's rings have.
    if (slot.writeIndices) writeTubeIndices(mesh, slot, kFootprintRings);
    const float length = glm::length(direction);
    const glm::vec3 axis = length > 1e-12f ? direction / length : glm::vec3(0.0f, 1.0f, 0.0f);
    const glm::vec3 e1 = anyPerpendicular(axis), e2 = glm::cross(axis, e1);
    std::uint32_t v = slot.firstVertex;
    for (const FootprintVertex& t : footprintTemplate()) {
        mesh.positions[v] = centre + radius * (t.position.x * e1 + t.position.y * e2 + t.position.z * axis);
        mesh.normals[v] = t.normal.x * e1 + t.normal.y * e2 + t.normal.z * axis;
        mesh.colours[v] = colour;
        ++v;
    }
}

void appendAttachmentFootprint(MeshData& mesh, const glm::vec3& centre, const glm::vec3& direction, float radius,
                               const glm::vec3& colour) {
    const MeshPieceSlot slot = appendSlot(mesh, attachmentFootprintSize());
    writeAttachmentFootprint(mesh, slot, centre, direction, radius, colour);
}

void appendTube(MeshData& mesh, const std::vector<glm::vec3>& path, int rings,
                const std::function<TubeSection(float)>& section) {
    PathScratch& work = scratch();  // nerves are rebuilt on every pose change too
    distinctPoints(path, work.distinct);
    if (work.distinct.size() < 2 || rings < 2) return;
    smoothThrough(work.distinct, work.smooth);
    resample(work.smooth, rings, work.along, work.centres);
    const std::vector<glm::vec3>& centres = work.centres;
    const MeshPieceSlot slot = appendSlot(mesh, muscleVolumeSize(rings));
    const std::uint32_t base = slot.firstVertex;
    writeTubeIndices(mesh, slot, rings);
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
        const glm::vec3 other = glm::cross(side, tangent);  // the handedness writeRingIndices expects
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
    const std::uint32_t capStart = base + std::uint32_t(rings * kSides), capEnd = capStart + 1;
    mesh.positions[capStart] = centres.front();
    mesh.normals[capStart] = glm::normalize(centres.front() - centres[1]);
    mesh.colours[capStart] = first.colour;
    mesh.positions[capEnd] = centres.back();
    mesh.normals[capEnd] = glm::normalize(centres.back() - centres[std::size_t(rings - 2)]);
    mesh.colours[capEnd] = last.colour;
}

}  // namespace lumbarlab
