#include "lumbarlab/view/number_format.h"

#include <cmath>
#include <cstdio>

namespace lumbarlab {

std::string formatNumber(double value, int decimals, bool sign) {
    if (!std::isfinite(value)) return "n/a";
    const int places = decimals < 0 ? 0 : decimals > 9 ? 9 : decimals;
    const double unit = std::pow(10.0, -places);
    if (std::abs(value) < 0.5 * unit) value = 0.0;  // rounds to zero: no "-0.0"
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, sign && value > 0.0 ? "%+.*f" : "%.*f", places, value);
    return buffer;
}

std::string formatWithUnit(double value, int decimals, const std::string& unit, bool sign) {
    return formatNumber(value, decimals, sign) + kNoBreakSpace + unit;
}

}  // namespace lumbarlab
