#pragma once
// Everything the built-in model knows, loaded once: bones, kinematics, coordinates with limits,
// the neutral spine and the posture library. Pure data and maths.

#include "lumbarlab/anatomy/body_figure.h"
#include "lumbarlab/anatomy/clinical_angles.h"
#include "lumbarlab/anatomy/posture.h"

#include <array>
#include <filesystem>
#include <map>
#include <memory>

namespace lumbarlab {

/// Where a chair posture's first frame seats the body (world y, metres): the lower sitting bone,
/// which is where the chair's seat goes, and the middle of each thigh (right, left).
struct SeatReference {
    float seat = 0.0f;
    std::array<float, 2> midThigh{};
};

struct ModelData {
    SkeletonDefinition skeleton;
    std::unique_ptr<SkeletonKinematics> kinematics;
    std::unique_ptr<ClinicalAngleGauge> gauge;
    CoordinateSystem coordinates;
    SpineBaseline baseline;
    std::vector<Posture> postures;
    std::unique_ptr<BodyFigure> body;
    /// For each motion, where its first frame puts the midpoint of the heels (x, metres): the feet
    /// stay planted there. Computed once at load; grounding runs every frame.
    std::map<std::string, double> plantedHeelX;
    /// For each posture on a chair, where its first frame seats the body; computed once at load
    /// (balance asks every frame whether the body still sits).
    std::map<std::string, SeatReference> seats;

    /// Joint angles for coordinate values (neutral lordosis applied).
    [[nodiscard]] SkeletonPose poseFor(const Coordinates& values) const {
        return coordinates.toSkeletonPose(values, baseline.lordosis);
    }
    /// The values with pelvis_ty set so the posture's ground rule holds (feet on the floor or box),
    /// and for motions pelvis_tx set so the feet stay planted where the first frame put them.
    [[nodiscard]] Coordinates grounded(const Coordinates& values, const Posture* posture) const;
    /// grounded() and the solved frames for the result, with a single kinematic solve.
    [[nodiscard]] std::pair<Coordinates, SkeletonFrames> solveGrounded(const Coordinates& values,
                                                                       const Posture* posture) const;
    [[nodiscard]] const Posture* findPosture(const std::string& id) const;
    /// "a, b, c": for error messages that list what exists.
    [[nodiscard]] std::string postureIds() const;
};

/// Loads the manifest from `modelDir` and the data under `assetDir`; throws FileError.
[[nodiscard]] ModelData loadModelData(const std::filesystem::path& modelDir, const std::filesystem::path& assetDir);

}  // namespace lumbarlab
