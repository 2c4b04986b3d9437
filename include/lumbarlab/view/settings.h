#pragma once
// What the viewer remembers between runs: window size and place, interface scale, theme, which
// panels are open, the last lesson step, the disc colour mode. Saved atomically as JSON in
// $XDG_CONFIG_HOME/lumbarlab/settings.json (else ~/.config/lumbarlab/settings.json).

#include <filesystem>
#include <optional>
#include <string>

namespace lumbarlab {

struct Settings {
    int windowX = -1, windowY = -1;  ///< -1: let the window manager place it
    int windowWidth = 1280, windowHeight = 720;
    float uiScale = 0.0f;       ///< 0: follow the monitor
    bool highContrast = false;  ///< the high-contrast theme (presentation mode always uses it)
    bool patientMode = false;   ///< plain names, bars, large text
    bool showScenePanel = true, showPosturePanel = true, showDiscPanel = false, showMusclePanel = true;
    bool showEvidence = false, showStats = true;
    bool pressureColours = false;  ///< discs coloured by pressure
    std::string lesson;            ///< the last lesson open ("" = none)
    int lessonStep = 0;            ///< 0-based step in it
    bool operator==(const Settings&) const = default;
};

/// The settings file for these environment values (XDG_CONFIG_HOME, HOME; either may be null or
/// empty); empty when neither is usable.
[[nodiscard]] std::filesystem::path settingsFile(const char* xdgConfigHome, const char* home);

/// Parses settings JSON; every field is optional, but a present one must have the right type and a
/// sane range. Throws std::runtime_error naming the field.
[[nodiscard]] Settings parseSettings(const std::string& text);
[[nodiscard]] std::string settingsJson(const Settings& settings);

/// The settings in `file`: defaults when it does not exist. A corrupt file gives defaults and
/// `problem` one line "FILE: ...; using the defaults" (the caller reports it; the next save replaces it).
struct LoadedSettings {
    Settings settings;
    std::optional<std::string> problem;
};
[[nodiscard]] LoadedSettings loadSettings(const std::filesystem::path& file);
/// Writes atomically, creating the folder. Throws FileError.
void saveSettings(const std::filesystem::path& file, const Settings& settings);

}  // namespace lumbarlab
