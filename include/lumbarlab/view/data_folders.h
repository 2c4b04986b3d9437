#pragma once
// Where the program finds its generated model and its data files, in the build tree or installed.

#include <filesystem>

namespace lumbarlab {

/// The folder holding the generated built-in model (skeleton_manifest.json): $LUMBARLAB_MODEL_DIR,
/// beside the executable (build tree or install), or the folder the build wrote. Empty if none.
[[nodiscard]] std::filesystem::path findModelDir();

/// The folder holding assets/ data (poses, descriptions): $LUMBARLAB_ASSET_DIR, the installed
/// share folder, or the source tree the program was built from. Empty if none.
[[nodiscard]] std::filesystem::path findAssetDir();

}  // namespace lumbarlab
