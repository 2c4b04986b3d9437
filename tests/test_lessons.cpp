// Lessons as data: the loader accepts a good lesson, and names the file and the JSON path of every
// kind of bad field; the cursor walks the steps; numbers never print "-0.0".

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/number_format.h"
#include "lumbarlab/view/plain_names.h"
#include "scratch_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;
using namespace lumbarlab;

namespace {

LessonVocabulary vocabulary() {
    LessonVocabulary v;
    v.postures = {"neutral_standing", "sitting_relaxed", "walking"};
    v.motionDurations = {{"walking", 1.1}};
    v.structures = {"psoas_r", "psoas_l", "l4", "disc_l4_l5", "femur_r"};
    v.sidedMuscles = {"psoas_r", "psoas_l"};
    v.groups = {"body", "muscles", "hip_flexors", "spine"};
    v.discLevels = {"l4_l5", "l5_s1"};
    return v;
}

const char* kGood = R"({
  "format": "lumbarlab-lesson/1",
  "title": "Test lesson",
  "steps": [
    {"title": "One", "caption": ["first line", "second line"], "posture": "neutral_standing",
     "camera": {"preset": "lateral", "focus": "spine"}, "hide": ["body"], "show": ["psoas_r"],
     "emphasise": ["psoas_r"], "labels": [{"structure": "l4", "text": "fourth lumbar"}],
     "numbers": [{"disc_pressure": "l4_l5"}, {"muscle_change": "psoas_r"}, {"tightness": "hip_flexors"}],
     "panels": ["evidence"], "tight_hip_flexors_pct": 12.5},
    {"title": "Two", "caption": ["a", "b", "c"], "posture": "walking", "hold_s": 4.5,
     "playback": {"loop": false, "speed": 0.5, "from": 0.2, "to": 0.9},
     "camera": {"target": [0, 1, 0], "distance": 1.5, "yaw_deg": 90, "pitch_deg": 10, "flight_s": 1.2}}
  ]
})";

struct LessonScratch {
    fs::path dir = processScratchDir("lumbarlab_lesson_test");
    LessonScratch() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~LessonScratch() { fs::remove_all(dir); }
    LessonScratch(const LessonScratch&) = delete;
    LessonScratch& operator=(const LessonScratch&) = delete;
    [[nodiscard]] fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name) << text;
        return dir / name;
    }
};

/// The good lesson with one substring replaced.
std::string with(const std::string& from, const std::string& to) {
    std::string s = kGood;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("lessons: a good lesson loads with every field", "[unit][lessons]") {
    const LessonScratch tmp;
    const Lesson lesson = loadLesson(tmp.write("intro.json", kGood), vocabulary());
    CHECK(lesson.id == "intro");
    CHECK(lesson.title == "Test lesson");
    REQUIRE(lesson.steps.size() == 2);
    const LessonStep& one = lesson.steps[0];
    CHECK(one.caption.size() == 2);
    CHECK(one.camera.preset == ViewPreset::Lateral);
    CHECK(one.camera.focus == "spine");
    CHECK(one.camera.flightSeconds == Approx(0.9f));
    CHECK(one.hide == std::vector<std::string>{"body"});
    CHECK(one.labels.at(0).text == "fourth lumbar");
    REQUIRE(one.numbers.size() == 3);
    CHECK(one.numbers[0].kind == LessonNumber::Kind::DiscPressure);
    CHECK(one.numbers[1].kind == LessonNumber::Kind::MuscleChange);
    CHECK(one.numbers[2].kind == LessonNumber::Kind::Tightness);
    CHECK(one.tightHipFlexorsPct == Approx(12.5));
    CHECK(one.panels == std::vector<std::string>{"evidence"});
    CHECK(one.holdSeconds == Approx(kDefaultHoldSeconds));  // no hold_s: the default
    const LessonStep& two = lesson.steps[1];
    CHECK(two.tightHipFlexorsPct == 0.0);  // not said: untightened
    CHECK(two.holdSeconds == Approx(4.5));
    CHECK_FALSE(two.playback.loop);
    CHECK(two.playback.speed == Approx(0.5));
    CHECK(two.playback.from == Approx(0.2));
    REQUIRE(two.playback.to);
    CHECK(*two.playback.to == Approx(0.9));
    REQUIRE(two.camera.pose);
    CHECK(two.camera.pose->target.y == Approx(1.0f));
    CHECK(two.camera.pose->yaw == Approx(1.5708f).epsilon(1e-4));
    CHECK(two.camera.flightSeconds == Approx(1.2f));
}

TEST_CASE("lessons: a bad field is named by file and JSON path", "[unit][lessons]") {
    const LessonScratch tmp;
    const auto v = vocabulary();
    struct Case {
        std::string from, to, expected;
    };
    const std::vector<Case> cases{
        {"\"neutral_standing\"", "\"standing_on_head\"", "steps[0].posture: 'standing_on_head' is not a posture"},
        {"\"lateral\"", "\"frontal\"", "steps[0].camera.preset: 'frontal' is not one of"},
        {"\"focus\": \"spine\"", "\"focus\": \"spleen\"", "steps[0].camera.focus: 'spleen' is not a known"},
        {"[\"body\"]", "[\"bdoy\"]", "steps[0].hide[0]: 'bdoy'"},
        {"\"emphasise\": [\"psoas_r\"]", "\"emphasise\": [\"hip_flexors\"]", "steps[0].emphasise[0]"},
        {"\"l4\", \"text\"", "\"l9\", \"text\"", "steps[0].labels[0].structure: 'l9'"},
        {"\"l4_l5\"}", "\"l4_l6\"}", "steps[0].numbers[0].disc_pressure: 'l4_l6' is not a disc level"},
        {"\"muscle_change\": \"psoas_r\"", "\"muscle_change\": \"l4\"", "steps[0].numbers[1].muscle_change"},
        {"[\"evidence\"]", "[\"quiz\"]", "steps[0].panels[0]"},
        {"\"tight_hip_flexors_pct\": 12.5", "\"tight_hip_flexors_pct\": 31",
         "steps[0].tight_hip_flexors_pct: 31 is outside 0 to 30"},
        {"\"tight_hip_flexors_pct\": 12.5", "\"tight_hip_flexors_pct\": -1",
         "steps[0].tight_hip_flexors_pct: -1 is outside"},
        {"\"tight_hip_flexors_pct\": 12.5", "\"tight_hip_flexors_pct\": \"ten\"",
         "steps[0].tight_hip_flexors_pct: must be a number"},
        {"{\"tightness\": \"hip_flexors\"}", "{\"tightness\": \"hamstrings\"}",
         "steps[0].numbers[2].tightness: 'hamstrings' is not a tightness group"},
        {"[\"first line\", \"second line\"]", "[\"only one line\"]", "steps[0].caption: must be a list of 2 or 3"},
        {"\"speed\": 0.5", "\"speed\": 7", "steps[1].playback.speed: 7 is outside 0.25 to 2"},
        {"\"to\": 0.9", "\"to\": 0.1", "steps[1].playback.to: must be after 'from'"},
        {"\"to\": 0.9", "\"to\": 5", "steps[1].playback.to: 5 is outside 0 to 1.1"},
        {"\"flight_s\": 1.2", "\"flight_s\": 3", "steps[1].camera.flight_s: 3 is outside 0.6 to 1.2"},
        {"\"hold_s\": 4.5", "\"hold_s\": 0.5", "steps[1].hold_s: 0.5 is outside 1 to 60"},
        {"\"hold_s\": 4.5", "\"hold_s\": \"long\"", "steps[1].hold_s: must be a number"},
        {"\"pitch_deg\": 10", "\"pitch_deg\": \"ten\"", "steps[1].camera.pitch_deg: must be a number"},
        {"\"distance\": 1.5, ", "", "steps[1].camera: needs 'distance'"},
        {"\"title\": \"Two\"", "\"titel\": \"Two\"", "steps[1].titel: unknown field"},
        {"\"format\": \"lumbarlab-lesson/1\"", "\"format\": \"lumbarlab-lesson/9\"", "format: must be"},
        {"\"camera\": {\"preset\": \"lateral\", \"focus\": \"spine\"}, ", "", "steps[0]: needs 'camera'"},
    };
    for (const Case& c : cases) {
        INFO(c.expected);
        const fs::path file = tmp.write("bad.json", with(c.from, c.to));
        CHECK_THROWS_WITH(loadLesson(file, v), Catch::Contains("bad.json") && Catch::Contains(c.expected));
    }
    // A still posture has no time range; a preset camera plus an explicit pose is ambiguous.
    CHECK_THROWS_WITH(loadLesson(tmp.write("bad.json", with("\"walking\"", "\"sitting_relaxed\"")), v),
                      Catch::Contains("steps[1].playback") && Catch::Contains("still posture"));
    CHECK_THROWS_WITH(loadLesson(tmp.write("bad.json", with("\"target\"", "\"preset\": \"lateral\", \"target\"")), v),
                      Catch::Contains("steps[1].camera: needs either"));
    CHECK_THROWS_AS(loadLesson(tmp.write("bad.json", "{\"format\": "), v), FileError);
    CHECK_THROWS_WITH(
        loadLesson(tmp.write("bad.json", R"({"format": "lumbarlab-lesson/1", "title": "x", "steps": []})"), v),
        Catch::Contains("steps: must be a non-empty list"));
}

TEST_CASE("lessons: the library skips the posture keys and sorts by id; a bad lesson fails it", "[unit][lessons]") {
    const LessonScratch tmp;
    (void)tmp.write("b_second.json", kGood);
    (void)tmp.write("a_first.json", kGood);
    (void)tmp.write(kPostureKeysFileName, R"({"keys": {}})");
    (void)tmp.write("notes.txt", "not json");
    const auto lessons = loadLessonLibrary(tmp.dir, vocabulary());
    REQUIRE(lessons.size() == 2);
    CHECK(lessons[0].id == "a_first");
    CHECK(lessons[1].id == "b_second");
    (void)tmp.write("c_bad.json", with("\"lateral\"", "\"sideways\""));
    CHECK_THROWS_WITH(loadLessonLibrary(tmp.dir, vocabulary()), Catch::Contains("c_bad.json"));
    CHECK_THROWS_AS(loadLessonLibrary(tmp.dir / "missing", vocabulary()), FileError);
}

TEST_CASE("lessons: the cursor steps forward, back and home within the lesson", "[unit][lessons]") {
    LessonCursor c(3);
    CHECK(c.step() == 0);
    CHECK_FALSE(c.back());
    CHECK(c.next());
    CHECK(c.next());
    CHECK(c.step() == 2);
    CHECK_FALSE(c.next());  // the last step stays
    CHECK(c.back());
    CHECK(c.step() == 1);
    CHECK(c.home());
    CHECK(c.step() == 0);
    CHECK_FALSE(c.home());
    CHECK(LessonCursor(3, 7).step() == 2);  // a saved step past the end clamps
}

TEST_CASE("numbers: fixed decimals, no -0.0, a no-break space before the unit", "[unit][format]") {
    CHECK(formatNumber(-0.04, 1) == "0.0");
    CHECK(formatNumber(-0.04, 1, true) == "0.0");
    CHECK(formatNumber(-0.0, 2) == "0.00");
    CHECK(formatNumber(4.25, 1, true) == "+4.2");  // 4.25 is 4.2499... in binary
    CHECK(formatNumber(-3.96, 1, true) == "-4.0");
    CHECK(formatNumber(0.504, 2) == "0.50");
    CHECK(formatNumber(std::nan(""), 1) == "n/a");
    const std::string s = formatWithUnit(12.34, 1, "%", true);
    CHECK(s == std::string("+12.3") + kNoBreakSpace + "%");
    CHECK(s.find(' ') == std::string::npos);  // nothing for a wrap to split at
}

TEST_CASE("names: coordinates read as plain words, with their side", "[unit][format]") {
    CHECK(plainCoordinateName("hip_flexion_r") == "Hip bend (flexion), right");
    CHECK(plainCoordinateName("knee_angle_l") == "Knee bend, left");
    CHECK(plainCoordinateName("pelvis_ty") == "Body height");
    CHECK(plainCoordinateName("lumbar_flexion") == "Lower back bend (flexion)");
    CHECK(plainCoordinateName("new_thing") == "New thing");
}
