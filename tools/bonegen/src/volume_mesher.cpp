#include "volume_mesher.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <openvdb/openvdb.h>
#include <openvdb/tools/LevelSetFilter.h>
#include <openvdb/tools/SignedFloodFill.h>
#include <openvdb/tools/VolumeToMesh.h>
#include <tbb/parallel_for.h>

namespace bonegen {

namespace {

constexpr int kBlock = 8;  // sampling block edge in voxels (one OpenVDB leaf)
constexpr float kHalfWidthVoxels = 3.0f;

struct BlockSamples {
    openvdb::Coord origin;
    std::vector<float> values;  // kBlock^3, NaN = not in band
};

}  // namespace

TriMesh meshFromSdf(const Sdf& sdf, const VolumeMeshSettings& settings) {
    openvdb::initialize();
    const float h = settings.voxelSize;
    const float band = kHalfWidthVoxels * h;

    auto transform = openvdb::math::Transform::createLinearTransform(h);
    const openvdb::Coord lo(static_cast<int>(std::floor(settings.boundsMin.x / h)) - kBlock,
                            static_cast<int>(std::floor(settings.boundsMin.y / h)) - kBlock,
                            static_cast<int>(std::floor(settings.boundsMin.z / h)) - kBlock);
    const openvdb::Coord hi(static_cast<int>(std::ceil(settings.boundsMax.x / h)) + kBlock,
                            static_cast<int>(std::ceil(settings.boundsMax.y / h)) + kBlock,
                            static_cast<int>(std::ceil(settings.boundsMax.z / h)) + kBlock);

    // Blocks aligned to the leaf grid; a block is sampled only if its centre lies near the surface.
    // The SDFs are bounds rather than exact distances, so the culling radius is generous.
    std::vector<BlockSamples> blocks;
    const auto alignDown = [](int v) {
        return v >= 0 ? (v / kBlock) * kBlock : -(((-v) + kBlock - 1) / kBlock) * kBlock;
    };
    for (int bx = alignDown(lo.x()); bx <= hi.x(); bx += kBlock)
        for (int by = alignDown(lo.y()); by <= hi.y(); by += kBlock)
            for (int bz = alignDown(lo.z()); bz <= hi.z(); bz += kBlock)
                blocks.push_back({openvdb::Coord(bx, by, bz), {}});

    const float halfDiagonal = 0.5f * std::sqrt(3.0f) * kBlock * h;
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, blocks.size(), 16), [&](const tbb::blocked_range<std::size_t>& range) {
            for (std::size_t b = range.begin(); b != range.end(); ++b) {
                BlockSamples& block = blocks[b];
                const glm::vec3 centre = glm::vec3(block.origin.x(), block.origin.y(), block.origin.z()) * h +
                                         glm::vec3(0.5f * (kBlock - 1) * h);
                const float d = sdf(centre);
                if (std::abs(d) > 1.6f * (halfDiagonal + band)) continue;
                block.values.resize(std::size_t(kBlock) * kBlock * kBlock);
                std::size_t i = 0;
                for (int x = 0; x < kBlock; ++x)
                    for (int y = 0; y < kBlock; ++y)
                        for (int z = 0; z < kBlock; ++z) {
                            const glm::vec3 p =
                                glm::vec3(block.origin.x() + x, block.origin.y() + y, block.origin.z() + z) * h;
                            const float v = sdf(p);
                            block.values[i++] = std::isfinite(v) ? v : 1e3f;  // never let a bad sample poison the grid
                        }
            }
        });

    // Fill the grid serially (in block order) so the result never depends on thread scheduling.
    auto grid = openvdb::FloatGrid::create(band);
    grid->setTransform(transform);
    grid->setGridClass(openvdb::GRID_LEVEL_SET);
    auto accessor = grid->getAccessor();
    for (const BlockSamples& block : blocks) {
        if (block.values.empty()) continue;
        std::size_t i = 0;
        for (int x = 0; x < kBlock; ++x)
            for (int y = 0; y < kBlock; ++y)
                for (int z = 0; z < kBlock; ++z) {
                    // Every sampled voxel gets the right sign; only the narrow band is active.
                    const float v = block.values[i++];
                    const openvdb::Coord ijk = block.origin.offsetBy(x, y, z);
                    if (std::abs(v) < band)
                        accessor.setValue(ijk, v);
                    else
                        accessor.setValueOff(ijk, v > 0.0f ? band : -band);
                }
    }
    openvdb::tools::signedFloodFill(grid->tree());

    // Smooth once and extract. The level-set filter renormalises the band after each pass, which is
    // all the re-distancing the bound-type SDFs need. tools::sdfToSdf (fast sweeping) was tried and
    // on the hip bone turned a clean band into a speckled double surface, so it is not used.
    const openvdb::FloatGrid::Ptr& sdfGrid = grid;
    if (settings.smoothingPasses > 0) {
        openvdb::tools::LevelSetFilter<openvdb::FloatGrid> filter(*sdfGrid);
        for (int pass = 0; pass < settings.smoothingPasses; ++pass) filter.meanCurvature();
    }

    std::vector<openvdb::Vec3s> points;
    std::vector<openvdb::Vec3I> triangles;
    std::vector<openvdb::Vec4I> quads;
    openvdb::tools::volumeToMesh(*sdfGrid, points, triangles, quads, 0.0, settings.adaptivity);

    TriMesh mesh;
    mesh.positions.reserve(points.size());
    for (const auto& p : points) mesh.positions.emplace_back(p.x(), p.y(), p.z());
    mesh.indices.reserve(triangles.size() * 3 + quads.size() * 6);
    for (const auto& t : triangles) mesh.indices.insert(mesh.indices.end(), {t[0], t[1], t[2]});
    for (const auto& q : quads) mesh.indices.insert(mesh.indices.end(), {q[0], q[1], q[2], q[0], q[2], q[3]});
    if (signedVolume(mesh) < 0.0) flipWinding(mesh);
    return mesh;
}

}  // namespace bonegen
