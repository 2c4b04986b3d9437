#include "lumbarlab/anatomy/muscle_definition.h"

#include "lumbarlab/anatomy/json_checked.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lumbarlab {
namespace {

using Value = JsonValue<>;

// Positions and offsets in millimetres: a body fits in a 2 m cube around any of its bones.
const NumberRange kPositionMm = NumberRange::between(-2000.0, 2000.0);

/// Everything a point or wrap reader needs: the skeleton to resolve names in, and the side being built.
struct Reader {
    const SkeletonDefinition& skeleton;
    const std::vector<std::string>& frames;
    const std::vector<std::string>& coordinates;
    BodySide side = BodySide::Right;

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

    [[nodiscard]] static glm::vec3 vector3(const Value& v, const NumberRange& range = kPositionMm) {
        const auto n = v.numbers<3>(range);
        return {float(n[0]), float(n[1]), float(n[2])};
    }

    static void requireSource(const Value& node) {
        if (node["source"].text().size() < 4) node["source"].fail("is too short to cite anything");
    }

    /// The bone named by "bone", its frame, and a position from "landmark" (+ "offset_mm") or "position_mm".
    [[nodiscard]] std::pair<std::string, glm::vec3> locate(const Value& node) const {
        node.requireObject();
        if (node.has("frame")) {
            // A frame with no bone mesh (the thorax): coordinates only.
            const std::string frame = sided(node["frame"].text());
            if (std::find(frames.begin(), frames.end(), frame) == frames.end())
                node["frame"].fail("unknown frame '" + frame + "'");
            requireSource(node);
            return {frame, mirrored(vector3(node["position_mm"])) * 0.001f};
        }
        const std::string boneId = sided(node["bone"].text());
        const BoneDefinition* bone = skeleton.find(boneId);
        if (!bone) node["bone"].fail("unknown bone '" + boneId + "'");
        requireSource(node);
        glm::vec3 local{0.0f};
        if (node.has("landmark")) {
            const std::string name = sided(node["landmark"].text());
            const auto it = std::find_if(bone->landmarks.begin(), bone->landmarks.end(),
                                         [&](const Landmark& l) { return l.name == name; });
            if (it == bone->landmarks.end()) {
                if (auto joint = bone->joint(name)) {
                    local = *joint;
                } else {
                    node["landmark"].fail("bone '" + boneId + "' has no landmark '" + name + "'");
                }
            } else {
                local = it->position;
            }
            if (node.has("offset_mm")) local += mirrored(vector3(node["offset_mm"])) * 0.001f;
        } else if (node.has("position_mm")) {
            local = mirrored(vector3(node["position_mm"])) * 0.001f;
        } else {
            node.fail("needs 'landmark' or 'position_mm'");
        }
        return {bone->parentFrame, local};
    }

    [[nodiscard]] PathPoint point(const Value& node) const {
        auto [frame, local] = locate(node);
        PathPoint p{frame, local, {}, 0.0, 0.0};
        if (const auto a = node.find("active")) {
            p.coordinate = sided((*a)["coordinate"].text());
            if (std::find(coordinates.begin(), coordinates.end(), p.coordinate) == coordinates.end())
                (*a)["coordinate"].fail("unknown coordinate '" + p.coordinate + "'");
            p.min = (*a)["min_deg"].number(NumberRange::between(-180.0, 180.0));
            p.max = (*a)["max_deg"].number(NumberRange::between(-180.0, 180.0));
            if (!(p.min < p.max)) a->fail("'active' range is empty (min_deg must be less than max_deg)");
        }
        return p;
    }

    /// A declared surface (an entry of the top-level "wraps") built for the current side; its id is
    /// the name with the side suffix, e.g. "femoral_head_l".
    [[nodiscard]] WrapSurface wrap(const Value& node, const std::string& name) const {
        auto [frame, centre] = locate(node);
        WrapSurface w;
        w.id = name + "_" + sideSuffix(side);
        w.frame = frame;
        w.centre = centre;
        const std::string shape = node["shape"].text();
        // Sizes in millimetres: a wrap surface is a bone or tendon, from a millimetre to half a metre.
        const NumberRange size = NumberRange::between(1.0, 500.0);
        auto mm = [&](const char* key) { return float(node[key].number(size)) * 0.001f; };
        if (shape == "sphere") {
            w.shape = WrapSurface::Shape::Sphere;
            w.radii = glm::vec3(mm("radius_mm"));
        } else if (shape == "cylinder") {
            w.shape = WrapSurface::Shape::Cylinder;
            w.radii = {mm("radius_mm"), mm("radius_mm"),
                       0.5f * float(node["length_mm"].number(NumberRange::between(1.0, 2000.0))) * 0.001f};
        } else if (shape == "ellipsoid") {
            w.shape = WrapSurface::Shape::Ellipsoid;
            w.radii = vector3(node["radii_mm"], size) * 0.001f;
        } else {
            node["shape"].fail("unknown shape '" + shape + "' (sphere, cylinder or ellipsoid)");
        }
        applyWrapSide(w, node);
        if (node.has("axis")) {
            // The surface's own z axis; x and y complete a right-handed frame.
            // Built for the right side, then mirrored as a whole, so that "wrap_side" means the
            // same anatomical side on both.
            const glm::vec3 raw = vector3(node["axis"], NumberRange::between(-1000.0, 1000.0));
            if (glm::length(raw) < 1e-3f) node["axis"].fail("must not be zero");
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
    static void applyWrapSide(WrapSurface& w, const Value& node) {
        if (!node.has("wrap_side")) return;
        const std::string wrapSide = node["wrap_side"].text();
        const std::string axes = "xyz";
        if (wrapSide.size() != 2 || (wrapSide[0] != '+' && wrapSide[0] != '-') ||
            axes.find(wrapSide[1]) == std::string::npos)
            node["wrap_side"].fail("must be one of +x, -x, +y, -y, +z, -z");
        glm::vec3 allowed{0.0f};
        allowed[int(axes.find(wrapSide[1]))] = wrapSide[0] == '+' ? 1.0f : -1.0f;
        w.forbiddenSide = -allowed;
    }
};

/// The surfaces declared once under the top-level "wraps", by name.
using SurfaceTable = std::map<std::string, Value>;

/// A muscle's or fascicle's "wraps": names of declared surfaces, or {"surface": name, "wrap_side": ...}
/// where one path needs its own option.
std::vector<WrapSurface> wrapList(const Reader& r, const SurfaceTable& surfaces, const Value& node) {
    std::vector<WrapSurface> out;
    const auto list = node.find("wraps");
    if (!list) return out;
    for (const Value& ref : list->elements()) {
        std::string name;
        if (ref.isString()) {
            name = ref.string();
        } else if (ref.isObject()) {
            name = ref["surface"].string();
            for (const auto& [key, value] : ref.members())
                if (key != "surface" && key != "wrap_side")
                    value.fail("unknown key '" + key + "' (a path may set only 'wrap_side')");
        } else {
            ref.fail("must be a surface name or {\"surface\": name, \"wrap_side\": side}");
        }
        const auto it = surfaces.find(name);
        if (it == surfaces.end()) ref.fail("unknown wrap surface '" + name + "'");
        WrapSurface w = r.wrap(it->second, name);
        if (ref.isObject()) Reader::applyWrapSide(w, ref);
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<PathPoint> pointList(const Reader& r, const Value& node, const char* key) {
    std::vector<PathPoint> out;
    if (const auto list = node.find(key))
        for (const Value& p : list->elements()) out.push_back(r.point(p));
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
    const JsonDocument doc(file);
    const Value root = doc.root();
    Reader r{skeleton, frames, coordinates};
    if (root.string("format", "") != "lumbarlab-muscles/2") root.fail("format: expected \"lumbarlab-muscles/2\"");
    MuscleSet set;
    set.file = file;
    set.referencePosture = root["reference_posture"].text();
    const Value muscles = root["muscles"];
    muscles.requireArray(1);

    // Wrap surfaces are declared once; every one is checked on both sides, used or not.
    SurfaceTable surfaces;
    if (const auto wraps = root.find("wraps"))
        for (const auto& [name, node] : wraps->members()) {
            node.requireObject();
            if (node.has("id")) node["id"].fail("the key is the surface's name; drop 'id'");
            surfaces.emplace(name, node);
            for (BodySide side : {BodySide::Right, BodySide::Left}) {
                r.side = side;
                (void)r.wrap(node, name);
            }
        }

    std::set<std::string> ids;
    std::map<std::string, std::string> fascicleOwner;  // fascicle id -> the JSON pointer that declared it
    for (const Value& node : muscles.elements()) {
        node.requireObject();
        MuscleDefinition m;
        m.id = node["id"].text();
        if (!ids.insert(m.id).second) node["id"].fail("muscle id '" + m.id + "' appears twice");
        m.name = node["name"].text();
        m.group = node["group"].text();
        m.origin = node["origin"].text();
        m.insertion = node["insertion"].text();
        m.action = node["action"].text();
        m.source = node["source"].text();
        for (const Value& c : node["crosses"].requireArray(1).elements()) m.crosses.push_back(c.text());
        if (const auto f = node.find("optimal_fibre_length_mm")) {
            m.optimalFibreLengthM = (*f)["value"].number(NumberRange::between(1.0, 1000.0)) * 0.001;
            m.fibreLengthSource = (*f)["source"].text();
        }
        if (std::find(set.groups.begin(), set.groups.end(), m.group) == set.groups.end()) set.groups.push_back(m.group);
        const Value fascicles = node["fascicles"];
        fascicles.requireArray(1);
        for (const Value& f : fascicles.elements()) {
            f.requireObject();
            const std::string id = f.has("id") ? f["id"].text() : m.id;
            const auto [owner, fresh] = fascicleOwner.emplace(id, f.pointer());
            if (!fresh) f.fail("fascicle id '" + id + "' is already used at " + owner->second);
        }

        const std::size_t muscleIndex = set.muscles.size();
        for (BodySide side : {BodySide::Right, BodySide::Left}) {
            r.side = side;
            const std::vector<PathPoint> head = pointList(r, node, "head");
            const std::vector<PathPoint> tail = pointList(r, node, "tail");
            const std::vector<WrapSurface> muscleWraps = wrapList(r, surfaces, node);
            for (const Value& f : fascicles.elements()) {
                MusclePathDefinition path;
                path.muscle = muscleIndex;
                path.side = side;
                path.fascicle = f.has("id") ? f["id"].text() : m.id;
                path.points = head;
                const auto own = pointList(r, f, "points");
                path.points.insert(path.points.end(), own.begin(), own.end());
                path.points.insert(path.points.end(), tail.begin(), tail.end());
                if (path.points.size() < 2) f.fail("a path needs at least an origin and an insertion");
                if (!path.points.front().coordinate.empty() || !path.points.back().coordinate.empty())
                    f.fail("origin and insertion cannot be conditional");
                path.wraps = muscleWraps;
                const auto ownWraps = wrapList(r, surfaces, f);
                path.wraps.insert(path.wraps.end(), ownWraps.begin(), ownWraps.end());
                for (const auto& p : path.points)
                    if (std::find(frames.begin(), frames.end(), p.frame) == frames.end())
                        f.fail("frame '" + p.frame + "' is not a kinematic frame");
                set.paths.push_back(std::move(path));
            }
        }
        set.fascicleCounts.push_back(fascicles.size());
        set.muscles.push_back(std::move(m));
    }
    return set;
}

}  // namespace lumbarlab
