#include "lumbarlab/anatomy/posture.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
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
        if (t.contains("expect") && !t["expect"].is_string())
            throw FileError(
                file, "/targets/" + std::to_string(i) + "/expect: must be a string: lengthen, shorten, load or show");
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
    const JsonDocument doc(file);
    const JsonValue<> root = doc.root();
    Posture p;
    p.id = root.string("id", file.stem().string());
    if (p.id.empty()) root["id"].fail("must not be empty");
    p.name = root.string("name", p.id);
    p.description = root.string("description", std::string{});
    p.dose = root.string("dose", std::string{});
    if (const auto cues = root.find("cues"))
        for (const JsonValue<>& c : cues->elements()) p.cues.push_back(c.string());
    if (const auto props = root.find("props"))
        for (const JsonValue<>& prop : props->elements()) {
            const std::string name = prop.string();
            if (name != "chair" && name != "couch_r" && name != "couch_l" && name != "box")
                prop.fail("unknown prop '" + name + "' (valid: chair, couch_r, couch_l, box)");
            p.props.push_back(name);
        }
    p.supported = root.string("support", std::string{}) == "floor";
    p.targets = readTargets(file, root.json());
    if (const auto g = root.find("ground")) {
        const std::string rule = g->string("rule", "feet");
        if (rule != "feet" && rule != "none") (*g)["rule"].fail("must be \"feet\" or \"none\"");
        p.groundFeet = rule == "feet";
        p.groundHeight = g->number("height", 0.0, NumberRange::between(-1.0, 2.0));  // metres: a floor or a box
        if (p.groundFeet && !g->has("source")) g->fail("needs a \"source\" for its height");
    }

    // One coordinate value: a finite number within that coordinate's limits.
    auto coordinate = [&](const std::string& name, const JsonValue<>& value, Coordinates& into) {
        const double v = value.number();
        const std::string problem = coordinates.check({{name, v}});
        if (!problem.empty()) value.fail(problem);
        into[name] = v;
    };

    if (const auto statics = root.find("coordinates")) {
        // A static posture: {"name": {"value": v, "source": "..."}}.
        Keyframe key;
        for (const auto& [name, entry] : statics->members()) {
            coordinate(name, entry["value"], key.values);
            if (!hasSource(entry.json())) entry.fail("needs a \"source\" (a citation or \"documented default: why\")");
        }
        p.keys.push_back({0.0, key.values});
    } else if (const auto keyframes = root.find("keyframes")) {
        // A motion: plain numbers per keyframe, each coordinate cited once under "sources".
        const auto sources = root.find("sources");
        keyframes->requireArray(2);
        double previous = -1.0;
        for (const JsonValue<>& k : keyframes->elements()) {
            Keyframe key;
            key.time = k["time"].number(NumberRange::between(0.0, 3600.0));  // seconds
            if (key.time <= previous) k["time"].fail("times must increase");
            previous = key.time;
            if (const auto values = k.find("coordinates"))
                for (const auto& [name, v] : values->members()) {
                    coordinate(name, v, key.values);
                    if (!sources || !sources->has(name) || (*sources)[name].string().empty())
                        root.fail("sources." + name + " is missing (every coordinate a motion uses needs a source)");
                }
            p.keys.push_back(key);
        }
        if (p.keys.front().time != 0.0) (*keyframes)[0]["time"].fail("the first keyframe must be at time 0");
        p.loop = root.boolean("loop", false);
        p.duration = root.number("duration", p.keys.back().time, NumberRange::between(0.0, 3600.0));
        if (p.duration < p.keys.back().time) root["duration"].fail("is shorter than the last keyframe");
        if (p.loop && !(p.duration > 0.0)) root.fail("a looping motion needs a positive \"duration\"");
    } else {
        root.fail("needs \"coordinates\" (a posture) or \"keyframes\" (a motion)");
    }
    return p;
}

SpineBaseline loadSpineBaseline(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const JsonValue<> levels = doc.root()["segment_lordosis_deg"];
    SpineBaseline baseline;
    for (std::size_t i = 0; i < kDiscLevels.size(); ++i) {
        const JsonValue<> entry = levels[kDiscLevels[i]];
        if (!hasSource(entry.json())) entry.fail("needs a \"source\"");
        // A segment's standing lordosis: well inside +-45 degrees in any adult.
        baseline.lordosis[i] = float(glm::radians(entry["value"].number(NumberRange::between(-45.0, 45.0))));
    }
    return baseline;
}

std::vector<Posture> loadPostureLibrary(const std::filesystem::path& folder, const CoordinateSystem& coordinates) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) throw FileError(folder, "cannot list: " + ec.message());
    // By file name, so that nothing depends on the directory's order.
    std::sort(files.begin(), files.end());
    std::vector<Posture> postures;
    std::map<std::string, std::filesystem::path> fileOf;
    for (const auto& file : files) {
        Posture p = loadPosture(file, coordinates);
        const auto [it, fresh] = fileOf.emplace(p.id, file);
        if (!fresh)
            throw FileError(file, "posture id '" + p.id + "' is already used by " + it->second.string() +
                                      " (each posture needs its own id)");
        postures.push_back(std::move(p));
    }
    std::sort(postures.begin(), postures.end(), [](const Posture& a, const Posture& b) { return a.id < b.id; });
    return postures;
}

}  // namespace lumbarlab
