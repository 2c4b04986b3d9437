#pragma once
// Reading a JSON data file with the project's error rule: any failure is a FileError naming it.

#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/core/file_error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <type_traits>

namespace lumbarlab {

/// Parses `file` as a JSON object (Json may be nlohmann::ordered_json to keep key order).
template <typename Json = nlohmann::json>
[[nodiscard]] Json readJsonFile(const std::filesystem::path& file) {
    const std::string text = readTextFile(file);
    Json root;
    if constexpr (std::is_same_v<Json, nlohmann::ordered_json>)
        root = parseOrderedJsonText(text, file);
    else
        root = parseJsonText(text, file);
    if (!root.is_object()) throw FileError(file, "must be a JSON object");
    return root;
}

}  // namespace lumbarlab
