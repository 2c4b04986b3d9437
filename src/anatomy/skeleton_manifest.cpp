#include "lumbarlab/anatomy/skeleton_manifest.h"

#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/core/file_error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <set>

namespace lumbarlab {
namespace {

// Ordered, so the file keeps the generator's order and a read gives back the structs it wrote.
using Json = nlohmann::ordered_json;

constexpr const char* kLengthUnit = "m";
constexpr const char* kAngleUnit = "deg";

std::string rebuildHint() {
    return "; rebuild the lumbarlab_models target";
}

// ---- writing ------------------------------------------------------------------------------

class Writer {
public:
    explicit Writer(const std::filesystem::path& file) : file_(file) {}

    Json document(const SkeletonManifest& m) const {
        Json root = Json::object();
        root["format"] = std::string(kSkeletonManifestFormat);
        root["generator"] = m.generator;
        root["params_file"] = m.paramsFile;
        root["units"] = {{"length", kLengthUnit}, {"angle", kAngleUnit}};
        root["conventions"] = notes(m.conventions, "conventions");
        root["frames"] = notes(m.frames, "frames");
        Json bones = Json::array();
        std::set<std::string> ids;
        for (const ManifestBone& b : m.bones) {
            if (b.id.empty()) fail("a bone has an empty id");
            if (!ids.insert(b.id).second) fail("bone '" + b.id + "' appears twice");
            bones.push_back(bone(b));
        }
        root["bones"] = std::move(bones);
        return root;
    }

private:
    const std::filesystem::path& file_;

    [[noreturn]] void fail(const std::string& problem) const { throw FileError(file_, problem); }

    double finite(double v, const std::string& what) const {
        if (!std::isfinite(v)) fail(what + " is not a finite number");
        return v;
    }
    Json vec3(const glm::dvec3& v, const std::string& what) const {
        return Json::array({finite(v.x, what), finite(v.y, what), finite(v.z, what)});
    }
    // Names become object keys: an empty or repeated one would be lost on the way to disk.
    void key(Json& object, const std::string& name, Json value, const std::string& where) const {
        if (name.empty()) fail(where + " has an entry with an empty name");
        if (object.contains(name)) fail(where + "." + name + " appears twice");
        object[name] = std::move(value);
    }

    Json notes(const std::vector<ManifestNote>& list, const std::string& where) const {
        Json out = Json::object();
        for (const ManifestNote& n : list) key(out, n.name, n.text, where);
        return out;
    }

    Json quantity(const ManifestQuantity& q, const std::string& what) const {
        Json out = {{"value", finite(q.value, what)}, {"unit", q.unit}};
        if (!q.param.empty()) out["param"] = q.param;
        if (!q.source.empty()) out["source"] = q.source;
        return out;
    }

    Json bone(const ManifestBone& b) const {
        const std::string where = "bone '" + b.id + "'";
        Json out = Json::object();
        out["id"] = b.id;
        out["display_name"] = b.displayName;
        out["common_name"] = b.commonName;
        out["side"] = b.side;
        out["parent_frame"] = b.parentFrame;
        if (!b.mirrorOf.empty()) out["mirror_of"] = b.mirrorOf;
        out["mesh_files"] = {{"high", b.meshFiles.high}, {"low", b.meshFiles.low}};
        out["triangles"] = {{"high", b.triangles.high}, {"low", b.triangles.low}};
        out["watertight"] = {{"high", b.watertight.high}, {"low", b.watertight.low}};

        Json measured = Json::object();
        measured["bounding_box"] = {{"min", vec3(b.measured.boundsMin, where + " measured.bounding_box.min")},
                                    {"max", vec3(b.measured.boundsMax, where + " measured.bounding_box.max")}};
        for (const ManifestQuantity& q : b.measured.values)
            key(measured, q.name, quantity(q, where + " measured." + q.name), where + " measured");
        out["measured"] = std::move(measured);

        Json design = Json::object();
        for (const ManifestQuantity& q : b.design)
            key(design, q.name, quantity(q, where + " design." + q.name), where + " design");
        out["design"] = std::move(design);

        Json landmarks = Json::object();
        Json centres = Json::array();
        for (const ManifestLandmark& l : b.landmarks) {
            key(landmarks, l.name, vec3(l.position, where + " landmarks." + l.name), where + " landmarks");
            if (l.centre) centres.push_back(l.name);
        }
        out["landmarks"] = std::move(landmarks);
        out["centre_landmarks"] = std::move(centres);

        Json joints = Json::object();
        for (const ManifestJoint& j : b.joints) {
            Json value = Json::object();
            value[j.isDirection ? "direction" : "point"] = vec3(j.value, where + " joints." + j.name);
            if (!j.note.empty()) value["note"] = j.note;
            key(joints, j.name, std::move(value), where + " joints");
        }
        out["joints"] = std::move(joints);
        return out;
    }
};

// ---- reading ------------------------------------------------------------------------------

class Reader {
public:
    explicit Reader(const std::filesystem::path& file) : file_(file) {}

    SkeletonManifest document(const Json& root) const {
        if (!root.is_object()) fail("must be a JSON object");
        const auto format = root.find("format");
        if (format == root.end())
            fail("no 'format' tag (expected " + std::string(kSkeletonManifestFormat) + ")" + rebuildHint());
        if (!format->is_string() || format->get<std::string>() != kSkeletonManifestFormat) {
            const std::string tag = format->is_string() ? format->get<std::string>() : format->dump();
            fail("format '" + tag + "' is not " + std::string(kSkeletonManifestFormat) + rebuildHint());
        }

        SkeletonManifest m;
        const std::string top = "manifest";
        m.generator = text(root, "generator", top);
        m.paramsFile = text(root, "params_file", top);
        const Json& units = object(root, "units", top);
        if (text(units, "length", "units") != kLengthUnit || text(units, "angle", "units") != kAngleUnit)
            fail(std::string("units must be {\"length\": \"") + kLengthUnit + "\", \"angle\": \"" + kAngleUnit + "\"}");
        m.conventions = notes(object(root, "conventions", top), "conventions");
        m.frames = notes(object(root, "frames", top), "frames");

        const Json& bones = member(root, "bones", top);
        if (!bones.is_array() || bones.empty()) fail("'bones' must be a non-empty array");
        for (std::size_t i = 0; i < bones.size(); ++i) {
            ManifestBone b = bone(bones[i], "bones[" + std::to_string(i) + "]");
            if (m.find(b.id)) fail("bone '" + b.id + "' appears twice");
            m.bones.push_back(std::move(b));
        }
        return m;
    }

private:
    const std::filesystem::path& file_;

    [[noreturn]] void fail(const std::string& problem) const { throw FileError(file_, problem); }

    const Json& member(const Json& object, const char* key, const std::string& where) const {
        const auto it = object.find(key);
        if (it == object.end()) fail(where + " has no '" + key + "'");
        return *it;
    }
    const Json& object(const Json& parent, const char* key, const std::string& where) const {
        const Json& value = member(parent, key, where);
        if (!value.is_object()) fail(where + " '" + key + "' must be an object");
        return value;
    }
    std::string text(const Json& parent, const char* key, const std::string& where) const {
        const Json& value = member(parent, key, where);
        if (!value.is_string()) fail(where + " '" + key + "' must be a string");
        return value.get<std::string>();
    }
    std::string optionalText(const Json& parent, const char* key, const std::string& where) const {
        return parent.contains(key) ? text(parent, key, where) : std::string{};
    }
    double number(const Json& value, const std::string& what) const {
        if (!value.is_number()) fail(what + " must be a number");
        const double v = value.get<double>();
        if (!std::isfinite(v)) fail(what + " is not a finite number");
        // Metres, degrees and ratios of one skeleton: nothing real comes near ten thousand.
        if (std::abs(v) > 1e4) fail(what + " is " + value.dump() + ", out of range (at most 10000 either way)");
        return v;
    }
    glm::dvec3 vec3(const Json& value, const std::string& what) const {
        if (!value.is_array() || value.size() != 3) fail(what + " must be an array of three numbers");
        return {number(value[0], what), number(value[1], what), number(value[2], what)};
    }
    template <typename T, typename Get>
    ManifestPerLod<T> perLod(const Json& parent, const char* key, const std::string& where, Get get) const {
        const Json& lods = object(parent, key, where);
        const std::string at = where + " " + key;
        return {get(member(lods, "high", at), at + ".high"), get(member(lods, "low", at), at + ".low")};
    }

    std::vector<ManifestNote> notes(const Json& object, const std::string& where) const {
        std::vector<ManifestNote> out;
        for (const auto& [name, value] : object.items()) {
            if (!value.is_string()) fail(where + "." + name + " must be a string");
            out.push_back({name, value.get<std::string>()});
        }
        return out;
    }

    std::vector<ManifestQuantity> quantities(const Json& object, const std::string& where,
                                             const char* skip = nullptr) const {
        std::vector<ManifestQuantity> out;
        for (const auto& [name, value] : object.items()) {
            if (skip && name == skip) continue;
            const std::string at = where + "." + name;
            if (!value.is_object()) fail(at + " must be an object {value, unit}");
            out.push_back({name, number(member(value, "value", at), at + ".value"), text(value, "unit", at),
                           optionalText(value, "param", at), optionalText(value, "source", at)});
        }
        return out;
    }

    ManifestBone bone(const Json& b, const std::string& at) const {
        if (!b.is_object()) fail(at + " must be an object");
        ManifestBone out;
        out.id = text(b, "id", at);
        if (out.id.empty()) fail(at + " has an empty id");
        const std::string where = "bone '" + out.id + "'";
        out.displayName = text(b, "display_name", where);
        out.commonName = text(b, "common_name", where);
        out.side = text(b, "side", where);
        if (out.side != "right" && out.side != "left" && out.side != "midline")
            fail(where + " side '" + out.side + "' is not right, left or midline");
        out.parentFrame = text(b, "parent_frame", where);
        out.mirrorOf = optionalText(b, "mirror_of", where);
        out.meshFiles = perLod<std::string>(b, "mesh_files", where, [&](const Json& v, const std::string& what) {
            if (!v.is_string() || v.get<std::string>().empty()) fail(what + " must be a file name");
            return v.get<std::string>();
        });
        out.triangles = perLod<std::size_t>(b, "triangles", where, [&](const Json& v, const std::string& what) {
            if (!v.is_number_unsigned()) fail(what + " must be a triangle count");
            return v.get<std::size_t>();
        });
        out.watertight = perLod<bool>(b, "watertight", where, [&](const Json& v, const std::string& what) {
            if (!v.is_boolean()) fail(what + " must be true or false");
            return v.get<bool>();
        });

        const Json& measured = object(b, "measured", where);
        const Json& box = object(measured, "bounding_box", where + " measured");
        out.measured.boundsMin =
            vec3(member(box, "min", where + " measured.bounding_box"), where + " measured.bounding_box.min");
        out.measured.boundsMax =
            vec3(member(box, "max", where + " measured.bounding_box"), where + " measured.bounding_box.max");
        out.measured.values = quantities(measured, where + " measured", "bounding_box");
        out.design = quantities(object(b, "design", where), where + " design");

        for (const auto& [name, value] : object(b, "landmarks", where).items())
            out.landmarks.push_back({name, vec3(value, where + " landmarks." + name), false});
        const Json& centres = member(b, "centre_landmarks", where);
        if (!centres.is_array()) fail(where + " 'centre_landmarks' must be an array of landmark names");
        for (const Json& c : centres) {
            const std::string name = c.is_string() ? c.get<std::string>() : c.dump();
            bool found = false;
            for (ManifestLandmark& l : out.landmarks)
                if (l.name == name) l.centre = found = true;
            if (!found) fail(where + " centre_landmarks names '" + name + "', which is not one of its landmarks");
        }

        for (const auto& [name, value] : object(b, "joints", where).items()) {
            const std::string jat = where + " joints." + name;
            if (!value.is_object()) fail(jat + " must be an object with a 'point' or a 'direction'");
            const bool point = value.contains("point"), direction = value.contains("direction");
            if (point == direction) fail(jat + " needs exactly one of 'point' and 'direction'");
            const char* kind = point ? "point" : "direction";
            out.joints.push_back(
                {name, vec3(value[kind], jat + "." + kind), direction, optionalText(value, "note", jat)});
        }
        return out;
    }
};

}  // namespace

const ManifestBone* SkeletonManifest::find(std::string_view id) const {
    for (const ManifestBone& b : bones)
        if (b.id == id) return &b;
    return nullptr;
}

std::string skeletonManifestToJson(const SkeletonManifest& manifest, const std::filesystem::path& file) {
    return Writer(file).document(manifest).dump(2) + "\n";
}

SkeletonManifest skeletonManifestFromJson(std::string_view text, const std::filesystem::path& file) {
    // Parse errors and number overflow (1e999) alike become a FileError naming the file.
    const Json root = parseOrderedJsonText(text, file);
    return Reader(file).document(root);
}

SkeletonManifest readSkeletonManifest(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FileError(file, "cannot open" + rebuildHint());
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return skeletonManifestFromJson(text, file);
}

}  // namespace lumbarlab
