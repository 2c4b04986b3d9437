#pragma once
// Atomic file output: write a sibling temp file, then rename it over the target.

#include <filesystem>
#include <span>
#include <string_view>

namespace bonegen {

/// Writes bytes to `target` atomically; throws std::runtime_error naming the file on failure.
void writeFileAtomically(const std::filesystem::path& target, std::span<const std::byte> bytes);
/// Text convenience overload.
void writeFileAtomically(const std::filesystem::path& target, std::string_view text);

}  // namespace bonegen
