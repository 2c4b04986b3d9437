#pragma once
// Where the program finds its generated model and its data files, in the build tree or installed.

#include <filesystem>
#include <string>
#include <string_view>

namespace lumbarlab {

/// The folder holding the generated built-in model (skeleton_manifest.json): $LUMBARLAB_MODEL_DIR,
/// beside the executable (build tree or install), or the folder the build wrote. Empty if none.
[[nodiscard]] std::filesystem::path findModelDir();

/// The folder holding assets/ data (poses, descriptions): $LUMBARLAB_ASSET_DIR, the installed
/// share folder, or the source tree the program was built from. Empty if none.
[[nodiscard]] std::filesystem::path findAssetDir();

/// Where pictures, videos and handouts go unless --out names a file: $XDG_PICTURES_DIR when set,
/// else ~/Pictures/LumbarLab. Empty when neither is known (no HOME). Never the working directory.
[[nodiscard]] std::filesystem::path picturesFolder();

/// A file name that says what it shows: "couch_stretch_r-10.0s-lateral.png" for a motion at 10 s,
/// "sitting_slouched-oblique.png" for a posture (motion false: no time). `extension` without the dot.
[[nodiscard]] std::string pictureFileName(std::string_view pose, bool motion, double time, std::string_view camera,
                                          std::string_view extension);

}  // namespace lumbarlab
