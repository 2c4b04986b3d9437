#pragma once
// Writes files so a reader never sees half of one and a failure never destroys the old copy:
// write to a temporary file beside the target, flush, then rename over it.

#include <filesystem>
#include <functional>
#include <string_view>

namespace lumbarlab {

/// Calls writeTo(tempPath) and renames the result onto `target`. Throws FileError naming
/// `target` if the writer fails or the rename does; the temporary file is removed on failure.
void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<bool(const std::filesystem::path& tempPath)>& writeTo);

/// Writes the bytes atomically (see writeFileAtomically).
void writeTextAtomically(const std::filesystem::path& target, std::string_view text);

}  // namespace lumbarlab
