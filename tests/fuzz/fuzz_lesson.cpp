// Fuzzes a lesson file (assets/lessons/*.json: loadLesson) against the built-in model's names.
#include "fuzz_model.h"
#include "fuzz_support.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/lesson_stage.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    static const ModelData& model = fuzz::shippedModel();
    static const MuscleSet muscles = loadMuscleSetFor(model, LUMBARLAB_FUZZ_ASSET_DIR);
    static const LessonVocabulary vocabulary = lessonVocabulary(model, &muscles);
    static const auto file = fuzz::scratchFile("lesson.json");
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        const Lesson lesson = loadLesson(f, vocabulary);
        for (const LessonStep& step : lesson.steps)
            if (!step.posture.empty() && !vocabulary.postures.contains(step.posture)) std::abort();
    });
}
