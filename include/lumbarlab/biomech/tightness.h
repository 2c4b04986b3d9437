#pragma once
// Tight hip flexors: a muscle group whose passive slack length is shortened by a percentage (the
// serial sarcomeres lost after long hours in a shortened position), the passive force each of its
// fascicles then carries (Thelen 2003 passive force-length curve, rigid tendon), and the standing
// posture that balances the passive hip-flexion moment against the passive hip-extension
// stiffness (Riener and Edrich 1999): the pelvis tilts forward, the hips flex by the same angle so
// the thighs stay vertical, and the lumbar spine extends by it so the trunk stays upright.
// Parameters and their sources: assets/biomech/passive_muscle.json; maximal forces from the PCSA
// of assets/muscles/shapes.json.

#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/muscle_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// The tightness groups a user may name, and the largest shortening accepted (percent).
inline constexpr const char* kTightnessGroup = "hip_flexors";
inline constexpr double kMaxTightnessPct = 30.0;

struct PassiveMuscleParameters {
    double specificTensionNPerCm2 = 60.0;
    double shapeFactor = 4.0;          ///< Thelen's kPE
    double strainAtFmax = 0.6;         ///< Thelen's passive strain at one maximal isometric force
    double hipExtA = 1.3403;           ///< Riener-Edrich extension term exp(a + b q_hip - c q_knee), Nm
    double hipExtB = 0.0305;           ///< per degree of hip flexion
    double hipExtC = 0.0226;           ///< per degree of knee flexion
    std::vector<std::string> muscles;  ///< the hip_flexors group: muscle ids
};

/// Reads passive_muscle.json; every value needs a source. Throws FileError.
[[nodiscard]] PassiveMuscleParameters loadPassiveMuscleParameters(const std::filesystem::path& file);

/// Thelen 2003 passive force over maximal isometric force at normalised fibre length `l`.
[[nodiscard]] double thelenPassiveForce(double normalisedLength, const PassiveMuscleParameters& p);

/// The outcome for one posture.
struct TightnessState {
    double percent = 0.0;
    double pelvicTiltChangeDeg = 0.0;   ///< the compensation solved (0 when not solved)
    bool solved = false;                ///< a standing posture whose pose was solved
    Coordinates values;                 ///< the posture's values with the compensation applied
    std::vector<float> pathForcesN;     ///< passive force per muscle path (MuscleModel order)
    double hipFlexionMomentNm = 0.0;    ///< passive flexor moment, both hips together
    double hipExtensionMomentNm = 0.0;  ///< the resisting passive extension moment, both hips
    /// Passive force of one muscle and side: the sum over its fascicles.
    [[nodiscard]] double muscleForceN(const MuscleModel& model, std::size_t muscle, BodySide side) const;
};

class HipFlexorTightness {
public:
    /// `fmaxN`: maximal isometric force per muscle of model.set() (0 where the group has none).
    HipFlexorTightness(const MuscleModel& model, PassiveMuscleParameters parameters, std::vector<double> fmaxN);

    /// Passive force per path for path lengths, at `percent` shortening; zero for muscles outside the group.
    [[nodiscard]] std::vector<float> forces(const std::vector<float>& lengths, double percent) const;

    /// Evaluates `values` (a pose before grounding). `standing`: solve the pelvic tilt that balances
    /// the passive hip moments (bisection, 0-40 deg). At 0 % nothing changes and every force is 0.
    [[nodiscard]] TightnessState evaluate(const Coordinates& values, double percent, bool standing) const;

    /// The psoas pulls on the spine, for DiscModel::evaluate: every path of the group's lumbar muscle.
    [[nodiscard]] std::vector<MusclePull> lumbarPulls(const SkeletonFrames& frames, const TightnessState& state) const;

    [[nodiscard]] const PassiveMuscleParameters& parameters() const { return p_; }

private:
    [[nodiscard]] double flexorMoment(const Coordinates& values, double percent) const;
    [[nodiscard]] double extensionMoment(const Coordinates& values) const;

    const MuscleModel& model_;
    PassiveMuscleParameters p_;
    std::vector<double> fmaxPerPath_, loptPerPath_;
    std::vector<float> standingLengths_;
};

/// The model for a muscle set from the asset folder: biomech/passive_muscle.json and the PCSA of
/// muscles/shapes.json. Throws FileError.
[[nodiscard]] HipFlexorTightness loadHipFlexorTightness(const MuscleModel& model,
                                                        const std::filesystem::path& assetDir);

/// Whether a posture counts as standing for the compensation: static, on its feet, no props, not lying.
[[nodiscard]] bool isStandingPosture(const Posture& posture);

}  // namespace lumbarlab
