#include "lumbarlab/view/plain_names.h"

#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/anatomy/skeleton_pose.h"

#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace lumbarlab {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kCoordinateNames{{
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
    {"shoulder_flexion", "Arm swing (forward +)"},
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

namespace {
constexpr std::size_t kMaxPlainNameLength = 60;

/// ", right" / ", left" when the id ends in _r / _l (and the id without it), else "".
std::pair<std::string, std::string> splitSide(const std::string& id) {
    if (id.size() > 2 && id[id.size() - 2] == '_' && (id.back() == 'r' || id.back() == 'l'))
        return {id.substr(0, id.size() - 2), id.back() == 'r' ? ", right" : ", left"};
    return {id, ""};
}
}  // namespace

PlainNameTable PlainNameTable::load(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const auto root = doc.root();
    for (const auto& [key, value] : root.members())
        if (key != "format" && key != "description" && key != "names")
            value.fail("unknown field (known: format, description, names)");
    if (const std::string format = root["format"].string(); format != "lumbarlab-plain-names/1")
        root["format"].fail("must be \"lumbarlab-plain-names/1\", got \"" + format + "\"");
    PlainNameTable table;
    const auto names = root["names"];
    for (const auto& [key, value] : names.members()) {
        if (key.empty()) value.fail("a name needs a structure id as its key");
        const std::string name = value.text();
        if (name.size() > kMaxPlainNameLength)
            value.fail("is " + std::to_string(name.size()) + " characters, at most " +
                       std::to_string(kMaxPlainNameLength) + " fit a panel row");
        if (name.find('_') != std::string::npos) value.fail("must be plain words, not an id (has '_')");
        table.names_.emplace_back(key, name);
    }
    if (table.names_.empty()) names.fail("must name at least one structure");
    return table;
}

std::string PlainNameTable::keyOf(const std::string& objectId) {
    std::string id = splitSide(objectId).first;
    if (id.rfind("muscle_", 0) == 0) id.erase(0, 7);
    return id;
}

std::optional<std::string> PlainNameTable::of(const std::string& objectId) const {
    const std::string key = keyOf(objectId);
    const std::string side = splitSide(objectId).second;
    for (const auto& [k, name] : names_)
        if (k == key) return name + side;
    return std::nullopt;
}

std::optional<std::string> PlainNameTable::ofDisc(std::size_t level) const {
    if (level >= kDiscLevels.size()) return std::nullopt;
    return of(std::string("disc_") + kDiscLevels[level]);
}

}  // namespace lumbarlab
