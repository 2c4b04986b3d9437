#pragma once
// Joint coordinates by stable name (pelvis_tilt, hip_flexion_r, knee_angle_l, lumbar_flexion,
// lumbar_flexion_l4_l5, ...), in file units: degrees and metres. Limits and the rule that shares
// total lumbar motion among the levels come from assets/anatomy/coordinates.json, with sources.

#include "lumbarlab/anatomy/skeleton_pose.h"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

/// Coordinate values by name, degrees or metres. Missing names are zero.
using Coordinates = std::map<std::string, double>;

/// One coordinate's unit, limits and their source.
struct CoordinateSpec {
    std::string name;  ///< the concrete name, e.g. "hip_flexion_r"
    std::string unit;  ///< "deg" or "m"
    double min = 0.0, max = 0.0;
    std::string source;
    bool perLevel = false;  ///< a per-level override such as lumbar_flexion_l4_l5
};

/// The model's coordinates: what exists, its limits, and how values become joint angles.
class CoordinateSystem {
public:
    /// Reads coordinates.json; throws FileError on a malformed or incomplete file.
    static CoordinateSystem load(const std::filesystem::path& file);

    /// Every concrete coordinate in a stable order (sided names, per-level overrides last).
    [[nodiscard]] const std::vector<CoordinateSpec>& specs() const { return specs_; }
    [[nodiscard]] const CoordinateSpec* find(const std::string& name) const;

    /// Empty when every name exists and every value lies within its limits; else one line
    /// saying what is wrong (with the valid names where that helps).
    [[nodiscard]] std::string check(const Coordinates& values) const;

    /// Joint angles for these values: per-level extension is the neutral standing lordosis minus
    /// each level's share of lumbar_flexion, minus any per-level lumbar_flexion_<level>.
    [[nodiscard]] SkeletonPose toSkeletonPose(const Coordinates& values,
                                              const std::array<float, 6>& neutralLordosis) const;

    /// Each level's share of the lumbar totals (sums to 1 over the levels that move).
    [[nodiscard]] const std::array<double, 6>& levelShare() const { return share_; }

private:
    std::vector<CoordinateSpec> specs_;
    std::array<double, 6> share_{};
    std::filesystem::path file_;  ///< where the limits came from, named when a value breaks one
};

}  // namespace lumbarlab
