#include "lumbarlab/biomech/tightness.h"

#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/anatomy/muscle_shapes.h"
#include "lumbarlab/core/file_error.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr double kSolveMaxDeg = 40.0;      // the pelvis never tilts further forward than this to balance the pull
constexpr double kMomentArmStepDeg = 0.5;  // half-width of the hip-flexion finite difference for moment arms
constexpr int kBisections = 40;

/// The forward tilt that keeps feet, thighs and trunk where they were: pelvis forward, hips
/// flexed by the same angle (thighs stay vertical), lumbar spine extended by it (trunk upright).
Coordinates tilted(Coordinates values, double deg) {
    values["pelvis_tilt"] += deg;
    values["hip_flexion_r"] += deg;
    values["hip_flexion_l"] += deg;
    values["lumbar_flexion"] -= deg;
    return values;
}

double valueOr(const Coordinates& values, const char* name) {
    const auto it = values.find(name);
    return it == values.end() ? 0.0 : it->second;
}

}  // namespace

PassiveMuscleParameters loadPassiveMuscleParameters(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const JsonValue<> root = doc.root();
    auto sourced = [](const JsonValue<>& entry, const NumberRange& range) {
        (void)entry["source"].string();
        return entry["value"].number(range);
    };
    PassiveMuscleParameters p;
    p.specificTensionNPerCm2 = sourced(root["specific_tension_n_per_cm2"], NumberRange::between(10.0, 200.0));
    p.shapeFactor = sourced(root["passive_shape_factor"], NumberRange::between(0.5, 20.0));
    p.strainAtFmax = sourced(root["passive_strain_at_fmax"], NumberRange::between(0.1, 2.0));
    const JsonValue<> hip = root["hip_extension_stiffness"];
    (void)hip["source"].string();
    p.hipExtA = hip["a"].number(NumberRange::between(-10.0, 10.0));
    p.hipExtB = hip["b_per_deg_hip"].number(NumberRange::between(0.001, 1.0));  // 0: nothing would resist
    p.hipExtC = hip["c_per_deg_knee"].number(NumberRange::between(0.0, 1.0));
    const JsonValue<> group = root["groups"][kTightnessGroup];
    (void)group["source"].string();
    const JsonValue<> muscles = group["muscles"];
    muscles.requireArray(1);
    for (const auto& m : muscles.elements()) p.muscles.push_back(m.string());
    return p;
}

double thelenPassiveForce(double normalisedLength, const PassiveMuscleParameters& p) {
    if (!(normalisedLength > 1.0)) return 0.0;
    return (std::exp(p.shapeFactor * (normalisedLength - 1.0) / p.strainAtFmax) - 1.0) /
           (std::exp(p.shapeFactor) - 1.0);
}

double TightnessState::muscleForceN(const MuscleModel& model, std::size_t muscle, BodySide side) const {
    double sum = 0.0;
    for (std::size_t i = 0; i < model.set().paths.size() && i < pathForcesN.size(); ++i) {
        const auto& path = model.set().paths[i];
        if (path.muscle == muscle && path.side == side) sum += pathForcesN[i];
    }
    return sum;
}

HipFlexorTightness::HipFlexorTightness(const MuscleModel& model, PassiveMuscleParameters parameters,
                                       std::vector<double> fmaxN)
    : model_(model), p_(std::move(parameters)) {
    const MuscleSet& set = model.set();
    const std::filesystem::path& file = set.file;
    const Posture* standing = model.data().findPosture(set.referencePosture);
    if (!standing) throw FileError(file, "no reference posture '" + set.referencePosture + "' for tight muscles");
    standingLengths_ = model.lengthsAt(standing->at(0.0));
    fmaxPerPath_.assign(set.paths.size(), 0.0);
    loptPerPath_.assign(set.paths.size(), 0.0);
    for (const std::string& id : p_.muscles) {
        const MuscleDefinition* m = set.find(id);
        if (!m) throw FileError(file, "tightness group hip_flexors names '" + id + "', which is not a muscle");
        const auto index = std::size_t(m - set.muscles.data());
        if (index >= fmaxN.size() || !(fmaxN[index] > 0.0))
            throw FileError(file, "muscle '" + id + "' needs a PCSA (shapes.json) to carry passive force");
        if (!(m->optimalFibreLengthM > 0.0))
            throw FileError(file, "muscle '" + id + "' needs an optimal fibre length to carry passive force");
        for (std::size_t i = 0; i < set.paths.size(); ++i)
            if (set.paths[i].muscle == index) {
                fmaxPerPath_[i] = fmaxN[index] / double(std::max<std::size_t>(set.fascicleCounts[index], 1));
                loptPerPath_[i] = m->optimalFibreLengthM;
            }
    }
}

std::vector<float> HipFlexorTightness::forces(const std::vector<float>& lengths, double percent) const {
    std::vector<float> out(lengths.size(), 0.0f);
    if (!(percent > 0.0)) return out;
    const double scale = 1.0 - percent / 100.0;
    for (std::size_t i = 0; i < out.size() && i < fmaxPerPath_.size(); ++i) {
        if (fmaxPerPath_[i] <= 0.0) continue;
        // Rigid tendon: the fibre takes the whole change of path length from standing, where it
        // sits at its (untightened) optimal length; tightness shortens that length by `percent`.
        const double fibre = loptPerPath_[i] + double(lengths[i] - standingLengths_[i]);
        out[i] = float(fmaxPerPath_[i] * thelenPassiveForce(fibre / (loptPerPath_[i] * scale), p_));
    }
    return out;
}

double HipFlexorTightness::flexorMoment(const Coordinates& values, double percent) const {
    const std::vector<float> f = forces(model_.lengthsAt(values), percent);
    double moment = 0.0;
    for (const BodySide side : {BodySide::Right, BodySide::Left}) {
        const std::string hip = std::string("hip_flexion_") + sideSuffix(side);
        Coordinates up = values, down = values;
        up[hip] += kMomentArmStepDeg;
        down[hip] -= kMomentArmStepDeg;
        const std::vector<float> lu = model_.lengthsAt(up), ld = model_.lengthsAt(down);
        const double dq = glm::radians(2.0 * kMomentArmStepDeg);
        for (std::size_t i = 0; i < f.size(); ++i)
            if (f[i] > 0.0f && model_.set().paths[i].side == side) moment += double(f[i]) * -(lu[i] - ld[i]) / dq;
    }
    return moment;
}

double HipFlexorTightness::extensionMoment(const Coordinates& values) const {
    double m = 0.0;
    for (const char* s : {"r", "l"}) {
        const double hip = valueOr(values, (std::string("hip_flexion_") + s).c_str());
        const double knee = valueOr(values, (std::string("knee_angle_") + s).c_str());
        m += std::exp(p_.hipExtA + p_.hipExtB * hip - p_.hipExtC * knee);
    }
    return m;
}

TightnessState HipFlexorTightness::evaluate(const Coordinates& values, double percent, bool standing) const {
    TightnessState s;
    s.percent = percent;
    s.values = values;
    if (!(percent > 0.0)) {
        s.pathForcesN.assign(model_.set().paths.size(), 0.0f);
        return s;
    }
    if (standing) {
        // Net passive moment at the hips as the pelvis tilts forward by `deg`: the flexors' pull
        // falls as they shorten, the extension side's resistance rises from where it was.
        const double rest = extensionMoment(values);
        auto net = [&](double deg) {
            const Coordinates v = tilted(values, deg);
            return flexorMoment(v, percent) - (extensionMoment(v) - rest);
        };
        double lo = 0.0, hi = kSolveMaxDeg;
        if (net(lo) <= 0.0) {
            hi = 0.0;
        } else if (net(hi) > 0.0) {
            lo = hi;
        } else {
            for (int i = 0; i < kBisections; ++i) {
                const double mid = 0.5 * (lo + hi);
                (net(mid) > 0.0 ? lo : hi) = mid;
            }
        }
        s.pelvicTiltChangeDeg = 0.5 * (lo + hi);
        s.values = tilted(values, s.pelvicTiltChangeDeg);
        s.solved = true;
        s.hipExtensionMomentNm = extensionMoment(s.values) - rest;
    }
    s.pathForcesN = forces(model_.lengthsAt(s.values), percent);
    s.hipFlexionMomentNm = flexorMoment(s.values, percent);
    return s;
}

std::vector<MusclePull> HipFlexorTightness::lumbarPulls(const SkeletonFrames& frames,
                                                        const TightnessState& state) const {
    std::vector<MusclePull> pulls;
    const MuscleSet& set = model_.set();
    PathGeometry geometry;
    for (std::size_t i = 0; i < set.paths.size() && i < state.pathForcesN.size(); ++i) {
        if (state.pathForcesN[i] <= 0.0f) continue;
        const auto& crosses = set.muscles[set.paths[i].muscle].crosses;
        if (std::find(crosses.begin(), crosses.end(), "lumbar spine") == crosses.end()) continue;
        solveMusclePath(set.paths[i], frames, state.values, geometry);
        MusclePull pull;
        pull.forceN = state.pathForcesN[i];
        for (const PathVertex& v : geometry.vertices) pull.path.push_back(v.world);
        pulls.push_back(std::move(pull));
    }
    return pulls;
}

HipFlexorTightness loadHipFlexorTightness(const MuscleModel& model, const std::filesystem::path& assetDir) {
    PassiveMuscleParameters p = loadPassiveMuscleParameters(assetDir / "biomech" / "passive_muscle.json");
    const std::vector<MuscleShape> shapes = loadMuscleShapes(assetDir / "muscles" / "shapes.json", model.set());
    std::vector<double> fmax;
    fmax.reserve(shapes.size());
    for (const MuscleShape& shape : shapes) fmax.push_back(shape.pcsaCm2 * p.specificTensionNPerCm2);
    return {model, std::move(p), std::move(fmax)};
}

bool isStandingPosture(const Posture& posture) {
    return !posture.isMotion() && posture.groundFeet && !posture.supported && posture.props.empty() &&
           posture.groundHeight == 0.0;
}

}  // namespace lumbarlab
