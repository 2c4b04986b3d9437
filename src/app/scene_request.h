#pragma once
// The scene a command's mesh options ask for.

#include "cli.h"

#include "lumbarlab/view/scene_view.h"

namespace lumbarlab {

/// The scene request the options make (the timeout from LUMBARLAB_IMPORT_TIMEOUT_S). Throws
/// MeshSpecError for a bad value and FileError for a bad scene file.
[[nodiscard]] SceneRequest sceneRequestOf(const MeshOptions& options);

}  // namespace lumbarlab
