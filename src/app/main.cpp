// lumbarlab: the one executable. Parses the command line and hands over to a command.

#include "cli.h"
#include "handout_command.h"
#include "lesson_command.h"
#include "model_command.h"
#include "pose_command.h"
#include "render_command.h"
#include "video_command.h"
#include "view_command.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    using namespace lumbarlab;
    try {
        const ParsedCommand command = parseCommandLine(argc, argv);
        switch (command.kind) {
            case ParsedCommand::Kind::Exit:
                if (!command.output.empty()) std::fputs(command.output.c_str(), stdout);
                if (!command.error.empty()) std::fprintf(stderr, "%s\n", command.error.c_str());
                return command.exitCode;
            case ParsedCommand::Kind::Render:
                return runRenderCommand(command.render);
            case ParsedCommand::Kind::Handout:
                return runHandoutCommand(command.handout);
            case ParsedCommand::Kind::Video:
                return runVideoCommand(command.video);
            case ParsedCommand::Kind::Model:
                return runModelCommand(command.model);
            case ParsedCommand::Kind::Pose:
                return runPoseCommand(command.pose);
            case ParsedCommand::Kind::Poses:
                return runPosesCommand();
            case ParsedCommand::Kind::Discs:
                return runDiscsCommand(command.discs);
            case ParsedCommand::Kind::Muscles:
                return runMusclesCommand(command.muscles);
            case ParsedCommand::Kind::Lessons:
                return runLessonsCommand();
            case ParsedCommand::Kind::Compare:
                return runCompareCommand(command.compare);
            case ParsedCommand::Kind::View:
                return command.view.lesson.empty() ? runViewCommand(command.view) : runLessonCommand(command.view);
        }
    } catch (const std::exception& e) {
        // Last resort: anything unforeseen still ends as one line, not a crash.
        std::fprintf(stderr, "lumbarlab: %s\n", e.what());
        return kExitFailed;
    }
    return kExitFailed;
}
