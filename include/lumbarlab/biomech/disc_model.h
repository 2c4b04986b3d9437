#pragma once
// Loads and pressures in the six lumbar discs for a posed body: the weight of everything above
// each disc with its lever arm from the current geometry, the back or belly muscles that balance
// that moment, and the intradiscal pressure F k / A. Parameters and their sources live in
// assets/biomech/disc_model.json.

#include "lumbarlab/anatomy/body_figure.h"

#include <array>
#include <filesystem>
#include <vector>

namespace lumbarlab {

/// Newtons in one pound-force, for showing compression the way popular sources quote it.
inline constexpr double kNewtonsPerPoundForce = 4.44822;

struct DiscModelParameters {
    double correctionFactor = 1.5;
    std::array<double, 6> areaMm2{};
    std::array<double, 6> depthMm{};
    double extensorMomentArm = 0.05, flexorMomentArm = 0.085;
    double restingToneN = 120.0, uprightCocontractionN = 110.0;
    double segmentRangeDeg = 14.0, nucleusShiftFraction = 0.067;
    double pressureGradientPerDeg = 0.035, bulgePerDegMm = 0.08, posteriorAnnulusFraction = 0.156;
    double rootWarningThreshold = 0.6;
};

/// Reads disc_model.json; every value needs a source. Throws FileError.
[[nodiscard]] DiscModelParameters loadDiscModelParameters(const std::filesystem::path& file);

/// One disc's state; units as named.
struct DiscState {
    double compressionN = 0.0;                     ///< along the disc axis
    double shearN = 0.0;                           ///< anterior positive: the upper body sliding forward
    double pressureMpa = 0.0;                      ///< intradiscal (nucleus) pressure
    double anteriorMpa = 0.0, posteriorMpa = 0.0;  ///< across the endplate
    double nucleusShiftMm = 0.0;                   ///< positive backwards (toward the nerves)
    double bulgeMm = 0.0;                          ///< posterior annulus bulge
    double rootProximity = 0.0;                    ///< 0 clear; >= the warning threshold: the root is crowded
    /// The two causes of crowding (rootProximity is the larger): the bulge and the nucleus pressing
    /// back into the canal, where the next root down passes the disc, and the foramen closing on the
    /// root that leaves through it.
    double discIntrusion = 0.0, foraminalNarrowing = 0.0;
    double flexionDeg = 0.0;          ///< the segment's flexion from neutral standing
    double muscleCompressionN = 0.0;  ///< of compressionN: the direct pull of MusclePulls across this disc
};

/// A muscle pulling on the spine: its path (origin first, world metres) and its tension. Where the
/// path first crosses a disc's plane going down, its tension acts on everything above that disc.
struct MusclePull {
    std::vector<glm::vec3> path;
    double forceN = 0.0;
};

/// Load held in the hands.
struct HandLoad {
    double kg = 0.0;
    bool far = false;  ///< arms out in front instead of close to the body
};

class DiscModel {
public:
    /// `neutralLordosis` is the standing lordosis per level (radians), the zero of flexion.
    DiscModel(DiscModelParameters parameters, const BodyFigure& body, std::array<float, 6> neutralLordosis);

    /// Every level, top (T12/L1) to bottom (L5/S1). `supported`: the floor carries the body (lying).
    /// `pulls` (passive psoas, for tight hip flexors) add their compression, shear and moment.
    [[nodiscard]] std::array<DiscState, 6> evaluate(const SkeletonFrames& frames, const SkeletonPose& pose,
                                                    const HandLoad& load = {}, bool supported = false,
                                                    const std::vector<MusclePull>& pulls = {}) const;
    [[nodiscard]] const DiscModelParameters& parameters() const { return p_; }

private:
    DiscModelParameters p_;
    const BodyFigure& body_;
    std::array<float, 6> neutral_;
};

}  // namespace lumbarlab
