#include "lumbarlab/biomech/muscle_model.h"

#include "lumbarlab/core/file_error.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

namespace lumbarlab {
namespace {

/// Step for the kinematic derivative (degrees): small enough to be linear, large enough for floats.
constexpr double kStepDeg = 0.5;

/// How fast each frame's transform changes per radian of one coordinate.
std::map<std::string, glm::mat4> frameRates(const ModelData& data, const Coordinates& values,
                                            const std::string& coordinate) {
    Coordinates plus = values, minus = values;
    plus[coordinate] += kStepDeg;
    minus[coordinate] -= kStepDeg;
    const SkeletonFrames a = data.kinematics->solve(data.poseFor(plus));
    const SkeletonFrames b = data.kinematics->solve(data.poseFor(minus));
    const float perRadian = 1.0f / static_cast<float>(2.0 * glm::radians(kStepDeg));
    std::map<std::string, glm::mat4> rates;
    for (const auto& [name, m] : a.world) rates[name] = (m - b.of(name)) * perRadian;
    return rates;
}

bool sameRate(const glm::mat4& a, const glm::mat4& b) {
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r)
            if (std::abs(a[c][r] - b[c][r]) > 1e-5f) return false;
    return true;
}

/// -dL/dq by virtual work; nullopt if the path does not cross the coordinate (all its frames move alike).
std::optional<double> momentArmFromRates(const PathGeometry& g, const std::map<std::string, glm::mat4>& rates) {
    static const glm::mat4 still(0.0f);
    auto rateOf = [&](const std::string* frame) -> const glm::mat4& {
        const auto it = rates.find(*frame);
        return it == rates.end() ? still : it->second;
    };
    bool crosses = false;
    const glm::mat4& first = rateOf(g.vertices.front().frame);
    for (const PathVertex& v : g.vertices)
        if (!sameRate(rateOf(v.frame), first)) {
            crosses = true;
            break;
        }
    if (!crosses) return std::nullopt;
    double rate = 0.0;
    for (std::size_t i = 0; i + 1 < g.vertices.size(); ++i) {
        const PathVertex& a = g.vertices[i];
        const PathVertex& b = g.vertices[i + 1];
        const glm::vec3 d = b.world - a.world;
        const float len = glm::length(d);
        if (len < 1e-9f) continue;
        const glm::vec3 va(rateOf(a.frame) * glm::vec4(a.local, 1.0f));
        const glm::vec3 vb(rateOf(b.frame) * glm::vec4(b.local, 1.0f));
        rate += glm::dot(d / len, vb - va);
    }
    return -rate;
}

}  // namespace

std::vector<std::string> momentArmColumns() {
    return {"hip_flexion",    "hip_adduction",  "hip_rotation",   "knee_angle",
            "lumbar_flexion", "lumbar_bending", "lumbar_rotation"};
}

std::vector<std::string> momentArmCoordinates(BodySide side) {
    std::vector<std::string> out;
    for (const std::string& c : momentArmColumns())
        out.push_back(c.rfind("lumbar", 0) == 0 ? c : c + "_" + sideSuffix(side));
    return out;
}

MuscleModel::MuscleModel(const ModelData& data, MuscleSet set) : data_(data), set_(std::move(set)) {
    try {
        setReferencePosture(set_.referencePosture);
    } catch (const std::invalid_argument& e) {
        throw FileError(set_.file, e.what());
    }
    // Lengths are reported as a change against the reference: a path with no length there (origin on
    // its insertion) would divide by zero.
    for (std::size_t i = 0; i < reference_.size(); ++i)
        if (!(reference_[i] >= 1e-3f) || !std::isfinite(reference_[i]))
            throw FileError(set_.file, "fascicle '" + set_.paths[i].fascicle + "' (" + sideSuffix(set_.paths[i].side) +
                                           ") is " + std::to_string(reference_[i]) + " m long in '" +
                                           set_.referencePosture + "': a path needs at least 1 mm");
}

void MuscleModel::setReferencePosture(const std::string& postureId) {
    const Posture* posture = data_.findPosture(postureId);
    if (!posture)
        throw std::invalid_argument("unknown reference posture '" + postureId + "' (one of: " + data_.postureIds() +
                                    ")");
    reference_ = lengthsAt(posture->at(0.0));
    referenceName_ = postureId;
}

void MuscleModel::solve(const SkeletonFrames& frames, const Coordinates& values, std::vector<PathGeometry>& out) const {
    out.resize(set_.paths.size());
    for (std::size_t i = 0; i < set_.paths.size(); ++i) solveMusclePath(set_.paths[i], frames, values, out[i]);
}

void MuscleModel::lengths(const SkeletonFrames& frames, const Coordinates& values, std::vector<float>& out) const {
    thread_local PathGeometry scratch;
    out.resize(set_.paths.size());
    for (std::size_t i = 0; i < set_.paths.size(); ++i) {
        solveMusclePath(set_.paths[i], frames, values, scratch);
        out[i] = scratch.length;
    }
}

std::vector<float> MuscleModel::lengthsAt(const Coordinates& values) const {
    std::vector<float> out;
    lengths(data_.kinematics->solve(data_.poseFor(values)), values, out);
    return out;
}

WholeMuscle MuscleModel::wholeMuscle(const std::vector<float>& lengths, std::size_t muscle, BodySide side) const {
    WholeMuscle whole;
    for (std::size_t i = 0; i < set_.paths.size() && i < lengths.size(); ++i) {
        if (set_.paths[i].muscle != muscle || set_.paths[i].side != side) continue;
        whole.lengthM += lengths[i];
        whole.referenceM += reference_[i];
        ++whole.fascicles;
    }
    if (whole.fascicles == 0 || whole.referenceM <= 0.0) return whole;
    whole.changePct = 100.0 * (whole.lengthM - whole.referenceM) / whole.referenceM;
    whole.lengthM /= whole.fascicles;
    whole.referenceM /= whole.fascicles;
    return whole;
}

std::vector<std::vector<MomentArm>> MuscleModel::momentArms(const Coordinates& values) const {
    const SkeletonFrames frames = data_.kinematics->solve(data_.poseFor(values));
    std::vector<PathGeometry> geometry;
    solve(frames, values, geometry);
    std::vector<std::vector<MomentArm>> out(set_.paths.size());
    for (BodySide side : {BodySide::Right, BodySide::Left})
        for (const std::string& q : momentArmCoordinates(side)) {
            if (side == BodySide::Left && q.rfind("lumbar", 0) == 0) continue;  // side-free: done once
            const auto rates = frameRates(data_, values, q);
            for (std::size_t i = 0; i < set_.paths.size(); ++i) {
                const bool sideFree = q.rfind("lumbar", 0) == 0;
                if (!sideFree && set_.paths[i].side != side) continue;
                if (auto r = momentArmFromRates(geometry[i], rates)) out[i].push_back({q, *r});
            }
        }
    // Column order within each path, whatever order the solves ran in.
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto order = momentArmCoordinates(set_.paths[i].side);
        std::sort(out[i].begin(), out[i].end(), [&](const MomentArm& a, const MomentArm& b) {
            return std::find(order.begin(), order.end(), a.coordinate) <
                   std::find(order.begin(), order.end(), b.coordinate);
        });
    }
    return out;
}

std::vector<float> MuscleModel::lengtheningSpeeds(const Posture& posture, double time,
                                                  const Coordinates& overrides) const {
    std::vector<float> out(set_.paths.size(), 0.0f);
    if (!posture.isMotion()) return out;
    // Central difference over a short window, kept inside the motion at its ends.
    const double dt = 0.02;
    const double t0 = std::max(0.0, time - dt), t1 = std::min(posture.duration, time + dt);
    if (t1 <= t0) return out;
    auto at = [&](double t) {
        Coordinates v = posture.at(t);
        for (const auto& [k, x] : overrides) v[k] = x;
        return lengthsAt(v);
    };
    const std::vector<float> a = at(t0), b = at(t1);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<float>((b[i] - a[i]) / (t1 - t0));
    return out;
}

MuscleSet loadMuscleSetFor(const ModelData& data, const std::filesystem::path& assetDir) {
    std::vector<std::string> frames, coordinates;
    for (const auto& [name, m] : data.kinematics->solve(SkeletonPose{}).world) frames.push_back(name);
    for (const auto& spec : data.coordinates.specs()) coordinates.push_back(spec.name);
    return loadMuscleSet(assetDir / "muscles" / "muscles.json", data.skeleton, frames, coordinates);
}

}  // namespace lumbarlab
