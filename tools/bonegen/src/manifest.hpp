#pragma once
// The generator's side of the skeleton manifest: generated bones -> the shared schema
// (lumbarlab/anatomy/skeleton_manifest.h), which also writes the JSON. Metres and degrees.

#include <string>
#include <vector>

#include "generator.hpp"
#include "lumbarlab/anatomy/skeleton_manifest.h"

namespace bonegen {

/// The manifest entry of one generated bone (micrometre-rounded, deterministic).
lumbarlab::ManifestBone manifestEntry(const GeneratedBone& bone, const SkeletonParams& params);
/// The whole manifest in `boneOrder`; entries of `previous` (may be null) for bones not generated now are kept.
lumbarlab::SkeletonManifest buildManifest(const std::vector<GeneratedBone>& bones, const SkeletonParams& params,
                                          const std::vector<std::string>& boneOrder,
                                          const lumbarlab::SkeletonManifest* previous);

}  // namespace bonegen
