#include "lumbarlab/view/lesson.h"

#include "lumbarlab/anatomy/json_file.h"
#include "lumbarlab/biomech/tightness.h"

#include <cmath>
#include <numbers>

namespace lumbarlab {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "lumbarlab-lesson/1";
constexpr std::size_t kMaxCaptionLines = 3, kMinCaptionLines = 2, kMaxCaptionChars = 140;
constexpr double kMinFlight = 0.6, kMaxFlight = 1.2;
constexpr double kMinHold = 1.0, kMaxHold = 60.0;

/// Reads one lesson file, every error naming the file and the JSON path of the bad field.
class Reader {
public:
    Reader(std::filesystem::path file, const LessonVocabulary& vocabulary)
        : file_(std::move(file)), vocabulary_(vocabulary) {}

    [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
        throw FileError(file_, path + ": " + problem);
    }

    /// Fails on a key the schema does not know (a typo would otherwise be ignored silently).
    void onlyKeys(const Json& node, const std::string& path, std::initializer_list<const char*> allowed) const {
        for (const auto& [key, value] : node.items()) {
            bool known = false;
            for (const char* a : allowed) known = known || key == a;
            if (!known) {
                std::string list;
                for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
                fail(path + "." + key, "unknown field (known: " + list + ")");
            }
        }
    }

    [[nodiscard]] const Json& object(const Json& parent, const std::string& path, const char* key) const {
        const auto it = parent.find(key);
        if (it == parent.end()) fail(path, std::string("needs '") + key + "'");
        if (!it->is_object()) fail(path + "." + key, "must be an object");
        return *it;
    }

    [[nodiscard]] std::string text(const Json& parent, const std::string& path, const char* key,
                                   bool required = true) const {
        const auto it = parent.find(key);
        if (it == parent.end()) {
            if (required) fail(path, std::string("needs '") + key + "'");
            return {};
        }
        if (!it->is_string()) fail(path + "." + key, "must be a string");
        std::string s = it->get<std::string>();
        if (required && s.empty()) fail(path + "." + key, "must not be empty");
        return s;
    }

    [[nodiscard]] std::optional<double> number(const Json& parent, const std::string& path, const char* key, double lo,
                                               double hi) const {
        const auto it = parent.find(key);
        if (it == parent.end()) return std::nullopt;
        if (!it->is_number()) fail(path + "." + key, "must be a number");
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < lo || v > hi)
            fail(path + "." + key, it->dump() + " is outside " + trimmed(lo) + " to " + trimmed(hi));
        return v;
    }

    [[nodiscard]] std::optional<bool> flag(const Json& parent, const std::string& path, const char* key) const {
        const auto it = parent.find(key);
        if (it == parent.end()) return std::nullopt;
        if (!it->is_boolean()) fail(path + "." + key, "must be true or false");
        return it->get<bool>();
    }

    [[nodiscard]] std::vector<std::string> names(const Json& parent, const std::string& path, const char* key,
                                                 bool structuresOnly) const {
        std::vector<std::string> out;
        const auto it = parent.find(key);
        if (it == parent.end()) return out;
        if (!it->is_array()) fail(path + "." + key, "must be a list of names");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string at = path + "." + key + "[" + std::to_string(i) + "]";
            if (!(*it)[i].is_string()) fail(at, "must be a string");
            const std::string name = (*it)[i].get<std::string>();
            checkStructure(at, name, !structuresOnly);
            out.push_back(name);
        }
        return out;
    }

    void checkStructure(const std::string& path, const std::string& name, bool groupsToo) const {
        if (vocabulary_.structures.contains(name)) return;
        if (groupsToo && vocabulary_.groups.contains(name)) return;
        fail(path, "'" + name + "' is not a known " + (groupsToo ? "structure or group" : "structure") +
                       " (e.g. psoas_r, rectus_femoris_l, l4, disc_l4_l5" + (groupsToo ? ", hip_flexors, body" : "") +
                       ")");
    }

    [[nodiscard]] LessonStep step(const Json& node, const std::string& path) const {
        if (!node.is_object()) fail(path, "must be an object");
        onlyKeys(node, path,
                 {"title", "caption", "posture", "playback", "camera", "show", "hide", "emphasise", "labels", "numbers",
                  "panels", "hold_s", "tight_hip_flexors_pct"});
        LessonStep s;
        s.title = text(node, path, "title");
        caption(node, path, s);
        s.posture = text(node, path, "posture");
        if (!vocabulary_.postures.contains(s.posture))
            fail(path + ".posture", "'" + s.posture + "' is not a posture or motion (see 'lumbarlab poses')");
        if (const auto it = node.find("playback"); it != node.end()) s.playback = playback(*it, path + ".playback", s);
        s.holdSeconds = number(node, path, "hold_s", kMinHold, kMaxHold).value_or(kDefaultHoldSeconds);
        s.tightHipFlexorsPct = number(node, path, "tight_hip_flexors_pct", 0.0, kMaxTightnessPct).value_or(0.0);
        camera(object(node, path, "camera"), path + ".camera", s.camera);
        s.show = names(node, path, "show", false);
        s.hide = names(node, path, "hide", false);
        s.emphasise = names(node, path, "emphasise", true);
        labels(node, path, s);
        numbers(node, path, s);
        if (const auto it = node.find("panels"); it != node.end()) {
            if (!it->is_array()) fail(path + ".panels", "must be a list");
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string at = path + ".panels[" + std::to_string(i) + "]";
                const std::string p = (*it)[i].is_string() ? (*it)[i].get<std::string>() : std::string();
                if (p != "discs" && p != "muscles" && p != "evidence")
                    fail(at, (*it)[i].dump() + " is not one of discs, muscles, evidence");
                s.panels.push_back(p);
            }
        }
        return s;
    }

    void caption(const Json& node, const std::string& path, LessonStep& s) const {
        const auto it = node.find("caption");
        if (it == node.end()) fail(path, "needs 'caption' (2 or 3 lines)");
        if (!it->is_array() || it->size() < kMinCaptionLines || it->size() > kMaxCaptionLines)
            fail(path + ".caption", "must be a list of 2 or 3 lines");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string at = path + ".caption[" + std::to_string(i) + "]";
            if (!(*it)[i].is_string() || (*it)[i].get<std::string>().empty()) fail(at, "must be a non-empty string");
            std::string line = (*it)[i].get<std::string>();
            if (line.size() > kMaxCaptionChars)
                fail(at, "is " + std::to_string(line.size()) + " characters; a caption line holds at most " +
                             std::to_string(kMaxCaptionChars));
            s.caption.push_back(std::move(line));
        }
    }

    [[nodiscard]] LessonPlayback playback(const Json& node, const std::string& path, const LessonStep& s) const {
        if (!node.is_object()) fail(path, "must be an object");
        onlyKeys(node, path, {"play", "loop", "speed", "from", "to"});
        LessonPlayback p;
        const auto duration = vocabulary_.motionDurations.find(s.posture);
        const double length = duration == vocabulary_.motionDurations.end() ? 0.0 : duration->second;
        if (length <= 0.0 && (node.contains("from") || node.contains("to") || node.contains("speed")))
            fail(path, "'" + s.posture + "' is a still posture: it has no time range or speed to play");
        p.play = flag(node, path, "play").value_or(true);
        p.loop = flag(node, path, "loop").value_or(true);
        p.speed = number(node, path, "speed", 0.25, 2.0).value_or(1.0);
        p.from = number(node, path, "from", 0.0, length).value_or(0.0);
        p.to = number(node, path, "to", 0.0, length);
        if (p.to && *p.to <= p.from) fail(path + ".to", "must be after 'from'");
        return p;
    }

    void camera(const Json& node, const std::string& path, LessonCamera& c) const {
        onlyKeys(node, path, {"preset", "focus", "target", "distance", "yaw_deg", "pitch_deg", "flight_s"});
        const bool explicitPose = node.contains("target") || node.contains("distance") || node.contains("yaw_deg") ||
                                  node.contains("pitch_deg");
        if (node.contains("preset") == explicitPose)
            fail(path,
                 "needs either 'preset' (with an optional 'focus') or 'target', 'distance', 'yaw_deg' and "
                 "'pitch_deg'");
        if (explicitPose) {
            if (node.contains("focus")) fail(path + ".focus", "frames a preset view; an explicit pose has no focus");
            CameraPose pose;
            const auto t = node.find("target");
            if (t == node.end() || !t->is_array() || t->size() != 3)
                fail(path + ".target", "must be [x, y, z] in metres");
            for (std::size_t i = 0; i < 3; ++i) {
                if (!(*t)[i].is_number() || !std::isfinite((*t)[i].get<double>()) ||
                    std::abs((*t)[i].get<double>()) > 5.0)
                    fail(path + ".target[" + std::to_string(i) + "]", "must be a number of metres within 5 m");
                pose.target[int(i)] = (*t)[i].get<float>();
            }
            const auto need = [&](const char* key, double lo, double hi) {
                const auto v = number(node, path, key, lo, hi);
                if (!v) fail(path, std::string("needs '") + key + "'");
                return float(*v);
            };
            pose.distance = need("distance", 0.2, 10.0);
            pose.yaw = need("yaw_deg", -360.0, 360.0) * std::numbers::pi_v<float> / 180.0f;
            pose.pitch = need("pitch_deg", -85.0, 85.0) * std::numbers::pi_v<float> / 180.0f;
            c.pose = pose;
        } else {
            const std::string preset = text(node, path, "preset");
            c.preset = viewPresetFromString(preset);
            if (!c.preset)
                fail(path + ".preset", "'" + preset +
                                           "' is not one of anterior, posterior, lateral, medial, "
                                           "superior, oblique");
            c.focus = text(node, path, "focus", false);
            if (!c.focus.empty()) checkStructure(path + ".focus", c.focus, true);
        }
        c.flightSeconds = float(number(node, path, "flight_s", kMinFlight, kMaxFlight).value_or(0.9));
    }

    void labels(const Json& node, const std::string& path, LessonStep& s) const {
        const auto it = node.find("labels");
        if (it == node.end()) return;
        if (!it->is_array()) fail(path + ".labels", "must be a list of {structure, text}");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string at = path + ".labels[" + std::to_string(i) + "]";
            const Json& l = (*it)[i];
            if (!l.is_object()) fail(at, "must be an object {structure, text}");
            onlyKeys(l, at, {"structure", "text"});
            LessonLabel label{text(l, at, "structure"), text(l, at, "text")};
            checkStructure(at + ".structure", label.structure, false);
            s.labels.push_back(std::move(label));
        }
    }

    void numbers(const Json& node, const std::string& path, LessonStep& s) const {
        const auto it = node.find("numbers");
        if (it == node.end()) return;
        if (!it->is_array()) fail(path + ".numbers", "must be a list");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string at = path + ".numbers[" + std::to_string(i) + "]";
            const Json& n = (*it)[i];
            if (!n.is_object()) fail(at, "must be an object");
            onlyKeys(n, at, {"disc_pressure", "muscle_change", "tightness"});
            if (n.size() != 1)
                fail(at,
                     "needs exactly one of 'disc_pressure' (a level), 'muscle_change' (a muscle) or 'tightness' "
                     "(hip_flexors)");
            LessonNumber number;
            if (n.contains("disc_pressure")) {
                number.kind = LessonNumber::Kind::DiscPressure;
                number.what = text(n, at, "disc_pressure");
                if (!vocabulary_.discLevels.contains(number.what))
                    fail(at + ".disc_pressure", "'" + number.what + "' is not a disc level (t12_l1 ... l5_s1)");
            } else if (n.contains("tightness")) {
                number.kind = LessonNumber::Kind::Tightness;
                number.what = text(n, at, "tightness");
                if (number.what != kTightnessGroup)
                    fail(at + ".tightness",
                         "'" + number.what + "' is not a tightness group (" + std::string(kTightnessGroup) + ")");
            } else {
                number.kind = LessonNumber::Kind::MuscleChange;
                number.what = text(n, at, "muscle_change");
                if (!vocabulary_.sidedMuscles.contains(number.what))
                    fail(at + ".muscle_change", "'" + number.what + "' is not a muscle and side (e.g. psoas_r)");
            }
            s.numbers.push_back(std::move(number));
        }
    }

private:
    static std::string trimmed(double v) {
        std::string s = std::to_string(v);
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }

    std::filesystem::path file_;
    const LessonVocabulary& vocabulary_;
};

}  // namespace

Lesson loadLesson(const std::filesystem::path& file, const LessonVocabulary& vocabulary) {
    const auto root = readJsonFile<Json>(file);
    const Reader r(file, vocabulary);
    r.onlyKeys(root, "(top)", {"format", "title", "description", "steps"});
    if (!root.contains("format") || root["format"] != kFormat)
        r.fail("format", std::string("must be \"") + kFormat + "\"");
    Lesson lesson;
    lesson.id = file.stem().string();
    lesson.file = file;
    lesson.title = r.text(root, "(top)", "title");
    lesson.description = r.text(root, "(top)", "description", false);
    const auto steps = root.find("steps");
    if (steps == root.end() || !steps->is_array() || steps->empty()) r.fail("steps", "must be a non-empty list");
    for (std::size_t i = 0; i < steps->size(); ++i)
        lesson.steps.push_back(r.step((*steps)[i], "steps[" + std::to_string(i) + "]"));
    return lesson;
}

std::vector<Lesson> loadLessonLibrary(const std::filesystem::path& folder, const LessonVocabulary& vocabulary) {
    std::vector<Lesson> lessons;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) throw FileError(folder, "no lessons folder");
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto& p = entry.path();
        if (p.extension() != ".json" || p.filename() == kPostureKeysFileName) continue;
        lessons.push_back(loadLesson(p, vocabulary));
    }
    std::sort(lessons.begin(), lessons.end(), [](const Lesson& a, const Lesson& b) { return a.id < b.id; });
    return lessons;
}

bool LessonCursor::next() {
    return go(step_ + 1);
}
bool LessonCursor::back() {
    return step_ > 0 && go(step_ - 1);
}
bool LessonCursor::home() {
    return go(0);
}
bool LessonCursor::go(std::size_t step) {
    if (step >= steps_ || step == step_) return false;
    step_ = step;
    return true;
}

}  // namespace lumbarlab
