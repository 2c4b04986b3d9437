#pragma once
// Errors the app reports to a user in one line: "<file>: <problem>".

#include <filesystem>
#include <stdexcept>
#include <string>

namespace lumbarlab {

/// A failure tied to a file; what() is a complete one-line message naming the file.
class FileError : public std::runtime_error {
public:
    FileError(const std::filesystem::path& file, const std::string& problem)
        : std::runtime_error(file.string() + ": " + problem), file_(file), problem_(problem) {}
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] const std::string& problem() const { return problem_; }

private:
    std::filesystem::path file_;
    std::string problem_;
};

}  // namespace lumbarlab
