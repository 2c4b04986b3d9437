#pragma once
// The one keymap: every key and mouse binding with what it does, read by the key dispatcher, the
// menus (their shortcut labels) and the help window, and checked against the README by a test.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lumbarlab {

struct ModelData;

/// Key codes and modifier bits. The values are GLFW's (its key codes are ASCII for letters, digits
/// and space), so the shell passes GLFW's codes straight through; it checks that at compile time.
namespace keys {
inline constexpr int kNone = -1;
inline constexpr int kSpace = 32;
inline constexpr int kDigit1 = '1', kDigit6 = '6';
inline constexpr int kC = 'C', kD = 'D', kE = 'E', kF = 'F', kH = 'H', kL = 'L', kM = 'M', kN = 'N', kP = 'P', kQ = 'Q',
                     kX = 'X';
inline constexpr int kEscape = 256;
inline constexpr int kRight = 262, kLeft = 263, kPageUp = 266, kPageDown = 267, kHome = 268;
inline constexpr int kF1 = 290, kF10 = 299, kF11 = 300, kF12 = 301;
inline constexpr int kModShift = 0x0001, kModControl = 0x0002;
}  // namespace keys

/// What a binding does. Runs of bindings (view presets, posture keys) carry an index.
enum class Action {
    Orbit,
    Pan,
    Zoom,
    Select,
    ViewPreset,  ///< index 0..5: anterior ... oblique (kAllViewPresets order)
    FrameSelection,
    PostureKey,  ///< index 0..9 and 11: F1 ... F10 and F12, the posture from posture_keys.json
    TogglePlay,
    ToggleXray,
    ToggleLandmarks,
    ToggleDiscPanel,
    ToggleMusclePanel,
    ToggleCut,
    ToggleEvidence,
    Screenshot,
    ToggleHelp,
    ClearSelection,
    LessonNext,
    LessonBack,
    LessonHome,
    TogglePresentation,
    TogglePatientMode,
    Quit,
};

/// One row of the keymap: the input as people write it, what it does, and the key codes behind it.
struct KeyBinding {
    std::string_view input;  ///< as the help and the README show it: "X", "1 2 3 4 5 6", "left drag"
    std::string_view help;   ///< what it does, in plain words
    Action action;
    int firstKey = keys::kNone;  ///< a run of consecutive codes maps to index 0, 1, ...; kNone: mouse
    int lastKey = keys::kNone;
    int mods = 0;              ///< modifiers that must be held (keys::kMod...)
    int altKey = keys::kNone;  ///< a second key for the same action ("Right, Page Down"), at index altIndex
    std::size_t altIndex = 0;
};

/// Every binding, in the order the help and the README list them.
[[nodiscard]] std::span<const KeyBinding> keymap();

/// What a key press means, if anything: the action and its index within a run.
struct KeyAction {
    Action action = Action::Orbit;
    std::size_t index = 0;
};
[[nodiscard]] std::optional<KeyAction> actionForKey(int key, int mods);

/// The shortcut label of an action (for menus), e.g. "X", "Ctrl+Q", "3" for ViewPreset index 2; empty
/// when it has no key.
[[nodiscard]] std::string shortcutOf(Action action, std::size_t index = 0);

/// Which posture each function key shows: postureIds[k] for F(k+1), empty where a key has none.
struct PostureKeys {
    std::vector<std::string> postureIds;  ///< 12 entries
    /// The label of the key that shows `postureId` ("F3"), or empty.
    [[nodiscard]] std::string keyOf(const std::string& postureId) const;
    [[nodiscard]] const std::string* postureOf(std::size_t functionKeyIndex) const;
};

/// Reads assets/lessons/posture_keys.json and checks it: keys F1..F10 and F12 only (F11 is the
/// presentation mode), each naming a posture
/// the model has. A missing file gives no keys; a malformed one throws FileError naming the key.
[[nodiscard]] PostureKeys loadPostureKeys(const std::filesystem::path& file, const ModelData& model);

}  // namespace lumbarlab
