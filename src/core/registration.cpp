#include "lumbarlab/core/registration.h"

#include <Eigen/Dense>
#include <Eigen/Geometry>
#include <nanoflann.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>

namespace lumbarlab {
namespace {

using Points = std::vector<glm::dvec3>;

/// nanoflann's view of a point vector (its interface fixes the names).
struct Cloud {
    const Points* points = nullptr;
    // NOLINTNEXTLINE(readability-identifier-naming)
    [[nodiscard]] std::size_t kdtree_get_point_count() const { return points->size(); }
    // NOLINTNEXTLINE(readability-identifier-naming)
    [[nodiscard]] double kdtree_get_pt(std::size_t i, std::size_t dim) const { return (*points)[i][int(dim)]; }
    template <class Box>
    // NOLINTNEXTLINE(readability-identifier-naming)
    bool kdtree_get_bbox(Box& /*box*/) const {
        return false;
    }
};
using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, 3, std::size_t>;

/// Nearest-neighbour queries over a fixed point set.
class Nearest {
public:
    explicit Nearest(const Points& points)
        : cloud_{&points}, tree_(3, cloud_, nanoflann::KDTreeSingleIndexAdaptorParams(12)) {
        tree_.buildIndex();
    }
    [[nodiscard]] std::size_t operator()(const glm::dvec3& p) const {
        std::size_t index = 0;
        double d2 = 0.0;
        const std::array<double, 3> q{p.x, p.y, p.z};
        tree_.knnSearch(q.data(), 1, &index, &d2);
        return index;
    }
    /// The indices of the `k` nearest points (fewer when there are fewer).
    [[nodiscard]] std::vector<std::size_t> several(const glm::dvec3& p, std::size_t k) const {
        k = std::min(k, cloud_.points->size());
        std::vector<std::size_t> index(k);
        std::vector<double> d2(k);
        const std::array<double, 3> q{p.x, p.y, p.z};
        index.resize(tree_.knnSearch(q.data(), k, index.data(), d2.data()));
        return index;
    }

private:
    Cloud cloud_;
    Tree tree_;
};

/// The closest point on triangle abc to p as barycentric weights (Ericson, Real-Time Collision
/// Detection, 5.1.5, in double precision).
glm::dvec3 closestWeights(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) {
    const glm::dvec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0 && d2 <= 0.0) return {1, 0, 0};
    const glm::dvec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0 && d4 <= d3) return {0, 1, 0};
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) {
        const double t = d1 / (d1 - d3);
        return {1 - t, t, 0};
    }
    const glm::dvec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0 && d5 <= d6) return {0, 0, 1};
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) {
        const double t = d2 / (d2 - d6);
        return {1 - t, 0, t};
    }
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0) {
        const double t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        return {0, 1 - t, t};
    }
    const double sum = va + vb + vc;
    if (!(sum > 0.0)) return {1, 0, 0};  // a degenerate triangle
    return {va / sum, vb / sum, vc / sum};
}

/// Closest points on a triangle surface: the triangles whose centroids are nearest the query are
/// tested exactly (a shortlist, so a far triangle may be missed and a distance over-estimated,
/// never under-estimated).
class SurfaceIndex {
public:
    static constexpr std::size_t kShortlist = 8;

    SurfaceIndex(const MeshData& mesh, const Similarity& s) {
        const std::size_t n = mesh.triangleCount();
        corners_.reserve(3 * n);
        centroids_.reserve(n);
        for (std::size_t t = 0; t < n; ++t) {
            glm::dvec3 c{0.0};
            for (int k = 0; k < 3; ++k) {
                corners_.push_back(s.apply(glm::dvec3(mesh.positions[mesh.indices[3 * t + std::size_t(k)]])));
                c += corners_.back();
            }
            centroids_.push_back(c / 3.0);
        }
        tree_ = std::make_unique<Nearest>(centroids_);
    }

    struct Hit {
        glm::dvec3 point{0.0};
        std::size_t triangle = 0;
        glm::dvec3 weights{1.0, 0.0, 0.0};
    };
    [[nodiscard]] Hit closest(const glm::dvec3& p) const {
        Hit best;
        double bestD2 = std::numeric_limits<double>::max();
        for (const std::size_t t : tree_->several(p, kShortlist)) {
            const glm::dvec3 w = closestWeights(p, corners_[3 * t], corners_[3 * t + 1], corners_[3 * t + 2]);
            const glm::dvec3 q = w.x * corners_[3 * t] + w.y * corners_[3 * t + 1] + w.z * corners_[3 * t + 2];
            const double d2 = glm::dot(q - p, q - p);
            if (d2 < bestD2) bestD2 = d2, best = Hit{q, t, w};
        }
        return best;
    }

    /// The point with a hit's triangle and weights on this surface.
    [[nodiscard]] glm::dvec3 pointOf(const Hit& hit) const {
        const std::size_t t = hit.triangle;
        return hit.weights.x * corners_[3 * t] + hit.weights.y * corners_[3 * t + 1] +
               hit.weights.z * corners_[3 * t + 2];
    }

private:
    Points corners_, centroids_;
    std::unique_ptr<Nearest> tree_;
};

/// Points spread over a surface: every vertex and every triangle's centroid, evenly strided to at most `most`.
Points surfaceSamples(const MeshData& mesh, std::size_t most) {
    Points all;
    all.reserve(mesh.positions.size() + mesh.triangleCount());
    for (const auto& p : mesh.positions) all.emplace_back(p);
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t)
        all.push_back((glm::dvec3(mesh.positions[mesh.indices[3 * t]]) +
                       glm::dvec3(mesh.positions[mesh.indices[3 * t + 1]]) +
                       glm::dvec3(mesh.positions[mesh.indices[3 * t + 2]])) /
                      3.0);
    const std::size_t step = std::max<std::size_t>(1, (all.size() + most - 1) / std::max<std::size_t>(most, 1));
    Points out;
    for (std::size_t i = 0; i < all.size(); i += step) out.push_back(all[i]);
    return out;
}

glm::dvec3 centroidOf(const Points& p) {
    glm::dvec3 c{0.0};
    for (const auto& q : p) c += q;
    return c / double(std::max<std::size_t>(p.size(), 1));
}

struct Principal {
    glm::dvec3 centroid{0.0};
    Eigen::Matrix3d axes;      ///< columns, largest spread first
    Eigen::Vector3d variance;  ///< per axis, descending
};

Principal principalOf(const Points& p) {
    Principal out;
    out.centroid = centroidOf(p);
    Eigen::Matrix3d cov = Eigen::Matrix3d::Zero();
    for (const auto& q : p) {
        const Eigen::Vector3d d(q.x - out.centroid.x, q.y - out.centroid.y, q.z - out.centroid.z);
        cov += d * d.transpose();
    }
    cov /= double(std::max<std::size_t>(p.size(), 1));
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(cov);  // ascending eigenvalues
    for (int i = 0; i < 3; ++i) {
        out.axes.col(i) = solver.eigenvectors().col(2 - i);
        out.variance(i) = solver.eigenvalues()(2 - i);
    }
    return out;
}

glm::dmat3 toGlm(const Eigen::Matrix3d& m) {
    glm::dmat3 out;
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < 3; ++r) out[c][r] = m(r, c);
    return out;
}

double rmsOfPairs(const Similarity& s, const Points& from, const Points& to) {
    double sum = 0.0;
    for (std::size_t i = 0; i < from.size(); ++i) {
        const glm::dvec3 d = s.apply(from[i]) - to[i];
        sum += glm::dot(d, d);
    }
    return std::sqrt(sum / double(std::max<std::size_t>(from.size(), 1)));
}

Similarity rigidPart(Similarity s, const Points& from, const Points& to) {
    // Refit with the scale pinned to 1: rotation from Umeyama, translation from the centroids.
    s.scale = 1.0;
    s.translation = centroidOf(to) - s.rotation * centroidOf(from);
    return s;
}

struct IcpRun {
    Similarity s;
    double rms = std::numeric_limits<double>::max();
    int iterations = 0;
    std::size_t pairs = 0;
};

/// Runs ICP from `start` for up to `iterations` steps. Pairs: each source sample with the closest
/// point on the target surface, and each target sample with the closest point on the moved source
/// surface (taken back to the source by its barycentric weights).
IcpRun runIcp(const MeshData& sourceMesh, const Points& source, const Points& target, const SurfaceIndex& onTarget,
              Similarity start, int iterations, const IcpOptions& options) {
    IcpRun run{start};
    Points from, to;
    from.reserve(source.size() + target.size());
    to.reserve(source.size() + target.size());
    const SurfaceIndex unmoved(sourceMesh, Similarity{});
    for (int it = 0; it < iterations; ++it) {
        const SurfaceIndex onSource(sourceMesh, run.s);
        from.clear();
        to.clear();
        for (const auto& p : source) {
            from.push_back(p);
            to.push_back(onTarget.closest(run.s.apply(p)).point);
        }
        for (const auto& t : target) {
            const SurfaceIndex::Hit hit = onSource.closest(t);
            from.push_back(unmoved.pointOf(hit));
            to.push_back(t);
        }
        const double before = rmsOfPairs(run.s, from, to);
        Similarity next = fitSimilarity(from, to);
        if (!options.allowScale) next = rigidPart(next, from, to);
        const double after = rmsOfPairs(next, from, to);
        run.s = next;
        run.rms = after;
        run.iterations = it + 1;
        run.pairs = from.size();
        if (before - after <= options.relativeChange * std::max(before, 1e-12)) break;
    }
    return run;
}

}  // namespace

glm::mat4 Similarity::matrix() const {
    glm::dmat4 m(scale * rotation);
    m[3] = glm::dvec4(translation, 1.0);
    return glm::mat4(m);
}

Similarity Similarity::after(const Similarity& first) const {
    Similarity out;
    out.rotation = rotation * first.rotation;
    out.scale = scale * first.scale;
    out.translation = scale * (rotation * first.translation) + translation;
    return out;
}

Similarity fitSimilarity(const Points& from, const Points& to) {
    if (from.size() != to.size()) throw RegistrationError("point lists of different lengths");
    if (from.size() < 3) throw RegistrationError("need at least 3 point pairs, got " + std::to_string(from.size()));
    for (const Points* set : {&from, &to}) {
        for (const auto& p : *set)
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
                throw RegistrationError("a point is not finite");
        const Principal pc = principalOf(*set);
        if (!(pc.variance(1) > 1e-12 * std::max(pc.variance(0), 1e-300)) || pc.variance(0) <= 0.0)
            throw RegistrationError("the points lie on one line or one point");
    }
    Eigen::Matrix3Xd a(3, from.size()), b(3, to.size());
    for (std::size_t i = 0; i < from.size(); ++i) {
        a.col(Eigen::Index(i)) = Eigen::Vector3d(from[i].x, from[i].y, from[i].z);
        b.col(Eigen::Index(i)) = Eigen::Vector3d(to[i].x, to[i].y, to[i].z);
    }
    const Eigen::Matrix4d t = Eigen::umeyama(a, b, true);
    Similarity s;
    const Eigen::Matrix3d sr = t.topLeftCorner<3, 3>();
    s.scale = std::cbrt(sr.determinant());
    if (!(s.scale > 0.0) || !std::isfinite(s.scale)) throw RegistrationError("degenerate fit");
    s.rotation = toGlm(sr / s.scale);
    s.translation = glm::dvec3(t(0, 3), t(1, 3), t(2, 3));
    return s;
}

double rmsError(const Similarity& s, const Points& from, const Points& to) {
    return rmsOfPairs(s, from, to);
}

double surfaceResidual(const MeshData& source, const MeshData& target, const Similarity& s) {
    const SurfaceIndex onTarget(target, Similarity{});
    const SurfaceIndex onSource(source, s);
    double sum = 0.0;
    for (const auto& v : source.positions) {
        const glm::dvec3 p = s.apply(glm::dvec3(v));
        const glm::dvec3 d = onTarget.closest(p).point - p;
        sum += glm::dot(d, d);
    }
    for (const auto& v : target.positions) {
        const glm::dvec3 d = onSource.closest(glm::dvec3(v)).point - glm::dvec3(v);
        sum += glm::dot(d, d);
    }
    return std::sqrt(sum / double(std::max<std::size_t>(source.positions.size() + target.positions.size(), 1)));
}

SurfaceRegistration registerSurfaces(const MeshData& source, const MeshData& target, const IcpOptions& options) {
    if (source.positions.size() < 3 || target.positions.size() < 3)
        throw RegistrationError("a mesh to register has fewer than 3 vertices");
    if (source.triangleCount() == 0 || target.triangleCount() == 0)
        throw RegistrationError("a mesh to register has no triangles");
    const Points src = surfaceSamples(source, options.maxPoints);
    const Points tgt = surfaceSamples(target, options.maxPoints);
    // The starts are told apart on a quarter of the points: enough to see which one is right.
    const Points probeSrc = surfaceSamples(source, options.maxPoints / 4);
    const Points probeTgt = surfaceSamples(target, options.maxPoints / 4);
    const Principal ps = principalOf(src), pt = principalOf(tgt);
    if (!(ps.variance(1) > 0.0) || !(pt.variance(1) > 0.0)) throw RegistrationError("a mesh to register is flat");
    const double scale = options.allowScale ? std::sqrt(pt.variance.sum() / ps.variance.sum()) : 1.0;

    std::vector<Similarity> starts;
    auto startWith = [&](const Eigen::Matrix3d& rotation) {
        Similarity s;
        s.rotation = toGlm(rotation);
        s.scale = scale;
        s.translation = pt.centroid - scale * (s.rotation * ps.centroid);
        starts.push_back(s);
    };
    startWith(Eigen::Matrix3d::Identity());
    for (int signs = 0; signs < 8; ++signs) {
        const Eigen::Vector3d d((signs & 1) ? -1.0 : 1.0, (signs & 2) ? -1.0 : 1.0, (signs & 4) ? -1.0 : 1.0);
        const Eigen::Matrix3d r = pt.axes * d.asDiagonal() * ps.axes.transpose();
        if (r.determinant() > 0.0) startWith(r);  // proper rotations only: no mirror images
    }

    const SurfaceIndex onTarget(target, Similarity{});
    constexpr int kProbeIterations = 15;
    // Each start runs a little; the one whose surfaces lie closest (the true residual, not the
    // pairs' RMS, which depends on the sampling) goes on to convergence.
    IcpRun best;
    double bestResidual = std::numeric_limits<double>::max();
    for (const Similarity& start : starts) {
        const IcpRun run = runIcp(source, probeSrc, probeTgt, onTarget, start, kProbeIterations, options);
        const double residual = surfaceResidual(source, target, run.s);
        if (residual < bestResidual) bestResidual = residual, best = run;
    }
    const IcpRun final = runIcp(source, src, tgt, onTarget, best.s, options.iterations, options);
    SurfaceRegistration out;
    out.transform = final.s;
    out.iterations = kProbeIterations + final.iterations;
    out.startsTried = int(starts.size());
    out.pointsUsed = final.pairs;
    out.rmsMetres = surfaceResidual(source, target, out.transform);
    return out;
}

}  // namespace lumbarlab
