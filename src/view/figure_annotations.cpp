#include "lumbarlab/view/figure_annotations.h"

#include "lumbarlab/view/colour_maps.h"

#include <algorithm>
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

/// A right and a left label that say the same (the same muscle, the same change) and point at
/// nearly the same place (a side view) become one "(both sides)" label between them: half the
/// labels, none hiding its twin.
void mergeSidePairs(std::vector<LabelSpec>& labels, float height) {
    constexpr float kNearFraction = 0.06f;  // of the picture height
    constexpr std::string_view kRight = " (right)", kLeft = " (left)", kBoth = " (both sides)";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::size_t at = labels[i].text.find(kRight);
        if (at == std::string::npos) continue;
        std::string twin = labels[i].text;
        twin.replace(at, kRight.size(), kLeft);
        for (std::size_t j = 0; j < labels.size(); ++j) {
            if (j == i || labels[j].text != twin ||
                glm::distance(labels[i].anchor, labels[j].anchor) > kNearFraction * height)
                continue;
            labels[i].text.replace(at, kRight.size(), kBoth);
            labels[i].anchor = 0.5f * (labels[i].anchor + labels[j].anchor);
            labels.erase(labels.begin() + std::ptrdiff_t(j));
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
            std::string name = readableName(std::string(structure));
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

LegendSpec lengthChangeLegend() {
    LegendSpec legend;
    legend.title = "Muscle length change";
    const double range = kLengthChangeLegendPct;
    for (int i = 0; i <= 16; ++i) {
        const glm::vec3 c = lengthChangeColour(-range + 2.0 * range * i / 16.0, range);
        legend.colours.push_back(c);
    }
    legend.ticks = {formatted("%+.0f %%", -range), "0", formatted("%+.0f %%", range)};
    legend.lowNote = "shortened";
    legend.highNote = "lengthened";
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
    return legend;
}

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
    spec.subtitle = std::string(viewName) + (viewName.empty() ? "" : " view");

    const auto anyVisible = [&](const auto& test) {
        return std::any_of(scene.objects.begin(), scene.objects.end(),
                           [&](const SceneObject& o) { return o.visible && test(o); });
    };
    if (model && anyVisible([](const SceneObject& o) { return o.id.rfind("muscle_", 0) == 0; }))
        spec.legends.push_back(lengthChangeLegend());
    if (model && model->pressureColours() && anyVisible([](const SceneObject& o) { return o.group == "discs"; }))
        spec.legends.push_back(pressureLegend());

    std::vector<std::string> structures;
    if (posture)
        for (const auto& target : posture->targets) structures.push_back(target.structure);
    for (const auto& extra : extraLabels)
        if (std::find(structures.begin(), structures.end(), extra) == structures.end()) structures.push_back(extra);
    for (const auto& structure : structures) {
        const auto object = findStructure(scene, structure);
        if (!object) {
            // A target the scene lacks (mesh files) is left out; a label asked for is an error.
            if (std::find(extraLabels.begin(), extraLabels.end(), structure) != extraLabels.end())
                unknown.push_back(structure);
            continue;
        }
        if (!scene.objects[*object].visible) continue;
        const auto anchor = projectToPixels(camera, width, height, anchorOf(scene, *object));
        if (!anchor || anchor->x < 0 || anchor->y < 0 || anchor->x > float(width) || anchor->y > float(height))
            continue;
        spec.labels.push_back({labelText(view, *object, structure), *anchor});
    }
    mergeSidePairs(spec.labels, float(height));
    spec.subject = subjectRect(scene, camera, width, height);
    return spec;
}

}  // namespace lumbarlab
