// Similarity registration: the closed-form fit of point pairs and ICP on surfaces, recovering
// transforms made on purpose.

#include "lumbarlab/core/registration.h"
#include "lumbarlab/io/mesh_loader.h"
#include "mesh_files.h"

#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <random>

using namespace lumbarlab;

namespace {

Similarity makeSimilarity(double degrees, glm::dvec3 axis, double scale, glm::dvec3 translation) {
    Similarity s;
    s.rotation = glm::dmat3(glm::rotate(glm::dmat4(1.0), glm::radians(degrees), glm::normalize(axis)));
    s.scale = scale;
    s.translation = translation;
    return s;
}

/// Largest difference between two similarities' action on the corners of a box of `size` metres.
double largestDifference(const Similarity& a, const Similarity& b, double size) {
    double worst = 0.0;
    for (int i = 0; i < 8; ++i) {
        const glm::dvec3 p{(i & 1) ? size : -size, (i & 2) ? size : -size, (i & 4) ? size : -size};
        worst = std::max(worst, glm::length(a.apply(p) - b.apply(p)));
    }
    return worst;
}

MeshData moved(const MeshData& mesh, const Similarity& s) {
    MeshData out = mesh;
    for (auto& p : out.positions) p = glm::vec3(s.apply(glm::dvec3(p)));
    return out;
}

}  // namespace

TEST_CASE("registration: Umeyama recovers a known similarity from point pairs", "[registration]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-0.2, 0.2);
    std::vector<glm::dvec3> from(40), to;
    for (auto& p : from) p = {u(rng), u(rng), u(rng)};
    const Similarity truth = makeSimilarity(137.0, {0.3, -1.0, 0.4}, 1.37, {0.05, -0.9, 0.21});
    for (const auto& p : from) to.push_back(truth.apply(p));
    const Similarity fit = fitSimilarity(from, to);
    CHECK(fit.scale == Approx(1.37).epsilon(1e-12));
    CHECK(largestDifference(fit, truth, 0.3) < 1e-12);
    CHECK(rmsError(fit, from, to) < 1e-13);
    CHECK(glm::determinant(fit.rotation) == Approx(1.0));

    // Three pairs are enough; noise of 1 mm gives an RMS of about that size.
    std::normal_distribution<double> noise(0.0, 0.001);
    std::vector<glm::dvec3> noisy = to;
    for (auto& p : noisy) p += glm::dvec3(noise(rng), noise(rng), noise(rng));
    const double rms = rmsError(fitSimilarity(from, noisy), from, noisy);
    CHECK(rms > 0.0011);  // about sqrt(3 (1 - 7/120)) = 1.68 mm: 1 mm per axis less the fitted freedom
    CHECK(rms < 0.0022);
    CHECK_NOTHROW(fitSimilarity({from[0], from[1], from[2]}, {to[0], to[1], to[2]}));
}

TEST_CASE("registration: too few or collinear pairs are refused", "[registration]") {
    const std::vector<glm::dvec3> line{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {3, 0, 0}};
    const std::vector<glm::dvec3> plane{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}};
    CHECK_THROWS_AS(fitSimilarity(line, plane), RegistrationError);
    CHECK_THROWS_AS(fitSimilarity({{0, 0, 0}, {1, 0, 0}}, {{0, 0, 0}, {1, 0, 0}}), RegistrationError);
    CHECK_THROWS_AS(fitSimilarity(plane, {{0, 0, 0}}), RegistrationError);
    CHECK_NOTHROW(fitSimilarity(plane, plane));  // coplanar points fix a rotation
}

TEST_CASE("registration: composition", "[registration]") {
    const Similarity a = makeSimilarity(30.0, {0, 0, 1}, 2.0, {1, 0, 0});
    const Similarity b = makeSimilarity(-70.0, {1, 1, 0}, 0.5, {0, 2, -1});
    const glm::dvec3 p{0.3, -0.2, 0.9};
    const glm::dvec3 viaBoth = b.apply(a.apply(p));
    const glm::dvec3 composed = b.after(a).apply(p);
    CHECK(glm::length(viaBoth - composed) < 1e-12);
    const glm::dvec3 viaMatrix = glm::dvec3(glm::dmat4(b.matrix()) * glm::dvec4(p, 1.0));
    CHECK(glm::length(viaMatrix - b.apply(p)) < 1e-6);
}

TEST_CASE("registration: ICP recovers a known similarity of a real femur", "[registration]") {
    const MeshData femur = loadMeshWithAssimp(test::testMesh("r_femur.stl"));
    // Rotations far past what plain ICP survives: the principal-axis starts must find them.
    const Similarity cases[] = {
        makeSimilarity(25.0, {1, 0.2, 0}, 1.0, {0.01, 0.02, -0.03}),
        makeSimilarity(160.0, {0.2, 0.3, 1.0}, 1.25, {0.3, -0.1, 0.05}),
        makeSimilarity(95.0, {1, 0, 0}, 0.8, {-0.2, 0.9, 0.1}),
        makeSimilarity(180.0, {0, 1, 0}, 1000.0, {0, 0, 0}),  // metres to millimetres, turned round
    };
    for (const Similarity& truth : cases) {
        INFO("scale " << truth.scale);
        const MeshData target = moved(femur, truth);
        const SurfaceRegistration r = registerSurfaces(femur, target);
        CHECK(r.transform.scale == Approx(truth.scale).epsilon(1e-5));
        CHECK(largestDifference(r.transform, truth, 0.25) < 1e-5 * truth.scale);
        CHECK(r.rmsMetres < 1e-6 * truth.scale);
        CHECK(r.startsTried == 5);
    }
}

TEST_CASE("registration: rigid ICP keeps the scale at 1", "[registration]") {
    const MeshData femur = loadMeshWithAssimp(test::testMesh("r_femur.stl"));
    const Similarity truth = makeSimilarity(40.0, {0, 0, 1}, 1.0, {0.05, 0, 0});
    IcpOptions rigid;
    rigid.allowScale = false;
    const SurfaceRegistration r = registerSurfaces(femur, moved(femur, truth), rigid);
    CHECK(r.transform.scale == 1.0);
    CHECK(largestDifference(r.transform, truth, 0.25) < 1e-5);
}

TEST_CASE("registration: a different bone leaves a residual that says so", "[registration]") {
    const MeshData femur = loadMeshWithAssimp(test::testMesh("r_femur.stl"));
    const MeshData pelvis = loadMeshWithAssimp(test::testMesh("r_pelvis.stl"));
    const SurfaceRegistration r = registerSurfaces(pelvis, femur);
    CHECK(r.rmsMetres > 0.01);  // centimetres, not the sub-micrometre of the same surface
}
