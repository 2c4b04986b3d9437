#include "lumbarlab/view/colour_maps.h"

#include <glm/common.hpp>

#include <algorithm>
#include <cassert>

namespace lumbarlab {
namespace {

/// Linear interpolation through five evenly spaced stops, t in [0, 1].
glm::vec3 throughStops(const glm::vec3 (&stops)[5], float t) {
    const float x = std::clamp(t, 0.0f, 1.0f) * 4.0f;
    const int i = std::min(int(x), 3);
    return glm::mix(stops[i], stops[i + 1], x - float(i));
}

}  // namespace

glm::vec3 pressureColour(double mpa, double maximumMpa) {
    assert(maximumMpa > 0.0 && "pressureColour: the legend maximum must be positive");
    static const glm::vec3 stops[5] = {{0.16f, 0.28f, 0.70f},
                                       {0.10f, 0.62f, 0.70f},
                                       {0.55f, 0.80f, 0.35f},
                                       {0.98f, 0.80f, 0.20f},
                                       {0.90f, 0.22f, 0.15f}};
    return throughStops(stops, float(mpa / maximumMpa));
}

glm::vec3 lengthChangeColour(double changePct, double rangePct) {
    assert(rangePct > 0.0 && "lengthChangeColour: the legend range must be positive");
    // RdBu's ends (ColorBrewer #2166ac, #b2182b) around a mid-grey centre instead of its near-white:
    // an unchanged muscle must still stand out from ivory bone, and near-white read as "bone-coloured"
    // in a blind review.
    static const glm::vec3 stops[5] = {{0.129f, 0.400f, 0.675f},
                                       {0.380f, 0.580f, 0.780f},
                                       {0.600f, 0.580f, 0.620f},
                                       {0.850f, 0.480f, 0.400f},
                                       {0.698f, 0.094f, 0.169f}};
    return throughStops(stops, float(std::clamp(changePct / rangePct, -1.0, 1.0) * 0.5 + 0.5));
}

}  // namespace lumbarlab
