// `lumbarlab lessons`, `lumbarlab lesson NAME` and `lumbarlab compare`: the teaching commands.

#include "lesson_command.h"

#include "command_support.h"
#include "view_command.h"

#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/compare.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/lesson_stage.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace lumbarlab {
namespace {

/// The lessons with the model's names checked, or nullopt after one line on stderr.
std::optional<std::vector<Lesson>> loadLessonsOrReport(const char* command) {
    const auto data = loadModelDataOrReport(command);
    if (!data) return std::nullopt;
    try {
        const MuscleSet muscles = loadMuscleSetFor(*data, findAssetDir());
        return loadLessonLibrary(findAssetDir() / "lessons", lessonVocabulary(*data, &muscles));
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab %s: %s\n", command, e.what());
        return std::nullopt;
    }
}

}  // namespace

int runLessonsCommand() {
    const auto lessons = loadLessonsOrReport("lessons");
    if (!lessons) return kExitFailed;
    for (const Lesson& lesson : *lessons) {
        std::printf("%s: %s (%zu steps; 'lumbarlab lesson %s')\n", lesson.id.c_str(), lesson.title.c_str(),
                    lesson.steps.size(), lesson.id.c_str());
        for (std::size_t i = 0; i < lesson.steps.size(); ++i)
            std::printf("  %2zu  %s\n", i + 1, lesson.steps[i].title.c_str());
    }
    return kExitOk;
}

int runLessonCommand(const ViewOptions& options) {
    const auto lessons = loadLessonsOrReport("lesson");
    if (!lessons) return kExitFailed;
    std::string known;
    for (const Lesson& lesson : *lessons) {
        if (lesson.id == options.lesson) {
            if (options.lessonStep > int(lesson.steps.size())) {
                std::fprintf(stderr, "lumbarlab lesson: --step %d: '%s' has %zu steps\n", options.lessonStep,
                             lesson.id.c_str(), lesson.steps.size());
                return kExitUsage;
            }
            return runViewCommand(options);
        }
        known += (known.empty() ? "" : ", ") + lesson.id;
    }
    std::fprintf(stderr, "lumbarlab lesson: no lesson '%s' (known: %s)\n", options.lesson.c_str(), known.c_str());
    return kExitUsage;
}

int runCompareCommand(const CompareOptions& options) {
    const auto data = loadModelDataOrReport("compare");
    if (!data) return kExitFailed;
    for (const std::string* id : {&options.a, &options.b})
        if (!data->findPosture(*id)) {
            std::fprintf(stderr, "lumbarlab compare: no posture '%s' (known: %s)\n", id->c_str(),
                         data->postureIds().c_str());
            return kExitUsage;
        }
    if (options.window) return runViewCommand(options.view);
    try {
        const MuscleModel muscles(*data, loadMuscleSetFor(*data, findAssetDir()));
        const DiscModel discs(loadDiscModelParameters(findAssetDir() / "biomech" / "disc_model.json"), *data->body,
                              data->baseline.lordosis);
        const PostureComparison comparison =
            comparePostureFigures(postureFigures(*data, muscles, discs, options.a),
                                  postureFigures(*data, muscles, discs, options.b), muscles.referencePosture());
        const std::string text = options.format == "json" ? comparisonJson(comparison) : comparisonCsv(comparison);
        std::fputs(text.c_str(), stdout);
    } catch (const FileError& e) {
        std::fprintf(stderr, "lumbarlab compare: %s\n", e.what());
        return kExitFailed;
    }
    return kExitOk;
}

}  // namespace lumbarlab
