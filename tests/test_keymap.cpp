// The one keymap: the key dispatcher's lookups, the menus' labels and the README's key table all
// agree with it, and the posture keys file is checked against the posture library.

#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/keymap.h"
#include "scratch_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lumbarlab;

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t");
    return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
}

/// The rows of the table under "## Keys and mouse" in the README: (input, action) cells.
std::vector<std::pair<std::string, std::string>> readmeKeyRows() {
    std::ifstream in(fs::path(LUMBARLAB_SOURCE_DIR) / "README.md");
    REQUIRE(in);
    std::vector<std::pair<std::string, std::string>> rows;
    std::string line;
    bool inSection = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) {
            if (inSection) break;
            inSection = line == "## Keys and mouse";
            continue;
        }
        if (!inSection || line.rfind("|", 0) != 0) continue;
        const auto middle = line.find('|', 1);
        const auto end = line.find('|', middle + 1);
        if (middle == std::string::npos || end == std::string::npos) continue;
        const std::string input = trimmed(line.substr(1, middle - 1));
        const std::string action = trimmed(line.substr(middle + 1, end - middle - 1));
        if (input == "input" || input.find("---") != std::string::npos) continue;  // header and rule
        rows.emplace_back(input, action);
    }
    return rows;
}

}  // namespace

TEST_CASE("keymap: the README's key table is the keymap, row for row", "[unit][keymap]") {
    const auto readme = readmeKeyRows();
    std::vector<std::pair<std::string, std::string>> table;
    for (const KeyBinding& b : keymap()) table.emplace_back(std::string(b.input), std::string(b.help));
    REQUIRE(readme.size() == table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        INFO("row " << i + 1 << ": README has '" << readme[i].first << " | " << readme[i].second << "', keymap has '"
                    << table[i].first << " | " << table[i].second << "'");
        CHECK(readme[i] == table[i]);
    }
}

TEST_CASE("keymap: keys resolve to their actions, menus show the same keys", "[unit][keymap]") {
    const auto x = actionForKey(keys::kX, 0);
    REQUIRE(x);
    CHECK(x->action == Action::ToggleXray);
    CHECK(actionForKey(keys::kX, keys::kModShift)->action == Action::ToggleXray);  // Shift does not matter
    CHECK_FALSE(actionForKey(keys::kX, keys::kModControl));                        // Ctrl+X is not X
    CHECK_FALSE(actionForKey(keys::kQ, 0));                                        // Q alone does not quit
    CHECK(actionForKey(keys::kQ, keys::kModControl)->action == Action::Quit);
    const auto lateral = actionForKey('3', 0);
    REQUIRE(lateral);
    CHECK(lateral->action == Action::ViewPreset);
    CHECK(lateral->index == 2);
    const auto f10 = actionForKey(keys::kF1 + 9, 0);
    REQUIRE(f10);
    CHECK(f10->action == Action::PostureKey);
    CHECK(f10->index == 9);
    CHECK(actionForKey(keys::kEscape, 0)->action == Action::ClearSelection);
    // F11 is the presentation mode, F12 still a posture key; clickers send Page Down / Page Up.
    CHECK(actionForKey(keys::kF11, 0)->action == Action::TogglePresentation);
    CHECK(actionForKey(keys::kF12, 0)->action == Action::PostureKey);
    CHECK(actionForKey(keys::kF12, 0)->index == 11);
    CHECK(shortcutOf(Action::PostureKey, 11) == "F12");
    CHECK(actionForKey(keys::kPageDown, 0)->action == Action::LessonNext);
    CHECK(actionForKey(keys::kRight, 0)->action == Action::LessonNext);
    CHECK(actionForKey(keys::kPageUp, 0)->action == Action::LessonBack);
    CHECK(actionForKey(keys::kLeft, 0)->action == Action::LessonBack);
    CHECK(actionForKey(keys::kHome, 0)->action == Action::LessonHome);
    CHECK(shortcutOf(Action::LessonNext) == "Right");
    CHECK_FALSE(actionForKey('Z', 0));

    CHECK(shortcutOf(Action::ToggleXray) == "X");
    CHECK(shortcutOf(Action::Quit) == "Ctrl+Q");
    CHECK(shortcutOf(Action::ViewPreset, 2) == "3");
    CHECK(shortcutOf(Action::PostureKey, 9) == "F10");
    CHECK(shortcutOf(Action::Orbit).empty());  // a mouse binding has no key
    // Every key binding's label round-trips through the dispatcher.
    for (const KeyBinding& b : keymap()) {
        if (b.firstKey == keys::kNone) continue;
        INFO(b.input);
        const auto action = actionForKey(b.firstKey, b.mods);
        REQUIRE(action);
        CHECK(action->action == b.action);
        if (b.altKey != keys::kNone) CHECK(actionForKey(b.altKey, b.mods)->action == b.action);
    }
}

TEST_CASE("keymap: posture keys name postures that exist, in teaching order", "[unit][keymap]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    // A posture library with three postures is enough to check the keys file against.
    ModelData data;
    for (const char* id : {"neutral_standing", "sitting_slouched", "couch_stretch_r"}) {
        Posture p;
        p.id = id;
        data.postures.push_back(p);
    }
    const fs::path dir = processScratchDir("lumbarlab_keymap_test");
    fs::create_directories(dir);
    auto write = [&](const std::string& text) {
        std::ofstream(dir / "keys.json") << text;
        return dir / "keys.json";
    };
    const PostureKeys keys =
        loadPostureKeys(write(R"({"keys": {"F1": "neutral_standing", "F4": "sitting_slouched"}})"), data);
    CHECK(keys.keyOf("sitting_slouched") == "F4");
    REQUIRE(keys.postureOf(0));
    CHECK(*keys.postureOf(0) == "neutral_standing");
    CHECK(keys.postureOf(1) == nullptr);
    CHECK(keys.keyOf("couch_stretch_r").empty());

    CHECK_THROWS_WITH(loadPostureKeys(write(R"({"keys": {"F2": "sitting_upright"}})"), data),
                      Catch::Contains("keys.json") && Catch::Contains("F2") && Catch::Contains("sitting_upright") &&
                          Catch::Contains("does not exist"));
    CHECK_THROWS_WITH(loadPostureKeys(write(R"({"keys": {"F13": "neutral_standing"}})"), data),
                      Catch::Contains("F13") && Catch::Contains("F1 ... F10, F12"));
    CHECK_THROWS_WITH(loadPostureKeys(write(R"({"keys": {"F11": "neutral_standing"}})"), data),
                      Catch::Contains("F11") && Catch::Contains("presentation"));
    CHECK(*loadPostureKeys(write(R"({"keys": {"F12": "couch_stretch_r"}})"), data).postureOf(11) == "couch_stretch_r");
    CHECK_THROWS_WITH(loadPostureKeys(write(R"({"keys": {"F1": 3}})"), data), Catch::Contains("F1"));
    CHECK_THROWS_AS(loadPostureKeys(write(R"({"keys": )"), data), FileError);
    CHECK(loadPostureKeys(dir / "missing.json", data).postureIds.size() == 12);  // no file, no keys
    fs::remove_all(dir);
}
