// The quiz: the loader accepts a good quiz and names the file and JSON path of every kind of bad
// field; the session asks, takes one answer, moves on and keeps the score; a click answers by
// structure, either side of a muscle and either part of a disc.

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/quiz.h"
#include "scratch_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using namespace lumbarlab;

namespace {

LessonVocabulary vocabulary() {
    LessonVocabulary v;
    v.postures = {"neutral_standing", "sitting_relaxed", "couch_stretch_r"};
    v.structures = {"psoas_r", "psoas_l", "rectus_femoris_r", "rectus_femoris_l", "l4", "disc_l4_l5"};
    v.sidedMuscles = {"psoas_r", "psoas_l", "rectus_femoris_r", "rectus_femoris_l"};
    v.discLevels = {"l4_l5", "l5_s1"};
    return v;
}

Lesson lesson(std::size_t steps = 3) {
    Lesson l;
    l.id = "test_lesson";
    l.steps.resize(steps);
    return l;
}

const char* kChoiceQuestion = R"({"step": 1, "question": "Which is shorter sitting?",
     "choices": [{"text": "psoas", "muscle": "psoas"}, {"text": "rectus", "muscle": "rectus_femoris"}],
     "answer": 0, "check": {"most_shortened_in": "sitting_relaxed"}, "explain": "Because."})";
const char* kPickQuestion = R"({"step": 3, "question": "Click the muscle", "pick": "rectus_femoris",
     "pick_name": "the front thigh muscle", "check": {"most_lengthened_in": "couch_stretch_r"}})";
const char* kPressureQuestion = R"({"step": 2, "question": "Where is the pressure highest?",
     "choices": [{"text": "sitting", "posture": "sitting_relaxed"}, {"text": "standing", "posture": "neutral_standing"}],
     "answer": 1, "check": {"highest_pressure_at": "l4_l5"}})";

std::string quizText(const std::string& questions, const std::string& lessonId = "test_lesson") {
    return R"({"format": "lumbarlab-quiz/1", "lesson": ")" + lessonId + R"(", "questions": [)" + questions + "]}";
}

struct QuizDir {
    fs::path dir = processScratchDir("lumbarlab_quiz_test");
    QuizDir() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~QuizDir() { fs::remove_all(dir); }
    QuizDir(const QuizDir&) = delete;
    QuizDir& operator=(const QuizDir&) = delete;
    [[nodiscard]] fs::path write(const std::string& text) const {
        const fs::path file = dir / "test_lesson.json";
        std::ofstream(file) << text;
        return file;
    }
};

Quiz goodQuiz(const QuizDir& tmp) {
    return loadQuiz(tmp.write(quizText(std::string(kChoiceQuestion) + "," + kPressureQuestion + "," + kPickQuestion)),
                    lesson(), vocabulary());
}

}  // namespace

TEST_CASE("quiz: a good file loads with every field", "[unit][quiz]") {
    const QuizDir tmp;
    const Quiz quiz = goodQuiz(tmp);
    CHECK(quiz.lesson == "test_lesson");
    REQUIRE(quiz.questions.size() == 3);
    const QuizQuestion& a = quiz.questions[0];
    CHECK(a.step == 0);
    CHECK(a.choices.size() == 2);
    CHECK(a.choices[1].muscle == "rectus_femoris");
    CHECK(a.answer == 0);
    CHECK(a.check == QuizCheck::MostShortened);
    CHECK(a.checkPosture == "sitting_relaxed");
    CHECK(a.explain == "Because.");
    CHECK_FALSE(a.isPick());
    const QuizQuestion& b = quiz.questions[1];
    CHECK(b.check == QuizCheck::HighestPressure);
    CHECK(b.checkLevel == "l4_l5");
    CHECK(b.answer == 1);
    const QuizQuestion& c = quiz.questions[2];
    CHECK(c.isPick());
    CHECK(c.step == 2);
    CHECK(c.pick == "rectus_femoris");
    CHECK(c.pickName == "the front thigh muscle");
    CHECK(c.check == QuizCheck::MostLengthened);
    CHECK(c.checkSide.empty());
    const Quiz sided = loadQuiz(tmp.write(quizText(R"({"step": 1, "question": "q", "pick": "psoas", "pick_name": "p",
        "check": {"side": "left", "most_shortened_in": "sitting_relaxed"}})")),
                                lesson(), vocabulary());
    CHECK(sided.questions[0].checkSide == "left");
    CHECK(sided.questions[0].check == QuizCheck::MostShortened);
}

TEST_CASE("quiz: bad files name the file and the JSON path", "[unit][quiz]") {
    const QuizDir tmp;
    auto replaced = [](std::string text, const std::string& from, const std::string& to) {
        INFO("replacing " << from);
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    const std::string choice = kChoiceQuestion, pick = kPickQuestion, pressure = kPressureQuestion;
    const std::vector<std::pair<std::string, std::string>> bad = {
        {R"({"format": "lumbarlab-quiz/2", "lesson": "test_lesson", "questions": []})", "format: must be"},
        {quizText(choice, "other"), "lesson: 'other' is not this quiz's lesson"},
        {quizText(""), "questions: must be a non-empty list"},
        {quizText(choice).replace(1, 0, R"("colour": 1, )"), "(top).colour: unknown field"},
        {quizText(replaced(choice, R"("step": 1)", R"("step": 4)")), "questions[0].step: 4 is outside 1 to 3"},
        {quizText(replaced(choice, R"("step": 1)", R"("step": 1.5)")), "questions[0].step: must be a whole number"},
        {quizText(replaced(choice, R"("step": 1)", R"("step": "1")")), "questions[0].step: must be a whole number"},
        {quizText(replaced(choice, R"("answer": 0)", R"("answer": 2)")), "questions[0].answer: 2 is outside 0 to 1"},
        {quizText(replaced(choice, R"("answer": 0, )", "")), "questions[0]: needs 'answer'"},
        {quizText(replaced(choice, R"("muscle": "psoas")", R"("muscle": "psoaz")")),
         "questions[0].choices[0].muscle: 'psoaz' is not a muscle"},
        {quizText(replaced(choice, R"("muscle": "psoas")", R"("muscle": "psoas", "posture": "sitting_relaxed")")),
         "questions[0].choices[0]: a choice is a posture or a muscle"},
        {quizText(replaced(choice, R"(, {"text": "rectus", "muscle": "rectus_femoris"})", "")),
         "questions[0].choices: must be a list of 2 to 4"},
        {quizText(replaced(choice, R"("question": "Which is shorter sitting?")", R"("question": "")")),
         "questions[0].question: must not be empty"},
        {quizText(replaced(choice, R"("question": "Which is shorter sitting?")",
                           "\"question\": \"" + std::string(161, 'x') + "\"")),
         "questions[0].question: 161 characters, at most 160"},
        {quizText(replaced(choice, R"("explain": "Because.")", R"("hint": "Because.")")),
         "questions[0].hint: unknown field"},
        {quizText(replaced(choice, R"("most_shortened_in": "sitting_relaxed")", R"("most_shortened_in": "sofa")")),
         "questions[0].check.most_shortened_in: 'sofa' is not a posture"},
        {quizText(replaced(choice, R"("most_shortened_in")", R"("highest_pressure_at")")),
         "questions[0].check.highest_pressure_at: 'sitting_relaxed' is not a disc level"},
        {quizText(replaced(choice, R"("most_shortened_in": "sitting_relaxed")", R"("highest_pressure_at": "l4_l5")")),
         "questions[0].check: choices[0] needs a posture for this check"},
        {quizText(
             replaced(pressure, R"("highest_pressure_at": "l4_l5")", R"("most_lengthened_in": "sitting_relaxed")")),
         "questions[0].check: choices[0] needs a muscle for this check"},
        {quizText(replaced(choice, R"({"most_shortened_in": "sitting_relaxed"})", "{}")),
         "questions[0].check: must be one of"},
        {quizText(replaced(choice, R"("most_shortened_in": "sitting_relaxed")",
                           R"("most_shortened_in": "sitting_relaxed", "side": "middle")")),
         "questions[0].check.side: must be \"right\" or \"left\""},
        {quizText(replaced(choice, R"({"most_shortened_in": "sitting_relaxed"})", R"({"side": "right"})")),
         "questions[0].check: must be one of"},
        {quizText(replaced(pressure, R"("highest_pressure_at": "l4_l5")",
                           R"("highest_pressure_at": "l4_l5", "side": "left")")),
         "questions[0].check.side: only for a muscle check"},
        {quizText(replaced(choice, R"({"most_shortened_in": "sitting_relaxed"})", R"({"tallest": "l4"})")),
         "questions[0].check.tallest: unknown field"},
        {quizText(replaced(pick, R"("pick": "rectus_femoris")", R"("pick": "kidney")")),
         "questions[0].pick: 'kidney' is not a muscle or structure"},
        {quizText(replaced(pick, R"("pick": "rectus_femoris")", R"("pick": "l4")")),
         "questions[0].check.most_lengthened_in: needs a muscle to pick"},
        {quizText(replaced(pick, R"("pick_name": "the front thigh muscle", )", "")), "questions[0]: needs 'pick_name'"},
        {quizText(replaced(pick, R"("pick": "rectus_femoris")",
                           R"("pick": "rectus_femoris", "choices": [{"text": "a"}, {"text": "b"}])")),
         "questions[0]: needs either 'choices'"},
        {quizText(replaced(pick, R"("pick": "rectus_femoris")", R"("pick": "rectus_femoris", "answer": 0)")),
         "questions[0].answer: a 'pick' question is answered by its pick"},
        {quizText(pick + "," + choice), "questions[1].step: questions go in step order"},
        {quizText(choice + "," + choice + "," + choice + "," + choice), "questions[3].step: step 1 already has 3"},
        {"{ \"format\": ", "test_lesson.json"},
    };
    for (const auto& [text, expected] : bad) {
        INFO(text);
        try {
            (void)loadQuiz(tmp.write(text), lesson(), vocabulary());
            FAIL("loaded a bad quiz");
        } catch (const FileError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find("test_lesson.json") != std::string::npos);
            CHECK(what.find(expected) != std::string::npos);
        }
    }
    CHECK_THROWS_AS(loadQuiz(tmp.dir / "missing.json", lesson(), vocabulary()), FileError);
}

TEST_CASE("quiz: a click answers by structure, either side, either part of a disc", "[unit][quiz]") {
    CHECK(pickMatches("psoas", "muscle_psoas_r"));
    CHECK(pickMatches("psoas", "muscle_psoas_l"));
    CHECK_FALSE(pickMatches("psoas", "muscle_iliacus_r"));
    CHECK(pickMatches("disc_l4_l5", "disc_l4_l5_nucleus"));
    CHECK(pickMatches("disc_l4_l5", "disc_l4_l5_annulus"));
    CHECK_FALSE(pickMatches("disc_l4_l5", "disc_l5_s1_nucleus"));
    CHECK(pickMatches("l4", "l4"));
    CHECK_FALSE(pickMatches("l4", "l4_foo"));
    CHECK_FALSE(pickMatches("", ""));
}

TEST_CASE("quiz: the session asks, takes one answer, moves on and keeps the score", "[unit][quiz]") {
    const QuizDir tmp;
    QuizSession s(goodQuiz(tmp));
    REQUIRE(s.total() == 3);
    CHECK(s.phase() == QuizPhase::Asking);
    CHECK(s.index() == 0);
    CHECK_FALSE(s.next());                        // nothing answered yet
    CHECK_FALSE(s.answerPick("muscle_psoas_r"));  // a choice question takes no click
    CHECK_FALSE(s.answerChoice(2));               // out of range
    CHECK(s.phase() == QuizPhase::Asking);
    CHECK(s.answerChoice(0));  // right
    CHECK(s.phase() == QuizPhase::Answered);
    CHECK(s.lastCorrect());
    CHECK(s.lastChoice() == std::optional<std::size_t>(0));
    CHECK(s.score() == 1);
    CHECK_FALSE(s.answerChoice(1));  // one answer per question: the score cannot be fixed afterwards
    CHECK(s.score() == 1);
    QuizPanelData panel = quizPanel(s);
    CHECK(panel.number == 1);
    CHECK(panel.answered);
    CHECK(panel.correct);
    CHECK(panel.feedback == "Right. Because.");

    CHECK(s.next());
    CHECK(s.index() == 1);
    CHECK(s.answerChoice(0));  // wrong: the answer is 1
    CHECK_FALSE(s.lastCorrect());
    CHECK(s.score() == 1);
    panel = quizPanel(s);
    CHECK_FALSE(panel.correct);
    CHECK(panel.answer == std::optional<std::size_t>(1));
    CHECK(panel.chosen == std::optional<std::size_t>(0));
    CHECK(panel.feedback == "Not quite: the answer is standing.");

    CHECK(s.next());
    CHECK(s.current()->isPick());
    CHECK(quizPanel(s).pick);
    CHECK_FALSE(s.answerChoice(0));  // a click question takes no choice
    CHECK(s.answerPick("muscle_rectus_femoris_l"));
    CHECK(s.lastCorrect());
    CHECK(s.score() == 2);
    CHECK(s.next());
    CHECK(s.phase() == QuizPhase::Finished);
    CHECK(s.current() == nullptr);
    CHECK_FALSE(s.next());
    CHECK_FALSE(s.answerChoice(0));
    panel = quizPanel(s);
    CHECK(panel.finished);
    CHECK(panel.result == "You scored 2 of 3.");

    s.restart();
    CHECK(s.phase() == QuizPhase::Asking);
    CHECK(s.index() == 0);
    CHECK(s.score() == 0);
    CHECK(s.answerChoice(1));  // wrong this time
    CHECK(s.next());
    CHECK(s.answerChoice(1));  // right
    CHECK(s.next());
    CHECK(s.answerPick("l4"));  // wrong structure
    CHECK_FALSE(s.lastCorrect());
    CHECK(s.next());
    CHECK(quizPanel(s).result == "You scored 1 of 3.");
}
