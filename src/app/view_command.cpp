#include "view_command.h"

#include "viewer.h"
#include "window.h"

#include "lumbarlab/render/gl_info.h"

#include <cstdio>
#include <exception>
#include <memory>

namespace lumbarlab {

int runViewCommand(const ViewOptions& options) {
    std::unique_ptr<Window> window;
    try {
        window = std::make_unique<Window>(1280, 720, "Lumbar Lab", options.frames <= 0);
        requireGl33();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
        return kExitNoGraphics;
    }
    try {
        Viewer viewer(*window, options, currentGlInfo());
        return viewer.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
        return kExitFailed;
    }
}

}  // namespace lumbarlab
