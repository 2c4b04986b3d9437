#include "lumbarlab/view/quiz.h"

#include "lumbarlab/anatomy/json_file.h"
#include "lumbarlab/core/file_error.h"

#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <utility>

namespace lumbarlab {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "lumbarlab-quiz/1";
constexpr std::size_t kMinChoices = 2, kMaxChoices = 4, kMaxPerStep = 3;
constexpr std::size_t kMaxQuestionChars = 160, kMaxExplainChars = 240, kMaxChoiceChars = 60;

/// Reads one quiz file; every error names the file and the JSON path of the bad field.
class Reader {
public:
    Reader(std::filesystem::path file, const Lesson& lesson, const LessonVocabulary& vocabulary)
        : file_(std::move(file)), lesson_(lesson), vocabulary_(vocabulary) {
        for (const std::string& sided : vocabulary.sidedMuscles) muscles_.insert(sided.substr(0, sided.size() - 2));
    }

    [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
        throw FileError(file_, path + ": " + problem);
    }

    void onlyKeys(const Json& node, const std::string& path, std::initializer_list<const char*> allowed) const {
        for (const auto& [key, value] : node.items()) {
            bool known = false;
            for (const char* a : allowed) known = known || key == a;
            if (known) continue;
            std::string list;
            for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
            fail(path + "." + key, "unknown field (known: " + list + ")");
        }
    }

    [[nodiscard]] std::string text(const Json& node, const std::string& path, const char* key, std::size_t maxChars,
                                   bool required = true) const {
        const auto it = node.find(key);
        if (it == node.end()) {
            if (required) fail(path, std::string("needs '") + key + "'");
            return {};
        }
        if (!it->is_string()) fail(path + "." + key, "must be a string");
        std::string s = it->get<std::string>();
        if (required && s.empty()) fail(path + "." + key, "must not be empty");
        if (s.size() > maxChars)
            fail(path + "." + key, std::to_string(s.size()) + " characters, at most " + std::to_string(maxChars));
        return s;
    }

    [[nodiscard]] std::size_t count(const Json& node, const std::string& path, const char* key, std::size_t lo,
                                    std::size_t hi) const {
        const auto it = node.find(key);
        if (it == node.end()) fail(path, std::string("needs '") + key + "'");
        const bool whole = it->is_number_integer() || (it->is_number_float() && std::isfinite(it->get<double>()) &&
                                                       std::floor(it->get<double>()) == it->get<double>());
        if (!whole) fail(path + "." + key, "must be a whole number");
        const double v = it->get<double>();
        if (v < double(lo) || v > double(hi))
            fail(path + "." + key, it->dump() + " is outside " + std::to_string(lo) + " to " + std::to_string(hi));
        return std::size_t(v);
    }

    void posture(const std::string& path, const std::string& id) const {
        if (!vocabulary_.postures.contains(id))
            fail(path, "'" + id + "' is not a posture or motion (see 'lumbarlab poses')");
    }
    void muscle(const std::string& path, const std::string& id) const {
        if (!muscles_.contains(id)) fail(path, "'" + id + "' is not a muscle (e.g. psoas, rectus_femoris)");
    }

    [[nodiscard]] QuizChoice choice(const Json& node, const std::string& path) const {
        if (!node.is_object()) fail(path, "must be an object");
        onlyKeys(node, path, {"text", "posture", "muscle"});
        QuizChoice c;
        c.text = text(node, path, "text", kMaxChoiceChars);
        c.posture = text(node, path, "posture", 80, false);
        c.muscle = text(node, path, "muscle", 80, false);
        if (!c.posture.empty()) posture(path + ".posture", c.posture);
        if (!c.muscle.empty()) muscle(path + ".muscle", c.muscle);
        if (!c.posture.empty() && !c.muscle.empty()) fail(path, "a choice is a posture or a muscle, not both");
        return c;
    }

    void check(const Json& node, const std::string& path, QuizQuestion& q) const {
        constexpr const char* kKinds =
            "one of {\"most_lengthened_in\": POSTURE}, {\"most_shortened_in\": POSTURE} "
            "(either with \"side\": \"right\" or \"left\"), {\"highest_pressure_at\": LEVEL}";
        if (!node.is_object()) fail(path, std::string("must be ") + kKinds);
        onlyKeys(node, path, {"most_lengthened_in", "most_shortened_in", "highest_pressure_at", "side"});
        const std::size_t kinds = node.size() - (node.contains("side") ? 1 : 0);
        if (kinds != 1) fail(path, std::string("must be ") + kKinds);
        if (const auto side = node.find("side"); side != node.end()) {
            if (!side->is_string() || (*side != "right" && *side != "left"))
                fail(path + ".side", "must be \"right\" or \"left\"");
            if (node.contains("highest_pressure_at")) fail(path + ".side", "only for a muscle check");
            q.checkSide = side->get<std::string>();
        }
        auto kind = node.items().begin();
        if (kind.key() == "side") ++kind;
        const std::string key = kind.key();
        const Json& value = kind.value();
        const std::string at = path + "." + key;
        if (!value.is_string()) fail(at, "must be a string");
        const std::string v = value.get<std::string>();
        if (key == "highest_pressure_at") {
            if (!vocabulary_.discLevels.contains(v)) fail(at, "'" + v + "' is not a disc level (e.g. l4_l5)");
            if (q.isPick()) fail(at, "needs choices, each with a posture");
            for (std::size_t i = 0; i < q.choices.size(); ++i)
                if (q.choices[i].posture.empty())
                    fail(path, "choices[" + std::to_string(i) + "] needs a posture for this check");
            q.check = QuizCheck::HighestPressure;
            q.checkLevel = v;
            return;
        }
        posture(at, v);
        q.check = key == "most_lengthened_in" ? QuizCheck::MostLengthened : QuizCheck::MostShortened;
        q.checkPosture = v;
        if (q.isPick()) {
            if (!muscles_.contains(q.pick)) fail(at, "needs a muscle to pick, not '" + q.pick + "'");
            return;
        }
        for (std::size_t i = 0; i < q.choices.size(); ++i)
            if (q.choices[i].muscle.empty())
                fail(path, "choices[" + std::to_string(i) + "] needs a muscle for this check");
    }

    [[nodiscard]] QuizQuestion question(const Json& node, const std::string& path) const {
        if (!node.is_object()) fail(path, "must be an object");
        onlyKeys(node, path, {"step", "question", "choices", "answer", "pick", "pick_name", "check", "explain"});
        QuizQuestion q;
        q.step = count(node, path, "step", 1, lesson_.steps.size()) - 1;
        q.question = text(node, path, "question", kMaxQuestionChars);
        q.explain = text(node, path, "explain", kMaxExplainChars, false);
        const bool choices = node.contains("choices"), pick = node.contains("pick");
        if (choices == pick) fail(path, "needs either 'choices' (with 'answer') or 'pick' (click in 3D), not both");
        if (choices) {
            const Json& list = node["choices"];
            if (!list.is_array() || list.size() < kMinChoices || list.size() > kMaxChoices)
                fail(path + ".choices", "must be a list of 2 to 4 choices");
            for (std::size_t i = 0; i < list.size(); ++i)
                q.choices.push_back(choice(list[i], path + ".choices[" + std::to_string(i) + "]"));
            q.answer = count(node, path, "answer", 0, q.choices.size() - 1);
            if (node.contains("pick_name")) fail(path + ".pick_name", "only for a 'pick' question");
        } else {
            if (node.contains("answer")) fail(path + ".answer", "a 'pick' question is answered by its pick");
            q.pick = text(node, path, "pick", 80);
            if (!muscles_.contains(q.pick) && !vocabulary_.structures.contains(q.pick))
                fail(path + ".pick", "'" + q.pick + "' is not a muscle or structure (e.g. psoas, l4, disc_l4_l5)");
            q.pickName = text(node, path, "pick_name", kMaxChoiceChars);
        }
        if (const auto it = node.find("check"); it != node.end()) check(*it, path + ".check", q);
        return q;
    }

private:
    std::filesystem::path file_;
    const Lesson& lesson_;
    const LessonVocabulary& vocabulary_;
    std::set<std::string> muscles_;
};

}  // namespace

Quiz loadQuiz(const std::filesystem::path& file, const Lesson& lesson, const LessonVocabulary& vocabulary) {
    const auto root = readJsonFile<Json>(file);
    const Reader r(file, lesson, vocabulary);
    r.onlyKeys(root, "(top)", {"format", "lesson", "description", "questions"});
    if (!root.contains("format") || root["format"] != kFormat)
        r.fail("format", std::string("must be \"") + kFormat + "\"");
    Quiz quiz;
    quiz.lesson = r.text(root, "(top)", "lesson", 80);
    if (quiz.lesson != lesson.id)
        r.fail("lesson", "'" + quiz.lesson + "' is not this quiz's lesson '" + lesson.id + "'");
    (void)r.text(root, "(top)", "description", 400, false);
    const auto questions = root.find("questions");
    if (questions == root.end() || !questions->is_array() || questions->empty())
        r.fail("questions", "must be a non-empty list");
    std::map<std::size_t, std::size_t> perStep;
    for (std::size_t i = 0; i < questions->size(); ++i) {
        const std::string path = "questions[" + std::to_string(i) + "]";
        QuizQuestion q = r.question((*questions)[i], path);
        if (++perStep[q.step] > kMaxPerStep)
            r.fail(path + ".step",
                   "step " + std::to_string(q.step + 1) + " already has " + std::to_string(kMaxPerStep) + " questions");
        if (!quiz.questions.empty() && q.step < quiz.questions.back().step)
            r.fail(path + ".step", "questions go in step order (step " + std::to_string(q.step + 1) + " after step " +
                                       std::to_string(quiz.questions.back().step + 1) + ")");
        quiz.questions.push_back(std::move(q));
    }
    return quiz;
}

bool pickMatches(const std::string& pick, const std::string& objectId) {
    if (pick.empty()) return false;
    if (objectId == pick) return true;
    const std::string muscle = "muscle_" + pick;
    if (objectId == muscle + "_r" || objectId == muscle + "_l") return true;
    return objectId.rfind(pick + "_", 0) == 0 && pick.rfind("disc_", 0) == 0;  // a disc's ring or centre
}

QuizSession::QuizSession(Quiz quiz) : quiz_(std::move(quiz)) {
    if (quiz_.questions.empty()) phase_ = QuizPhase::Finished;
}

const QuizQuestion* QuizSession::current() const {
    return phase_ == QuizPhase::Finished ? nullptr : &quiz_.questions[index_];
}

void QuizSession::answered(bool correct) {
    lastCorrect_ = correct;
    if (correct) ++score_;
    phase_ = QuizPhase::Answered;
}

bool QuizSession::answerChoice(std::size_t choice) {
    const QuizQuestion* q = current();
    if (phase_ != QuizPhase::Asking || !q || q->isPick() || choice >= q->choices.size()) return false;
    lastChoice_ = choice;
    answered(choice == q->answer);
    return true;
}

bool QuizSession::answerPick(const std::string& objectId) {
    const QuizQuestion* q = current();
    if (phase_ != QuizPhase::Asking || !q || !q->isPick()) return false;
    lastChoice_.reset();
    answered(pickMatches(q->pick, objectId));
    return true;
}

bool QuizSession::next() {
    if (phase_ != QuizPhase::Answered) return false;
    if (index_ + 1 < quiz_.questions.size()) {
        ++index_;
        phase_ = QuizPhase::Asking;
    } else {
        phase_ = QuizPhase::Finished;
    }
    lastChoice_.reset();
    return true;
}

void QuizSession::restart() {
    index_ = 0, score_ = 0;
    lastCorrect_ = false;
    lastChoice_.reset();
    phase_ = quiz_.questions.empty() ? QuizPhase::Finished : QuizPhase::Asking;
}

QuizPanelData quizPanel(const QuizSession& session) {
    QuizPanelData data;
    data.total = session.total();
    data.score = session.score();
    data.finished = session.phase() == QuizPhase::Finished;
    if (data.finished) {
        data.number = data.total;
        data.result = "You scored " + std::to_string(data.score) + " of " + std::to_string(data.total) + ".";
        return data;
    }
    const QuizQuestion& q = *session.current();
    data.number = session.index() + 1;
    data.question = q.question;
    data.pick = q.isPick();
    for (const QuizChoice& c : q.choices) data.choices.push_back(c.text);
    data.answered = session.phase() == QuizPhase::Answered;
    if (!data.answered) return data;
    data.correct = session.lastCorrect();
    data.chosen = session.lastChoice();
    if (!q.isPick()) data.answer = q.answer;
    const std::string rightAnswer = q.isPick() ? q.pickName : q.choices[q.answer].text;
    data.feedback = data.correct ? "Right." : "Not quite: the answer is " + rightAnswer + ".";
    if (!q.explain.empty()) data.feedback += " " + q.explain;
    return data;
}

}  // namespace lumbarlab
