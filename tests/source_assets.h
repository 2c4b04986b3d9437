#pragma once
// The source tree's assets folder, as the tests read it.

#include <filesystem>

inline const std::filesystem::path kAssets = LUMBARLAB_SOURCE_ASSET_DIR;
