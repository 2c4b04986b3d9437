#pragma once
// A temporary folder of this test process's own: CTest runs test cases as separate processes side
// by side, so a fixed name would let one case remove another's files.

#include <unistd.h>

#include <filesystem>
#include <string>

inline std::filesystem::path processScratchDir(const std::string& name) {
    return std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
}
