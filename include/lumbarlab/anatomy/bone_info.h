#pragma once
// What the info card says about a bone, read from assets/anatomy/bone_info.json.

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

struct BoneInfo {
    std::string kind;  ///< e.g. "Lumbar vertebra"
    std::string text;  ///< a short description in plain words
};

/// Entries keyed by bone id; keys may use '*' (any run) and '?' (one character).
class BoneInfoCatalogue {
public:
    /// Reads the file; throws FileError on malformed content.
    static BoneInfoCatalogue load(const std::filesystem::path& file);
    /// The entry for an id: an exact key first, else the first matching pattern; null if none.
    [[nodiscard]] const BoneInfo* find(const std::string& id) const;
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

private:
    std::vector<std::pair<std::string, BoneInfo>> entries_;
};

/// Glob match with '*' and '?'.
[[nodiscard]] bool matchesPattern(const std::string& pattern, const std::string& text);

}  // namespace lumbarlab
