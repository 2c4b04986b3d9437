#include "lumbarlab/anatomy/coordinates.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace lumbarlab {
namespace {

using OrderedJson = nlohmann::ordered_json;  // keeps the file's order: pelvis first, as written

// Coordinates that exist once per leg: the file gives one spec, the model has _r and _l.
bool isSided(const std::string& base) {
    return base == "hip_flexion" || base == "hip_adduction" || base == "hip_rotation" || base == "knee_angle" ||
           base == "shoulder_flexion";
}

double value(const Coordinates& values, const std::string& name) {
    auto it = values.find(name);
    return it == values.end() ? 0.0 : it->second;
}

}  // namespace

CoordinateSystem CoordinateSystem::load(const std::filesystem::path& file) {
    const JsonDocument<OrderedJson> doc(file);
    const JsonValue<OrderedJson> root = doc.root();
    CoordinateSystem system;
    system.file_ = file;
    std::vector<CoordinateSpec> perLevel;
    for (const auto& [base, entry] : root["coordinates"].members()) {
        const std::string unit = entry["unit"].string();
        // Angles within a turn either way; translations within the 10 m a stage could hold.
        if (unit != "deg" && unit != "m") entry["unit"].fail("must be \"deg\" or \"m\", got \"" + unit + "\"");
        const NumberRange limit =
            unit == "deg" ? NumberRange::between(-180.0, 180.0) : NumberRange::between(-10.0, 10.0);
        const double min = entry["min"].number(limit), max = entry["max"].number(limit);
        if (!(min < max))
            entry.fail("needs min < max (got " + entry["min"].json().dump() + " and " + entry["max"].json().dump() +
                       ")");
        CoordinateSpec spec{base, unit, min, max, entry["source"].text()};
        if (isSided(base)) {
            for (const char* side : {"_r", "_l"}) {
                CoordinateSpec sided = spec;
                sided.name = base + side;
                system.specs_.push_back(sided);
            }
        } else {
            system.specs_.push_back(spec);
        }
        // Per-level overrides of the lumbar totals: any level may take the whole range.
        if (base.rfind("lumbar_", 0) == 0)
            for (const char* level : kDiscLevels) {
                CoordinateSpec override = spec;
                override.name = base + "_" + level;
                override.source = "per-level override of " + base + " (same limits)";
                override.perLevel = true;
                perLevel.push_back(override);
            }
    }
    system.specs_.insert(system.specs_.end(), perLevel.begin(), perLevel.end());
    for (const char* required : {"pelvis_tilt", "hip_flexion_r", "knee_angle_l", "lumbar_flexion"})
        if (!system.find(required)) root["coordinates"].fail(std::string("coordinate '") + required + "' is missing");

    const JsonValue<OrderedJson> levels = root["lumbar_share"]["levels"];
    double total = 0.0;
    for (std::size_t i = 0; i < kDiscLevels.size(); ++i) {
        system.share_[i] = levels[kDiscLevels[i]]["value"].number(NumberRange::fraction());
        total += system.share_[i];
    }
    if (std::abs(total - 1.0) > 0.01) levels.fail("must add up to 1 (they add up to " + std::to_string(total) + ")");
    return system;
}

const CoordinateSpec* CoordinateSystem::find(const std::string& name) const {
    for (const auto& s : specs_)
        if (s.name == name) return &s;
    return nullptr;
}

std::string CoordinateSystem::check(const Coordinates& values) const {
    for (const auto& [name, v] : values) {
        const CoordinateSpec* spec = find(name);
        if (!spec) {
            std::ostringstream names;
            for (const auto& s : specs_)
                if (!s.perLevel) names << (names.tellp() > 0 ? ", " : "") << s.name;
            return "unknown coordinate '" + name + "' (valid: " + names.str() + ", and lumbar_*_<level> per level)";
        }
        if (!std::isfinite(v) || v < spec->min - 1e-9 || v > spec->max + 1e-9) {
            std::ostringstream out;
            out << name << " = " << v << " " << spec->unit << " is outside its limits [" << spec->min << ", "
                << spec->max << "] " << spec->unit;
            if (!file_.empty()) out << " (limits from " << file_.string() << ")";
            return out.str();
        }
    }
    return {};
}

SkeletonPose CoordinateSystem::toSkeletonPose(const Coordinates& values,
                                              const std::array<float, 6>& neutralLordosis) const {
    SkeletonPose pose;
    auto angle = [&](const std::string& name) { return float(glm::radians(value(values, name))); };
    pose.pelvisTilt = angle("pelvis_tilt");
    pose.pelvisList = angle("pelvis_list");
    pose.pelvisRotation = angle("pelvis_rotation");
    pose.pelvisTranslation = {float(value(values, "pelvis_tx")), float(value(values, "pelvis_ty")),
                              float(value(values, "pelvis_tz"))};
    for (const char* side : {"_r", "_l"}) {
        LegAngles& leg = side[1] == 'r' ? pose.right : pose.left;
        leg.hipFlexion = angle(std::string("hip_flexion") + side);
        leg.hipAdduction = angle(std::string("hip_adduction") + side);
        leg.hipRotation = angle(std::string("hip_rotation") + side);
        leg.kneeFlexion = angle(std::string("knee_angle") + side);
    }
    pose.thoracicFlexion = angle("thoracic_flexion");
    pose.shoulderFlexion = {angle("shoulder_flexion_r"), angle("shoulder_flexion_l")};
    const float flexion = angle("lumbar_flexion"), bending = angle("lumbar_bending"),
                rotation = angle("lumbar_rotation");
    for (std::size_t i = 0; i < kDiscLevels.size(); ++i) {
        const std::string level = kDiscLevels[i];
        const float share = float(share_[i]);
        SegmentAngles& s = pose.segments[i];
        // Flexion rounds the spine: it closes the lordotic (extension) angle.
        s.extension = neutralLordosis[i] - share * flexion - angle("lumbar_flexion_" + level);
        s.bending = share * bending + angle("lumbar_bending_" + level);
        s.rotation = share * rotation + angle("lumbar_rotation_" + level);
    }
    return pose;
}

}  // namespace lumbarlab
