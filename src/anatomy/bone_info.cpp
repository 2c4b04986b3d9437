#include "lumbarlab/anatomy/bone_info.h"

#include "lumbarlab/anatomy/json_checked.h"

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
    const JsonDocument doc(file);
    BoneInfoCatalogue catalogue;
    for (const auto& [key, entry] : doc.root()["entries"].members()) {
        if (key.empty()) entry.fail("an entry needs a bone id or pattern as its key");
        catalogue.entries_.emplace_back(key, BoneInfo{entry["kind"].text(), entry["text"].text()});
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
