#include "lumbarlab/anatomy/handout.h"

#include "lumbarlab/anatomy/json_file.h"
#include "lumbarlab/anatomy/references.h"

#include <algorithm>

namespace lumbarlab {
namespace {

std::string text(const nlohmann::json& node, const char* key, const std::filesystem::path& file,
                 const std::string& where) {
    if (!node.contains(key) || !node[key].is_string() || node[key].get<std::string>().empty())
        throw FileError(file, where + key + ": missing or not a non-empty string");
    return node[key].get<std::string>();
}

std::string source(const nlohmann::json& node, const std::filesystem::path& file, const std::string& where) {
    std::string s = text(node, "source", file, where);
    if (citedKeys(s).empty()) throw FileError(file, where + "source: cites no [key] (see assets/references.json)");
    return s;
}

std::vector<std::string> lines(const nlohmann::json& node, const std::filesystem::path& file, const std::string& where,
                               std::size_t least, std::size_t most) {
    if (!node.contains("text") || !node["text"].is_array())
        throw FileError(file, where + "text: missing or not a list of strings");
    std::vector<std::string> out;
    for (const auto& line : node["text"]) {
        if (!line.is_string() || line.get<std::string>().empty())
            throw FileError(file, where + "text: every entry must be a non-empty string");
        out.push_back(line.get<std::string>());
    }
    if (out.size() < least || out.size() > most)
        throw FileError(file, where + "text: " + std::to_string(out.size()) + " lines, expected " +
                                  std::to_string(least) + (least == most ? "" : " to " + std::to_string(most)));
    return out;
}

HandoutPicture picture(const nlohmann::json& root, const char* key, const std::filesystem::path& file) {
    const std::string where = std::string(key) + ".";
    if (!root.contains(key) || !root[key].is_object()) throw FileError(file, std::string(key) + ": missing object");
    const auto& node = root[key];
    HandoutPicture p;
    if (!node.contains("time") || !node["time"].is_number() || !(node["time"].get<double>() >= 0.0))
        throw FileError(file, where + "time: missing or not a number of seconds >= 0");
    p.time = node["time"].get<double>();
    p.caption = text(node, "caption", file, where);
    p.source = source(node, file, where);
    return p;
}

}  // namespace

HandoutDefinition loadHandout(const std::filesystem::path& file, const std::vector<Posture>& postures) {
    const auto root = readJsonFile(file);
    // Compared as JSON, not read with value(): a non-string "format" must be a FileError, not a type_error.
    if (!root.contains("format") || root["format"] != "lumbarlab-handout/1")
        throw FileError(file, "format: expected \"lumbarlab-handout/1\"");
    HandoutDefinition h;
    h.file = file;
    h.exercise = text(root, "exercise", file, "");
    h.name = text(root, "name", file, "");
    h.camera = text(root, "camera", file, "");
    if (std::find(kHandoutCameras.begin(), kHandoutCameras.end(), h.camera) == kHandoutCameras.end())
        throw FileError(file, "camera: '" + h.camera +
                                  "' is not a view (anterior, posterior, lateral, medial, "
                                  "superior, oblique)");
    if (!root.contains("poses") || !root["poses"].is_object() || root["poses"].empty())
        throw FileError(file, "poses: missing object of side (r, l or both) to posture id");
    for (const auto& [side, id] : root["poses"].items()) {
        if (side != "r" && side != "l" && side != "both")
            throw FileError(file, "poses." + side + ": the side must be r, l or both");
        if (!id.is_string()) throw FileError(file, "poses." + side + ": not a posture id");
        h.poses[side] = id.get<std::string>();
    }
    h.start = picture(root, "start", file);
    h.end = picture(root, "end", file);
    for (const auto& entry : h.poses) {
        const std::string& side = entry.first;
        const std::string& id = entry.second;
        const auto posture =
            std::find_if(postures.begin(), postures.end(), [&id](const Posture& p) { return p.id == id; });
        if (posture == postures.end()) throw FileError(file, "poses." + side + ": no posture '" + id + "'");
        for (const HandoutPicture* p : {&h.start, &h.end})
            if (p->time > posture->duration)
                throw FileError(file, (p == &h.start ? "start" : "end") + std::string(".time: ") +
                                          std::to_string(p->time) + " s is past the end of '" + id + "' (" +
                                          std::to_string(posture->duration) + " s)");
    }
    if (!root.contains("why") || !root["why"].is_object()) throw FileError(file, "why: missing object");
    h.why = lines(root["why"], file, "why.", 2, 2);
    h.whySource = source(root["why"], file, "why.");
    if (!root.contains("avoid") || !root["avoid"].is_object()) throw FileError(file, "avoid: missing object");
    h.avoid = lines(root["avoid"], file, "avoid.", 1, 5);
    h.avoidSource = source(root["avoid"], file, "avoid.");
    if (file.stem() != h.exercise)
        throw FileError(file, "exercise: '" + h.exercise + "' must match the file name '" + file.stem().string() + "'");
    return h;
}

std::vector<HandoutDefinition> loadHandoutLibrary(const std::filesystem::path& folder,
                                                  const std::vector<Posture>& postures) {
    std::vector<HandoutDefinition> all;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) throw FileError(folder, "handout folder missing");
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".json") all.push_back(loadHandout(entry.path(), postures));
    std::sort(all.begin(), all.end(),
              [](const HandoutDefinition& a, const HandoutDefinition& b) { return a.exercise < b.exercise; });
    return all;
}

}  // namespace lumbarlab
