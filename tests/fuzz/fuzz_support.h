#pragma once
// What every fuzz target shares: the input written to a file (the loaders read files), and the
// rule that a loader may fail only with a FileError. Any other exception escaping, a crash, a
// sanitizer report or a non-finite number where the model promises finite ones is a finding.

#include "lumbarlab/core/file_error.h"

#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace lumbarlab::fuzz {

/// A file of this process's own (targets may run side by side), named `name`.
inline std::filesystem::path scratchFile(const std::string& name) {
    return std::filesystem::temp_directory_path() / ("lumbarlab-fuzz-" + std::to_string(::getpid()) + "-" + name);
}

/// Writes the input to `file` and calls load(file); a FileError is the expected outcome of bad input.
template <typename Load>
int runOnFile(const std::uint8_t* data, std::size_t size, const std::filesystem::path& file, Load&& load) {
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    try {
        load(file);
    } catch (const FileError&) {
    }
    return 0;
}

/// A finding when a loaded value that must be finite is not.
inline void requireFinite(double v) {
    if (!std::isfinite(v)) std::abort();
}

}  // namespace lumbarlab::fuzz
