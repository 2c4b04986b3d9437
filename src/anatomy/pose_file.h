#pragma once
// Named joint coordinates and pose files. Coordinates have stable names used in files, the UI
// and the command line (pelvis_tilt, hip_flexion_r, knee_angle_l, ...); files give degrees and
// metres, each value with its source.

#include "anatomy/skeleton_pose.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lumbarlab {

/// A coordinate's name, unit and where it lives in a SkeletonPose.
struct CoordinateInfo {
    std::string name;
    bool isAngle = true;  ///< degrees in files and UI, radians in SkeletonPose; else metres
    std::function<float&(SkeletonPose&)> access;
};

/// Every named coordinate, in a stable order.
[[nodiscard]] const std::vector<CoordinateInfo>& coordinateTable();
[[nodiscard]] const CoordinateInfo* findCoordinate(std::string_view name);

/// A pose read from a file, with the citation attached to each value.
struct PoseFile {
    std::string id, name, description;
    SkeletonPose pose;
};

/// Reads a pose file; unknown coordinates, missing values or sources are FileErrors.
[[nodiscard]] PoseFile loadPoseFile(const std::filesystem::path& file);

}  // namespace lumbarlab
