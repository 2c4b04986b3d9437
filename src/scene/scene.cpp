#include "lumbarlab/scene/scene.h"

namespace lumbarlab {

MeshId MeshLibrary::add(MeshData mesh) {
    meshes_.push_back(std::make_unique<MeshData>(std::move(mesh)));
    revisions_.push_back(0);
    return MeshId(meshes_.size() - 1);
}

void MeshLibrary::replace(MeshId id, MeshData mesh) {
    *meshes_.at(id) = std::move(mesh);
    ++revisions_.at(id);
}

void MeshLibrary::swap(MeshId id, MeshData& mesh) {
    std::swap(*meshes_.at(id), mesh);
    ++revisions_.at(id);
}

std::optional<std::size_t> Scene::objectOf(PickId id) const {
    if (id == kNoPick || id > objects.size()) return std::nullopt;
    return std::size_t(id - 1);
}

DrawList Scene::drawList() const {
    DrawList list;
    list.reserve(objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const SceneObject& o = objects[i];
        if (!o.visible) continue;
        DrawRecord r;
        r.mesh = o.mesh;
        r.transform = o.transform;
        r.colour = o.colour;
        r.pickId = o.pickable ? pickIdOf(i) : kNoPick;
        r.flags = (o.pickable ? kDrawNone : kDrawNoPick) | (o.flat ? kDrawFlat : kDrawNone) |
                  (o.vertexColours ? kDrawVertexColour : kDrawNone) | (o.twoSided ? kDrawTwoSided : kDrawNone) |
                  (o.outermost ? kDrawOutermost : kDrawNone) | (o.colour.w < 1.0f ? kDrawTranslucent : kDrawNone);
        if (hovered == i) r.flags |= kDrawHovered;
        if (selected == i) r.flags |= kDrawSelected;
        list.push_back(r);
    }
    return list;
}

Bounds Scene::bounds(std::size_t objectIndex) const {
    const SceneObject& o = objects.at(objectIndex);
    return meshes.get(o.mesh).bounds().transformed(o.transform);
}

Bounds Scene::bounds() const {
    // Props (the floor, furniture) would make every view a wide shot: frame the body only.
    Bounds b;
    for (std::size_t i = 0; i < objects.size(); ++i)
        if (objects[i].visible && objects[i].group != "props") b.include(bounds(i));
    return b;
}

void Scene::appendFramingPoints(std::size_t objectIndex, std::vector<glm::vec3>& points) const {
    const SceneObject& o = objects.at(objectIndex);
    const Bounds local = meshes.get(o.mesh).bounds();
    if (local.empty()) return;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{(i & 1) ? local.max.x : local.min.x, (i & 2) ? local.max.y : local.min.y,
                               (i & 4) ? local.max.z : local.min.z};
        points.emplace_back(o.transform * glm::vec4(corner, 1.0f));
    }
}

std::vector<glm::vec3> Scene::framingPoints() const {
    std::vector<glm::vec3> points;
    for (std::size_t i = 0; i < objects.size(); ++i)
        if (objects[i].visible && objects[i].group != "props") appendFramingPoints(i, points);
    return points;
}

std::size_t Scene::visibleTriangleCount() const {
    std::size_t n = 0;
    for (const auto& o : objects)
        if (o.visible) n += meshes.get(o.mesh).triangleCount();
    return n;
}

}  // namespace lumbarlab
