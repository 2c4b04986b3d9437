#pragma once
// The skeleton manifest: per bone, names, frames, mesh files, triangle counts, measured
// dimensions, landmarks and joint offsets (metres), for the viewer and the kinematic model.

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "generator.hpp"

namespace bonegen {

/// The manifest entry of one generated bone.
nlohmann::json manifestEntry(const GeneratedBone& bone, const SkeletonParams& params);
/// Builds the manifest document; entries already in `previous` for bones not generated now are kept.
nlohmann::json buildManifest(const std::vector<GeneratedBone>& bones, const SkeletonParams& params,
                             const std::vector<std::string>& boneOrder, const nlohmann::json& previous);

}  // namespace bonegen
