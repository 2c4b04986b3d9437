#include "lumbarlab/core/cavity_occlusion.h"
#include "lumbarlab/core/muscle_volume.h"
#include "lumbarlab/core/primitives.h"

#include <catch2/catch.hpp>
#include <glm/gtc/constants.hpp>

#include <map>
#include <utility>

using namespace lumbarlab;

namespace {
/// Every undirected edge is shared by exactly two triangles, once in each direction.
bool isClosedManifold(const MeshData& m) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
    for (std::size_t t = 0; t < m.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) ++directed[{m.indices[t + e], m.indices[t + (e + 1) % 3]}];
    for (const auto& [edge, count] : directed) {
        if (count != 1) return false;
        if (!directed.contains({edge.second, edge.first})) return false;
    }
    return true;
}
}  // namespace

TEST_CASE("mesh: sphere is closed, outward and has the right volume", "[mesh]") {
    const MeshData s = makeSphere(0.1f, 48, 96);
    REQUIRE(s.isConsistent());
    CHECK(isClosedManifold(s));
    const double exact = 4.0 / 3.0 * glm::pi<double>() * 0.001;
    CHECK(signedVolume(s) == Approx(exact).epsilon(0.01));
    CHECK(s.bounds().size().y == Approx(0.2f));
}

TEST_CASE("mesh: torus is closed and outward, cylinder volume", "[mesh]") {
    const MeshData t = makeTorus(0.1f, 0.03f, 64, 32);
    CHECK(isClosedManifold(t));
    const double exact = 2.0 * glm::pi<double>() * glm::pi<double>() * 0.1 * 0.03 * 0.03;
    CHECK(signedVolume(t) == Approx(exact).epsilon(0.02));
    const MeshData c = makeCylinder(0.05f, 0.2f, 64);
    CHECK(signedVolume(c) == Approx(glm::pi<double>() * 0.0025 * 0.2).epsilon(0.01));
    CHECK(signedVolume(makeBox({0.1f, 0.2f, 0.3f})) == Approx(0.006).epsilon(1e-4));
}

TEST_CASE("mesh: smooth normals of a sphere point outward", "[mesh]") {
    MeshData s = makeSphere(0.5f, 16, 32);
    computeSmoothNormals(s);
    for (std::size_t i = 0; i < s.positions.size(); ++i)
        REQUIRE(glm::dot(s.normals[i], glm::normalize(s.positions[i])) > 0.98f);
}

TEST_CASE("mesh: cavity occlusion darkens the inside of a torus, not a sphere", "[mesh]") {
    MeshData sphere = makeSphere(0.05f, 24, 48);
    computeCavityOcclusion(sphere);
    for (float o : sphere.occlusion) REQUIRE(o == Approx(1.0f));

    // On a torus the inner equator (nearest the axis) is saddle-shaped and enclosed: darker
    // than the outer equator, which is convex.
    MeshData torus = makeTorus(0.05f, 0.04f, 64, 32);
    computeCavityOcclusion(torus, 0.01f);
    float inner = 1.0f, outer = 0.0f;
    for (std::size_t i = 0; i < torus.positions.size(); ++i) {
        const float radial = glm::length(glm::vec2(torus.positions[i].x, torus.positions[i].z));
        if (radial < 0.0105f) inner = std::min(inner, torus.occlusion[i]);
        if (radial > 0.0895f) outer = std::max(outer, torus.occlusion[i]);
    }
    INFO("inner " << inner << " outer " << outer);
    CHECK(outer == Approx(1.0f));
    CHECK(inner < 0.95f);
}

TEST_CASE("mesh: bounds transform with the object", "[mesh]") {
    Bounds b;
    CHECK(b.empty());
    b.include(glm::vec3{-1, -1, -1});
    b.include(glm::vec3{1, 1, 1});
    glm::mat4 m{1.0f};
    m[3] = glm::vec4(10, 0, 0, 1);
    const Bounds t = b.transformed(m);
    CHECK(t.centre().x == Approx(10.0f));
    CHECK(t.radius() == Approx(std::sqrt(3.0f)));
}

TEST_CASE("muscle volume: closed, outward, its belly keeps its volume and thickens when short", "[mesh][muscles]") {
    MuscleVolumeProfile profile;
    profile.kind = MuscleShapeKind::Spindle;
    profile.bellyVolume = 100e-6f;  // 100 cm^3
    profile.referenceLength = 0.30f;
    profile.tendonOriginFraction = 0.1f;
    profile.tendonInsertionFraction = 0.15f;
    profile.tendonRadius = 0.003f;
    const MuscleVolumeColours colours;
    const glm::vec3 coreA{0, 0, 0}, coreB{0, 1, 0};
    // A bent path with a kink at a via point, at its resting length and 20 % shorter.
    auto path = [](float scale) {
        return std::vector<glm::vec3>{{0.1f, 0.3f * scale, 0.0f}, {0.12f, 0.12f * scale, 0.01f}, {0.1f, 0.0f, 0.03f}};
    };
    auto build = [&](float scale) {
        MeshData m;
        appendMuscleVolume(m, path(scale), coreA, coreB, profile, colours);
        return m;
    };
    const MeshData rest = build(1.0f), shortened = build(0.8f);
    REQUIRE(rest.isConsistent());
    CHECK(isClosedManifold(rest));
    CHECK(isClosedManifold(shortened));
    // Tendons: two cylinders of the tendon radius over their lengths; the rest is belly.
    auto length = [](const std::vector<glm::vec3>& p) { return glm::distance(p[0], p[1]) + glm::distance(p[1], p[2]); };
    const double tendon = glm::pi<double>() * 0.003 * 0.003 * 0.25 * 0.30;
    const double restBelly = signedVolume(rest) - tendon, shortBelly = signedVolume(shortened) - tendon;
    INFO("path lengths " << length(path(1.0f)) << " and " << length(path(0.8f)) << " m");
    CHECK(restBelly > 0.0);
    CHECK(restBelly == Approx(100e-6).epsilon(0.08));  // smoothing and faceting shave a few percent
    CHECK(shortBelly == Approx(restBelly).epsilon(0.05));
    // Thicker when short: the widest ring of the shortened belly is wider.
    auto widest = [](const MeshData& m) {
        float best = 0.0f;
        for (const glm::vec3& p : m.positions) best = std::max(best, std::hypot(p.x - 0.11f, p.z - 0.015f));
        return best;
    };
    CHECK(widest(shortened) > widest(rest));
    // A fan is flat: wider across than thick near its origin.
    profile.kind = MuscleShapeKind::Fan;
    CHECK(crossSectionAspect(MuscleShapeKind::Fan, 0.1f) > 3.0f);
    CHECK(crossSectionAspect(MuscleShapeKind::Fan, 1.0f) < 1.5f);
    MeshData fan;
    appendMuscleVolume(fan, path(1.0f), coreA, coreB, profile, colours);
    CHECK(isClosedManifold(fan));
    CHECK(signedVolume(fan) - tendon == Approx(100e-6).epsilon(0.08));
}

TEST_CASE("tube: closed and outward, the volume of its sections, colour and radius along it", "[mesh][nerves]") {
    // A straight 10 cm tube of 2 mm radius with a swelling to 4 mm in its middle fifth.
    const std::vector<glm::vec3> path{{0, 0, 0}, {0, 0.05f, 0}, {0, 0.1f, 0}};
    const glm::vec3 plain{1, 1, 0}, swollen{1, 0, 0};
    auto section = [&](float u) {
        const bool middle = u > 0.4f && u < 0.6f;
        return TubeSection{middle ? 0.004f : 0.002f, middle ? swollen : plain};
    };
    MeshData tube;
    appendTube(tube, path, 41, section);
    REQUIRE(tube.isConsistent());
    CHECK(isClosedManifold(tube));
    // 12-sided rings: a polygon's area is (12/2) sin(30 deg) r^2 = 3 r^2 of pi r^2.
    const double thin = 3.0 * 0.002 * 0.002, thick = 3.0 * 0.004 * 0.004;
    const double expected = thin * 0.1 + (thick - thin) * 0.02;  // ramps make it approximate
    CHECK(signedVolume(tube) == Approx(expected).epsilon(0.15));
    float widestSwollen = 0.0f, widestPlain = 0.0f;
    for (std::size_t v = 0; v < tube.positions.size(); ++v) {
        const float r = std::hypot(tube.positions[v].x, tube.positions[v].z);
        if (tube.colours[v] == swollen) widestSwollen = std::max(widestSwollen, r);
        if (tube.colours[v] == plain) widestPlain = std::max(widestPlain, r);
        if (tube.colours[v] == swollen) CHECK(std::abs(tube.positions[v].y - 0.05f) < 0.011f);
    }
    CHECK(widestSwollen == Approx(0.004f).margin(1e-5));
    CHECK(widestPlain == Approx(0.002f).margin(1e-5));
    // Too few points or rings: nothing is added.
    MeshData none;
    appendTube(none, {{0, 0, 0}}, 10, section);
    appendTube(none, path, 1, section);
    CHECK(none.positions.empty());
}
