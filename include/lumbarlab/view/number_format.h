#pragma once
// Numbers as the interface shows them: fixed decimals, no "-0.0", and a no-break space before the
// unit so a wrapped line never splits "+4.2 cm" between its number and its unit.

#include <string>

namespace lumbarlab {

/// U+00A0 in UTF-8: ImGui's word wrap does not break there.
inline constexpr const char* kNoBreakSpace = "\xC2\xA0";

/// `value` with `decimals` decimals; a value that rounds to zero prints as "0.0", never "-0.0".
/// `sign`: a leading '+' on positive values (changes, differences). NaN or infinity print as "n/a".
[[nodiscard]] std::string formatNumber(double value, int decimals, bool sign = false);
/// formatNumber() then a no-break space and the unit: "+4.2 %", "0.50 MPa".
[[nodiscard]] std::string formatWithUnit(double value, int decimals, const std::string& unit, bool sign = false);

}  // namespace lumbarlab
