#include "lumbarlab/biomech/disc_model.h"

#include "lumbarlab/anatomy/json_file.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace lumbarlab {
namespace {

constexpr double kGravity = 9.81;
constexpr float kFarReach = 0.35f;  // arms held out: the load sits this far in front of the hands

}  // namespace

DiscModelParameters loadDiscModelParameters(const std::filesystem::path& file) {
    const auto root = readJsonFile(file);
    auto number = [&](const nlohmann::json& entry, const std::string& where) {
        if (!entry.is_object() || !entry.contains("value") || !entry["value"].is_number())
            throw FileError(file, where + " needs a numeric \"value\"");
        if (!entry.contains("source") || !entry["source"].is_string())
            throw FileError(file, where + " needs a \"source\"");
        return entry["value"].get<double>();
    };
    auto scalar = [&](const char* key) {
        if (!root.contains(key)) throw FileError(file, std::string(key) + " is missing");
        return number(root[key], key);
    };
    auto perLevel = [&](const char* key) {
        std::array<double, 6> out{};
        if (!root.contains(key)) throw FileError(file, std::string(key) + " is missing");
        for (std::size_t i = 0; i < kDiscLevels.size(); ++i) {
            const std::string where = std::string(key) + "." + kDiscLevels[i];
            if (!root[key].contains(kDiscLevels[i])) throw FileError(file, where + " is missing");
            out[i] = number(root[key][kDiscLevels[i]], where);
        }
        return out;
    };
    DiscModelParameters p;
    p.correctionFactor = scalar("correction_factor");
    p.areaMm2 = perLevel("disc_area_mm2");
    p.depthMm = perLevel("disc_depth_mm");
    p.extensorMomentArm = scalar("extensor_moment_arm_m");
    p.flexorMomentArm = scalar("flexor_moment_arm_m");
    p.restingToneN = scalar("resting_tone_n");
    p.uprightCocontractionN = scalar("upright_cocontraction_n");
    p.segmentRangeDeg = scalar("segment_range_deg");
    p.nucleusShiftFraction = scalar("nucleus_shift_fraction");
    p.pressureGradientPerDeg = scalar("pressure_gradient_per_deg");
    p.bulgePerDegMm = scalar("bulge_per_deg_mm");
    p.posteriorAnnulusFraction = scalar("posterior_annulus_fraction");
    p.rootWarningThreshold = scalar("root_warning_threshold");
    for (double a : p.areaMm2)
        if (a <= 0.0) throw FileError(file, "disc areas must be positive");
    if (p.extensorMomentArm <= 0.0 || p.flexorMomentArm <= 0.0 || p.correctionFactor <= 0.0)
        throw FileError(file, "moment arms and the correction factor must be positive");
    return p;
}

DiscModel::DiscModel(DiscModelParameters parameters, const BodyFigure& body, std::array<float, 6> neutralLordosis)
    : p_(parameters), body_(body), neutral_(neutralLordosis) {}

std::array<DiscState, 6> DiscModel::evaluate(const SkeletonFrames& frames, const SkeletonPose& pose,
                                             const HandLoad& load, bool supported) const {
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
        const double discIntrusion = (d.bulgeMm + std::max(0.0, d.nucleusShiftMm)) / annulus;
        const double foraminalNarrowing = std::max(0.0, -d.flexionDeg) / p_.segmentRangeDeg;
        d.rootProximity = std::max(discIntrusion, foraminalNarrowing);
    }
    return out;
}

}  // namespace lumbarlab
