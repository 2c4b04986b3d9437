#pragma once
// Names for people, not programs: the interface never shows "hip_flexion_r" or "pelvis_ty".

#include <string>

namespace lumbarlab {

/// "hip_flexion_r" -> "Hip bend (flexion), right"; "pelvis_ty" -> "Body height"; an unknown id
/// falls back to its words ("foo_bar" -> "Foo bar").
[[nodiscard]] std::string plainCoordinateName(const std::string& id);

}  // namespace lumbarlab
