#include "scene_builder.h"

#include "lumbarlab/core/primitives.h"
#include "lumbarlab/core/tube.h"
#include "lumbarlab/io/mesh_loader.h"

#include <algorithm>

#include <cstdlib>
#include <system_error>

namespace lumbarlab {
namespace {

constexpr const char* kManifestName = "skeleton_manifest.json";

std::filesystem::path executableDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

/// The first folder that holds `probe`, from an environment override, places beside the
/// executable, and the folder known at build time.
std::filesystem::path findFolder(const char* envName, const std::vector<std::filesystem::path>& besideExe,
                                 const char* builtIn, const std::filesystem::path& probe) {
    std::error_code ec;
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv(envName); env && *env) candidates.emplace_back(env);
    if (const auto exeDir = executableDir(); !exeDir.empty())
        for (const auto& rel : besideExe) candidates.push_back(exeDir / rel);
    if (builtIn && *builtIn) candidates.emplace_back(builtIn);
    for (const auto& dir : candidates)
        if (std::filesystem::exists(dir / probe, ec)) return std::filesystem::weakly_canonical(dir, ec);
    return {};
}

// Colours as sRGB: bone ivory; the annulus a translucent cartilage blue so the nucleus shows.
constexpr glm::vec4 kBoneColour{0.89f, 0.85f, 0.76f, 1.0f};
constexpr glm::vec4 kAnnulusColour{0.60f, 0.74f, 0.84f, 0.55f};
constexpr glm::vec4 kNucleusColour{0.93f, 0.52f, 0.48f, 1.0f};

constexpr glm::vec4 kRootColour{0.97f, 0.86f, 0.38f, 1.0f};        // nerve yellow
constexpr glm::vec4 kRootWarningColour{1.0f, 0.24f, 0.14f, 1.0f};  // crowded: red
constexpr glm::vec4 kSkinColour{0.95f, 0.80f, 0.70f, 0.30f};       // translucent: the bones stay in view
constexpr glm::vec4 kFloorColour{0.22f, 0.24f, 0.27f, 1.0f};
constexpr glm::vec4 kFurnitureColour{0.52f, 0.40f, 0.30f, 1.0f};

std::string readableShapeName(const std::string& id) {
    std::string out = id;
    for (auto& c : out)
        if (c == '_') c = ' ';
    return out;
}

glm::vec4 colourOf(const BoneDefinition& bone) {
    if (bone.id.find("_annulus") != std::string::npos) return kAnnulusColour;
    if (bone.id.find("_nucleus") != std::string::npos) return kNucleusColour;
    return kBoneColour;
}

}  // namespace

std::optional<std::pair<std::size_t, BodySide>> BuiltInModel::muscleOfObject(std::size_t object) const {
    if (!muscles || object < muscleObjectStart || object >= muscleObjectStart + 2 * muscles->set().muscles.size())
        return std::nullopt;
    const std::size_t k = object - muscleObjectStart;
    return std::make_pair(k / 2, k % 2 == 0 ? BodySide::Right : BodySide::Left);
}

std::vector<float> BuiltInModel::muscleTrace(const Posture& posture, std::size_t muscle, BodySide side,
                                             std::size_t samples) const {
    std::vector<float> trace;
    if (!muscles || !posture.isMotion() || samples < 2) return trace;
    for (std::size_t k = 0; k < samples; ++k) {
        const std::vector<float> l = muscles->lengthsAt(posture.at(posture.duration * double(k) / double(samples - 1)));
        trace.push_back(float(muscles->wholeMuscle(l, muscle, side).changePct));
    }
    return trace;
}

void BuiltInModel::applyPose(Scene& scene, const Coordinates& newValues) {
    const Posture* posture = data.findPosture(postureId);
    auto [groundedValues, solvedFrames] = data.solveGrounded(newValues, posture);
    values = std::move(groundedValues);
    pose_ = data.poseFor(values);
    frames_ = std::move(solvedFrames);
    const SkeletonFrames& solved = frames_;
    for (std::size_t i = 0; i < scene.objects.size() && i < boneOfObject.size(); ++i)
        scene.objects[i].transform = solved.of(data.skeleton.bones[boneOfObject[i]].parentFrame);
    if (discModel) discs = discModel->evaluate(solved, pose(), handLoad, posture && posture->supported);
    for (const auto& [object, deformer] : discDeformers) {
        const BoneDefinition& bone = data.skeleton.bones[boneOfObject[object]];
        const std::string& frame = bone.parentFrame;  // "disc_l4_l5"
        std::size_t level = 0;
        while (level + 1 < kDiscLevels.size() && frame != std::string("disc_") + kDiscLevels[level]) ++level;
        const DiscState& state = discs[level];
        DiscAppearance look{
            state.anteriorMpa, state.posteriorMpa,           state.nucleusShiftMm,
            state.bulgeMm,     pressureColours && discModel, bone.id.find("_nucleus") != std::string::npos};
        MeshData deformed = scene.meshes.get(scene.objects[object].mesh);
        deformer.deform(solved.of(frame), solved.of(frame + "_bottom"), solved.of(frame + "_top"), deformed, look);
        scene.meshes.replace(scene.objects[object].mesh, std::move(deformed));
        scene.objects[object].vertexColours = look.colourByPressure && !look.isNucleus;
    }
    if (muscles) {
        muscles->solve(solved, values, muscleGeometry);
        muscleLengths.resize(muscleGeometry.size());
        std::vector<MeshData> tubes(2 * muscles->set().muscles.size());
        std::vector<glm::vec3> points;
        for (std::size_t i = 0; i < muscleGeometry.size(); ++i) {
            muscleLengths[i] = muscleGeometry[i].length;
            const MusclePathDefinition& path = muscles->set().paths[i];
            const double change = muscles->changePercent(i, muscleGeometry[i].length);
            // Volume is conserved: the cross-section grows as the fascicle shortens.
            const float rest = muscles->set().fascicleCounts[path.muscle] > 1 ? 0.0035f : 0.0065f;
            const float radius =
                rest * std::sqrt(muscles->referenceLengths()[i] / std::max(muscleGeometry[i].length, 1e-4f));
            points.clear();
            for (const PathVertex& v : muscleGeometry[i].vertices) points.push_back(v.world);
            MeshData& mesh = tubes[muscleObjectOf(i) - muscleObjectStart];
            appendTube(mesh, points, radius, strainColour(change));
            // Origin and insertion markers: darker beads a little wider than the tube.
            appendMarker(mesh, points.front(), radius * 1.6f, glm::vec3(0.25f, 0.22f, 0.2f));
            appendMarker(mesh, points.back(), radius * 1.6f, glm::vec3(0.25f, 0.22f, 0.2f));
        }
        for (std::size_t k = 0; k < tubes.size(); ++k)
            scene.meshes.replace(scene.objects[muscleObjectStart + k].mesh, std::move(tubes[k]));
    }
    // Nerve roots leave the canal behind each disc and run out and down through the foramen.
    for (std::size_t level = 0; level < kDiscLevels.size() && rootObjectStart > 0; ++level) {
        const glm::mat4& disc = solved.of(std::string("disc_") + kDiscLevels[level]);
        const float back = -0.5f * float(discModel ? discModel->parameters().depthMm[level] : 30.0) * 0.001f;
        for (int side = 0; side < 2; ++side) {
            const float z = side == 0 ? 1.0f : -1.0f;
            const glm::vec3 start = glm::vec3(disc * glm::vec4(back - 0.007f, 0.004f, z * 0.011f, 1.0f));
            const glm::vec3 end = glm::vec3(disc * glm::vec4(back - 0.001f, -0.016f, z * 0.046f, 1.0f));
            SceneObject& root = scene.objects[rootObjectStart + 2 * level + std::size_t(side)];
            root.transform = ellipsoidBetween(start, end, 0.0028f);
            const bool crowded =
                discModel && discs[level].rootProximity >= discModel->parameters().rootWarningThreshold;
            root.colour = crowded ? kRootWarningColour : kRootColour;
        }
    }
    if (!data.body) return;
    auto meshOf = [&](ShapeKind kind) {
        return kind == ShapeKind::Box ? unitBox : kind == ShapeKind::Torus ? unitTorus : unitSphere;
    };
    // Body shapes keep their slots; props are rebuilt at the end of the list (they change with the posture).
    const std::vector<BodyShape> body = data.body->shapes(solved);
    std::size_t slot = bodyObjectStart;
    for (const auto& shape : body) {
        if (slot >= scene.objects.size() || scene.objects[slot].id != shape.id) {
            SceneObject object;
            object.id = shape.id;
            object.name = readableShapeName(shape.id);
            object.group = "body";
            object.colour = kSkinColour;
            object.pickable = false;
            object.mesh = meshOf(shape.kind);
            scene.objects.insert(scene.objects.begin() + std::ptrdiff_t(slot), object);
        }
        scene.objects[slot++].transform = shape.transform;
    }
    // Props: placed once per posture from its first frame (a chair must not follow someone standing
    // up), keeping the user's visibility choice for the group.
    if (propsPlacedFor == postureId && slot < scene.objects.size()) return;
    propsPlacedFor = postureId;
    const SkeletonFrames firstFrame = posture ? data.solveGrounded(posture->at(0.0), posture).second : solved;
    bool propsVisible = true;
    for (const auto& o : scene.objects)
        if (o.group == "props") propsVisible = o.visible;
    scene.objects.erase(std::remove_if(scene.objects.begin() + std::ptrdiff_t(slot), scene.objects.end(),
                                       [](const SceneObject& o) { return o.group == "props"; }),
                        scene.objects.end());
    const float floor = 0.0f;
    for (const auto& shape :
         propShapes(posture ? posture->props : std::vector<std::string>{}, data.body->contacts(firstFrame), floor)) {
        SceneObject object;
        object.id = shape.id;
        object.name = readableShapeName(shape.id);
        object.group = "props";
        object.colour = shape.id == "floor" ? kFloorColour : kFurnitureColour;
        object.pickable = false;
        object.visible = propsVisible;
        object.mesh = meshOf(shape.kind);
        object.transform = shape.transform;
        scene.objects.push_back(object);
    }
}

std::vector<float> BuiltInModel::pressureTrace(const Posture& posture, std::size_t level, std::size_t samples) const {
    std::vector<float> trace;
    if (!discModel || !posture.isMotion() || samples < 2) return trace;
    for (std::size_t i = 0; i < samples; ++i) {
        const double t = posture.duration * double(i) / double(samples - 1);
        const auto [grounded, frames] = data.solveGrounded(posture.at(t), &posture);
        trace.push_back(
            float(discModel->evaluate(frames, data.poseFor(grounded), handLoad, posture.supported)[level].pressureMpa));
    }
    return trace;
}

std::vector<EvidenceRow> BuiltInModel::evidenceRows() const {
    std::vector<EvidenceRow> rows;
    if (!discModel) return rows;
    auto model = [&](const char* id) {
        const Posture* p = data.findPosture(id);
        if (!p) return 0.0;
        const auto [grounded, frames] = data.solveGrounded(p->at(0.0), p);
        return discModel->evaluate(frames, data.poseFor(grounded), {}, p->supported)[4].pressureMpa;
    };
    rows.push_back(
        {"Lying on the back", "0.10 MPa (20 %)", "Wilke 1999 (model calibrated here)", model("lying_supine")});
    rows.push_back(
        {"Relaxed standing", "0.50 MPa (100 %)", "Wilke 1999 (model calibrated here)", model("neutral_standing")});
    rows.push_back({"Sitting relaxed", "0.46 MPa (92 %); Nachemson: 140 %", "Wilke 1999; Nachemson 1975/1981",
                    model("sitting_relaxed")});
    rows.push_back({"Standing bent forward", "1.10 MPa (220 %)", "Wilke 1999", model("standing_bent_forward")});
    return rows;
}

SceneLoadResult loadMeshScene(const std::vector<std::filesystem::path>& files) {
    SceneLoadResult result;
    for (const auto& file : files) {
        try {
            MeshData mesh = loadMesh(file);
            SceneObject object;
            object.id = file.filename().string();
            object.name = file.filename().string();
            object.group = "meshes";
            object.mesh = result.scene.meshes.add(std::move(mesh));
            result.scene.objects.push_back(std::move(object));
        } catch (const FileError& e) {
            result.errors.push_back(e.what());
        }
    }
    return result;
}

std::filesystem::path findModelDir() {
#ifdef LUMBARLAB_BUILD_MODEL_DIR
    const char* builtIn = LUMBARLAB_BUILD_MODEL_DIR;
#else
    const char* builtIn = nullptr;
#endif
    return findFolder("LUMBARLAB_MODEL_DIR", {"models", "../../models", "../share/lumbarlab/models"}, builtIn,
                      kManifestName);
}

std::filesystem::path findAssetDir() {
#ifdef LUMBARLAB_SOURCE_ASSET_DIR
    const char* builtIn = LUMBARLAB_SOURCE_ASSET_DIR;
#else
    const char* builtIn = nullptr;
#endif
    return findFolder("LUMBARLAB_ASSET_DIR", {"assets", "../share/lumbarlab/assets"}, builtIn,
                      "anatomy/coordinates.json");
}

SceneLoadResult loadBuiltInScene(const std::filesystem::path& modelDir, const std::filesystem::path& assetDir,
                                 Detail detail) {
    SceneLoadResult result;
    if (modelDir.empty()) {
        result.errors.push_back(std::string("built-in model not found (no ") + kManifestName +
                                "; build the 'lumbarlab_models' target or set LUMBARLAB_MODEL_DIR)");
        return result;
    }
    if (assetDir.empty()) {
        result.errors.push_back("data folder not found (no assets/anatomy/coordinates.json; set LUMBARLAB_ASSET_DIR)");
        return result;
    }
    auto model = std::make_unique<BuiltInModel>();
    try {
        model->data = loadModelData(modelDir, assetDir);
    } catch (const FileError& e) {
        result.errors.push_back(e.what());
        return result;
    }
    Scene& scene = result.scene;
    for (std::size_t b = 0; b < model->data.skeleton.bones.size(); ++b) {
        const BoneDefinition& bone = model->data.skeleton.bones[b];
        try {
            MeshData mesh = loadMesh(detail == Detail::Low ? bone.meshLow : bone.meshHigh);
            SceneObject object;
            object.id = bone.id;
            object.name = bone.displayName;
            object.group = bone.group;
            object.colour = colourOf(bone);
            if (bone.group == "discs")
                model->discDeformers.emplace_back(scene.objects.size(), DiscDeformer(mesh, bone));
            object.mesh = scene.meshes.add(std::move(mesh));
            scene.objects.push_back(std::move(object));
            model->boneOfObject.push_back(b);
        } catch (const FileError& e) {
            result.errors.push_back(e.what());
        }
    }
    model->unitSphere = scene.meshes.add(makeSphere(1.0f, 24, 48));
    try {
        model->discModel =
            std::make_unique<DiscModel>(loadDiscModelParameters(assetDir / "biomech" / "disc_model.json"),
                                        *model->data.body, model->data.baseline.lordosis);
    } catch (const FileError& e) {
        result.errors.push_back(e.what());
    }
    model->rootObjectStart = scene.objects.size();
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level)
        for (const char* side : {"right", "left"}) {
            SceneObject root;
            root.id = std::string("nerve_root_") + kDiscLevels[level] + (side[0] == 'r' ? "_r" : "_l");
            std::string upper = kVertebrae[level];
            for (auto& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
            root.name = upper + " nerve root, " + side;
            root.group = "nerves";
            root.mesh = model->unitSphere;
            root.colour = kRootColour;
            scene.objects.push_back(root);
        }
    model->muscleObjectStart = scene.objects.size();
    try {
        model->muscles = std::make_unique<MuscleModel>(model->data, loadMuscleSetFor(model->data, assetDir));
        for (const MuscleDefinition& muscle : model->muscles->set().muscles)
            for (const char* side : {"right", "left"}) {
                SceneObject object;
                object.id = "muscle_" + muscle.id + (side[0] == 'r' ? "_r" : "_l");
                object.name = muscle.name + ", " + side;
                object.group = muscle.group;
                object.colour = glm::vec4(1.0f);
                object.vertexColours = true;
                object.mesh = scene.meshes.add(MeshData{});
                scene.objects.push_back(std::move(object));
            }
    } catch (const FileError& e) {
        model->muscles.reset();
        result.errors.push_back(e.what());
    }
    model->bodyObjectStart = scene.objects.size();
    model->unitBox = scene.meshes.add(makeBox(glm::vec3{1.0f}));
    model->unitTorus = scene.meshes.add(makeTorus(1.0f, 0.03f, 64, 10));
    model->postureId = "neutral_standing";
    const Posture* standing = model->data.findPosture(model->postureId);
    model->applyPose(scene, standing ? standing->at(0.0) : Coordinates{});
    result.model = std::move(model);
    return result;
}

}  // namespace lumbarlab
