#include "lumbarlab/view/muscle_meshes.h"

#include "lumbarlab/core/helper_thread.h"
#include "lumbarlab/view/colour_maps.h"

#include <cmath>
#include <string>

namespace lumbarlab {
namespace {

constexpr MuscleVolumeColours kAnatomyColours{};
constexpr float kFootprintScale = 2.4f;  // footprint radius over the tendon radius

}  // namespace

void buildMuscleMeshes(const MuscleModel& muscles, const std::vector<MuscleShape>& shapes,
                       const std::vector<PathGeometry>& geometry, MuscleColouring colouring, const glm::vec3& coreA,
                       const glm::vec3& coreB, std::vector<MeshData>& meshes) {
    const MuscleSet& set = muscles.set();
    const std::vector<float>& referenceLengths = muscles.referenceLengths();
    meshes.resize(2 * set.muscles.size());
    // Each mesh holds its paths in path order: the volume, then a footprint at each end. The ring
    // counts come from the reference lengths, so the layout is the same in every pose; the mesh's
    // name records it, and a mesh that already has it keeps its indices.
    thread_local std::vector<std::string> layouts;
    thread_local std::vector<MeshPieceSize> sizes;
    thread_local std::vector<MeshPieceSlot> cursors;
    thread_local std::vector<int> ringsOf;  // per path
    layouts.resize(meshes.size());
    ringsOf.assign(set.paths.size(), 0);
    sizes.assign(meshes.size(), {});
    for (std::string& layout : layouts) layout = "muscle volumes, rings";
    const MeshPieceSize footprint = attachmentFootprintSize();
    auto drawn = [&](std::size_t i) { return set.paths[i].muscle < shapes.size() && i < referenceLengths.size(); };
    auto meshOf = [&](std::size_t i) { return 2 * set.paths[i].muscle + std::size_t(set.paths[i].side); };
    for (std::size_t i = 0; i < set.paths.size(); ++i) {
        if (!drawn(i)) continue;
        ringsOf[i] = muscleVolumeRings(referenceLengths[i]);
        const MeshPieceSize volume = muscleVolumeSize(ringsOf[i]);
        MeshPieceSize& total = sizes[meshOf(i)];
        total.vertices += volume.vertices + 2 * footprint.vertices;
        total.indices += volume.indices + 2 * footprint.indices;
        layouts[meshOf(i)] += ' ' + std::to_string(ringsOf[i]);
    }
    cursors.resize(meshes.size());
    for (std::size_t m = 0; m < meshes.size(); ++m) {
        MeshData& mesh = meshes[m];
        const std::size_t n = sizes[m].vertices;
        const bool sameLayout = mesh.name == layouts[m] && mesh.positions.size() == n && mesh.normals.size() == n &&
                                mesh.colours.size() == n && mesh.occlusion.size() == n &&
                                mesh.indices.size() == sizes[m].indices;
        if (!sameLayout) {
            mesh.name = layouts[m];
            mesh.positions.resize(n);
            mesh.normals.resize(n);
            mesh.colours.resize(n);
            mesh.occlusion.assign(n, 1.0f);
            mesh.indices.resize(sizes[m].indices);
        }
        cursors[m] = MeshPieceSlot{0, 0, !sameLayout};
    }

    // The right side's meshes on this thread, the left side's on a helper: they share nothing but
    // what is read (each mesh holds one side). A thread_local named inside the lambda would be the
    // running thread's own: pass this one's.
    std::vector<MeshPieceSlot>& slots = cursors;
    const std::vector<int>& ringCounts = ringsOf;
    const auto buildSide = [&](BodySide side) {
        thread_local std::vector<glm::vec3> points;
        for (std::size_t i = 0; i < set.paths.size(); ++i) {
            if (!drawn(i) || set.paths[i].side != side) continue;
            const MusclePathDefinition& path = set.paths[i];
            const MuscleShape& shape = shapes[path.muscle];
            // Fascicles share the muscle's volume; together they make its belly.
            const float fascicles = float(set.fascicleCounts[path.muscle]);
            MuscleVolumeProfile profile;
            profile.kind = shape.kind;
            profile.bellyVolume = float(shape.bellyVolumeM3) / fascicles;
            profile.referenceLength = referenceLengths[i];
            profile.tendonOriginFraction = float(shape.tendonOriginFraction);
            profile.tendonInsertionFraction = float(shape.tendonInsertionFraction);
            // Fascicle tendons thinner than the muscle's, but not so thin they read as wires.
            profile.tendonRadius = float(shape.tendonRadiusM) / std::sqrt(std::sqrt(fascicles));
            const bool solved = i < geometry.size();
            MuscleVolumeColours colours = kAnatomyColours;
            if (colouring == MuscleColouring::LengthChange && solved)
                colours.belly = lengthChangeColour(muscles.changePercent(i, geometry[i].length));
            points.clear();
            if (solved)
                for (const PathVertex& v : geometry[i].vertices) points.push_back(v.world);
            const std::size_t m = meshOf(i);
            MeshData& mesh = meshes[m];
            MeshPieceSlot& at = slots[m];
            auto advance = [&at](const MeshPieceSize& piece) {
                at.firstVertex += std::uint32_t(piece.vertices);
                at.firstIndex += piece.indices;
            };
            writeMuscleVolume(mesh, at, ringCounts[i], points, coreA, coreB, profile, colours);
            advance(muscleVolumeSize(ringCounts[i]));
            // A footprint at each end (collapsed onto the end when the path has no second point).
            const float radius = kFootprintScale * profile.tendonRadius;
            const bool ends = points.size() >= 2;
            const glm::vec3 first = points.empty() ? glm::vec3(0.0f) : points.front();
            const glm::vec3 last = points.empty() ? glm::vec3(0.0f) : points.back();
            writeAttachmentFootprint(mesh, at, first, ends ? points[1] - first : glm::vec3(0, 1, 0),
                                     ends ? radius : 0.0f, colours.footprint);
            advance(footprint);
            writeAttachmentFootprint(mesh, at, last, ends ? points[points.size() - 2] - last : glm::vec3(0, 1, 0),
                                     ends ? radius : 0.0f, colours.footprint);
            advance(footprint);
        }
    };
    static HelperThread helper;
    helper.runAlongside([&] { buildSide(BodySide::Left); }, [&] { buildSide(BodySide::Right); });
}
}  // namespace lumbarlab
