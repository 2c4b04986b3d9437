#include "lumbarlab/anatomy/bone_info.h"

#include "lumbarlab/anatomy/json_file.h"

namespace lumbarlab {

bool matchesPattern(const std::string& pattern, const std::string& text) {
    // Iterative glob with single-star backtracking: linear in practice for short ids.
    std::size_t p = 0, t = 0, star = std::string::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

BoneInfoCatalogue BoneInfoCatalogue::load(const std::filesystem::path& file) {
    using nlohmann::json;
    const json root = readJsonFile(file);
    if (!root.contains("entries") || !root["entries"].is_object()) throw FileError(file, "needs an \"entries\" object");
    BoneInfoCatalogue catalogue;
    for (const auto& [key, entry] : root["entries"].items()) {
        if (!entry.is_object() || !entry.contains("kind") || !entry.contains("text") || !entry["kind"].is_string() ||
            !entry["text"].is_string())
            throw FileError(file, "entries." + key + " needs string \"kind\" and \"text\"");
        catalogue.entries_.emplace_back(key,
                                        BoneInfo{entry["kind"].get<std::string>(), entry["text"].get<std::string>()});
    }
    return catalogue;
}

const BoneInfo* BoneInfoCatalogue::find(const std::string& id) const {
    for (const auto& [key, info] : entries_)
        if (key == id) return &info;
    for (const auto& [key, info] : entries_)
        if (matchesPattern(key, id)) return &info;
    return nullptr;
}

}  // namespace lumbarlab
