#pragma once
// Every muscle path of the model solved for a pose: lengths, change against a reference posture,
// lengthening speed and moment arms about the joints each fascicle crosses.

#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/anatomy/muscle_definition.h"
#include "lumbarlab/biomech/muscle_path.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lumbarlab {

/// Moment arm of a path about one coordinate: -dL/dq in metres per radian. Positive means the
/// muscle shortens as the coordinate grows, so pulling on it drives the coordinate up.
struct MomentArm {
    std::string coordinate;  ///< e.g. "hip_flexion_r", "lumbar_flexion"
    double metres = 0.0;
};

/// One muscle on one side: the mean of its fascicles, and that mean's change against the reference.
struct WholeMuscle {
    double lengthM = 0.0, referenceM = 0.0, changePct = 0.0;
    int fascicles = 0;
};

/// The coordinates moment arms are reported about, in column order, for a side.
[[nodiscard]] std::vector<std::string> momentArmCoordinates(BodySide side);
/// The same columns without the side: "hip_flexion", ..., "lumbar_rotation".
[[nodiscard]] std::vector<std::string> momentArmColumns();

class MuscleModel {
public:
    /// Lengths against the set's reference posture (neutral standing unless the file says otherwise).
    /// Throws FileError if that posture does not exist.
    MuscleModel(const ModelData& data, MuscleSet set);

    [[nodiscard]] const MuscleSet& set() const { return set_; }
    [[nodiscard]] const ModelData& data() const { return data_; }

    /// Every path for solved frames; `out` is resized and its storage reused.
    void solve(const SkeletonFrames& frames, const Coordinates& values, std::vector<PathGeometry>& out) const;
    /// Only the lengths (metres), one per path.
    void lengths(const SkeletonFrames& frames, const Coordinates& values, std::vector<float>& out) const;
    /// Lengths for coordinate values (solves the kinematics; grounding does not change lengths).
    [[nodiscard]] std::vector<float> lengthsAt(const Coordinates& values) const;

    /// Reference lengths, one per path.
    [[nodiscard]] const std::vector<float>& referenceLengths() const { return reference_; }
    [[nodiscard]] const std::string& referencePosture() const { return referenceName_; }
    /// Makes another posture (at time 0) the reference; throws std::invalid_argument if unknown.
    void setReferencePosture(const std::string& postureId);

    /// Change against the reference, percent.
    [[nodiscard]] double changePercent(std::size_t path, double length) const {
        return 100.0 * (length - reference_[path]) / reference_[path];
    }

    /// One muscle and side from per-path lengths (as lengths() fills them).
    [[nodiscard]] WholeMuscle wholeMuscle(const std::vector<float>& lengths, std::size_t muscle, BodySide side) const;

    /// Moment arms of every path about every coordinate it crosses, by virtual work: the rate at
    /// which each polyline segment stretches when the coordinate moves (frame velocities from the
    /// kinematics, one pair of solves per coordinate shared by all paths).
    [[nodiscard]] std::vector<std::vector<MomentArm>> momentArms(const Coordinates& values) const;

    /// Lengthening speed (m/s) of every path at `time` in a motion; zeros for a static posture.
    [[nodiscard]] std::vector<float> lengtheningSpeeds(const Posture& posture, double time,
                                                       const Coordinates& overrides = {}) const;

private:
    const ModelData& data_;
    MuscleSet set_;
    std::string referenceName_;
    std::vector<float> reference_;
};

/// Reads assets/muscles/muscles.json for a loaded model. Throws FileError.
[[nodiscard]] MuscleSet loadMuscleSetFor(const ModelData& data, const std::filesystem::path& assetDir);

}  // namespace lumbarlab
