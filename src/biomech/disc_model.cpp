#include "lumbarlab/biomech/disc_model.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr double kGravity = 9.81;
constexpr float kFarReach = 0.35f;   // arms held out: the load sits this far in front of the hands
constexpr float kPullReach = 0.12f;  // a muscle crossing a disc's plane further than this from its centre misses it

}  // namespace

DiscModelParameters loadDiscModelParameters(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const JsonValue<> root = doc.root();
    // Every entry is {"value": number, "source": "..."}, the number within its physical range.
    auto number = [](const JsonValue<>& entry, const NumberRange& range) {
        (void)entry["source"].string();
        return entry["value"].number(range);
    };
    auto scalar = [&](const char* key, const NumberRange& range) { return number(root[key], range); };
    auto perLevel = [&](const char* key, const NumberRange& range) {
        std::array<double, 6> out{};
        for (std::size_t i = 0; i < kDiscLevels.size(); ++i) out[i] = number(root[key][kDiscLevels[i]], range);
        return out;
    };
    using R = NumberRange;
    DiscModelParameters p;
    p.correctionFactor = scalar("correction_factor", R::positive(10.0));
    p.areaMm2 = perLevel("disc_area_mm2", R::between(100.0, 10000.0));  // adult lumbar discs: 1000-2500 mm2
    p.depthMm = perLevel("disc_depth_mm", R::between(5.0, 100.0));      // antero-posterior, about 30 mm
    p.extensorMomentArm = scalar("extensor_moment_arm_m", R::between(0.005, 0.3));
    p.flexorMomentArm = scalar("flexor_moment_arm_m", R::between(0.005, 0.3));
    p.restingToneN = scalar("resting_tone_n", R::nonNegative(5000.0));
    p.uprightCocontractionN = scalar("upright_cocontraction_n", R::nonNegative(5000.0));
    p.segmentRangeDeg = scalar("segment_range_deg", R::between(1.0, 90.0));
    p.nucleusShiftFraction = scalar("nucleus_shift_fraction", R::fraction());
    p.pressureGradientPerDeg = scalar("pressure_gradient_per_deg", R::nonNegative(1.0));
    p.bulgePerDegMm = scalar("bulge_per_deg_mm", R::nonNegative(10.0));
    p.posteriorAnnulusFraction = scalar("posterior_annulus_fraction", R::between(0.01, 1.0));
    p.rootWarningThreshold = scalar("root_warning_threshold", R::positive(10.0));
    return p;
}

DiscModel::DiscModel(DiscModelParameters parameters, const BodyFigure& body, std::array<float, 6> neutralLordosis)
    : p_(parameters), body_(body), neutral_(neutralLordosis) {}

std::array<DiscState, 6> DiscModel::evaluate(const SkeletonFrames& frames, const SkeletonPose& pose,
                                             const HandLoad& load, bool supported,
                                             const std::vector<MusclePull>& pulls) const {
    std::array<DiscState, 6> out{};
    const std::vector<SegmentMass> masses = body_.upperBodyMasses(frames, load.kg, load.far ? kFarReach : 0.0f);
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level) {
        DiscState& d = out[level];
        const glm::mat4& disc = frames.of(std::string("disc_") + kDiscLevels[level]);
        const glm::vec3 centre = glm::vec3(disc[3]);
        const glm::vec3 axisUp = glm::normalize(glm::vec3(disc[1]));       // toward the upper vertebra
        const glm::vec3 forward = glm::normalize(glm::vec3(disc[0]));      // anterior
        const glm::vec3 flexionAxis = glm::normalize(glm::vec3(disc[2]));  // z: rotation about it

        // Gravity on everything above this disc: its push along the disc axis, its shear, and its
        // moment about the disc centre (positive: it tips the trunk forward into flexion).
        double axial = 0.0, shear = 0.0, flexionMoment = 0.0;
        if (!supported) {
            for (const auto& m : masses) {
                if (m.vertebra > int(level)) continue;  // carried by a vertebra below this disc
                const glm::dvec3 weight{0.0, -m.massKg * kGravity, 0.0};
                axial += -glm::dot(weight, glm::dvec3(axisUp));
                shear += glm::dot(weight, glm::dvec3(forward));
                const glm::dvec3 moment = glm::cross(glm::dvec3(m.centre - centre), weight);
                flexionMoment += -glm::dot(moment, glm::dvec3(flexionAxis));  // -z tips x toward -y: forward
            }
        }
        // A muscle crossing this disc: its tension along the segment that crosses the disc plane
        // pulls the upper body down (compression), forward (shear) and tips it (moment).
        double pulled = 0.0;
        for (const MusclePull& pull : pulls) {
            if (pull.forceN <= 0.0) continue;
            for (std::size_t i = 0; i + 1 < pull.path.size(); ++i) {
                const glm::vec3 a = pull.path[i], b = pull.path[i + 1];
                const float sa = glm::dot(a - centre, axisUp), sb = glm::dot(b - centre, axisUp);
                if (!(sa > 0.0f && sb <= 0.0f)) continue;
                const glm::vec3 at = a + (b - a) * (sa / (sa - sb));
                if (glm::length(at - centre) > kPullReach) break;  // a path that passes far from this disc
                const glm::dvec3 force = glm::dvec3(glm::normalize(b - a)) * pull.forceN;
                pulled += -glm::dot(force, glm::dvec3(axisUp));
                shear += glm::dot(force, glm::dvec3(forward));
                const glm::dvec3 moment = glm::cross(glm::dvec3(at - centre), force);
                flexionMoment += -glm::dot(moment, glm::dvec3(flexionAxis));
                break;
            }
        }
        axial += pulled;
        d.muscleCompressionN = pulled;
        // The back muscles hold a forward moment, the abdominals a backward one; both press the disc.
        const double muscle =
            flexionMoment > 0.0 ? flexionMoment / p_.extensorMomentArm : -flexionMoment / p_.flexorMomentArm;
        // Upright, the trunk muscles also brace against each other (co-contraction); lying, only tone remains.
        d.compressionN = p_.restingToneN + (supported ? 0.0 : p_.uprightCocontractionN) + std::max(axial, 0.0) + muscle;
        d.shearN = shear;
        d.pressureMpa = p_.correctionFactor * d.compressionN / p_.areaMm2[level];

        // Bending of the segment from neutral standing: positive rounds (flexion).
        d.flexionDeg = glm::degrees(double(neutral_[level] - pose.segments[level].extension));
        const double gradient = std::clamp(p_.pressureGradientPerDeg * d.flexionDeg, -0.95, 0.95);
        d.anteriorMpa = d.pressureMpa * (1.0 + gradient);
        d.posteriorMpa = d.pressureMpa * (1.0 - gradient);
        d.nucleusShiftMm = p_.nucleusShiftFraction * p_.depthMm[level] * d.flexionDeg / p_.segmentRangeDeg;
        d.bulgeMm = std::max(0.0, d.flexionDeg) * p_.bulgePerDegMm;
        // Crowding of the nerve root: the bulge and backward nucleus shift against the posterior
        // annulus's thickness (flexion), or the foramen closing as the segment extends.
        const double annulus = p_.posteriorAnnulusFraction * p_.depthMm[level];
        d.discIntrusion = (d.bulgeMm + std::max(0.0, d.nucleusShiftMm)) / annulus;
        d.foraminalNarrowing = std::max(0.0, -d.flexionDeg) / p_.segmentRangeDeg;
        d.rootProximity = std::max(d.discIntrusion, d.foraminalNarrowing);
    }
    return out;
}

}  // namespace lumbarlab
