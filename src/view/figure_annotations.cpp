#include "lumbarlab/view/figure_annotations.h"

#include "lumbarlab/view/colour_maps.h"

#include <glm/gtx/intersect.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace lumbarlab {
namespace {

std::string formatted(const char* format, double value) {
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

/// A point on the structure, never in mid-air: the point nearest the middle of a muscle (half way
/// between its first and last vertices, origin and insertion) or of anything else's bounds.
glm::vec3 anchorOf(const Scene& scene, std::size_t object) {
    const SceneObject& o = scene.objects[object];
    const auto& positions = scene.meshes.get(o.mesh).positions;
    if (positions.empty()) return scene.bounds(object).centre();
    const auto world = [&](const glm::vec3& v) { return glm::vec3(o.transform * glm::vec4(v, 1.0f)); };
    const glm::vec3 middle = o.id.rfind("muscle_", 0) == 0 ? 0.5f * (world(positions.front()) + world(positions.back()))
                                                           : scene.bounds(object).centre();
    // Nearest point on the segments between consecutive vertices: a tube's rings sit only at its path
    // vertices, so a long straight stretch has no vertex in its middle but has edges along it.
    glm::vec3 best = world(positions.front());
    float bestDistance = INFINITY;
    glm::vec3 previous = best;
    for (const auto& v : positions) {
        const glm::vec3 p = world(v);
        const glm::vec3 edge = p - previous;
        const float lengthSquared = glm::dot(edge, edge);
        const float t =
            lengthSquared > 0.0f ? std::clamp(glm::dot(middle - previous, edge) / lengthSquared, 0.0f, 1.0f) : 0.0f;
        const glm::vec3 q = previous + t * edge;
        const float d = glm::distance(q, middle);
        if (d < bestDistance) bestDistance = d, best = q;
        previous = p;
    }
    return best;
}

/// What can hide a label's anchor: every opaque visible object, with its inverse transform and
/// its mesh's bounds worked out once per figure (the translucent skin hides nothing under it).
struct Occluder {
    std::size_t object = 0;
    glm::mat4 toLocal{1.0f};
    Bounds box;
    const MeshData* mesh = nullptr;
};

std::vector<Occluder> occludersOf(const Scene& scene) {
    std::vector<Occluder> out;
    for (std::size_t i = 0; i < scene.objects.size(); ++i) {
        const SceneObject& o = scene.objects[i];
        if (!o.visible || o.outermost || o.colour.w < 0.5f) continue;
        const MeshData& mesh = scene.meshes.get(o.mesh);
        if (mesh.indices.empty()) continue;
        out.push_back({i, glm::inverse(o.transform), mesh.bounds(), &mesh});
    }
    return out;
}

/// Whether the straight line from the eye to `point` (on object `self`) passes through another
/// occluder first.
bool hiddenFrom(const std::vector<Occluder>& occluders, std::size_t self, const glm::vec3& eye,
                const glm::vec3& point) {
    for (const Occluder& occluder : occluders) {
        if (occluder.object == self) continue;
        // In the object's own frame: one inverse per object instead of a transform per vertex.
        const glm::vec3 from = glm::vec3(occluder.toLocal * glm::vec4(eye, 1.0f));
        const glm::vec3 along = glm::vec3(occluder.toLocal * glm::vec4(point, 1.0f)) - from;
        // The segment against the mesh's box first (slab test); most objects are nowhere near it.
        const Bounds& box = occluder.box;
        float enter = 0.0f, leave = 1.0f;
        for (int a = 0; a < 3 && enter <= leave; ++a) {
            if (std::abs(along[a]) < 1e-12f) {
                if (from[a] < box.min[a] || from[a] > box.max[a]) enter = 2.0f;
                continue;
            }
            const float t0 = (box.min[a] - from[a]) / along[a], t1 = (box.max[a] - from[a]) / along[a];
            enter = std::max(enter, std::min(t0, t1));
            leave = std::min(leave, std::max(t0, t1));
        }
        if (enter > leave) continue;
        // Every triangle (GLM's Moller-Trumbore, in units of `along`); a hit short of the point by
        // more than a millimetre hides it.
        const MeshData& mesh = *occluder.mesh;
        const float stop = 1.0f - 0.001f / std::max(glm::length(along), 1e-6f);
        glm::vec2 barycentric;
        float hit = 0.0f;
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
            if (glm::intersectRayTriangle(from, along, mesh.positions[mesh.indices[t]],
                                          mesh.positions[mesh.indices[t + 1]], mesh.positions[mesh.indices[t + 2]],
                                          barycentric, hit) &&
                hit > 0.0f && hit < stop)
                return true;
    }
    return false;
}

/// The middle of a muscle's belly: half way along the path (by length) of the fascicle whose
/// middle lies nearest the middle of them all. A straight line from origin to insertion would
/// miss a muscle that bends round the knee or the pelvic brim.
std::optional<glm::vec3> bellyMiddle(const ModelPresenter& model, std::size_t muscle, BodySide side) {
    const MuscleModel* muscles = model.muscles();
    const auto& paths = muscles->set().paths;
    const auto& geometry = model.muscleGeometry();
    std::vector<glm::vec3> middles;
    for (std::size_t p = 0; p < paths.size() && p < geometry.size(); ++p) {
        if (paths[p].muscle != muscle || paths[p].side != side || geometry[p].vertices.size() < 2) continue;
        const auto& v = geometry[p].vertices;
        const float half = 0.5f * geometry[p].length;
        float run = 0.0f;
        glm::vec3 middle = v.back().world;
        for (std::size_t i = 0; i + 1 < v.size(); ++i) {
            const float step = glm::distance(v[i].world, v[i + 1].world);
            if (run + step >= half) {
                middle = glm::mix(v[i].world, v[i + 1].world, step > 0.0f ? (half - run) / step : 0.0f);
                break;
            }
            run += step;
        }
        middles.push_back(middle);
    }
    if (middles.empty()) return std::nullopt;
    glm::vec3 mean{0.0f};
    for (const glm::vec3& m : middles) mean += m / float(middles.size());
    return *std::min_element(middles.begin(), middles.end(), [&](const glm::vec3& a, const glm::vec3& b) {
        return glm::distance(a, mean) < glm::distance(b, mean);
    });
}

struct SeenAnchor {
    glm::vec3 point{0.0f};
    bool moved = false;   ///< a stand-in: the structure's own anchor is hidden
    bool behind = false;  ///< nothing of it is in sight: the leader points through what hides it
};

/// How a label's end is judged seen: not by one ray, which finds a millimetre slit between two
/// laminae, but by a patch this wide around it (less than half a disc's height, so the side of
/// a disc between two vertebral bodies counts).
constexpr float kSeenPatchRadiusM = 0.0025f;

/// Whether `point` and a ring of points around it, `radius` across the line of sight, are all in sight.
bool patchSeen(const std::vector<Occluder>& occluders, std::size_t self, const glm::vec3& eye, const glm::vec3& point,
               float radius) {
    if (hiddenFrom(occluders, self, eye, point)) return false;
    const glm::vec3 sight = glm::normalize(point - eye);
    const glm::vec3 helper = std::abs(sight.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 u = glm::normalize(glm::cross(sight, helper)), v = glm::cross(sight, u);
    for (const glm::vec3& offset : {u, -u, v, -v})
        if (hiddenFrom(occluders, self, eye, point + radius * offset)) return false;
    return true;
}

/// Where the leader line ends: the anchor (`preferred`, else anchorOf) if the camera sees it,
/// else the seen point of the structure's surface nearest to it. A muscle wholly hidden gets no
/// label (its twin on the near side has one); a disc or bone wholly hidden (a disc behind the
/// vertebral arches in a back view) keeps its anchor, marked behind.
std::optional<SeenAnchor> visibleAnchor(const Scene& scene, const std::vector<Occluder>& occluders, std::size_t object,
                                        const glm::vec3& eye, const std::optional<glm::vec3>& preferred) {
    const glm::vec3 anchor = preferred ? *preferred : anchorOf(scene, object);
    const SceneObject& o = scene.objects[object];
    const auto& positions = scene.meshes.get(o.mesh).positions;
    const bool muscle = o.id.rfind("muscle_", 0) == 0;
    const auto seen = [&](const glm::vec3& p) { return patchSeen(occluders, object, eye, p, kSeenPatchRadiusM); };
    // A disc's anchor is the middle of its bounds, inside it: start from its surface. A muscle's
    // lies on (or in) the muscle itself, which does not hide it.
    const bool inside = !preferred && !muscle;
    if (!inside && seen(anchor)) return SeenAnchor{anchor, false};
    constexpr std::size_t kCandidates = 48;  // each costs a ray against every occluder it passes
    std::vector<glm::vec3> candidates;
    const std::size_t step = std::max<std::size_t>(1, positions.size() / kCandidates);
    for (std::size_t i = 0; i < positions.size(); i += step)
        candidates.emplace_back(o.transform * glm::vec4(positions[i], 1.0f));
    std::sort(candidates.begin(), candidates.end(), [&](const glm::vec3& a, const glm::vec3& b) {
        return glm::distance(a, anchor) < glm::distance(b, anchor);
    });
    for (const glm::vec3& c : candidates)
        if (seen(c)) return SeenAnchor{c, !inside};
    if (muscle) return std::nullopt;
    return SeenAnchor{anchor, !inside, true};
}

/// A right and a left label that say the same (the same muscle, the same change) and point at
/// nearly the same place (a side view), or either of which points at a stand-in because its own
/// middle is hidden (the far side's twin), become one "(both sides)" label: half the labels,
/// none hiding its twin. `moved` says which labels point at a stand-in.
void mergeSidePairs(std::vector<LabelSpec>& labels, std::vector<bool>& moved, float height) {
    constexpr float kNearFraction = 0.09f;  // of the picture height
    constexpr std::string_view kRight = " (right)", kLeft = " (left)", kBoth = " (both sides)";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::size_t at = labels[i].text.find(kRight);
        if (at == std::string::npos) continue;
        std::string twin = labels[i].text;
        twin.replace(at, kRight.size(), kLeft);
        for (std::size_t j = 0; j < labels.size(); ++j) {
            if (j == i || labels[j].text != twin) continue;
            const bool near = glm::distance(labels[i].anchor, labels[j].anchor) <= kNearFraction * height;
            if (!near && !moved[i] && !moved[j]) continue;
            labels[i].text.replace(at, kRight.size(), kBoth);
            if (moved[i] != moved[j])
                labels[i].anchor = moved[i] ? labels[j].anchor : labels[i].anchor;  // the one truly seen
            else
                labels[i].anchor = 0.5f * (labels[i].anchor + labels[j].anchor);
            moved[i] = moved[i] && moved[j];
            labels.erase(labels.begin() + std::ptrdiff_t(j));
            moved.erase(moved.begin() + std::ptrdiff_t(j));
            if (j < i) --i;
            break;
        }
    }
}

/// What the label says: the readable name and, for a muscle or disc of the model, its value now.
std::string labelText(const SceneView& view, std::size_t object, std::string_view structure) {
    const Scene& scene = view.scene();
    const ModelPresenter* model = view.model();
    if (model && model->muscles()) {
        if (const auto muscle = model->muscleOf(object)) {
            const WholeMuscle whole =
                model->muscles()->wholeMuscle(model->muscleLengths(), muscle->first, muscle->second);
            // The muscle's own name ("Gluteus maximus (lower part)"), not its id's words ("gluteus maximus 3").
            const std::string& own = model->muscles()->set().muscles[muscle->first].name;
            std::string name = own.empty() ? readableName(std::string(structure))
                                           : own + (muscle->second == BodySide::Right ? " (right)" : " (left)");
            if (whole.fascicles > 0) return name + formatted(" %+.0f %%", whole.changePct);
            return name;
        }
    }
    if (model && scene.objects[object].group == "discs") {
        for (std::size_t level = 0; level < kDiscLevels.size(); ++level)
            if (scene.objects[object].id.rfind(std::string("disc_") + kDiscLevels[level], 0) == 0) {
                std::string name = std::string("Disc ") + kDiscLevels[level];
                for (auto& c : name)
                    if (c == '_') c = '/';
                for (std::size_t i = 5; i < name.size(); ++i) name[i] = char(std::toupper(name[i]));
                return name + formatted(" %.2f MPa", model->discs()[level].pressureMpa);
            }
    }
    return scene.objects[object].name.empty() ? readableName(std::string(structure)) : scene.objects[object].name;
}

/// The view in words a class and a patient read: a whole body has sides, not a "medial" face.
std::string plainViewName(std::string_view preset) {
    constexpr std::pair<std::string_view, std::string_view> kPlain[] = {
        {"anterior", "front view"},   {"posterior", "back view"},      {"lateral", "right side view"},
        {"medial", "left side view"}, {"superior", "view from above"}, {"oblique", "front-right view from above"}};
    for (const auto& [name, plain] : kPlain)
        if (name == preset) return std::string(plain);
    return preset.empty() ? std::string{} : std::string(preset) + " view";
}

PixelRect subjectRect(const Scene& scene, const OrbitCamera& camera, int width, int height) {
    const glm::mat4 viewProjection = camera.projection(float(width) / float(height)) * camera.view();
    float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& o : scene.objects) {
        if (!o.visible || o.group == "props") continue;
        const glm::mat4 m = viewProjection * o.transform;
        for (const auto& v : scene.meshes.get(o.mesh).positions) {
            const glm::vec4 clip = m * glm::vec4(v, 1.0f);
            if (clip.w <= 0.0f) continue;
            const float x = (clip.x / clip.w * 0.5f + 0.5f) * float(width);
            const float y = (0.5f - clip.y / clip.w * 0.5f) * float(height);
            x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        }
    }
    if (x0 > x1) return {};
    x0 = std::max(x0, 0.0f), y0 = std::max(y0, 0.0f);
    x1 = std::min(x1, float(width)), y1 = std::min(y1, float(height));
    return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

std::optional<glm::vec2> projectToPixels(const OrbitCamera& camera, int width, int height, const glm::vec3& world) {
    const glm::vec4 clip = camera.projection(float(width) / float(height)) * camera.view() * glm::vec4(world, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    return glm::vec2((clip.x / clip.w * 0.5f + 0.5f) * float(width), (0.5f - clip.y / clip.w * 0.5f) * float(height));
}

std::optional<std::size_t> findStructure(const Scene& scene, std::string_view structure) {
    const std::string id(structure);
    for (const std::string& candidate : {id, "muscle_" + id, id + "_annulus"})
        for (std::size_t i = 0; i < scene.objects.size(); ++i)
            if (scene.objects[i].id == candidate) return i;
    return std::nullopt;
}

/// `reference` is the posture every length change is measured from (the muscle model's).
LegendSpec lengthChangeLegend(const std::string& reference) {
    LegendSpec legend;
    legend.title = "Muscle length change";
    const double range = kLengthChangeLegendPct;
    for (int i = 0; i <= 16; ++i) {
        const glm::vec3 c = lengthChangeColour(-range + 2.0 * range * i / 16.0, range);
        legend.colours.push_back(c);
    }
    // The ends saturate: a label may read +45 %, coloured as the legend's end.
    legend.ticks = {formatted("\u2264 %+.0f %%", -range), "0", formatted("\u2265 %+.0f %%", range)};
    legend.lowNote = "shortened";
    legend.highNote = "lengthened";
    if (!reference.empty()) {
        std::string name = reference;
        if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) &&
            std::islower(static_cast<unsigned char>(name[1])))
            name[0] = char(std::tolower(static_cast<unsigned char>(name[0])));
        legend.footnote = "0 = as in " + name;
    }
    return legend;
}

LegendSpec pressureLegend() {
    LegendSpec legend;
    legend.title = "Disc pressure";
    const double top = kPressureLegendMaxMpa;
    for (int i = 0; i <= 16; ++i) legend.colours.push_back(pressureColour(top * i / 16.0, top));
    for (int i = 0; i <= 2; ++i) legend.ticks.push_back(formatted("%.1f", top * i / 2.0));
    legend.ticks.back() += " MPa";
    legend.lowNote = "low";
    legend.highNote = "high";
    // The one in-vivo anchor a reader can hold the colours against (the disc model is calibrated on it).
    legend.footnote = "standing \u2248 0.5 MPa (Wilke 1999)";
    return legend;
}

namespace {

/// The display name of the posture muscle length changes are measured from.
std::string referenceName(const ModelPresenter& model) {
    if (!model.muscles()) return {};
    const std::string& id = model.muscles()->referencePosture();
    const Posture* reference = model.data().findPosture(id);
    return reference ? reference->name : id;
}

}  // namespace

OverlaySpec figureOverlay(const SceneView& view, const OrbitCamera& camera, int width, int height, double time,
                          std::string_view viewName, const std::vector<std::string>& extraLabels,
                          std::vector<std::string>& unknown) {
    OverlaySpec spec;
    const Scene& scene = view.scene();
    const ModelPresenter* model = view.model();
    const Posture* posture = model ? model->posture() : nullptr;
    if (posture) {
        spec.title = posture->name;
        if (posture->isMotion()) spec.title += formatted(", %.1f s", time);
    }
    spec.subtitle = plainViewName(viewName);

    const auto anyVisible = [&](const auto& test) {
        return std::any_of(scene.objects.begin(), scene.objects.end(),
                           [&](const SceneObject& o) { return o.visible && test(o); });
    };
    if (model && anyVisible([](const SceneObject& o) { return o.id.rfind("muscle_", 0) == 0; }))
        spec.legends.push_back(lengthChangeLegend(referenceName(*model)));
    if (model && model->pressureColours() && anyVisible([](const SceneObject& o) { return o.group == "discs"; }))
        spec.legends.push_back(pressureLegend());

    std::vector<std::string> structures;
    if (posture)
        for (const auto& target : posture->targets) structures.push_back(target.structure);
    for (const auto& extra : extraLabels)
        if (std::find(structures.begin(), structures.end(), extra) == structures.end()) structures.push_back(extra);
    std::vector<bool> moved;                         // per label: its leader ends on a stand-in point
    std::optional<std::vector<Occluder>> occluders;  // worked out for the first label that needs them
    for (const auto& structure : structures) {
        const auto object = findStructure(scene, structure);
        if (!object) {
            // A target the scene lacks (mesh files) is left out; a label asked for is an error.
            if (std::find(extraLabels.begin(), extraLabels.end(), structure) != extraLabels.end())
                unknown.push_back(structure);
            continue;
        }
        if (!scene.objects[*object].visible) continue;
        std::optional<glm::vec3> belly;
        if (model && model->muscles())
            if (const auto muscle = model->muscleOf(*object))
                belly = bellyMiddle(*model, muscle->first, muscle->second);
        if (!occluders) occluders = occludersOf(scene);
        const auto seen = visibleAnchor(scene, *occluders, *object, camera.eye(), belly);
        if (!seen) continue;  // a leader must not end on something in front of it
        const auto anchor = projectToPixels(camera, width, height, seen->point);
        if (!anchor || anchor->x < 0 || anchor->y < 0 || anchor->x > float(width) || anchor->y > float(height))
            continue;
        spec.labels.push_back(
            {labelText(view, *object, structure) + (seen->behind ? " (behind)" : ""), *anchor, seen->behind});
        moved.push_back(seen->moved);
    }
    mergeSidePairs(spec.labels, moved, float(height));
    spec.subject = subjectRect(scene, camera, width, height);
    return spec;
}

}  // namespace lumbarlab
