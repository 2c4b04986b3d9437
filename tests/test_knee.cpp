// The generated knee as a joint: the patella rides in the trochlear groove at a cartilage-thin gap
// through 0-140 deg of flexion, femur, tibia and patella never pass into each other, the fibular
// head sits against the lateral tibial condyle, and the patellar tendon is as long as the patella
// (Insall-Salvati ratio 1.02, [insall1971]). Meshes at the low level of detail, posed by the model's
// own kinematics (patella tracking, hinge about the flexion axis).

#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/core/mesh_query.h"
#include "lumbarlab/io/mesh_loader.h"

#include "model_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

using namespace lumbarlab;

namespace {

struct Knee {
    ModelData data = loadModelData(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR);
    MeshData femur = loadMesh(data.skeleton.find("femur_r")->meshLow);
    MeshData patella = loadMesh(data.skeleton.find("patella_r")->meshLow);
    MeshData tibia = loadMesh(data.skeleton.find("tibia_r")->meshLow);
    MeshData fibula = loadMesh(data.skeleton.find("fibula_r")->meshLow);
    MeshQuery femurQuery{femur};
    MeshQuery tibiaQuery{tibia};
};

const Knee& knee() {
    static const Knee k;
    return k;
}

// Smallest signed distance (mm) from the vertices of `mesh`, moved by `toOther`, to `other`:
// negative when a vertex lies inside the other bone. Vertices further than `near` mm from the
// other bone's bounds are skipped.
float nearestMm(const MeshData& mesh, const glm::mat4& toOther, const MeshQuery& other) {
    float nearest = std::numeric_limits<float>::max();
    const Bounds& b = other.bounds();
    for (const glm::vec3& v : mesh.positions) {
        const glm::vec3 p(toOther * glm::vec4(v, 1.0f));
        if (glm::any(glm::lessThan(p, b.min - glm::vec3(0.02f))) ||
            glm::any(glm::greaterThan(p, b.max + glm::vec3(0.02f))))
            continue;
        nearest = std::min(nearest, other.signedDistance(p) * 1000.0f);
    }
    return nearest;
}

SkeletonFrames posed(float kneeDegrees) {
    SkeletonPose pose;
    pose.right.kneeFlexion = glm::radians(kneeDegrees);
    return knee().data.kinematics->solve(pose);
}

}  // namespace

TEST_CASE("knee: the patella rides in the trochlear groove at a cartilage gap from 0 to 140 deg", "[model][knee]") {
    const Knee& k = knee();
    for (int degrees = 0; degrees <= 140; degrees += 10) {
        const SkeletonFrames f = posed(float(degrees));
        const glm::mat4 patellaInFemur = glm::inverse(f.of("femur_r")) * f.of("patella_r");
        const float gap = nearestMm(k.patella, patellaInFemur, k.femurQuery);
        INFO(degrees << " deg: patella to femur " << gap << " mm");
        CHECK(gap > 0.5f);  // never into the femur (the cartilage is drawn as a gap)
        CHECK(gap < 6.0f);  // and never lifted off the groove
    }
}

TEST_CASE("knee: tibia and femur keep their joint space and never interpenetrate, 0-140 deg", "[model][knee]") {
    const Knee& k = knee();
    for (int degrees = 0; degrees <= 140; degrees += 10) {
        const SkeletonFrames f = posed(float(degrees));
        const glm::mat4 tibiaInFemur = glm::inverse(f.of("femur_r")) * f.of("tibia_r");
        const float gap = nearestMm(k.tibia, tibiaInFemur, k.femurQuery);
        const glm::mat4 patellaInTibia = glm::inverse(f.of("tibia_r")) * f.of("patella_r");
        const float patellaTibia = nearestMm(k.patella, patellaInTibia, k.tibiaQuery);
        INFO(degrees << " deg: tibia to femur " << gap << " mm, patella to tibia " << patellaTibia << " mm");
        CHECK(gap > -1.0f);
        CHECK(gap < 6.0f);  // the condyles stay on the plateau
        CHECK(patellaTibia > -1.0f);
    }
}

TEST_CASE("knee: the fibular head sits 1-3 mm from the posterolateral underside of the lateral tibial condyle",
          "[model][knee]") {
    const Knee& k = knee();
    const float gap = nearestMm(k.fibula, glm::mat4(1.0f), k.tibiaQuery);  // both in the tibia frame
    INFO("fibula to tibia " << gap << " mm");
    CHECK(gap > 0.8f);
    CHECK(gap < 3.2f);
    const glm::vec3 head = k.data.skeleton.requireJoint("fibula_r", "proximal_tibiofibular");
    CHECK(head.x < -0.005f);  // behind the tibia's centre
    CHECK(head.z > 0.02f);    // on the lateral side
    CHECK(head.y > -0.030f);  // under the condyle, not down the shaft
}

TEST_CASE("knee: tibial plateau width and patellar tendon length match the cited values", "[model][knee]") {
    const Knee& k = knee();
    const Bounds b = k.tibia.bounds();
    // [pmc9703208] mediolateral width 76.1-76.4 mm in men; the widest level is the plateau.
    CHECK((b.max.z - b.min.z) * 1000.0f == Approx(76.0f).margin(3.0f));
    // Insall-Salvati: tendon length / patella height = 1.02 +/- 0.13 ([insall1971]), measured from the
    // lower pole; the model's ligament starts at the apex landmark on the anterior half of the pole,
    // a few millimetres longer, so the bound is the mean + 2.5 SD.
    const float tendon = k.data.kinematics->patellarLigamentLength(0, glm::radians(30.0f)) * 1000.0f;
    INFO("patellar tendon " << tendon << " mm");
    CHECK(tendon / 34.4f > 0.8f);
    CHECK(tendon / 34.4f < 1.02f + 2.5f * 0.13f);
}
