#include "scene_request.h"

#include "lumbarlab/io/isolated_import.h"
#include "lumbarlab/io/mesh_import.h"

namespace lumbarlab {

SceneRequest sceneRequestOf(const MeshOptions& options) {
    SceneRequest request;
    request.units = lengthUnitsFromString(options.units).value_or(LengthUnits::Auto);
    request.up = upAxisFromString(options.up).value_or(UpAxis::PlusY);
    for (const auto& spec : options.meshes) request.meshes.push_back(parseMeshSpec(spec));
    if (!options.scene.empty())
        for (auto& source : loadSceneFile(options.scene)) request.meshes.push_back(std::move(source));
    for (const auto& spec : options.replace) request.replacements.push_back(parseReplaceSpec(spec));
    request.replaceLimitMm = options.replaceLimitMm;
    request.timeout = defaultImportTimeout();
    return request;
}

}  // namespace lumbarlab
