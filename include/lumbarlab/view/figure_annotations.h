#pragma once
// What a figure's 2D layer says, worked out from the scene and the camera (no GL, no cairo): the
// title, the legends of the colour maps in view with their units, and labels for the posture's target
// structures (and any asked for), each anchored on its structure's projected surface point.

#include "lumbarlab/io/figure_overlay.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/view/scene_view.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lumbarlab {

/// A world point in pixels of a `width` x `height` picture (y down), or nullopt behind the camera.
[[nodiscard]] std::optional<glm::vec2> projectToPixels(const OrbitCamera& camera, int width, int height,
                                                       const glm::vec3& world);

/// The scene object a structure id names: an object id ("femur_r"), a sided muscle
/// ("rectus_femoris_r" -> "muscle_rectus_femoris_r") or a disc level ("disc_l4_l5", its annulus).
[[nodiscard]] std::optional<std::size_t> findStructure(const Scene& scene, std::string_view structure);

/// The legend of the muscle length-change map and of the disc pressure map (limits and colours from
/// colour_maps, so legend and meshes agree). `reference`: the display name of the posture the length
/// changes are measured from, said under the bar ("0 = as in neutral standing"); empty leaves it out.
[[nodiscard]] LegendSpec lengthChangeLegend(const std::string& reference);
[[nodiscard]] LegendSpec pressureLegend();

/// The whole 2D layer for the current scene seen by `camera` (`time`: seconds into a motion, for the title).
/// `extraLabels` adds structures to the posture's targets; an id that names nothing is added to `unknown` (for a usage
/// error).
[[nodiscard]] OverlaySpec figureOverlay(const SceneView& view, const OrbitCamera& camera, int width, int height,
                                        double time, std::string_view viewName,
                                        const std::vector<std::string>& extraLabels, std::vector<std::string>& unknown);

}  // namespace lumbarlab
