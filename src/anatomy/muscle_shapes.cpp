#include "lumbarlab/anatomy/muscle_shapes.h"

#include "lumbarlab/anatomy/json_file.h"

#include <cmath>
#include <string>

namespace lumbarlab {
namespace {

using nlohmann::json;

constexpr double kCm2 = 1e-4, kCm3 = 1e-6, kMm = 1e-3;
constexpr double kMaxTendonFraction = 0.45;  // per end: beyond it no belly is left to draw

/// {"value": v, "source": "..."} with v finite and within (0, max].
double sourcedPositive(const std::filesystem::path& file, const json& entry, const std::string& where, double max) {
    if (!entry.is_object() || !entry.contains("value") || !entry["value"].is_number())
        throw FileError(file, where + " needs a numeric \"value\"");
    if (!entry.contains("source") || !entry["source"].is_string() || entry["source"].get<std::string>().empty())
        throw FileError(file, where + " needs a \"source\"");
    const double v = entry["value"].get<double>();
    if (!std::isfinite(v) || v <= 0.0 || v > max)
        throw FileError(
            file, where + " must be a number in (0, " + std::to_string(int(max)) + "], got " + entry["value"].dump());
    return v;
}

double fraction(const std::filesystem::path& file, const json& tendon, const char* key, const std::string& where) {
    if (!tendon.contains(key) || !tendon[key].is_number())
        throw FileError(file, where + "." + key + " must be a number");
    const double v = tendon[key].get<double>();
    if (!std::isfinite(v) || v < 0.0 || v > kMaxTendonFraction)
        throw FileError(file, where + "." + key + " must lie in [0, 0.45], got " + tendon[key].dump());
    return v;
}

MuscleShapeKind shapeKind(const std::filesystem::path& file, const json& entry, const std::string& where) {
    // value() would throw a type_error on a non-string shape; that must be this file's error instead.
    const std::string name =
        entry.contains("shape") && entry["shape"].is_string() ? entry["shape"].get<std::string>() : std::string{};
    if (name == "spindle") return MuscleShapeKind::Spindle;
    if (name == "fan") return MuscleShapeKind::Fan;
    if (name == "strap") return MuscleShapeKind::Strap;
    if (name == "sheet") return MuscleShapeKind::Sheet;
    if (name == "column") return MuscleShapeKind::Column;
    throw FileError(file, where + ".shape must be spindle, fan, strap, sheet or column, got '" + name + "'");
}

}  // namespace

std::vector<MuscleShape> loadMuscleShapes(const std::filesystem::path& file, const MuscleSet& muscles) {
    const json root = readJsonFile(file);
    if (!root.contains("format") || root["format"] != "lumbarlab-muscle-shapes/1")
        throw FileError(file, "\"format\" must be \"lumbarlab-muscle-shapes/1\"");
    if (!root.contains("muscles") || !root["muscles"].is_object()) throw FileError(file, "needs a \"muscles\" object");
    const json& table = root["muscles"];
    for (const auto& [id, entry] : table.items())
        if (!muscles.find(id)) throw FileError(file, "muscles." + id + ": no such muscle in " + muscles.file.string());
    std::vector<MuscleShape> shapes;
    for (const MuscleDefinition& muscle : muscles.muscles) {
        const std::string where = "muscles." + muscle.id;
        if (!table.contains(muscle.id)) throw FileError(file, where + " is missing (every muscle needs a shape)");
        const json& entry = table[muscle.id];
        MuscleShape shape;
        shape.kind = shapeKind(file, entry, where);
        if (entry.contains("volume_cm3")) {
            shape.bellyVolumeM3 = sourcedPositive(file, entry["volume_cm3"], where + ".volume_cm3", 5000.0) * kCm3;
        } else if (entry.contains("pcsa_cm2")) {
            if (muscle.optimalFibreLengthM <= 0.0)
                throw FileError(
                    file,
                    where + ".pcsa_cm2 needs the muscle's optimal fibre length in muscles.json (or give volume_cm3)");
            shape.pcsaCm2 = sourcedPositive(file, entry["pcsa_cm2"], where + ".pcsa_cm2", 200.0);
            shape.bellyVolumeM3 = shape.pcsaCm2 * kCm2 * muscle.optimalFibreLengthM;
        } else {
            throw FileError(file, where + " needs \"pcsa_cm2\" or \"volume_cm3\"");
        }
        if (!entry.contains("tendon") || !entry["tendon"].is_object())
            throw FileError(file, where + " needs a \"tendon\"");
        const json& tendon = entry["tendon"];
        shape.tendonOriginFraction = fraction(file, tendon, "origin", where + ".tendon");
        shape.tendonInsertionFraction = fraction(file, tendon, "insertion", where + ".tendon");
        if (!tendon.contains("radius_mm") || !tendon["radius_mm"].is_number())
            throw FileError(file, where + ".tendon.radius_mm must be a number");
        const double radius = tendon["radius_mm"].get<double>();
        if (!std::isfinite(radius) || radius <= 0.0 || radius > 20.0)
            throw FileError(file, where + ".tendon.radius_mm must lie in (0, 20], got " + tendon["radius_mm"].dump());
        shape.tendonRadiusM = radius * kMm;
        if (!tendon.contains("source") || !tendon["source"].is_string())
            throw FileError(file, where + ".tendon needs a \"source\"");
        shapes.push_back(shape);
    }
    return shapes;
}

}  // namespace lumbarlab
