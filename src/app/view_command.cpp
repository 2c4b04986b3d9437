#include "view_command.h"

#include "viewer.h"
#include "window.h"

#include "lumbarlab/render/gl_info.h"
#include "lumbarlab/view/settings.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

namespace lumbarlab {

int runViewCommand(const ViewOptions& options) {
    // The saved window size and place, scale, theme and panels ($XDG_CONFIG_HOME/lumbarlab).
    const std::filesystem::path settingsPath = settingsFile(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    const LoadedSettings settings = loadSettings(settingsPath);
    std::unique_ptr<Window> window;
    try {
        window = std::make_unique<Window>(settings.settings.windowWidth, settings.settings.windowHeight, "Lumbar Lab",
                                          options.frames <= 0);
        if (settings.settings.windowX >= 0 && settings.settings.windowY >= 0)
            window->place(settings.settings.windowX, settings.settings.windowY, settings.settings.windowWidth,
                          settings.settings.windowHeight);
        requireGl33();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
        return kExitNoGraphics;
    }
    try {
        Viewer viewer(*window, options, currentGlInfo(), settings, settingsPath);
        return viewer.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lumbarlab view: %s\n", e.what());
        return kExitFailed;
    }
}

}  // namespace lumbarlab
