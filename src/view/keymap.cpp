#include "lumbarlab/view/keymap.h"

#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/anatomy/model_data.h"

#include <array>
#include <cassert>

namespace lumbarlab {
namespace {

using namespace keys;

// The README's key table is checked against this one (tests/test_keymap.cpp): edit both together.
constexpr std::array kKeymap{
    KeyBinding{"left drag", "orbit", Action::Orbit},
    KeyBinding{"right drag, or Shift + left drag", "pan", Action::Pan},
    KeyBinding{"wheel", "zoom", Action::Zoom},
    KeyBinding{"click", "select (click empty space or Esc to clear)", Action::Select},
    KeyBinding{"1 2 3 4 5 6", "anterior, posterior, lateral, medial, superior, oblique view", Action::ViewPreset,
               kDigit1, kDigit6},
    KeyBinding{"F", "frame the selection (or everything)", Action::FrameSelection, kF, kF},
    KeyBinding{"F1 ... F10, F12",
               "postures and exercises in teaching order (the posture panel lists them with their keys)",
               Action::PostureKey, kF1, kF10, 0, kF12, 11},
    KeyBinding{"Space", "play or pause the motion", Action::TogglePlay, kSpace, kSpace},
    KeyBinding{"X", "x-ray: see through the bones to the discs", Action::ToggleXray, kX, kX},
    KeyBinding{"L", "landmarks of the selected bone (or of all bones)", Action::ToggleLandmarks, kL, kL},
    KeyBinding{"D", "disc panel and discs coloured by pressure", Action::ToggleDiscPanel, kD, kD},
    KeyBinding{"M",
               "muscle panel: colour legend, muscle groups to show or hide, most lengthened and shortened now, the "
               "selected muscle's length over the motion",
               Action::ToggleMusclePanel, kM, kM},
    KeyBinding{"C", "sagittal cut: see inside the discs and the canal", Action::ToggleCut, kC, kC},
    KeyBinding{"E", "evidence: the model's L4/L5 pressure beside published measurements", Action::ToggleEvidence, kE,
               kE},
    KeyBinding{"P", "save a screenshot of the 3D view (PNG, in the pictures folder)", Action::Screenshot, kP, kP},
    KeyBinding{"H", "keys and mouse help", Action::ToggleHelp, kH, kH},
    KeyBinding{"Right, Page Down", "lesson: next step (what presentation clickers send)", Action::LessonNext, kRight,
               kRight, 0, kPageDown, 0},
    KeyBinding{"Left, Page Up", "lesson: previous step", Action::LessonBack, kLeft, kLeft, 0, kPageUp, 0},
    KeyBinding{"Home", "lesson: back to the first step", Action::LessonHome, kHome, kHome},
    KeyBinding{"F11", "presentation mode: full screen, large high-contrast captions, panels hidden",
               Action::TogglePresentation, kF11, kF11},
    KeyBinding{"N", "patient mode: plain names, bars instead of numbers, large text", Action::TogglePatientMode, kN,
               kN},
    KeyBinding{"Esc", "close the open menu, popup or help, leave presentation mode, else clear the selection",
               Action::ClearSelection, kEscape, kEscape},
    KeyBinding{"Ctrl+Q", "quit", Action::Quit, kQ, kQ, kModControl},
};

constexpr int kFunctionKeys = kF12 - kF1 + 1;
constexpr std::size_t kPresentationKeyIndex = kF11 - kF1;

}  // namespace

std::span<const KeyBinding> keymap() {
    return kKeymap;
}

std::optional<KeyAction> actionForKey(int key, int mods) {
    for (const KeyBinding& b : kKeymap) {
        const bool inRun = b.firstKey != kNone && key >= b.firstKey && key <= b.lastKey;
        const bool alt = b.altKey != kNone && key == b.altKey;
        if (!inRun && !alt) continue;
        // Bindings without Ctrl ignore Shift (and Caps Lock) but never fire with Ctrl held.
        const bool ctrlHeld = (mods & kModControl) != 0;
        if ((b.mods & kModControl) != 0 ? !ctrlHeld : ctrlHeld) continue;
        return KeyAction{b.action, inRun ? std::size_t(key - b.firstKey) : b.altIndex};
    }
    return std::nullopt;
}

std::string shortcutOf(Action action, std::size_t index) {
    for (const KeyBinding& b : kKeymap) {
        if (b.action != action || b.firstKey == kNone) continue;
        if (action == Action::PostureKey) {
            assert((index <= std::size_t(b.lastKey - b.firstKey) || index == b.altIndex) &&
                   "shortcutOf: index past the end of the key run");
            return "F" + std::to_string(index + 1);
        }
        if (b.firstKey == b.lastKey) {
            const std::string_view input = b.input;  // "Right, Page Down": the menus show the first key
            return std::string(input.substr(0, input.find(',')));
        }
        assert(index <= std::size_t(b.lastKey - b.firstKey) && "shortcutOf: index past the end of the key run");
        return std::string(1, char(b.firstKey + int(index)));
    }
    return {};
}

std::string PostureKeys::keyOf(const std::string& postureId) const {
    for (std::size_t k = 0; k < postureIds.size(); ++k)
        if (postureIds[k] == postureId) return "F" + std::to_string(k + 1);
    return {};
}

const std::string* PostureKeys::postureOf(std::size_t functionKeyIndex) const {
    if (functionKeyIndex >= postureIds.size() || postureIds[functionKeyIndex].empty()) return nullptr;
    return &postureIds[functionKeyIndex];
}

PostureKeys loadPostureKeys(const std::filesystem::path& file, const ModelData& model) {
    PostureKeys result;
    result.postureIds.resize(kFunctionKeys);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return result;
    const JsonDocument<nlohmann::ordered_json> doc(file);
    const auto root = doc.root();
    constexpr const char* kFormat = "lumbarlab-posture-keys/1";
    if (root.has("format") && root["format"].string() != kFormat)
        root["format"].fail("is " + root["format"].json().dump() + ", not " + kFormat);
    for (const auto& [key, id] : root["keys"].members()) {
        std::size_t index = 0;
        for (; index < std::size_t(kFunctionKeys); ++index)
            if (key == "F" + std::to_string(index + 1)) break;
        if (index == std::size_t(kFunctionKeys)) id.fail("key '" + key + "' is not one of F1 ... F10, F12");
        if (index == kPresentationKeyIndex)
            id.fail("key " + key + " is the presentation-mode key; postures use F1 ... F10 and F12");
        const std::string posture = id.string();
        if (!model.findPosture(posture))
            id.fail("names posture '" + posture + "', which does not exist (known: " + model.postureIds() + ")");
        result.postureIds[index] = posture;
    }
    return result;
}

}  // namespace lumbarlab
