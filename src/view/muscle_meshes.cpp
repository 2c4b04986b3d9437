#include "lumbarlab/view/muscle_meshes.h"

#include "lumbarlab/view/colour_maps.h"

#include <cmath>

namespace lumbarlab {
namespace {

constexpr MuscleVolumeColours kAnatomyColours{};
constexpr float kFootprintScale = 2.4f;  // footprint radius over the tendon radius

}  // namespace

void buildMuscleMeshes(const MuscleModel& muscles, const std::vector<MuscleShape>& shapes,
                       const std::vector<PathGeometry>& geometry, MuscleColouring colouring, const glm::vec3& coreA,
                       const glm::vec3& coreB, std::vector<MeshData>& meshes) {
    const MuscleSet& set = muscles.set();
    meshes.resize(2 * set.muscles.size());
    for (MeshData& m : meshes) {
        m.positions.clear();
        m.normals.clear();
        m.occlusion.clear();
        m.colours.clear();
        m.indices.clear();
    }
    thread_local std::vector<glm::vec3> points;
    for (std::size_t i = 0; i < geometry.size() && i < set.paths.size(); ++i) {
        const MusclePathDefinition& path = set.paths[i];
        if (path.muscle >= shapes.size()) continue;
        const MuscleShape& shape = shapes[path.muscle];
        // Fascicles share the muscle's volume; together they make its belly.
        const float fascicles = float(set.fascicleCounts[path.muscle]);
        MuscleVolumeProfile profile;
        profile.kind = shape.kind;
        profile.bellyVolume = float(shape.bellyVolumeM3) / fascicles;
        profile.referenceLength = muscles.referenceLengths()[i];
        profile.tendonOriginFraction = float(shape.tendonOriginFraction);
        profile.tendonInsertionFraction = float(shape.tendonInsertionFraction);
        // Fascicle tendons thinner than the muscle's, but not so thin they read as wires.
        profile.tendonRadius = float(shape.tendonRadiusM) / std::sqrt(std::sqrt(fascicles));
        MuscleVolumeColours colours = kAnatomyColours;
        if (colouring == MuscleColouring::LengthChange)
            colours.belly = lengthChangeColour(muscles.changePercent(i, geometry[i].length));
        points.clear();
        for (const PathVertex& v : geometry[i].vertices) points.push_back(v.world);
        MeshData& mesh = meshes[2 * path.muscle + std::size_t(path.side)];
        appendMuscleVolume(mesh, points, coreA, coreB, profile, colours);
        if (points.size() >= 2) {
            const float footprint = kFootprintScale * profile.tendonRadius;
            appendAttachmentFootprint(mesh, points.front(), points[1] - points.front(), footprint, colours.footprint);
            appendAttachmentFootprint(mesh, points.back(), points[points.size() - 2] - points.back(), footprint,
                                      colours.footprint);
        }
    }
}

}  // namespace lumbarlab
