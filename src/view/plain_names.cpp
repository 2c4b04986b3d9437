#include "lumbarlab/view/plain_names.h"

#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace lumbarlab {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kCoordinateNames{{
    {"pelvis_tilt", "Pelvis tilt (forward +)"},
    {"pelvis_list", "Pelvis side tilt"},
    {"pelvis_rotation", "Pelvis turn"},
    {"pelvis_tx", "Body forward or back"},
    {"pelvis_ty", "Body height"},
    {"pelvis_tz", "Body to the side"},
    {"hip_flexion", "Hip bend (flexion)"},
    {"hip_adduction", "Hip inward (adduction)"},
    {"hip_rotation", "Hip rotation"},
    {"knee_angle", "Knee bend"},
    {"lumbar_flexion", "Lower back bend (flexion)"},
    {"lumbar_bending", "Lower back side bend"},
    {"lumbar_rotation", "Lower back twist"},
    {"thoracic_flexion", "Upper back bend"},
}};

}  // namespace

std::string plainCoordinateName(const std::string& id) {
    std::string base = id, side;
    if (id.size() > 2 && id[id.size() - 2] == '_' && (id.back() == 'r' || id.back() == 'l')) {
        base = id.substr(0, id.size() - 2);
        side = id.back() == 'r' ? ", right" : ", left";
    }
    for (const auto& [key, name] : kCoordinateNames)
        if (key == base) return std::string(name) + side;
    std::string words = id;
    for (auto& c : words)
        if (c == '_') c = ' ';
    if (!words.empty()) words[0] = char(std::toupper(static_cast<unsigned char>(words[0])));
    return words;
}

}  // namespace lumbarlab
