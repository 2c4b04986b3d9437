// Muscle paths of the built-in model against the literature and the bones they run over.

#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/mesh_query.h"
#include "lumbarlab/core/muscle_volume.h"
#include "lumbarlab/io/mesh_loader.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/muscle_meshes.h"
#include "lumbarlab/view/scene_view.h"

#include "model_dir.h"
#include "scratch_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

struct Muscles {
    ModelData data = loadModelData(modelDir(), LUMBARLAB_SOURCE_ASSET_DIR);
    std::unique_ptr<MuscleModel> model =
        std::make_unique<MuscleModel>(data, loadMuscleSetFor(data, LUMBARLAB_SOURCE_ASSET_DIR));

    [[nodiscard]] Coordinates at(const std::string& posture, double time = 0.0) const {
        const Posture* p = data.findPosture(posture);
        REQUIRE(p != nullptr);
        return p->at(time);
    }
    /// Every path's change (%) against standing.
    [[nodiscard]] std::vector<double> change(const Coordinates& values) const {
        const std::vector<float> l = model->lengthsAt(values);
        std::vector<double> out(l.size());
        for (std::size_t i = 0; i < l.size(); ++i) out[i] = model->changePercent(i, l[i]);
        return out;
    }
    /// Mean change (%) over one muscle's fascicles on one side (or fascicles whose id starts so).
    [[nodiscard]] double meanChange(const Coordinates& values, const std::string& prefix, BodySide side) const {
        const auto c = change(values);
        double sum = 0.0;
        int n = 0;
        for (std::size_t i = 0; i < c.size(); ++i) {
            const auto& p = model->set().paths[i];
            if (p.side == side && p.fascicle.rfind(prefix, 0) == 0) sum += c[i], ++n;
        }
        REQUIRE(n > 0);
        return sum / n;
    }
};

const Muscles& muscles() {
    static const Muscles m;
    return m;
}

std::string pathName(const MusclePathDefinition& p) {
    return p.fascicle + "_" + sideSuffix(p.side);
}

/// Poses that together cover every posture and motion: motions every 0.5 s; in the ASan+UBSan
/// build (about 20x slower) eight samples a motion, at most 2 s apart (the minute-long couch
/// stretch holds one position and breathes, so that still sees every part of it).
std::vector<std::pair<std::string, Coordinates>> everyPose(const ModelData& data) {
    std::vector<std::pair<std::string, Coordinates>> out;
    for (const Posture& p : data.postures) {
        if (!p.isMotion()) {
            out.emplace_back(p.id, p.at(0.0));
            continue;
        }
#ifdef LUMBARLAB_SANITIZED_BUILD
        const double step = std::min(2.0, p.duration / 8.0);
#else
        const double step = 0.5;
#endif
        for (double t = 0.0; t <= p.duration + 1e-9; t += step)
            out.emplace_back(p.id + " t=" + std::to_string(t), p.at(t));
    }
    return out;
}

}  // namespace

TEST_CASE("muscles: the data loads, both sides, every muscle the lesson needs", "[model][muscles]") {
    const MuscleSet& set = muscles().model->set();
    for (const char* id : {"psoas",
                           "iliacus",
                           "rectus_femoris",
                           "piriformis",
                           "gluteus_maximus_1",
                           "gluteus_maximus_2",
                           "gluteus_maximus_3",
                           "gluteus_medius_1",
                           "gluteus_medius_2",
                           "gluteus_medius_3",
                           "gluteus_minimus",
                           "erector_spinae_iliocostalis",
                           "erector_spinae_longissimus",
                           "multifidus",
                           "quadratus_lumborum",
                           "semimembranosus",
                           "semitendinosus",
                           "biceps_femoris_long",
                           "rectus_abdominis",
                           "external_oblique",
                           "internal_oblique"}) {
        INFO(id);
        REQUIRE(set.find(id) != nullptr);
    }
    int psoasFascicles = 0;
    for (const auto& p : set.paths)
        if (p.fascicle.rfind("psoas_", 0) == 0 && p.side == BodySide::Left) ++psoasFascicles;
    CHECK(psoasFascicles == 6);  // T12 to L4 disc levels plus the L5 body
    // Left and right are mirror images: equal lengths in symmetric standing.
    const auto l = muscles().model->referenceLengths();
    for (std::size_t i = 0; i < set.paths.size(); ++i)
        for (std::size_t j = 0; j < set.paths.size(); ++j)
            if (set.paths[i].fascicle == set.paths[j].fascicle && set.paths[i].side != set.paths[j].side) {
                INFO(set.paths[i].fascicle);
                CHECK(l[i] == Approx(l[j]).epsilon(1e-4));
            }
}

TEST_CASE("postures: every target names a muscle of the model or a disc level, and moves as it says",
          "[model][muscles]") {
    const Muscles& m = muscles();
    const Coordinates reference = m.at(m.model->set().referencePosture);
    int checked = 0;
    for (const Posture& posture : m.data.postures)
        for (const PostureTarget& target : posture.targets) {
            INFO(posture.id << ": " << target.structure);
            if (target.structure.starts_with("disc_")) {
                const std::string level = target.structure.substr(5);
                CHECK(std::find(kDiscLevels.begin(), kDiscLevels.end(), level) != kDiscLevels.end());
                continue;
            }
            const std::string muscle = target.structure.substr(0, target.structure.size() - 2);
            const BodySide side = target.structure.ends_with("_r") ? BodySide::Right : BodySide::Left;
            REQUIRE(m.model->set().find(muscle) != nullptr);
            if (target.expect != PostureTarget::Expect::Lengthen && target.expect != PostureTarget::Expect::Shorten)
                continue;
            // A motion's target moves that way at its extreme: the frame that changes it most.
            double extreme = 0.0;
            const double end = posture.isMotion() ? posture.duration : 0.0;
            for (double t = 0.0; t <= end + 1e-9; t += 0.25) {
                const double c = m.meanChange(posture.at(t), muscle, side) - m.meanChange(reference, muscle, side);
                if (std::abs(c) > std::abs(extreme)) extreme = c;
            }
            INFO("extreme change " << extreme << " %");
            if (target.expect == PostureTarget::Expect::Lengthen)
                CHECK(extreme > 1.0);
            else
                CHECK(extreme < -1.0);
            ++checked;
        }
    CHECK(checked >= 15);
}

TEST_CASE("muscles: every volume is closed and keeps its volume within 5 % across all postures and motions",
          "[model][muscles]") {
    const Muscles& m = muscles();
    const std::vector<MuscleShape> shapes =
        loadMuscleShapes(fs::path(LUMBARLAB_SOURCE_ASSET_DIR) / "muscles" / "shapes.json", m.model->set());
    REQUIRE(shapes.size() == m.model->set().muscles.size());
    std::vector<double> reference;
    std::vector<MeshData> meshes;
    std::vector<PathGeometry> geometry;
    double worst = 0.0;
    std::string worstAt;
    for (const auto& [name, values] : everyPose(m.data)) {
        const SkeletonFrames frames = m.data.kinematics->solve(m.data.poseFor(values));
        m.model->solve(frames, values, geometry);
        buildMuscleMeshes(*m.model, shapes, geometry, MuscleColouring::Anatomy, glm::vec3(frames.of("pelvis")[3]),
                          glm::vec3(frames.of("l1")[3]), meshes);
        if (reference.empty())
            for (const MeshData& mesh : meshes) reference.push_back(signedVolume(mesh));
        for (std::size_t k = 0; k < meshes.size(); ++k) {
            INFO(name << ": " << m.model->set().muscles[k / 2].id);
            REQUIRE(meshes[k].isConsistent());
            const double v = signedVolume(meshes[k]);
            REQUIRE(v > 0.0);  // closed and outward
            const double change = std::abs(v / reference[k] - 1.0);
            if (change > worst) worst = change, worstAt = name + " " + m.model->set().muscles[k / 2].id;
        }
    }
    INFO("largest volume change " << worst * 100.0 << " % at " << worstAt);
    CHECK(worst < 0.05);
}

TEST_CASE("muscles: a shapes file with a non-string format or shape is that file's one-line error",
          "[model][muscles]") {
    const Muscles& m = muscles();
    const fs::path shipped = fs::path(LUMBARLAB_SOURCE_ASSET_DIR) / "muscles" / "shapes.json";
    const nlohmann::json good = nlohmann::json::parse(std::ifstream(shipped));
    const fs::path dir = processScratchDir("lumbarlab_shapes_test");
    fs::create_directories(dir);
    const auto errorLoading = [&](const nlohmann::json& doc) {
        const fs::path file = dir / "shapes.json";
        std::ofstream(file) << doc.dump();
        try {
            (void)loadMuscleShapes(file, m.model->set());
        } catch (const FileError& e) {
            return std::string(e.what());
        }
        return std::string{};
    };
    CHECK(errorLoading(good).empty());
    nlohmann::json bad = good;
    bad["format"] = 1;
    CHECK_THAT(errorLoading(bad), Catch::Contains("\"format\" must be"));
    bad = good;
    const std::string first = m.model->set().muscles.front().id;
    bad["muscles"][first]["shape"] = nlohmann::json::array();
    CHECK_THAT(errorLoading(bad), Catch::Contains("muscles." + first + ".shape must be spindle"));
}

TEST_CASE("muscles: paths run over the bones, never through them (every posture and motion)",
          "[model][muscles][bones]") {
    const Muscles& m = muscles();
    struct Bone {
        std::string id, frame;
        MeshQuery query;
    };
    std::vector<Bone> bones;
    for (const auto& b : m.data.skeleton.bones)
        if (b.group != "discs") bones.push_back({b.id, b.parentFrame, MeshQuery(loadMesh(b.meshLow))});

    // A sample more than this deep inside a bone is a path through bone (low-detail meshes sit
    // within about a millimetre of the detailed ones; attachments lie on the surface).
    constexpr float kToleranceM = 0.003f;
    std::map<std::string, std::pair<float, std::string>> worst;  // path -> depth, where
    std::vector<PathGeometry> geometry;
    for (const auto& [name, values] : everyPose(m.data)) {
        const SkeletonFrames frames = m.data.kinematics->solve(m.data.poseFor(values));
        m.model->solve(frames, values, geometry);
        std::vector<glm::mat4> toLocal;
        for (const Bone& b : bones) toLocal.push_back(glm::inverse(frames.of(b.frame)));
        for (std::size_t i = 0; i < geometry.size(); ++i) {
            const auto& v = geometry[i].vertices;
            for (std::size_t s = 0; s + 1 < v.size(); ++s) {
                const float len = glm::distance(v[s].world, v[s + 1].world);
                const int n = std::max(1, int(len / 0.004f));
                for (int k = 0; k <= n; ++k) {
                    const glm::vec3 p = glm::mix(v[s].world, v[s + 1].world, float(k) / float(n));
                    for (std::size_t b = 0; b < bones.size(); ++b) {
                        const glm::vec3 local(toLocal[b] * glm::vec4(p, 1.0f));
                        if (!bones[b].query.contains(local)) continue;
                        const float depth = glm::distance(bones[b].query.closestPoint(local), local);
                        auto& w = worst[pathName(m.model->set().paths[i])];
                        if (depth > w.first) {
                            std::ostringstream where;
                            where << name << ", " << bones[b].id << ", segment " << s << ", local mm ("
                                  << local.x * 1000 << ", " << local.y * 1000 << ", " << local.z * 1000 << ")";
                            w = {depth, where.str()};
                        }
                    }
                }
            }
        }
    }
    for (const auto& [path, w] : worst) {
        INFO(path << " is " << w.first * 1000.0f << " mm inside bone at " << w.second);
        CHECK(w.first <= kToleranceM);
    }
}

TEST_CASE("muscles: every attachment lies on its bone's surface (within 6 mm)", "[model][muscles][bones]") {
    const Muscles& m = muscles();
    std::map<std::string, std::vector<const BoneDefinition*>> bonesOfFrame;
    std::map<const BoneDefinition*, std::unique_ptr<MeshQuery>> queries;
    for (const auto& b : m.data.skeleton.bones)
        if (b.group != "discs") {
            bonesOfFrame[b.parentFrame].push_back(&b);
            queries[&b] = std::make_unique<MeshQuery>(loadMesh(b.meshLow));
        }
    for (const auto& path : m.model->set().paths) {
        if (path.side != BodySide::Right) continue;
        const std::vector<PathPoint>& pts = path.points;
        for (std::size_t i = 0; i < pts.size(); i += pts.size() - 1) {  // origin and insertion
            if (pts[i].frame == "thorax") continue;                     // ribs are not modelled as bone
            float best = 1e9f;
            glm::vec3 nearest{0.0f};
            for (const BoneDefinition* b : bonesOfFrame[pts[i].frame]) {
                const glm::vec3 q = queries[b]->closestPoint(pts[i].position);
                if (glm::distance(q, pts[i].position) < best) best = glm::distance(q, pts[i].position), nearest = q;
            }
            INFO(path.fascicle << (i == 0 ? " origin" : " insertion") << " is " << best * 1000
                               << " mm from bone; nearest surface (mm) " << nearest.x * 1000 << ", " << nearest.y * 1000
                               << ", " << nearest.z * 1000);
            CHECK(best <= 0.006f);
            if (i + 1 == pts.size()) break;
        }
    }
}

TEST_CASE("muscles: sitting shortens psoas and iliacus as the published model does (Rajagopal 2016)",
          "[model][muscles]") {
    const Muscles& m = muscles();
    const Coordinates sitting = m.at("sitting_upright");
    for (BodySide side : {BodySide::Right, BodySide::Left}) {
        // The lower fascicles run like Rajagopal's psoas, whose origin stands in for the lumbar spine;
        // its via points give -17.7 % at 80 deg of hip flexion.
        for (const char* fascicle : {"psoas_l4", "psoas_l5"}) {
            const double c = m.meanChange(sitting, fascicle, side);
            INFO(fascicle << " " << c << " %");
            CHECK(c < -15.0);
            CHECK(c > -30.0);
        }
        // Longer fascicles from higher levels change less in proportion; the whole muscle still shortens.
        const double whole = m.meanChange(sitting, "psoas_", side);
        INFO("psoas mean " << whole << " %");
        CHECK(whole < -10.0);
        CHECK(m.meanChange(sitting, "psoas_t12", side) > m.meanChange(sitting, "psoas_l5", side));
        const double iliacus = m.meanChange(sitting, "iliacus", side);
        INFO("iliacus " << iliacus << " %");
        CHECK(iliacus < -15.0);
        CHECK(iliacus > -30.0);
    }
}

TEST_CASE("muscles: the couch stretch lengthens the rear leg's rectus femoris by at least 12 % and its psoas",
          "[model][muscles]") {
    const Muscles& m = muscles();
    const Coordinates hold = m.at("couch_stretch_r", 10.0);
    const double rectus = m.meanChange(hold, "rectus_femoris", BodySide::Right);
    INFO("rectus femoris " << rectus << " %");
    CHECK(rectus >= 12.0);
    CHECK(m.meanChange(hold, "psoas_l5", BodySide::Right) > 0.0);
    CHECK(m.meanChange(hold, "iliacus", BodySide::Right) > 0.0);
    // More than any other rear-leg hip flexor (psoas, any fascicle, and iliacus).
    for (const char* other : {"psoas_", "psoas_l5", "psoas_t12", "iliacus"}) {
        INFO(other << " " << m.meanChange(hold, other, BodySide::Right) << " %");
        CHECK(rectus > m.meanChange(hold, other, BodySide::Right));
    }
    // The front leg sits in hip flexion: its hip flexors are short.
    CHECK(m.meanChange(hold, "iliacus", BodySide::Left) < -15.0);
    // The mirror-image stretch does the same for the other leg.
    CHECK(m.meanChange(m.at("couch_stretch_l", 10.0), "rectus_femoris", BodySide::Left) == Approx(rectus).margin(0.5));
}

TEST_CASE("muscles: the bottom of the Jefferson curl lengthens the hamstrings by at least 15 %", "[model][muscles]") {
    const Muscles& m = muscles();
    const Coordinates bottom = m.at("jefferson_curl", 6.0);
    for (const char* id : {"semimembranosus", "semitendinosus", "biceps_femoris_long"})
        for (BodySide side : {BodySide::Right, BodySide::Left}) {
            const double c = m.meanChange(bottom, id, side);
            INFO(id << " " << c << " %");
            CHECK(c >= 15.0);
            CHECK(c < 40.0);
        }
}

TEST_CASE("muscles: back extensors lengthen with lumbar flexion and shorten with extension, abdominals the reverse",
          "[model][muscles]") {
    const Muscles& m = muscles();
    for (const char* id :
         {"erector_spinae_iliocostalis", "erector_spinae_longissimus", "multifidus", "rectus_abdominis"}) {
        double previous = -1e9;
        for (double flexion = -30.0; flexion <= 50.0; flexion += 10.0) {
            Coordinates v = m.at("neutral_standing");
            v["lumbar_flexion"] = flexion;
            const double c = m.meanChange(v, id, BodySide::Right);
            INFO(id << " at lumbar flexion " << flexion << ": " << c << " %");
            if (std::string(id) == "rectus_abdominis")
                CHECK((previous == -1e9 || c < -previous) == true);
            else
                CHECK(c > previous);
            previous = std::string(id) == "rectus_abdominis" ? -c : c;
            if (flexion < 0.0) CHECK((std::string(id) == "rectus_abdominis" ? c > 0.0 : c < 0.0));
            if (flexion > 0.0) CHECK((std::string(id) == "rectus_abdominis" ? c < 0.0 : c > 0.0));
        }
    }
    // The standing postures: arching shortens the extensors, bending forward lengthens them.
    CHECK(m.meanChange(m.at("standing_arched"), "erector_spinae_", BodySide::Right) < -3.0);
    CHECK(m.meanChange(m.at("standing_bent_forward"), "erector_spinae_", BodySide::Right) > 3.0);
}

TEST_CASE("muscles: sitting lengthens gluteus maximus, and the flexors and extensors of the hip oppose",
          "[model][muscles]") {
    const Muscles& m = muscles();
    const Coordinates sitting = m.at("sitting_upright");
    for (const char* id : {"gluteus_maximus_1", "gluteus_maximus_2", "gluteus_maximus_3"}) {
        const double c = m.meanChange(sitting, id, BodySide::Right);
        INFO(id << " " << c << " %");
        CHECK(c > 15.0);
    }
    // Moment arms about hip flexion: flexors positive, extensors negative.
    const auto arms = m.model->momentArms(sitting);
    const MuscleSet& set = m.model->set();
    for (std::size_t i = 0; i < set.paths.size(); ++i) {
        const std::string& id = set.muscles[set.paths[i].muscle].id;
        const std::string hip = std::string("hip_flexion_") + sideSuffix(set.paths[i].side);
        for (const MomentArm& a : arms[i]) {
            if (a.coordinate != hip) continue;
            INFO(set.paths[i].fascicle << " hip flexion moment arm " << a.metres);
            if (id == "psoas" || id == "iliacus" || id == "rectus_femoris") CHECK(a.metres > 0.01);
            if (id.rfind("gluteus_maximus", 0) == 0 || id == "semimembranosus" || id == "semitendinosus" ||
                id == "biceps_femoris_long")
                CHECK(a.metres < -0.01);
        }
    }
}

TEST_CASE("muscles: moment arms equal the finite difference of length", "[model][muscles]") {
    const Muscles& m = muscles();
    const double h = 0.05;  // degrees
    for (const auto& [posture, time] : std::vector<std::pair<std::string, double>>{
             {"neutral_standing", 0.0}, {"sitting_upright", 0.0}, {"couch_stretch_r", 10.0}, {"jefferson_curl", 6.0}}) {
        const Coordinates values = m.at(posture, time);
        const auto arms = m.model->momentArms(values);
        for (const auto& coordinate : {"hip_flexion_r", "knee_angle_r", "lumbar_flexion", "hip_adduction_r"}) {
            Coordinates plus = values, minus = values;
            plus[coordinate] += h;
            minus[coordinate] -= h;
            const auto lp = m.model->lengthsAt(plus), lm = m.model->lengthsAt(minus);
            for (std::size_t i = 0; i < arms.size(); ++i)
                for (const MomentArm& a : arms[i]) {
                    if (a.coordinate != coordinate) continue;
                    const double finite = -(double(lp[i]) - double(lm[i])) / (2.0 * glm::radians(h));
                    INFO(posture << " " << pathName(m.model->set().paths[i]) << " about " << coordinate
                                 << ": virtual work " << a.metres * 1000 << " mm, finite difference " << finite * 1000
                                 << " mm");
                    CHECK(a.metres == Approx(finite).margin(0.0015));
                }
        }
    }
}

TEST_CASE("muscles: lengths change smoothly along every motion (no jumps between 60 fps frames)", "[model][muscles]") {
    const Muscles& m = muscles();
    for (const Posture& p : m.data.postures) {
        if (!p.isMotion()) continue;
        std::vector<std::vector<float>> lengths;
        for (double t = 0.0; t <= p.duration; t += 1.0 / 60.0) lengths.push_back(m.model->lengthsAt(p.at(t)));
        // A jump is a frame step well beyond both neighbouring steps (a fast motion is not a jump).
        for (std::size_t k = 1; k + 1 < lengths.size(); ++k)
            for (std::size_t i = 0; i < lengths[k].size(); ++i) {
                const float before = std::abs(lengths[k][i] - lengths[k - 1][i]);
                const float step = std::abs(lengths[k + 1][i] - lengths[k][i]);
                const float after = k + 2 < lengths.size() ? std::abs(lengths[k + 2][i] - lengths[k + 1][i]) : step;
                if (step <= 2.0f * std::max(before, after) + 0.0005f && step < 0.012f) continue;  // under 0.7 m/s
                FAIL_CHECK(p.id << " frame " << k << " " << pathName(m.model->set().paths[i]) << ": steps "
                                << before * 1000 << ", " << step * 1000 << ", " << after * 1000 << " mm");
            }
    }
}

TEST_CASE("muscle view: volumes coloured by strain, thicker when short, and an info card with the numbers",
          "[model][muscles]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    SceneView view = SceneView::builtIn(modelDir(), assets, Detail::Low);
    REQUIRE(view.errors().empty());
    ModelPresenter& model = *view.model();
    REQUIRE(model.muscles());
    model.showPosture("sitting_upright");
    auto objectOf = [&](const std::string& id) {
        for (std::size_t i = 0; i < view.scene().objects.size(); ++i)
            if (view.scene().objects[i].id == id) return i;
        FAIL("no object " << id);
        return std::size_t(0);
    };
    auto meanColour = [&](std::size_t object) {
        const MeshData& mesh = view.scene().meshes.get(view.scene().objects[object].mesh);
        REQUIRE(mesh.colours.size() == mesh.positions.size());
        REQUIRE_FALSE(mesh.colours.empty());
        glm::vec3 sum{0.0f};
        for (const auto& c : mesh.colours) sum += c;
        return sum / float(mesh.colours.size());
    };
    // Sitting: psoas shortened (blue), gluteus maximus lengthened (red).
    const glm::vec3 psoas = meanColour(objectOf("muscle_psoas_r")),
                    glute = meanColour(objectOf("muscle_gluteus_maximus_2_r"));
    CHECK(psoas.z > psoas.x);
    CHECK(glute.x > glute.z + 0.2f);
    // The card names the muscle and gives its change and moment arms.
    view.scene().selected = objectOf("muscle_psoas_r");
    const auto card = view.infoCard();
    REQUIRE(card);
    CHECK(card->title == "Psoas major, right");
    std::string details;
    for (const auto& d : card->details) details += d + "\n";
    INFO(details);
    CHECK(details.find("Origin: ") != std::string::npos);
    CHECK(details.find("Change: -1") != std::string::npos);  // -10 to -19 %
    CHECK(details.find("Moment arm about hip_flexion_r: +") != std::string::npos);
    // Volume kept: a shortened muscle's belly is thicker than in standing. The one-fascicle mesh is
    // its rings of 12 vertices (k and k + 6 lie across a ring), two cap centres, then two
    // footprints: the widest ring is the belly's widest point.
    auto widest = [&](const MeshData& m) {
        const std::size_t ringVertices = m.positions.size() - 2 - 2 * attachmentFootprintSize().vertices;
        REQUIRE(ringVertices % 12 == 0);
        float best = 0.0f;
        for (std::size_t k = 0; k + 6 < ringVertices; k += 12)
            best = std::max(best, glm::distance(m.positions[k], m.positions[k + 6]));
        return best;
    };
    const float sittingWidth = widest(view.scene().meshes.get(view.scene().objects[objectOf("muscle_iliacus_r")].mesh));
    model.showPosture("neutral_standing");
    const MeshData& standingMesh = view.scene().meshes.get(view.scene().objects[objectOf("muscle_iliacus_r")].mesh);
    CHECK(sittingWidth > 1.05f * widest(standingMesh));
}

TEST_CASE("nerve roots: each passes behind the disc above, leaves high in its foramen, and reddens where pressed",
          "[model][nerves]") {
    const fs::path assets = LUMBARLAB_SOURCE_ASSET_DIR;
    SceneView view = SceneView::builtIn(modelDir(), assets, Detail::Low);
    REQUIRE(view.errors().empty());
    ModelPresenter& model = *view.model();
    auto rootMesh = [&](const std::string& id) -> const MeshData& {
        for (const SceneObject& o : view.scene().objects)
            if (o.id == id) return view.scene().meshes.get(o.mesh);
        FAIL("no object " << id);
        throw std::logic_error("unreachable");
    };
    auto inDisc = [&](const char* level, const glm::vec3& world) {
        return glm::vec3(glm::inverse(model.frames().of(std::string("disc_") + level)) * glm::vec4(world, 1.0f));
    };
    const glm::vec3 yellow{0.97f, 0.86f, 0.38f};
    auto reddest = [&](const MeshData& m, auto&& where) {  // the most red-shifted colour at those vertices
        float most = 0.0f;
        for (std::size_t v = 0; v < m.positions.size(); ++v)
            if (where(m.positions[v])) most = std::max(most, yellow.y - m.colours[v].y);
        return most;
    };
    model.showPosture("neutral_standing");
    const DiscModelParameters& p = model.discModel()->parameters();
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level) {
        const char* disc = kDiscLevels[level];
        const MeshData& root = rootMesh(std::string("nerve_root_") + disc + "_r");
        REQUIRE(root.isConsistent());
        REQUIRE(root.colours.size() == root.positions.size());
        // In the foramen (lateral to the canal, which is 25 mm wide, and behind the front of the
        // pedicle): above the middle of its disc, in the upper part of the gap.
        const float backX = -0.5f * float(p.depthMm[level]) * 0.001f;
        double ySum = 0.0;
        int count = 0;
        for (const glm::vec3& w : root.positions) {
            const glm::vec3 q = inDisc(disc, w);
            if (q.z > 0.015f && q.z < 0.024f && q.x < backX + 0.004f) {
                ySum += q.y;
                ++count;
            }
        }
        INFO(disc << ": " << count << " vertices in the foramen");
        REQUIRE(count > 0);
        CHECK(ySum / count > 0.005);
        // On its way down it passes behind the disc above, inside the canal.
        if (level > 0) {
            const char* discAbove = kDiscLevels[level - 1];
            const float backAbove = -0.5f * float(p.depthMm[level - 1]) * 0.001f;
            bool passes = false;
            for (const glm::vec3& w : root.positions) {
                const glm::vec3 q = inDisc(discAbove, w);
                passes = passes || (std::abs(q.y) < 0.004f && q.x < backAbove && q.z < 0.0125f && q.z > 0.0f);
            }
            CHECK(passes);
        }
        // All yellow while nothing is crowded.
        CHECK(reddest(root, [](const glm::vec3&) { return true; }) < 0.01f);
    }
    // Rounding L4/L5 hard presses the root passing behind it (L5), at that place, not in its foramen.
    Coordinates rounded = model.data().findPosture("neutral_standing")->at(0.0);
    rounded["lumbar_flexion_l4_l5"] = 14.0;
    model.showPosture("neutral_standing", rounded);
    REQUIRE(model.discs()[4].discIntrusion >= p.rootWarningThreshold);
    const MeshData& l5 = rootMesh("nerve_root_l5_s1_r");
    auto nearL4L5Back = [&](const glm::vec3& w) { return std::abs(inDisc("l4_l5", w).y) < 0.005f; };
    auto inL5Foramen = [&](const glm::vec3& w) { return inDisc("l5_s1", w).z > 0.017f; };
    CHECK(reddest(l5, nearL4L5Back) > 0.5f);
    CHECK(reddest(l5, inL5Foramen) < 0.1f);
    CHECK(reddest(rootMesh("nerve_root_l4_l5_r"), [](const glm::vec3&) { return true; }) < 0.01f);
    // Arching it hard closes the L4/L5 foramen on the root leaving through it (L4), in the foramen.
    Coordinates arched = rounded;
    arched["lumbar_flexion_l4_l5"] = -14.0;
    model.showPosture("neutral_standing", arched);
    REQUIRE(model.discs()[4].foraminalNarrowing >= p.rootWarningThreshold);
    auto inL4Foramen = [&](const glm::vec3& w) { return inDisc("l4_l5", w).z > 0.017f; };
    CHECK(reddest(rootMesh("nerve_root_l4_l5_r"), inL4Foramen) > 0.5f);
    CHECK(reddest(l5, [](const glm::vec3&) { return true; }) < 0.01f);
}
