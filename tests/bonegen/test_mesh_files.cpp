// Every generated mesh: present, closed, edge-manifold, outward, within its triangle budget.

#include <filesystem>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace bonegen;
using namespace bonegen::test;

namespace {

const std::vector<std::string>& expectedIds() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v = {"hip_bone_r", "hip_bone_l", "sacrum",  "t12",      "l1",      "l2",
                                      "l3",         "l4",         "l5",      "femur_r",  "femur_l", "patella_r",
                                      "patella_l",  "tibia_r",    "tibia_l", "fibula_r", "fibula_l"};
        for (const char* disc : {"t12_l1", "l1_l2", "l2_l3", "l3_l4", "l4_l5", "l5_s1"}) {
            v.push_back(std::string("disc_") + disc + "_annulus");
            v.push_back(std::string("disc_") + disc + "_nucleus");
        }
        return v;
    }();
    return ids;
}

}  // namespace

TEST_CASE("bonegen: manifest lists every bone with both LOD files", "[bonegen]") {
    std::vector<std::string> listed;
    for (const auto& bone : manifest()["bones"]) listed.push_back(bone["id"].get<std::string>());
    REQUIRE(listed == expectedIds());
    for (const std::string& id : expectedIds()) {
        const auto& entry = boneEntry(id);
        for (const char* lod : {"high", "low"}) {
            INFO(id << " " << lod);
            const std::string file = entry["mesh_files"][lod].get<std::string>();
            REQUIRE(std::filesystem::exists(modelDir() / file));
            CHECK(loadMeshMm(id, lod).triangleCount() == entry["triangles"][lod].get<std::size_t>());
        }
        CHECK(!entry["display_name"].get<std::string>().empty());
        CHECK(!entry["common_name"].get<std::string>().empty());
        CHECK(!entry["parent_frame"].get<std::string>().empty());
    }
}

TEST_CASE("bonegen: every mesh is closed, edge-manifold and wound outward", "[bonegen]") {
    for (const std::string& id : expectedIds())
        for (const char* lod : {"high", "low"}) {
            INFO(id << " " << lod);
            const TriMesh& mesh = loadMeshMm(id, lod);
            const TopologyReport report = analyseTopology(mesh);
            CHECK(report.boundaryEdges == 0);
            CHECK(report.nonManifoldEdges == 0);
            CHECK(report.inconsistentEdges == 0);
            CHECK(signedVolume(mesh) > 0.0);
        }
}

TEST_CASE("bonegen: holes that anatomy needs are real through-holes", "[bonegen]") {
    // Genus from the Euler characteristic: the obturator foramen, the vertebral canal, the annulus
    // ring and the sacral canal plus eight sacral foramina must each add a handle.
    CHECK(genus(loadMeshMm("hip_bone_r", "high")) >= 1);
    CHECK(genus(loadMeshMm("sacrum", "high")) >= 9);
    for (const char* level : {"t12", "l1", "l2", "l3", "l4", "l5"}) {
        INFO(level);
        CHECK(genus(loadMeshMm(level, "high")) >= 1);
    }
    CHECK(genus(loadMeshMm("disc_l4_l5_annulus", "high")) == 1);
    CHECK(genus(loadMeshMm("disc_l4_l5_nucleus", "high")) == 0);
}

TEST_CASE("bonegen: level-of-detail triangle budgets", "[bonegen]") {
    std::size_t lowTotal = 0, highMax = 0;
    for (const std::string& id : expectedIds()) {
        INFO(id);
        const std::size_t high = loadMeshMm(id, "high").triangleCount();
        const std::size_t low = loadMeshMm(id, "low").triangleCount();
        CHECK(high <= 40000);
        CHECK(low < high);
        CHECK(low >= 300);  // still a recognisable shape
        lowTotal += low;
        highMax = std::max(highMax, high);
    }
    // Software GL budget: the whole low-detail scene in the 60-80k range.
    CHECK(lowTotal >= 55000);
    CHECK(lowTotal <= 80000);
    CHECK(highMax >= 20000);  // the high level really is detailed
}

TEST_CASE("bonegen: left bones mirror the right ones", "[bonegen]") {
    for (const auto& [right, left] :
         {std::pair{"hip_bone_r", "hip_bone_l"}, std::pair{"femur_r", "femur_l"}, std::pair{"tibia_r", "tibia_l"},
          std::pair{"fibula_r", "fibula_l"}, std::pair{"patella_r", "patella_l"}}) {
        INFO(right);
        glm::vec3 rlo, rhi, llo, lhi;
        bounds(loadMeshMm(right, "high"), rlo, rhi);
        bounds(loadMeshMm(left, "high"), llo, lhi);
        CHECK(llo.x == Approx(rlo.x).margin(0.01));
        CHECK(lhi.y == Approx(rhi.y).margin(0.01));
        CHECK(llo.z == Approx(-rhi.z).margin(0.01));
        CHECK(lhi.z == Approx(-rlo.z).margin(0.01));
        CHECK(signedVolume(loadMeshMm(left, "high")) == Approx(signedVolume(loadMeshMm(right, "high"))).epsilon(1e-4));
    }
}
