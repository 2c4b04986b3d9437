// Fuzzes a quiz file (assets/quizzes/*.json: loadQuiz) against the shipped lesson and the built-in
// model's names.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/lesson_stage.h"
#include "lumbarlab/view/quiz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const MuscleSet muscles = loadMuscleSetFor(model, LUMBARLAB_FUZZ_ASSET_DIR);
    static const LessonVocabulary vocabulary = lessonVocabulary(model, &muscles);
    static const Lesson lesson =
        loadLesson(std::filesystem::path(LUMBARLAB_FUZZ_ASSET_DIR) / "lessons" / "lower_back.json", vocabulary);
    // The quiz's file is named after its lesson: a folder of this process's own holds it.
    static const auto file = [] {
        const auto dir = fuzz::scratchFile("quiz");
        std::filesystem::create_directories(dir);
        return dir / "lower_back.json";
    }();
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const Quiz quiz = loadQuiz(f, lesson, vocabulary);
        // What the loader promises: every question on a step of the lesson, a choice answer among its choices.
        for (const QuizQuestion& q : quiz.questions) {
            if (q.step >= lesson.steps.size()) std::abort();
            if (!q.isPick() && q.answer >= q.choices.size()) std::abort();
        }
    });
}
