// The shipped quizzes against the built-in model: each loads against its lesson, each click answer
// is a structure in the scene, and every answer with a check is the one the model computes (the
// muscle lengthened or shortened most in a posture, over the whole of a motion; the posture with
// the highest disc pressure).

#include "model_dir.h"

#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/lesson_stage.h"
#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/quiz.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

/// The muscle's change (%, the larger of the two sides, or on `side` alone) at its extreme in the posture: the most
/// lengthened (sign +1) or most shortened (sign -1) moment, sampled over a motion.
double extremeChange(const ModelPresenter& model, const Posture& posture, std::size_t muscle, double sign,
                     const std::string& side) {
    const MuscleModel& muscles = *model.muscles();
    const std::size_t samples = posture.isMotion() ? 61 : 1;
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < samples; ++k) {
        const double t = samples == 1 ? 0.0 : posture.duration * double(k) / double(samples - 1);
        const std::vector<float> lengths = muscles.lengthsAt(posture.at(t));
        for (const BodySide s : {BodySide::Right, BodySide::Left})
            if (side.empty() || (side == "right") == (s == BodySide::Right))
                best = std::max(best, sign * muscles.wholeMuscle(lengths, muscle, s).changePct);
    }
    return sign * best;
}

std::size_t muscleIndex(const ModelPresenter& model, const std::string& id) {
    const auto& list = model.muscles()->set().muscles;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id) return i;
    FAIL("no muscle " << id);
    return 0;
}

}  // namespace

TEST_CASE("quiz: the shipped quizzes' answers agree with the model", "[model][quiz]") {
    std::vector<std::string> errors;
    const auto model = ModelPresenter::load(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR, Detail::Low, errors);
    REQUIRE(model);
    REQUIRE(model->muscles());
    const LessonVocabulary vocabulary = lessonVocabulary(model->data(), &model->muscles()->set());
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    const auto lessons = loadLessonLibrary(assets / "lessons", vocabulary);
    std::size_t quizzes = 0, checked = 0, picks = 0;
    for (const auto& entry : fs::directory_iterator(assets / kQuizFolderName)) {
        if (entry.path().extension() != ".json") continue;
        const auto lesson = std::find_if(lessons.begin(), lessons.end(),
                                         [&](const Lesson& l) { return l.id == entry.path().stem().string(); });
        INFO(entry.path());
        REQUIRE(lesson != lessons.end());  // a quiz belongs to a lesson of the same name
        const Quiz quiz = loadQuiz(entry.path(), *lesson, vocabulary);
        ++quizzes;
        CHECK(quiz.questions.size() >= 4);
        for (const QuizQuestion& q : quiz.questions) {
            INFO(q.question);
            if (q.isPick()) {  // something in the scene answers it
                ++picks;
                const auto& objects = model->scene().objects;
                CHECK(std::any_of(objects.begin(), objects.end(),
                                  [&](const SceneObject& o) { return o.pickable && pickMatches(q.pick, o.id); }));
            }
            if (q.check == QuizCheck::None) continue;
            ++checked;
            if (q.check == QuizCheck::HighestPressure) {
                std::size_t level = 0;
                while (level < kDiscLevels.size() && kDiscLevels[level] != q.checkLevel) ++level;
                REQUIRE(level < kDiscLevels.size());
                std::size_t best = 0;
                double bestMpa = -1.0;
                for (std::size_t i = 0; i < q.choices.size(); ++i) {
                    const double mpa = model->pressureIn(q.choices[i].posture, level);
                    INFO(q.choices[i].posture << ": " << mpa << " MPa");
                    CHECK(mpa > 0.0);
                    if (mpa > bestMpa) best = i, bestMpa = mpa;
                }
                CHECK(best == q.answer);
                continue;
            }
            const Posture* posture = model->data().findPosture(q.checkPosture);
            REQUIRE(posture);
            const double sign = q.check == QuizCheck::MostLengthened ? 1.0 : -1.0;
            // The candidates: every muscle for a click, else the choices' muscles.
            std::vector<std::string> candidates;
            if (q.isPick()) {
                for (const auto& m : model->muscles()->set().muscles) candidates.push_back(m.id);
            } else {
                for (const QuizChoice& c : q.choices) candidates.push_back(c.muscle);
            }
            std::size_t best = 0;
            double bestValue = -std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                const double change =
                    extremeChange(*model, *posture, muscleIndex(*model, candidates[i]), sign, q.checkSide);
                if (sign * change > bestValue) best = i, bestValue = sign * change;
            }
            INFO("the model's answer: " << candidates[best] << " at " << sign * bestValue << " %");
            CHECK(bestValue > 2.0);  // a clear change, not a tie around zero
            if (q.isPick())
                CHECK(candidates[best] == q.pick);
            else
                CHECK(best == q.answer);
        }
    }
    CHECK(quizzes >= 1);
    CHECK(checked >= 3);
    CHECK(picks >= 1);
}
