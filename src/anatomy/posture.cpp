#include "lumbarlab/anatomy/posture.h"

#include "lumbarlab/anatomy/json_file.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

namespace lumbarlab {
namespace {

using nlohmann::json;

bool hasSource(const json& entry) {
    return entry.is_object() && entry.contains("source") && entry["source"].is_string() &&
           !entry["source"].get<std::string>().empty();
}

/// "targets": [{"structure": "rectus_femoris_r", "expect": "lengthen", "source": "..."}, ...]. The
/// structure's spelling is checked here; that it names a real muscle or disc is checked where the
/// muscle set is known (the model presenter and tests/test_muscles.cpp).
std::vector<PostureTarget> readTargets(const std::filesystem::path& file, const json& root) {
    std::vector<PostureTarget> targets;
    if (!root.contains("targets")) return targets;
    if (!root["targets"].is_array()) throw FileError(file, "\"targets\" must be an array");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < root["targets"].size(); ++i) {
        const json& t = root["targets"][i];
        const std::string where = "targets[" + std::to_string(i) + "]";
        if (!t.is_object() || !t.contains("structure") || !t["structure"].is_string())
            throw FileError(file, where + " needs a \"structure\" (e.g. \"rectus_femoris_r\", \"disc_l4_l5\")");
        PostureTarget target;
        target.structure = t["structure"].get<std::string>();
        const bool sided =
            target.structure.size() > 2 && (target.structure.ends_with("_r") || target.structure.ends_with("_l"));
        if (!sided && !target.structure.starts_with("disc_"))
            throw FileError(file, where + ".structure '" + target.structure +
                                      "' must be a sided muscle (ending _r or _l) or a disc level (disc_l4_l5)");
        if (!seen.insert(target.structure).second)
            throw FileError(file, where + ".structure '" + target.structure + "' is listed twice");
        const std::string expect = t.value("expect", std::string{"show"});
        if (expect == "lengthen")
            target.expect = PostureTarget::Expect::Lengthen;
        else if (expect == "shorten")
            target.expect = PostureTarget::Expect::Shorten;
        else if (expect == "load")
            target.expect = PostureTarget::Expect::Load;
        else if (expect == "show")
            target.expect = PostureTarget::Expect::Show;
        else
            throw FileError(file, where + ".expect must be lengthen, shorten, load or show, got '" + expect + "'");
        if (!hasSource(t)) throw FileError(file, where + " needs a \"source\" (why this is the target)");
        target.source = t["source"].get<std::string>();
        targets.push_back(std::move(target));
    }
    return targets;
}

}  // namespace

const char* expectName(PostureTarget::Expect expect) {
    switch (expect) {
        case PostureTarget::Expect::Lengthen:
            return "lengthen";
        case PostureTarget::Expect::Shorten:
            return "shorten";
        case PostureTarget::Expect::Load:
            return "load";
        case PostureTarget::Expect::Show:
            return "show";
    }
    return "show";
}

Coordinates Posture::at(double time) const {
    if (keys.empty()) return {};
    if (keys.size() == 1) return keys.front().values;
    if (loop && duration > 0.0) {
        time = std::fmod(time, duration);
        if (time < 0.0) time += duration;
    }
    time = std::clamp(time, keys.front().time, loop ? duration : keys.back().time);
    // Find the segment; a looping motion's last segment runs from the last key back to the first.
    std::size_t next = 0;
    while (next < keys.size() && keys[next].time <= time) ++next;
    const Keyframe& a = keys[next == 0 ? 0 : next - 1];
    const Keyframe& b = next < keys.size() ? keys[next] : (loop ? keys.front() : keys.back());
    const double end = next < keys.size() ? b.time : (loop ? duration : a.time);
    const double span = end - a.time;
    double t = span > 0.0 ? (time - a.time) / span : 1.0;
    t = t * t * (3.0 - 2.0 * t);  // smoothstep: zero speed at keys, no overshoot
    Coordinates out;
    std::set<std::string> names;
    for (const auto& [n, v] : a.values) names.insert(n);
    for (const auto& [n, v] : b.values) names.insert(n);
    for (const auto& n : names) {
        const double va = a.values.contains(n) ? a.values.at(n) : 0.0;
        const double vb = b.values.contains(n) ? b.values.at(n) : 0.0;
        out[n] = va + (vb - va) * t;
    }
    return out;
}

Posture loadPosture(const std::filesystem::path& file, const CoordinateSystem& coordinates) {
    const json root = readJsonFile(file);
    Posture p;
    p.id = root.value("id", file.stem().string());
    p.name = root.value("name", p.id);
    p.description = root.value("description", std::string{});
    p.dose = root.value("dose", std::string{});
    if (root.contains("cues") && root["cues"].is_array())
        for (const auto& c : root["cues"])
            if (c.is_string()) p.cues.push_back(c.get<std::string>());
    if (root.contains("props") && root["props"].is_array())
        for (const auto& prop : root["props"]) {
            const std::string name = prop.is_string() ? prop.get<std::string>() : std::string{};
            if (name != "chair" && name != "couch_r" && name != "couch_l" && name != "box")
                throw FileError(file, "props: unknown prop '" + name + "' (valid: chair, couch_r, couch_l, box)");
            p.props.push_back(name);
        }
    p.supported = root.value("support", std::string{}) == "floor";
    p.targets = readTargets(file, root);
    if (root.contains("ground")) {
        const json& g = root["ground"];
        const std::string rule = g.value("rule", std::string{"feet"});
        if (rule != "feet" && rule != "none") throw FileError(file, "ground.rule must be \"feet\" or \"none\"");
        p.groundFeet = rule == "feet";
        p.groundHeight = g.value("height", 0.0);
        if (p.groundFeet && !g.contains("source")) throw FileError(file, "ground needs a \"source\" for its height");
    }

    auto checked = [&](const Coordinates& values, const std::string& where) {
        const std::string problem = coordinates.check(values);
        if (!problem.empty()) throw FileError(file, where + ": " + problem);
        return values;
    };

    if (root.contains("coordinates")) {
        // A static posture: {"name": {"value": v, "source": "..."}}.
        Keyframe key;
        for (const auto& [name, entry] : root["coordinates"].items()) {
            if (!entry.is_object() || !entry.contains("value") || !entry["value"].is_number())
                throw FileError(file, "coordinates." + name + " needs a numeric \"value\"");
            if (!hasSource(entry))
                throw FileError(
                    file, "coordinates." + name + " needs a \"source\" (a citation or \"documented default: why\")");
            key.values[name] = entry["value"].get<double>();
        }
        p.keys.push_back({0.0, checked(key.values, "coordinates")});
    } else if (root.contains("keyframes")) {
        // A motion: plain numbers per keyframe, each coordinate cited once under "sources".
        const json& sources = root.value("sources", json::object());
        if (!root["keyframes"].is_array() || root["keyframes"].size() < 2)
            throw FileError(file, "\"keyframes\" must be an array of at least two keyframes");
        double previous = -1.0;
        for (std::size_t i = 0; i < root["keyframes"].size(); ++i) {
            const json& k = root["keyframes"][i];
            const std::string where = "keyframes[" + std::to_string(i) + "]";
            if (!k.is_object() || !k.contains("time") || !k["time"].is_number())
                throw FileError(file, where + " needs a numeric \"time\"");
            Keyframe key;
            key.time = k["time"].get<double>();
            if (key.time <= previous) throw FileError(file, where + ": times must increase");
            previous = key.time;
            if (k.contains("coordinates"))
                for (const auto& [name, v] : k["coordinates"].items()) {
                    if (!v.is_number()) throw FileError(file, where + ".coordinates." + name + " must be a number");
                    if (!sources.contains(name) || !sources[name].is_string() ||
                        sources[name].get<std::string>().empty())
                        throw FileError(
                            file, "sources." + name + " is missing (every coordinate a motion uses needs a source)");
                    key.values[name] = v.get<double>();
                }
            p.keys.push_back({key.time, checked(key.values, where)});
        }
        if (p.keys.front().time != 0.0) throw FileError(file, "the first keyframe must be at time 0");
        p.loop = root.value("loop", false);
        p.duration = root.value("duration", p.keys.back().time);
        if (p.duration < p.keys.back().time) throw FileError(file, "\"duration\" is shorter than the last keyframe");
    } else {
        throw FileError(file, "needs \"coordinates\" (a posture) or \"keyframes\" (a motion)");
    }
    return p;
}

SpineBaseline loadSpineBaseline(const std::filesystem::path& file) {
    const json root = readJsonFile(file);
    if (!root.contains("segment_lordosis_deg")) throw FileError(file, "needs \"segment_lordosis_deg\"");
    SpineBaseline baseline;
    const json& levels = root["segment_lordosis_deg"];
    for (std::size_t i = 0; i < kDiscLevels.size(); ++i) {
        if (!levels.contains(kDiscLevels[i]))
            throw FileError(file, std::string("segment_lordosis_deg.") + kDiscLevels[i] + " is missing");
        const json& entry = levels[kDiscLevels[i]];
        if (!entry.contains("value") || !entry["value"].is_number() || !hasSource(entry))
            throw FileError(
                file, std::string("segment_lordosis_deg.") + kDiscLevels[i] + " needs a numeric value and a source");
        baseline.lordosis[i] = float(glm::radians(entry["value"].get<double>()));
    }
    return baseline;
}

std::vector<Posture> loadPostureLibrary(const std::filesystem::path& folder, const CoordinateSystem& coordinates) {
    std::vector<Posture> postures;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".json") postures.push_back(loadPosture(entry.path(), coordinates));
    if (ec) throw FileError(folder, "cannot list: " + ec.message());
    std::sort(postures.begin(), postures.end(), [](const Posture& a, const Posture& b) { return a.id < b.id; });
    return postures;
}

}  // namespace lumbarlab
