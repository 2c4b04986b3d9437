#include "lumbarlab/anatomy/muscle_definition.h"

#include "lumbarlab/anatomy/json_file.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lumbarlab {
namespace {

using Json = nlohmann::json;

/// Everything a point or wrap reader needs: the file for errors and the side being built.
struct Reader {
    const std::filesystem::path& file;
    const SkeletonDefinition& skeleton;
    const std::vector<std::string>& frames;
    const std::vector<std::string>& coordinates;
    BodySide side = BodySide::Right;

    [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
        throw FileError(file, where + ": " + problem);
    }

    /// "femur_{side}" -> "femur_l" on the left.
    [[nodiscard]] std::string sided(std::string text) const {
        const std::string key = "{side}";
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key))
            text.replace(at, key.size(), sideSuffix(side));
        return text;
    }
    /// Right-side coordinates mirrored for the left (the left skeleton is the mirror image in z).
    [[nodiscard]] glm::vec3 mirrored(glm::vec3 v) const {
        if (side == BodySide::Left) v.z = -v.z;
        return v;
    }

    [[nodiscard]] glm::vec3 vector3(const Json& node, const char* key, const std::string& where) const {
        if (!node.contains(key)) fail(where, std::string("missing '") + key + "'");
        const Json& v = node.at(key);
        if (!v.is_array() || v.size() != 3 ||
            !std::all_of(v.begin(), v.end(), [](const Json& x) { return x.is_number(); }))
            fail(where, std::string("'") + key + "' must be three numbers");
        return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
    }

    [[nodiscard]] static std::string text(const Json& node, const char* key) {
        return node.contains(key) && node.at(key).is_string() ? node.at(key).get<std::string>() : std::string();
    }

    [[nodiscard]] std::string requireText(const Json& node, const char* key, const std::string& where) const {
        std::string value = text(node, key);
        if (value.empty()) fail(where, std::string("missing '") + key + "'");
        return value;
    }

    /// The bone named by "bone", its frame, and a position from "landmark" (+ "offset_mm") or "position_mm".
    [[nodiscard]] std::pair<std::string, glm::vec3> locate(const Json& node, const std::string& where) const {
        if (!node.is_object()) fail(where, "must be an object");
        if (node.contains("frame")) {
            // A frame with no bone mesh (the thorax): coordinates only.
            const std::string frame = sided(requireText(node, "frame", where));
            if (std::find(frames.begin(), frames.end(), frame) == frames.end())
                fail(where, "unknown frame '" + frame + "'");
            if (requireText(node, "source", where).size() < 4) fail(where, "'source' is too short to cite anything");
            return {frame, mirrored(vector3(node, "position_mm", where)) * 0.001f};
        }
        const std::string boneId = sided(requireText(node, "bone", where));
        const BoneDefinition* bone = skeleton.find(boneId);
        if (!bone) fail(where, "unknown bone '" + boneId + "'");
        if (requireText(node, "source", where).size() < 4) fail(where, "'source' is too short to cite anything");
        glm::vec3 local{0.0f};
        if (node.contains("landmark")) {
            const std::string name = sided(requireText(node, "landmark", where));
            const auto it = std::find_if(bone->landmarks.begin(), bone->landmarks.end(),
                                         [&](const Landmark& l) { return l.name == name; });
            if (it == bone->landmarks.end()) {
                if (auto joint = bone->joint(name)) {
                    local = *joint;
                } else {
                    fail(where, "bone '" + boneId + "' has no landmark '" + name + "'");
                }
            } else {
                local = it->position;
            }
            if (node.contains("offset_mm")) local += mirrored(vector3(node, "offset_mm", where)) * 0.001f;
        } else if (node.contains("position_mm")) {
            local = mirrored(vector3(node, "position_mm", where)) * 0.001f;
        } else {
            fail(where, "needs 'landmark' or 'position_mm'");
        }
        return {bone->parentFrame, local};
    }

    [[nodiscard]] PathPoint point(const Json& node, const std::string& where) const {
        auto [frame, local] = locate(node, where);
        PathPoint p{frame, local, {}, 0.0, 0.0};
        if (node.contains("active")) {
            const Json& a = node.at("active");
            if (!a.is_object() || !a.contains("min_deg") || !a.contains("max_deg") || !a.at("min_deg").is_number() ||
                !a.at("max_deg").is_number())
                fail(where, "'active' needs 'coordinate', 'min_deg' and 'max_deg'");
            p.coordinate = sided(requireText(a, "coordinate", where + ".active"));
            if (std::find(coordinates.begin(), coordinates.end(), p.coordinate) == coordinates.end())
                fail(where, "unknown coordinate '" + p.coordinate + "'");
            p.min = a.at("min_deg").get<double>();
            p.max = a.at("max_deg").get<double>();
            if (!(p.min < p.max)) fail(where, "'active' range is empty");
        }
        return p;
    }

    /// A declared surface (an entry of the top-level "wraps") built for the current side; its id is
    /// the name with the side suffix, e.g. "femoral_head_l".
    [[nodiscard]] WrapSurface wrap(const Json& node, const std::string& name, const std::string& where) const {
        auto [frame, centre] = locate(node, where);
        WrapSurface w;
        w.id = name + "_" + sideSuffix(side);
        w.frame = frame;
        w.centre = centre;
        const std::string shape = requireText(node, "shape", where);
        auto positive = [&](const char* key) {
            if (!node.contains(key) || !node.at(key).is_number() || !(node.at(key).get<double>() > 0.0))
                fail(where, std::string("'") + key + "' must be a positive number");
            return node.at(key).get<float>() * 0.001f;
        };
        if (shape == "sphere") {
            w.shape = WrapSurface::Shape::Sphere;
            w.radii = glm::vec3(positive("radius_mm"));
        } else if (shape == "cylinder") {
            w.shape = WrapSurface::Shape::Cylinder;
            w.radii = {positive("radius_mm"), positive("radius_mm"), 0.5f * positive("length_mm")};
        } else if (shape == "ellipsoid") {
            w.shape = WrapSurface::Shape::Ellipsoid;
            const glm::vec3 r = vector3(node, "radii_mm", where);
            if (!(r.x > 0 && r.y > 0 && r.z > 0)) fail(where, "'radii_mm' must be positive");
            w.radii = r * 0.001f;
        } else {
            fail(where, "unknown shape '" + shape + "' (sphere, cylinder or ellipsoid)");
        }
        applyWrapSide(w, node, where);
        if (node.contains("axis")) {
            // The surface's own z axis; x and y complete a right-handed frame.
            // Built for the right side, then mirrored as a whole, so that "wrap_side" means the
            // same anatomical side on both.
            const glm::vec3 raw = vector3(node, "axis", where);
            if (glm::length(raw) < 1e-6f) fail(where, "'axis' must not be zero");
            const glm::vec3 z = glm::normalize(raw);
            const glm::vec3 helper = std::abs(z.x) < 0.9f ? glm::vec3{1, 0, 0} : glm::vec3{0, 1, 0};
            const glm::vec3 y = glm::normalize(glm::cross(z, helper));
            w.axes = glm::mat3(glm::cross(y, z), y, z);
        }
        if (side == BodySide::Left)
            w.axes = glm::mat3(glm::vec3{1, 0, 0}, glm::vec3{0, 1, 0}, glm::vec3{0, 0, -1}) * w.axes;
        return w;
    }

    /// "wrap_side": the side of the surface the path must stay on. Allowed on a declared surface (for
    /// every path that uses it) and on a path's reference (for that path only, overriding it).
    void applyWrapSide(WrapSurface& w, const Json& node, const std::string& where) const {
        if (!node.contains("wrap_side")) return;
        const std::string wrapSide = requireText(node, "wrap_side", where);
        const std::string axes = "xyz";
        if (wrapSide.size() != 2 || (wrapSide[0] != '+' && wrapSide[0] != '-') ||
            axes.find(wrapSide[1]) == std::string::npos)
            fail(where, "'wrap_side' must be one of +x, -x, +y, -y, +z, -z");
        glm::vec3 allowed{0.0f};
        allowed[int(axes.find(wrapSide[1]))] = wrapSide[0] == '+' ? 1.0f : -1.0f;
        w.forbiddenSide = -allowed;
    }
};

/// The surfaces declared once under the top-level "wraps", by name.
using SurfaceTable = std::map<std::string, const Json*>;

/// A muscle's or fascicle's "wraps": names of declared surfaces, or {"surface": name, "wrap_side": ...}
/// where one path needs its own option.
std::vector<WrapSurface> wrapList(const Reader& r, const SurfaceTable& surfaces, const Json& node,
                                  const std::string& where) {
    std::vector<WrapSurface> out;
    if (!node.contains("wraps")) return out;
    if (!node.at("wraps").is_array()) r.fail(where, "'wraps' must be a list of surface names");
    for (std::size_t i = 0; i < node.at("wraps").size(); ++i) {
        const Json& ref = node.at("wraps")[i];
        const std::string at = where + ".wraps[" + std::to_string(i) + "]";
        std::string name;
        if (ref.is_string()) {
            name = ref.get<std::string>();
        } else if (ref.is_object() && ref.contains("surface") && ref.at("surface").is_string()) {
            name = ref.at("surface").get<std::string>();
            for (const auto& [key, value] : ref.items())
                if (key != "surface" && key != "wrap_side")
                    r.fail(at, "unknown key '" + key + "' (a path may set only 'wrap_side')");
        } else {
            r.fail(at, "must be a surface name or {\"surface\": name, \"wrap_side\": side}");
        }
        const auto it = surfaces.find(name);
        if (it == surfaces.end()) r.fail(where, "unknown wrap surface '" + name + "'");
        WrapSurface w = r.wrap(*it->second, name, "wraps." + name);
        if (ref.is_object()) r.applyWrapSide(w, ref, at);
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<PathPoint> pointList(const Reader& r, const Json& node, const char* key, const std::string& where) {
    std::vector<PathPoint> out;
    if (!node.contains(key)) return out;
    if (!node.at(key).is_array()) r.fail(where, std::string("'") + key + "' must be a list");
    for (std::size_t i = 0; i < node.at(key).size(); ++i)
        out.push_back(r.point(node.at(key)[i], where + "." + key + "[" + std::to_string(i) + "]"));
    return out;
}

}  // namespace

const MuscleDefinition* MuscleSet::find(const std::string& id) const {
    for (const auto& m : muscles)
        if (m.id == id) return &m;
    return nullptr;
}

MuscleSet loadMuscleSet(const std::filesystem::path& file, const SkeletonDefinition& skeleton,
                        const std::vector<std::string>& frames, const std::vector<std::string>& coordinates) {
    const Json root = readJsonFile(file);
    Reader r{file, skeleton, frames, coordinates};
    if (Reader::text(root, "format") != "lumbarlab-muscles/2") r.fail("format", "expected \"lumbarlab-muscles/2\"");
    MuscleSet set;
    set.file = file;
    set.referencePosture = r.requireText(root, "reference_posture", "top level");
    if (!root.contains("muscles") || !root.at("muscles").is_array() || root.at("muscles").empty())
        r.fail("muscles", "must be a non-empty list");

    // Wrap surfaces are declared once; every one is checked on both sides, used or not.
    SurfaceTable surfaces;
    if (root.contains("wraps")) {
        if (!root.at("wraps").is_object()) r.fail("wraps", "must be an object keyed by surface name");
        for (const auto& [name, node] : root.at("wraps").items()) {
            if (!node.is_object()) r.fail("wraps." + name, "must be an object");
            if (node.contains("id")) r.fail("wraps." + name, "the key is the surface's name; drop 'id'");
            surfaces[name] = &node;
            for (BodySide side : {BodySide::Right, BodySide::Left}) {
                r.side = side;
                (void)r.wrap(node, name, "wraps." + name);
            }
        }
    }

    std::set<std::string> ids;
    for (std::size_t mi = 0; mi < root.at("muscles").size(); ++mi) {
        const Json& node = root.at("muscles")[mi];
        std::string where = "muscles[" + std::to_string(mi) + "]";
        if (!node.is_object()) r.fail(where, "must be an object");
        MuscleDefinition m;
        m.id = r.requireText(node, "id", where);
        where = "muscle '" + m.id + "'";
        if (!ids.insert(m.id).second) r.fail(where, "duplicate id");
        m.name = r.requireText(node, "name", where);
        m.group = r.requireText(node, "group", where);
        m.origin = r.requireText(node, "origin", where);
        m.insertion = r.requireText(node, "insertion", where);
        m.action = r.requireText(node, "action", where);
        m.source = r.requireText(node, "source", where);
        if (node.contains("crosses") && node.at("crosses").is_array())
            for (const auto& c : node.at("crosses"))
                if (c.is_string()) m.crosses.push_back(c.get<std::string>());
        if (m.crosses.empty()) r.fail(where, "'crosses' must list the joints it crosses");
        if (node.contains("optimal_fibre_length_mm")) {
            const Json& f = node.at("optimal_fibre_length_mm");
            if (!f.is_object() || !f.contains("value") || !f.at("value").is_number())
                r.fail(where, "'optimal_fibre_length_mm' needs 'value' and 'source'");
            m.optimalFibreLengthM = f.at("value").get<double>() * 0.001;
            m.fibreLengthSource = r.requireText(f, "source", where + ".optimal_fibre_length_mm");
        }
        if (std::find(set.groups.begin(), set.groups.end(), m.group) == set.groups.end()) set.groups.push_back(m.group);
        if (!node.contains("fascicles") || !node.at("fascicles").is_array() || node.at("fascicles").empty())
            r.fail(where, "'fascicles' must be a non-empty list");

        const std::size_t muscleIndex = set.muscles.size();
        for (BodySide side : {BodySide::Right, BodySide::Left}) {
            r.side = side;
            const std::vector<PathPoint> head = pointList(r, node, "head", where);
            const std::vector<PathPoint> tail = pointList(r, node, "tail", where);
            const std::vector<WrapSurface> muscleWraps = wrapList(r, surfaces, node, where);
            for (std::size_t fi = 0; fi < node.at("fascicles").size(); ++fi) {
                const Json& f = node.at("fascicles")[fi];
                const std::string fwhere = where + ".fascicles[" + std::to_string(fi) + "]";
                MusclePathDefinition path;
                path.muscle = muscleIndex;
                path.side = side;
                path.fascicle = Reader::text(f, "id");
                if (path.fascicle.empty()) path.fascicle = m.id;
                path.points = head;
                const auto own = pointList(r, f, "points", fwhere);
                path.points.insert(path.points.end(), own.begin(), own.end());
                path.points.insert(path.points.end(), tail.begin(), tail.end());
                if (path.points.size() < 2) r.fail(fwhere, "a path needs at least an origin and an insertion");
                if (!path.points.front().coordinate.empty() || !path.points.back().coordinate.empty())
                    r.fail(fwhere, "origin and insertion cannot be conditional");
                path.wraps = muscleWraps;
                const auto ownWraps = wrapList(r, surfaces, f, where + " fascicle '" + path.fascicle + "'");
                path.wraps.insert(path.wraps.end(), ownWraps.begin(), ownWraps.end());
                for (const auto& p : path.points)
                    if (std::find(frames.begin(), frames.end(), p.frame) == frames.end())
                        r.fail(fwhere, "frame '" + p.frame + "' is not a kinematic frame");
                set.paths.push_back(std::move(path));
            }
        }
        set.fascicleCounts.push_back(node.at("fascicles").size());
        set.muscles.push_back(std::move(m));
    }
    return set;
}

}  // namespace lumbarlab
