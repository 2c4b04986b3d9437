#include "generator.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "builders.hpp"
#include "glb_writer.hpp"
#include "lod.hpp"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/atomic_file.h"
#include "manifest.hpp"
#include "measurements.hpp"
#include "volume_mesher.hpp"

namespace bonegen {

namespace {

double rounded(double v) {
    return std::round(v * 1e6) / 1e6;
}

lumbarlab::ManifestQuantity measuredValue(std::string name, double value, std::string unit, std::string param = "") {
    return {std::move(name), rounded(value), std::move(unit), std::move(param), ""};
}

const FrameVector* findJoint(const BoneModel& m, const std::string& name) {
    for (const FrameVector& j : m.joints)
        if (j.name == name) return &j;
    return nullptr;
}

// Dimensions the tests check, measured on the high-LOD mesh (millimetres in, metres/degrees out).
lumbarlab::ManifestMeasured measure(const BoneModel& m, const TriMesh& mesh, const SkeletonParams& params) {
    lumbarlab::ManifestMeasured measured;
    glm::vec3 lo, hi;
    bounds(mesh, lo, hi);
    measured.boundsMin = {rounded(lo.x / 1000.0), rounded(lo.y / 1000.0), rounded(lo.z / 1000.0)};
    measured.boundsMax = {rounded(hi.x / 1000.0), rounded(hi.y / 1000.0), rounded(hi.z / 1000.0)};
    auto& out = measured.values;
    const std::string& id = m.id;
    if (id == "femur_r" || id == "femur_l") {
        out.push_back(measuredValue("length", verticalExtent(mesh) / 1000.0, "m", "femur.length"));
        const float r = params.f("femur.head_diameter") / 2.0f;
        const glm::vec3 neck = findJoint(m, "neck_axis")->value;
        if (const auto fit = fitSphereNear(mesh, glm::vec3(0.0f), r, 2.0f, -neck, 0.3f))
            out.push_back(measuredValue("head_diameter", 2.0 * fit->radius / 1000.0, "m", "femur.head_diameter"));
        if (const auto nsa = neckShaftAngle(mesh, glm::vec3(0.0f), r, neck, -150.0f, -280.0f))
            out.push_back(measuredValue("neck_shaft_angle", *nsa, "deg", "femur.neck_shaft_angle"));
    } else if (id == "hip_bone_r" || id == "hip_bone_l") {
        const glm::vec3 asis = mostAnteriorAbove(mesh, -15.0f);
        out.push_back(
            measuredValue("inter_asis_width", 2.0 * std::abs(asis.z) / 1000.0, "m", "pelvis.inter_asis_width"));
        const glm::vec3 centre = findJoint(m, "hip_centre")->value;
        const glm::vec3 axis = findJoint(m, "acetabulum_axis")->value;
        const float socket = params.f("femur.head_diameter") / 2.0f + params.f("pelvis.hip_joint_space");
        const float opening = params.f("pelvis.acetabular_depth") - socket;
        if (const auto rim = acetabularRimDiameter(mesh, centre, axis, opening))
            out.push_back(measuredValue("acetabulum_diameter", *rim / 1000.0, "m", "pelvis.acetabulum_width"));
        if (const auto fit = fitSphereNear(mesh, centre, socket, 2.0f, axis, -0.1f))
            out.push_back(measuredValue("socket_diameter", 2.0 * fit->radius / 1000.0, "m"));
    } else if (id == "t12" || (id.size() == 2 && id[0] == 'l')) {
        const std::string k = "vertebrae." + id + ".";
        const glm::vec2 wd =
            endplateWidthDepth(mesh, params.f(k + "body_posterior_height") / 2.0f, params.f(k + "canal_width") / 2.0f,
                               params.f(k + "endplate_depth") / 2.0f);
        out.push_back(measuredValue("endplate_width", wd.x / 1000.0, "m", k + "endplate_width"));
        out.push_back(measuredValue("endplate_depth", wd.y / 1000.0, "m", k + "endplate_depth"));
    } else if (id.ends_with("_annulus")) {
        const std::string disc = id.substr(5, id.size() - 5 - 8);
        const std::string k = "discs." + disc + ".";
        const float station = params.f(k + "depth") / 2.0f - 3.0f;
        if (const auto h = heightAt(mesh, station))
            out.push_back(measuredValue("anterior_height", *h / 1000.0, "m", k + "anterior_height"));
        if (const auto h = heightAt(mesh, -station))
            out.push_back(measuredValue("posterior_height", *h / 1000.0, "m", k + "posterior_height"));
    }
    return measured;
}

}  // namespace

std::vector<std::string> allBoneIds(const SkeletonParams& params) {
    std::vector<std::string> ids;
    for (const BoneModel& m : buildSkeletonModels(params)) ids.push_back(m.id);
    return ids;
}

std::vector<GeneratedBone> generateBones(const SkeletonParams& params, const std::optional<std::string>& onlyBone) {
    const std::vector<BoneModel> models = buildSkeletonModels(params);
    std::map<std::string, const GeneratedBone*> byId;
    std::vector<GeneratedBone> results;
    results.reserve(models.size());

    // With --only, a left bone still needs its right partner's mesh (it is a mirror of it).
    std::optional<std::string> needed = onlyBone;
    if (onlyBone) {
        bool known = false;
        for (const BoneModel& m : models)
            if (m.id == *onlyBone) {
                known = true;
                if (!m.mirrorOf.empty()) needed = m.mirrorOf;
            }
        if (!known) throw std::runtime_error("unknown bone id '" + *onlyBone + "'");
    }

    for (const BoneModel& model : models) {
        if (onlyBone && model.id != *onlyBone && model.id != *needed) continue;
        const auto start = std::chrono::steady_clock::now();
        GeneratedBone bone;
        bone.model = model;
        if (!model.mirrorOf.empty()) {
            const GeneratedBone* right = byId.at(model.mirrorOf);
            bone.high = mirroredZ(right->high);
            bone.low = mirroredZ(right->low);
            for (std::size_t i = 0; i < bone.model.landmarks.size(); ++i) {
                const glm::vec3 p = right->model.landmarks[i].position;
                bone.model.landmarks[i].position = glm::vec3(p.x, p.y, -p.z);
            }
        } else {
            VolumeMeshSettings settings;
            settings.boundsMin = model.boundsMin;
            settings.boundsMax = model.boundsMax;
            settings.voxelSize = model.voxelSize;
            const TriMesh base = meshFromSdf(model.sdf, settings);
            if (std::getenv("BONEGEN_DEBUG")) {
                const TopologyReport r = analyseTopology(base);
                std::fprintf(stderr, "%s base: %zu tris, open %zu, nonmanifold %zu, flipped %zu, degenerate %zu\n",
                             model.id.c_str(), base.triangleCount(), r.boundaryEdges, r.nonManifoldEdges,
                             r.inconsistentEdges, r.degenerateTriangles);
            }
            if (base.triangleCount() == 0)
                throw lumbarlab::FileError(params.label(), model.id + ": the shape produced no surface");
            bone.high = simplifyToBudget(base, model.highTriangles);
            bone.low = simplifyToBudget(bone.high, model.lowTriangles);
            for (Landmark& l : bone.model.landmarks)
                if (l.onSurface) l.position = closestPointOnSurface(bone.high, l.position);
        }
        bone.highTopology = analyseTopology(bone.high);
        bone.lowTopology = analyseTopology(bone.low);
        bone.measured = measure(bone.model, bone.high, params);
        bone.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        results.push_back(std::move(bone));
        byId[results.back().model.id] = &results.back();
    }
    if (onlyBone) std::erase_if(results, [&](const GeneratedBone& b) { return b.model.id != *onlyBone; });
    return results;
}

std::vector<GeneratedBone> runGenerator(const GeneratorOptions& options) {
    const SkeletonParams params = SkeletonParams::load(options.paramsFile);
    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec) throw lumbarlab::FileError(options.outDir, "cannot create the output directory (" + ec.message() + ")");

    std::vector<GeneratedBone> bones = generateBones(params, options.onlyBone);
    for (const GeneratedBone& bone : bones) {
        writeGlb(options.outDir / (bone.model.id + ".high.glb"), bone.high, bone.model.id);
        writeGlb(options.outDir / (bone.model.id + ".low.glb"), bone.low, bone.model.id);
        if (options.log) {
            std::ostringstream line;
            line.setf(std::ios::fixed);
            line.precision(2);
            line << bone.model.id << ": high " << bone.high.triangleCount() << " tris, low " << bone.low.triangleCount()
                 << " tris, " << bone.seconds << " s";
            for (const auto& [name, report] :
                 {std::pair{"high", bone.highTopology}, std::pair{"low", bone.lowTopology}})
                if (!report.watertight())
                    line << "  WARNING: " << name << " not watertight (" << report.boundaryEdges << " open, "
                         << report.nonManifoldEdges << " non-manifold, " << report.inconsistentEdges
                         << " flipped edges)";
            options.log(line.str());
        }
    }

    const std::filesystem::path manifestPath = options.outDir / "skeleton_manifest.json";
    // With --only, the other bones' entries come from the manifest already there. One that does not
    // read (another format, damaged) is replaced: it describes meshes this generator did not write.
    std::optional<lumbarlab::SkeletonManifest> previous;
    if (options.onlyBone && std::filesystem::exists(manifestPath)) {
        try {
            previous = lumbarlab::readSkeletonManifest(manifestPath);
        } catch (const lumbarlab::FileError&) {
            previous.reset();
        }
    }
    const lumbarlab::SkeletonManifest manifest =
        buildManifest(bones, params, allBoneIds(params), previous ? &*previous : nullptr);
    lumbarlab::writeTextAtomically(manifestPath, lumbarlab::skeletonManifestToJson(manifest, manifestPath));
    return bones;
}

}  // namespace bonegen
