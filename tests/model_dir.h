#pragma once
// Where the model tests find the generated built-in model: $LUMBARLAB_MODEL_DIR, else the build's.

#include <cstdlib>
#include <filesystem>

inline std::filesystem::path modelDir() {
    if (const char* env = std::getenv("LUMBARLAB_MODEL_DIR"); env && *env) return env;
    return LUMBARLAB_BUILD_MODEL_DIR;
}
