#pragma once
// A quiz over a lesson: questions as data (assets/quizzes/<lesson>.json), each tied to a lesson step
// and answered by choosing one of a few answers or by clicking a structure in the 3D view. Each
// question may name the model check its answer must agree with (a model test computes it). The
// session walks the questions and keeps the score. No GL, no ImGui.

#include "lumbarlab/view/lesson.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

inline constexpr const char* kQuizFolderName = "quizzes";

/// One answer to choose; `posture` or `muscle` say what it stands for, for the model check.
struct QuizChoice {
    std::string text;
    std::string posture;  ///< a posture id, or ""
    std::string muscle;   ///< a muscle id without side ("psoas"), or ""
};

/// What the model must agree with: the right answer is the muscle lengthened (shortened) most in a
/// posture (its extreme over a motion), or the posture with the highest pressure in a disc.
enum class QuizCheck { None, MostLengthened, MostShortened, HighestPressure };

struct QuizQuestion {
    std::size_t step = 0;  ///< 0-based lesson step (the file counts from 1, as the step strip does)
    std::string question;
    std::vector<QuizChoice> choices;  ///< empty: answered by clicking `pick` in the 3D view
    std::size_t answer = 0;           ///< the right choice
    std::string pick;                 ///< a muscle id (either side counts) or a structure id ("disc_l4_l5")
    std::string pickName;             ///< what the feedback calls it
    std::string explain;              ///< shown after the answer, right or wrong
    QuizCheck check = QuizCheck::None;
    std::string checkPosture;  ///< MostLengthened, MostShortened
    std::string checkSide;     ///< MostLengthened, MostShortened: "right" or "left" only ("" = either)
    std::string checkLevel;    ///< HighestPressure: "l4_l5"
    [[nodiscard]] bool isPick() const { return choices.empty(); }
};

struct Quiz {
    std::string lesson;                   ///< the lesson id, also the file's name
    std::vector<QuizQuestion> questions;  ///< in step order
};

/// Reads and checks a quiz for `lesson`: every field known and typed, steps within the lesson, at
/// most three questions a step, 2-4 choices, the answer one of them, postures, muscles, structures
/// and disc levels known, checks that fit the question. Throws FileError
/// "FILE: questions[2].choices[1].muscle: 'psoaz' is not a muscle (e.g. psoas, rectus_femoris)".
[[nodiscard]] Quiz loadQuiz(const std::filesystem::path& file, const Lesson& lesson,
                            const LessonVocabulary& vocabulary);

/// Whether clicking scene object `objectId` answers `pick`: "muscle_psoas_l" answers "psoas",
/// "disc_l4_l5_nucleus" answers "disc_l4_l5", "l4" answers "l4".
[[nodiscard]] bool pickMatches(const std::string& pick, const std::string& objectId);

enum class QuizPhase { Asking, Answered, Finished };

/// Walks a quiz: ask, answer (once), next; the score counts first answers that were right.
class QuizSession {
public:
    explicit QuizSession(Quiz quiz);

    [[nodiscard]] const Quiz& quiz() const { return quiz_; }
    [[nodiscard]] QuizPhase phase() const { return phase_; }
    [[nodiscard]] std::size_t index() const { return index_; }
    [[nodiscard]] std::size_t total() const { return quiz_.questions.size(); }
    [[nodiscard]] std::size_t score() const { return score_; }
    /// The question asked or just answered; nullptr once finished.
    [[nodiscard]] const QuizQuestion* current() const;
    /// The last answer: right or not, and the choice made (nullopt for a click in 3D).
    [[nodiscard]] bool lastCorrect() const { return lastCorrect_; }
    [[nodiscard]] std::optional<std::size_t> lastChoice() const { return lastChoice_; }

    /// Answers a choice question; false (and nothing changes) when not asking one or out of range.
    bool answerChoice(std::size_t choice);
    /// Answers a click question with the clicked object's id; false when not asking one.
    bool answerPick(const std::string& objectId);
    /// After an answer: the next question, or the end. False when there was nothing to move on from.
    bool next();
    void restart();

private:
    Quiz quiz_;
    std::size_t index_ = 0, score_ = 0;
    QuizPhase phase_ = QuizPhase::Asking;
    bool lastCorrect_ = false;
    std::optional<std::size_t> lastChoice_;
    void answered(bool correct);
};

/// What the quiz panel shows.
struct QuizPanelData {
    std::size_t number = 0, total = 0, score = 0;  ///< number: 1-based
    std::string question;
    std::vector<std::string> choices;  ///< empty for a click question
    bool pick = false, answered = false, correct = false, finished = false;
    std::optional<std::size_t> chosen, answer;
    std::string feedback;  ///< "Right." / "Not quite: the answer is ..." and the explanation
    std::string result;    ///< at the end: "You scored 4 of 5."
};
[[nodiscard]] QuizPanelData quizPanel(const QuizSession& session);

}  // namespace lumbarlab
