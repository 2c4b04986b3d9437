#pragma once
// Builds the Scene the app shows: user meshes from --mesh, or the built-in model.

#include "scene/scene.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// Level of detail to load: light meshes for software GL, detailed ones for GPUs.
enum class Detail { Low, High };

/// A scene plus the one-line problems met while building it (the rest still loaded).
struct SceneLoadResult {
    Scene scene;
    std::vector<std::string> errors;
};

/// Loads each file as one object; a file that fails adds a line to errors and is skipped.
[[nodiscard]] SceneLoadResult loadMeshScene(const std::vector<std::filesystem::path>& files);

/// The folder holding the generated built-in model: $LUMBARLAB_MODEL_DIR, next to the
/// executable (build tree or install), or the folder the build wrote. Empty if none has it.
[[nodiscard]] std::filesystem::path findModelDir();

/// Loads the built-in model from `modelDir`; an unusable folder is one line in errors.
[[nodiscard]] SceneLoadResult loadBuiltInScene(const std::filesystem::path& modelDir, Detail detail);

}  // namespace lumbarlab
