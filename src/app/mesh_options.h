#pragma once
// The options that bring mesh files in (--mesh, --scene, --units, --up, --replace), their checks,
// and the combinations that cannot apply (the scene request they make: scene_request.h).

#include "cli.h"

#include <string>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace lumbarlab {

/// Adds --mesh, --scene, --units, --up, --replace and --replace-limit-mm to `command`.
void addMeshOptions(CLI::App* command, MeshOptions& options);

/// One line saying why the options given to `command` cannot apply together (exit 2), or empty.
/// With mesh files: --pose, --time, --set, --landmarks, --pressure and --hide are refused (there is
/// no skeleton to pose or group to hide); --replace needs the built-in model, so not with --mesh
/// or --scene; --units and --up need something to apply to.
[[nodiscard]] std::string meshOptionConflict(const CLI::App& command, const MeshOptions& options);

}  // namespace lumbarlab
