#include "lumbarlab/view/settings.h"

#include "lumbarlab/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lumbarlab {
namespace {

constexpr int kMinWindow = 320, kMaxWindow = 16384, kMaxPosition = 65536;

void inRange(const char* key, double value, double lo, double hi) {
    if (value < lo || value > hi) {
        char text[160];
        std::snprintf(text, sizeof text, "'%s' is %g, outside %g to %g", key, value, lo, hi);
        throw std::runtime_error(text);
    }
}

void read(const nlohmann::json& root, const char* key, bool& out) {
    const auto it = root.find(key);
    if (it == root.end()) return;
    if (!it->is_boolean()) throw std::runtime_error(std::string("'") + key + "' must be true or false");
    out = it->get<bool>();
}

void read(const nlohmann::json& root, const char* key, std::string& out) {
    const auto it = root.find(key);
    if (it == root.end()) return;
    if (!it->is_string()) throw std::runtime_error(std::string("'") + key + "' must be a string");
    out = it->get<std::string>();
}

// The range is checked on the value as written, before it is narrowed: converting a double
// outside an int's range is undefined behaviour, not a clamp.
template <typename Number>
void read(const nlohmann::json& root, const char* key, Number& out, double lo, double hi) {
    const auto it = root.find(key);
    if (it == root.end()) return;
    if (!it->is_number()) throw std::runtime_error(std::string("'") + key + "' must be a number");
    const double v = it->get<double>();
    if (!std::isfinite(v)) throw std::runtime_error(std::string("'") + key + "' must be finite");
    inRange(key, v, lo, hi);
    out = Number(v);
}

}  // namespace

std::filesystem::path settingsFile(const char* xdgConfigHome, const char* home) {
    // The XDG base directory rule: XDG_CONFIG_HOME only counts when it is an absolute path.
    if (xdgConfigHome && *xdgConfigHome && std::filesystem::path(xdgConfigHome).is_absolute())
        return std::filesystem::path(xdgConfigHome) / "lumbarlab" / "settings.json";
    if (home && *home) return std::filesystem::path(home) / ".config" / "lumbarlab" / "settings.json";
    return {};
}

Settings parseSettings(const std::string& text) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::runtime_error(std::string("malformed JSON: ") + e.what());
    }
    if (!root.is_object()) throw std::runtime_error("must be a JSON object");
    Settings s;
    read(root, "window_x", s.windowX, -kMaxPosition, kMaxPosition);
    read(root, "window_y", s.windowY, -kMaxPosition, kMaxPosition);
    read(root, "window_width", s.windowWidth, kMinWindow, kMaxWindow);
    read(root, "window_height", s.windowHeight, kMinWindow, kMaxWindow);
    read(root, "ui_scale", s.uiScale, 0.0, 4.0);
    if (s.uiScale != 0.0f) inRange("ui_scale", s.uiScale, 0.5, 4.0);  // 0 means: follow the monitor
    read(root, "high_contrast", s.highContrast);
    read(root, "patient_mode", s.patientMode);
    read(root, "scene_panel", s.showScenePanel);
    read(root, "posture_panel", s.showPosturePanel);
    read(root, "disc_panel", s.showDiscPanel);
    read(root, "muscle_panel", s.showMusclePanel);
    read(root, "evidence", s.showEvidence);
    read(root, "frame_statistics", s.showStats);
    read(root, "pressure_colours", s.pressureColours);
    read(root, "lesson", s.lesson);
    read(root, "lesson_step", s.lessonStep, 0, 1000);
    return s;
}

std::string settingsJson(const Settings& s) {
    nlohmann::ordered_json j;
    j["format"] = "lumbarlab-settings/1";
    j["window_x"] = s.windowX;
    j["window_y"] = s.windowY;
    j["window_width"] = s.windowWidth;
    j["window_height"] = s.windowHeight;
    j["ui_scale"] = s.uiScale;
    j["high_contrast"] = s.highContrast;
    j["patient_mode"] = s.patientMode;
    j["scene_panel"] = s.showScenePanel;
    j["posture_panel"] = s.showPosturePanel;
    j["disc_panel"] = s.showDiscPanel;
    j["muscle_panel"] = s.showMusclePanel;
    j["evidence"] = s.showEvidence;
    j["frame_statistics"] = s.showStats;
    j["pressure_colours"] = s.pressureColours;
    j["lesson"] = s.lesson;
    j["lesson_step"] = s.lessonStep;
    return j.dump(2) + "\n";
}

LoadedSettings loadSettings(const std::filesystem::path& file) {
    LoadedSettings out;
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(file, ec)) return out;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    try {
        if (!in) throw std::runtime_error("cannot read it");
        out.settings = parseSettings(text.str());
    } catch (const std::exception& e) {
        out.settings = Settings{};
        out.problem = file.string() + ": " + e.what() + "; using the defaults";
    }
    return out;
}

void saveSettings(const std::filesystem::path& file, const Settings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    writeTextAtomically(file, settingsJson(settings));
}

}  // namespace lumbarlab
