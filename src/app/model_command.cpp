#include "model_command.h"

#include "command_support.h"
#include "lumbarlab/view/scene_view.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace lumbarlab {

int runModelCommand(const ModelOptions& options) {
    // Landmarks need only the skeleton's data, not its meshes: no GL context here.
    const auto data = loadModelDataOrReport("model");
    if (!data) return kExitFailed;
    std::vector<WorldLandmark> landmarks;
    const Posture* standing = data->findPosture("neutral_standing");
    const SkeletonFrames frames = data->solveGrounded(standing ? standing->at(0.0) : Coordinates{}, standing).second;
    for (const auto& bone : data->skeleton.bones)
        for (const auto& l : bone.landmarks)
            landmarks.push_back({bone.id, l.name, frames.toWorld(bone.parentFrame, l.position)});
    if (options.format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& l : landmarks)
            out.push_back({{"bone", l.bone},
                           {"landmark", l.name},
                           {"x_m", l.position.x},
                           {"y_m", l.position.y},
                           {"z_m", l.position.z}});
        std::cout << nlohmann::json{{"posture", "neutral_standing"},
                                    {"frame", "world: x anterior, y superior, z right; metres"},
                                    {"landmarks", out}}
                         .dump(2)
                  << "\n";
    } else {
        std::printf("bone,landmark,x_m,y_m,z_m\n");
        for (const auto& l : landmarks)
            std::printf("%s,%s,%.5f,%.5f,%.5f\n", l.bone.c_str(), l.name.c_str(), l.position.x, l.position.y,
                        l.position.z);
    }
    return kExitOk;
}

}  // namespace lumbarlab
