#pragma once
// Names for people, not programs: the interface never shows "hip_flexion_r" or "pelvis_ty", and
// patient mode names every structure in everyday words from one table (assets/anatomy/plain_names.json).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lumbarlab {

/// "hip_flexion_r" -> "Hip bend (flexion), right"; "pelvis_ty" -> "Body height"; an unknown id
/// falls back to its words ("foo_bar" -> "Foo bar").
[[nodiscard]] std::string plainCoordinateName(const std::string& id);

inline constexpr const char* kPlainNamesFileName = "plain_names.json";

/// The everyday names of the structures, keyed by structure id without side or "muscle_" prefix.
class PlainNameTable {
public:
    /// Reads and checks the table: only "format", "description" and "names"; each name 1-60
    /// characters, no '_' (no ids in disguise). Throws FileError "FILE: /names/psoas: ...".
    static PlainNameTable load(const std::filesystem::path& file);

    /// "muscle_psoas_r" -> "hip flexor (psoas), right"; "disc_l4_l5_nucleus" -> "disc between L4
    /// and L5, soft centre"; nullopt when the structure is not in the table.
    [[nodiscard]] std::optional<std::string> of(const std::string& objectId) const;
    /// The disc at kDiscLevels[level]: "disc between L4 and L5".
    [[nodiscard]] std::optional<std::string> ofDisc(std::size_t level) const;
    /// The structure id a scene object id is looked up by ("muscle_psoas_r" -> "psoas").
    [[nodiscard]] static std::string keyOf(const std::string& objectId);
    [[nodiscard]] std::size_t size() const { return names_.size(); }

private:
    std::vector<std::pair<std::string, std::string>> names_;
};

}  // namespace lumbarlab
