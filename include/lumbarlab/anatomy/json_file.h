#pragma once
// Reading a JSON data file with the project's error rule: any failure is a FileError naming it.

#include "lumbarlab/core/file_error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace lumbarlab {

/// Parses `file` as a JSON object (Json may be nlohmann::ordered_json to keep key order).
template <typename Json = nlohmann::json>
[[nodiscard]] Json readJsonFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw FileError(file, "cannot open");
    Json root;
    try {
        root = Json::parse(in);
    } catch (const typename Json::parse_error& e) {
        throw FileError(file, std::string("malformed JSON: ") + e.what());
    }
    if (!root.is_object()) throw FileError(file, "must be a JSON object");
    return root;
}

}  // namespace lumbarlab
