#pragma once
// The colour maps and their legend limits: one table, read by the meshes that are coloured and by
// the legends that explain them, so the two can never disagree.

#include <glm/vec3.hpp>

namespace lumbarlab {

/// Disc pressure that takes the last colour of the sequential map (MPa). A design choice, not a
/// published value: it spreads the range from lying (0.10 MPa) to standing bent forward (1.10 MPa,
/// both Wilke et al. 1999) over most of the map, and only the front of a fully rounded disc saturates.
inline constexpr double kPressureLegendMaxMpa = 1.6;

/// Muscle length change that takes the end colours of the diverging map (percent of the length in
/// the reference posture). A design choice: the largest changes of the hip muscles across the
/// model's postures stay within it, so the map rarely saturates.
inline constexpr double kLengthChangeLegendPct = 30.0;

/// Sequential colour for a disc pressure: deep blue at 0, through teal, green and yellow, to red at
/// `maximumMpa` and above (sRGB).
[[nodiscard]] glm::vec3 pressureColour(double mpa, double maximumMpa = kPressureLegendMaxMpa);

/// Diverging colour for a length change: shortened blue, unchanged near white, lengthened red
/// (ColorBrewer RdBu, readable with red-green colour blindness); saturates at +/- `rangePct`.
[[nodiscard]] glm::vec3 lengthChangeColour(double changePct, double rangePct = kLengthChangeLegendPct);

}  // namespace lumbarlab
