#include "pose_selection.h"

#include <charconv>

namespace lumbarlab {

Coordinates resolvePose(const ModelData& data, const PoseSelection& selection) {
    const Posture* posture = data.findPosture(selection.pose);
    if (!posture)
        throw PoseSelectionError("no posture or motion '" + selection.pose + "' (valid: " + data.postureIds() + ")");
    if (posture->isMotion() && !posture->loop && selection.time > posture->duration)
        throw PoseSelectionError("--time " + std::to_string(selection.time) + " is past the end of '" + posture->id +
                                 "' (" + std::to_string(posture->duration) + " s)");
    Coordinates values = posture->at(selection.time);
    Coordinates overrides;
    for (const auto& set : selection.sets) {
        const auto eq = set.find('=');
        if (eq == std::string::npos || eq == 0)
            throw PoseSelectionError("--set '" + set + "' must look like COORD=VALUE, e.g. hip_flexion_r=90");
        const std::string name = set.substr(0, eq), text = set.substr(eq + 1);
        double v = 0.0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc{} || end != text.data() + text.size())
            throw PoseSelectionError("--set " + name + ": '" + text + "' is not a number");
        overrides[name] = v;
    }
    if (const std::string problem = data.coordinates.check(overrides); !problem.empty())
        throw PoseSelectionError("--set: " + problem);
    for (const auto& [name, v] : overrides) values[name] = v;
    return values;
}

}  // namespace lumbarlab
