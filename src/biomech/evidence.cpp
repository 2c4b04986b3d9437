#include "lumbarlab/biomech/evidence.h"

#include "lumbarlab/anatomy/json_file.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/anatomy/skeleton_pose.h"

#include <algorithm>

namespace lumbarlab {
namespace {

using Json = nlohmann::json;

struct Fields {
    const std::filesystem::path& file;
    const Json& node;
    std::string where;

    [[nodiscard]] std::string text(const char* key) const {
        if (!node.contains(key) || !node[key].is_string() || node[key].get<std::string>().empty())
            throw FileError(file, where + " needs a non-empty \"" + key + "\"");
        return node[key].get<std::string>();
    }
    [[nodiscard]] bool flag(const char* key) const {
        if (!node.contains(key) || !node[key].is_boolean())
            throw FileError(file, where + " needs \"" + key + "\": true or false");
        return node[key].get<bool>();
    }
    /// A source must name at least one work, so every row resolves to a reference.
    [[nodiscard]] std::string source() const {
        std::string s = text("source");
        if (citedKeys(s).empty()) throw FileError(file, where + ": \"source\" cites no [key]");
        return s;
    }
};

}  // namespace

EvidenceData loadEvidenceData(const std::filesystem::path& file) {
    const Json root = readJsonFile(file);
    if (!root.contains("format") || root["format"] != "lumbarlab-evidence/1")
        throw FileError(file, "format must be \"lumbarlab-evidence/1\"");
    if (!root.contains("pressures") || !root["pressures"].is_array() || root["pressures"].empty())
        throw FileError(file, "'pressures' must be a non-empty list");

    EvidenceData data;
    for (std::size_t i = 0; i < root["pressures"].size(); ++i) {
        const Json& row = root["pressures"][i];
        if (!row.is_object()) throw FileError(file, "pressures[" + std::to_string(i) + "] must be an object");
        Fields f{file, row, "pressures[" + std::to_string(i) + "]"};
        PublishedPressure p;
        p.postureId = f.text("posture");
        f.where = "pressure row '" + p.postureId + "'";
        if (std::any_of(data.rows.begin(), data.rows.end(),
                        [&](const PublishedPressure& other) { return other.postureId == p.postureId; }))
            throw FileError(file, f.where + " appears twice");
        p.label = f.text("label");
        p.level = f.text("level");
        if (std::find_if(kDiscLevels.begin(), kDiscLevels.end(), [&](const char* l) { return p.level == l; }) ==
            kDiscLevels.end())
            throw FileError(file, f.where + ": unknown disc level '" + p.level + "'");
        if (!row.contains("published_mpa") || !row["published_mpa"].is_number() ||
            !(row["published_mpa"].get<double>() > 0.0))
            throw FileError(file, f.where + " needs a positive \"published_mpa\"");
        p.publishedMpa = row["published_mpa"].get<double>();
        p.publishedText = f.text("published_text");
        p.calibrated = f.flag("calibrated");
        p.source = f.source();
        data.rows.push_back(std::move(p));
    }
    if (root.contains("notes")) {
        if (!root["notes"].is_array()) throw FileError(file, "'notes' must be a list");
        for (std::size_t i = 0; i < root["notes"].size(); ++i) {
            const Json& node = root["notes"][i];
            if (!node.is_object()) throw FileError(file, "notes[" + std::to_string(i) + "] must be an object");
            Fields f{file, node, "notes[" + std::to_string(i) + "]"};
            EvidenceNote n;
            n.id = f.text("id");
            f.where = "note '" + n.id + "'";
            n.title = f.text("title");
            n.text = f.text("text");
            n.sourced = f.flag("sourced");
            n.source = f.source();
            data.notes.push_back(std::move(n));
        }
    }
    return data;
}

std::vector<PublishedPressure> loadEvidence(const std::filesystem::path& file) {
    return loadEvidenceData(file).rows;
}

}  // namespace lumbarlab
