#include "lumbarlab/view/model_presenter.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/muscle_volume.h"
#include "lumbarlab/core/primitives.h"
#include "lumbarlab/io/mesh_loader.h"
#include "lumbarlab/view/colour_maps.h"
#include "lumbarlab/view/muscle_meshes.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>

namespace lumbarlab {
namespace {

// Colours as sRGB: bone ivory; the annulus a translucent cartilage blue so the nucleus shows.
constexpr glm::vec4 kBoneColour{0.89f, 0.85f, 0.76f, 1.0f};
constexpr glm::vec4 kAnnulusColour{0.60f, 0.74f, 0.84f, 0.55f};
constexpr glm::vec4 kNucleusColour{0.93f, 0.52f, 0.48f, 1.0f};
constexpr glm::vec4 kRootColour{0.97f, 0.86f, 0.38f, 1.0f};        // nerve yellow
constexpr glm::vec4 kRootWarningColour{1.0f, 0.24f, 0.14f, 1.0f};  // crowded: red
constexpr glm::vec4 kSkinColour{0.95f, 0.80f, 0.70f, 0.30f};       // translucent: the bones stay in view
constexpr glm::vec4 kFloorColour{0.22f, 0.24f, 0.27f, 1.0f};
constexpr glm::vec4 kFurnitureColour{0.52f, 0.40f, 0.30f, 1.0f};
// Balance: the centre of mass in a colour no tissue has; the support green when it holds, red when not.
constexpr glm::vec4 kCentreOfMassColour{0.98f, 0.62f, 0.10f, 1.0f};
constexpr glm::vec4 kSupportHoldsColour{0.25f, 0.72f, 0.38f, 1.0f};
constexpr glm::vec4 kSupportFailsColour{0.86f, 0.25f, 0.20f, 1.0f};
constexpr float kCentreOfMassRadiusM = 0.025f;
constexpr float kPlumbRadiusM = 0.004f;

// Nerve roots are drawn, not measured: a round tube per root, in the frames of the discs it passes
// (x anterior, y up, z to the root's side; metres, from the middle of the disc's back). Each root
// comes down the canal past the back of the disc above (where that disc's bulge would press it),
// swings out under its own vertebra's pedicle, swells into its ganglion in the upper part of the
// foramen, above its disc, and leaves forwards, outwards and down. Dimensions: canal width 25 and
// depth 19 mm, pedicles 14 mm wide (skeleton.json), the root in the upper foramen [hasegawa1995], its course
// [bogduk2005].
constexpr std::array<glm::vec3, 2> kRootInCanal{glm::vec3{-0.008f, 0.006f, 0.006f},    // behind the disc above
                                                glm::vec3{-0.008f, -0.012f, 0.007f}};  // still in the sac
constexpr std::array<glm::vec3, 5> kRootThroughForamen{
    glm::vec3{-0.007f, 0.021f, 0.009f},              // leaving the sac, behind its vertebra's body
    glm::vec3{-0.004f, 0.014f, 0.013f},              // lateral recess, under the pedicle
    glm::vec3{-0.001f, 0.012f, 0.019f},              // ganglion, upper part of the foramen, above the disc
    glm::vec3{0.003f, 0.001f, 0.029f},               // out of the foramen
    glm::vec3{0.007f, -0.022f, 0.041f}};             // on down and a little forwards, into psoas
constexpr float kRootLengthFractionInCanal = 0.35f;  // of the root's drawn length, down to where it leaves the sac
constexpr float kRootRadius = 0.0017f, kGanglionRadius = 0.0032f, kRootletRadius = 0.0013f;
constexpr float kRootPassesDiscAt = 0.10f, kRootGanglionAt = 0.62f;  // fractions of its length
constexpr float kCrowdingSpread = 0.12f;  // of the length, over which a crowded place fades to yellow
constexpr int kRootRings = 40;
// The S1 root is drawn from behind the L5/S1 disc down into the sacral canal, where the bone hides it.
constexpr std::array<glm::vec3, 3> kS1Root{glm::vec3{-0.008f, 0.006f, 0.006f}, glm::vec3{-0.008f, -0.014f, 0.009f},
                                           glm::vec3{-0.006f, -0.030f, 0.013f}};
constexpr double kFallbackDiscDepthMm = 30.0;  // when the disc model failed to load

constexpr float kFadedMuscleAlpha = 0.18f;  // muscles that are not the posture's targets
/// Used for a muscle whose shapes.json entry failed to load: a plain spindle.
constexpr MuscleShape kFallbackShape{MuscleShapeKind::Spindle, 40e-6, 0.1, 0.1, 0.003};

std::string spacedName(const std::string& id) {
    std::string out = id;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string upperCase(std::string s) {
    for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::unique_ptr<ModelPresenter> ModelPresenter::load(const std::filesystem::path& modelDir,
                                                     const std::filesystem::path& assetDir, Detail detail,
                                                     std::vector<std::string>& errors) {
    if (modelDir.empty()) {
        errors.emplace_back(
            "built-in model not found (no skeleton_manifest.json; build the 'lumbarlab_models' target or set "
            "LUMBARLAB_MODEL_DIR)");
        return nullptr;
    }
    if (assetDir.empty()) {
        errors.emplace_back("data folder not found (no assets/anatomy/coordinates.json; set LUMBARLAB_ASSET_DIR)");
        return nullptr;
    }
    std::unique_ptr<ModelPresenter> p(new ModelPresenter());
    try {
        p->data_ = std::make_unique<ModelData>(loadModelData(modelDir, assetDir));
    } catch (const FileError& e) {
        errors.emplace_back(e.what());
        return nullptr;
    }
    p->addBones(detail, errors);
    p->unitSphere_ = p->scene_.meshes.add(makeSphere(1.0f, 24, 48));
    p->unitBox_ = p->scene_.meshes.add(makeBox(glm::vec3{1.0f}));
    p->unitTorus_ = p->scene_.meshes.add(makeTorus(1.0f, 0.03f, 64, 10));
    p->supportMesh_ = p->scene_.meshes.add(MeshData{});
    try {
        p->discModel_ = std::make_unique<DiscModel>(loadDiscModelParameters(assetDir / "biomech" / "disc_model.json"),
                                                    *p->data_->body, p->data_->baseline.lordosis);
    } catch (const FileError& e) {
        errors.emplace_back(e.what());
    }
    p->addNerveRoots();
    p->addMuscles(assetDir, errors);
    p->addSkin(detail, errors);
    p->showPosture(p->data_->findPosture("neutral_standing") ? "neutral_standing" : p->data_->postures.front().id);
    return p;
}

void ModelPresenter::addBones(Detail detail, std::vector<std::string>& errors) {
    for (std::size_t b = 0; b < data_->skeleton.bones.size(); ++b) {
        const BoneDefinition& bone = data_->skeleton.bones[b];
        try {
            MeshData mesh = loadMesh(detail == Detail::Low ? bone.meshLow : bone.meshHigh);
            SceneObject object;
            object.id = bone.id;
            object.name = bone.displayName;
            object.group = bone.group;
            const bool nucleus = bone.id.find("_nucleus") != std::string::npos;
            const bool annulus = bone.id.find("_annulus") != std::string::npos;
            object.colour = nucleus ? kNucleusColour : annulus ? kAnnulusColour : kBoneColour;
            if (bone.group == "discs") {
                std::size_t level = 0;  // the disc's frame is "disc_<level>"
                while (level + 1 < kDiscLevels.size() && bone.parentFrame != std::string("disc_") + kDiscLevels[level])
                    ++level;
                discSlots_.push_back({scene_.objects.size(), level, nucleus, DiscDeformer(mesh, bone)});
            }
            object.mesh = scene_.meshes.add(std::move(mesh));
            scene_.objects.push_back(std::move(object));
            boneOfObject_.push_back(b);
        } catch (const FileError& e) {
            errors.emplace_back(e.what());
        }
    }
}

void ModelPresenter::addNerveRoots() {
    firstRoot_ = scene_.objects.size();
    auto add = [&](const std::string& id, const std::string& vertebra, BodySide side) {
        SceneObject root;
        root.id = id + "_" + sideSuffix(side);
        root.name = vertebra + " nerve root, " + (side == BodySide::Right ? "right" : "left");
        root.group = "nerves";
        root.mesh = scene_.meshes.add(MeshData{});
        root.colour = glm::vec4(1.0f);
        root.vertexColours = true;
        scene_.objects.push_back(std::move(root));
    };
    // The roots T12-L5 are named for the disc below which they leave (nerve_root_l4_l5: the L4 root).
    for (std::size_t level = 0; level < kDiscLevels.size(); ++level)
        for (const BodySide side : {BodySide::Right, BodySide::Left})
            add(std::string("nerve_root_") + kDiscLevels[level], upperCase(kVertebrae[level]), side);
    for (const BodySide side : {BodySide::Right, BodySide::Left}) add("nerve_root_s1", "S1", side);
    rootMeshBuffers_.resize(2 * (kDiscLevels.size() + 1));
}

void ModelPresenter::addMuscles(const std::filesystem::path& assetDir, std::vector<std::string>& errors) {
    firstMuscle_ = scene_.objects.size();
    try {
        muscles_ = std::make_unique<MuscleModel>(*data_, loadMuscleSetFor(*data_, assetDir));
    } catch (const FileError& e) {
        errors.emplace_back(e.what());
        return;
    }
    try {
        muscleShapes_ = loadMuscleShapes(assetDir / "muscles" / "shapes.json", muscles_->set());
    } catch (const FileError& e) {
        errors.emplace_back(e.what());
        muscleShapes_.assign(muscles_->set().muscles.size(), kFallbackShape);
    }
    try {
        tightness_ = std::make_unique<HipFlexorTightness>(loadHipFlexorTightness(*muscles_, assetDir));
    } catch (const FileError& e) {
        errors.emplace_back(e.what());  // the tight-hip-flexor setting then does nothing
    }
    for (const MuscleDefinition& muscle : muscles_->set().muscles)
        for (const BodySide side : {BodySide::Right, BodySide::Left}) {
            SceneObject object;
            object.id = "muscle_" + muscle.id + "_" + sideSuffix(side);
            object.name = muscle.name + (side == BodySide::Right ? ", right" : ", left");
            object.group = muscle.group;
            object.colour = glm::vec4(1.0f);
            object.vertexColours = true;
            object.mesh = scene_.meshes.add(MeshData{});
            scene_.objects.push_back(std::move(object));
        }
    muscleObjects_ = scene_.objects.size() - firstMuscle_;
}

void ModelPresenter::addSkin(Detail detail, std::vector<std::string>& errors) {
    if (!data_->body) return;
    try {
        skin_ = std::make_unique<BodySkin>(makeBodySkin(*data_, detail == Detail::Low ? kSkinCellLow : kSkinCellHigh));
    } catch (const FileError& e) {
        errors.emplace_back(e.what());
        return;
    }
    skinObject_ = scene_.objects.size();
    SceneObject object;
    object.id = "skin";
    object.name = "skin";
    object.group = "body";
    object.colour = kSkinColour;
    object.pickable = false;
    object.outermost = true;  // drawn over every other translucent record: it encloses them all
    object.mesh = scene_.meshes.add(MeshData{});
    scene_.objects.push_back(std::move(object));
}

void ModelPresenter::showPosture(const std::string& postureId, const std::optional<Coordinates>& values) {
    const Posture* next = data_->findPosture(postureId);
    if (!next) throw std::invalid_argument("no posture '" + postureId + "' (known: " + data_->postureIds() + ")");
    const Coordinates requested = values ? *values : next->at(0.0);
    if (postureId == postureId_ && requested == requested_) return;  // already shown: no second solve
    const bool newPosture = postureId != postureId_;
    postureId_ = postureId;
    apply(requested);
    if (newPosture) applyEmphasis();  // the targets are the posture's
}

void ModelPresenter::setCoordinates(const Coordinates& values) {
    apply(values);
}

void ModelPresenter::setPressureColours(bool on) {
    if (on == pressureColours_) return;
    pressureColours_ = on;
    deformDiscs();
    ++revision_;
}

void ModelPresenter::setHandLoad(double kg) {
    assert(std::isfinite(kg) && kg >= 0.0 && "setHandLoad: the load must be a finite, non-negative mass");
    if (kg == handLoad_.kg) return;
    handLoad_.kg = kg;
    apply(requested_);  // the same pose request, now with the load
}

void ModelPresenter::setTightHipFlexors(double percent) {
    assert(std::isfinite(percent) && percent >= 0.0 && percent <= kMaxTightnessPct && "setTightHipFlexors: 0-30 %");
    if (percent == tightPct_) return;
    tightPct_ = percent;
    apply(requested_);
}

void ModelPresenter::apply(const Coordinates& newValues) {
    requested_ = newValues;
    const Posture* current = posture();
    // Tight hip flexors: a standing posture is solved for the passive hip moment first.
    tightState_ = tightness_ && tightPct_ > 0.0
                      ? tightness_->evaluate(newValues, tightPct_, current && isStandingPosture(*current))
                      : TightnessState{};
    if (!tightness_ || tightPct_ <= 0.0) tightState_.values = newValues;
    auto [groundedValues, solvedFrames] = data_->solveGrounded(tightState_.values, current);
    values_ = std::move(groundedValues);
    pose_ = data_->poseFor(values_);
    frames_ = std::move(solvedFrames);
    for (std::size_t i = 0; i < boneOfObject_.size(); ++i)
        scene_.objects[i].transform = frames_.of(data_->skeleton.bones[boneOfObject_[i]].parentFrame);
    if (discModel_) {
        const std::vector<MusclePull> pulls =
            tightness_ && tightPct_ > 0.0 ? tightness_->lumbarPulls(frames_, tightState_) : std::vector<MusclePull>{};
        discs_ = discModel_->evaluate(frames_, pose_, handLoad_, current && current->supported, pulls);
    }
    deformDiscs();
    buildMuscleVolumes();
    placeNerveRoots();
    placeProps();
    balanceStale_ = true;
    placeBalance();
    placeBody();
    ++revision_;
}

void ModelPresenter::deformDiscs() {
    for (const DiscSlot& slot : discSlots_) {
        const std::string frame = std::string("disc_") + kDiscLevels[slot.level];
        const DiscState& state = discs_[slot.level];
        const DiscAppearance look{state.nucleusShiftMm, state.bulgeMm, slot.nucleus};
        SceneObject& object = scene_.objects[slot.object];
        MeshData deformed = scene_.meshes.get(object.mesh);
        slot.deformer.deform(frames_.of(frame), frames_.of(frame + "_bottom"), frames_.of(frame + "_top"), deformed,
                             look);
        // Annuli show the pressure across the endplate, varying linearly from back to front.
        const bool coloured = pressureColours_ && discModel_ && !slot.nucleus;
        deformed.colours.clear();
        if (coloured) {
            deformed.colours.resize(deformed.positions.size());
            for (std::size_t v = 0; v < deformed.colours.size(); ++v)
                deformed.colours[v] = pressureColour(state.posteriorMpa + (state.anteriorMpa - state.posteriorMpa) *
                                                                              slot.deformer.frontFraction(v));
        }
        scene_.meshes.replace(object.mesh, std::move(deformed));
        object.vertexColours = coloured;
    }
}

void ModelPresenter::buildMuscleVolumes() {
    if (!muscles_) return;
    muscles_->solve(frames_, values_, muscleGeometry_);
    muscleLengths_.resize(muscleGeometry_.size());
    for (std::size_t i = 0; i < muscleGeometry_.size(); ++i) muscleLengths_[i] = muscleGeometry_[i].length;
    // Flat muscles face away from the trunk's core: the line from the pelvis up the lumbar spine.
    buildMuscleMeshes(*muscles_, muscleShapes_, muscleGeometry_, muscleColouring_, glm::vec3(frames_.of("pelvis")[3]),
                      glm::vec3(frames_.of("l1")[3]), muscleMeshBuffers_);
    for (std::size_t k = 0; k < muscleMeshBuffers_.size() && k < muscleObjects_; ++k)
        scene_.meshes.swap(scene_.objects[firstMuscle_ + k].mesh, muscleMeshBuffers_[k]);
}

void ModelPresenter::setMuscleColouring(MuscleColouring colouring) {
    if (colouring == muscleColouring_) return;
    muscleColouring_ = colouring;
    buildMuscleVolumes();
    ++revision_;
}

void ModelPresenter::setEmphasis(bool on) {
    if (on == emphasis_) return;
    emphasis_ = on;
    applyEmphasis();
    ++revision_;
}

void ModelPresenter::applyEmphasis() {
    if (!muscles_) return;
    const Posture* current = posture();
    bool anyMuscleTarget = false;
    std::vector<bool> target(muscleObjects_, false);
    if (current)
        for (const PostureTarget& t : current->targets) {
            if (t.structure.starts_with("disc_")) continue;
            const std::string id = t.structure.substr(0, t.structure.size() - 2);
            const BodySide side = t.structure.ends_with("_r") ? BodySide::Right : BodySide::Left;
            for (std::size_t m = 0; m < muscles_->set().muscles.size(); ++m)
                if (muscles_->set().muscles[m].id == id) {
                    target[2 * m + std::size_t(side)] = true;
                    anyMuscleTarget = true;
                }
        }
    // A posture without muscle targets (a disc lesson) fades no muscle: nothing would stand out.
    for (std::size_t k = 0; k < muscleObjects_; ++k)
        scene_.objects[firstMuscle_ + k].colour.w =
            emphasis_ && anyMuscleTarget && !target[k] ? kFadedMuscleAlpha : 1.0f;
}

std::optional<std::size_t> ModelPresenter::muscleObject(std::size_t muscle, BodySide side) const {
    if (!muscles_ || 2 * muscle + 1 >= muscleObjects_) return std::nullopt;
    return firstMuscle_ + 2 * muscle + std::size_t(side);
}

void ModelPresenter::placeNerveRoots() {
    const double threshold = discModel_ ? discModel_->parameters().rootWarningThreshold : 1.0;
    auto crowded = [&](std::size_t level, bool foramen) {
        if (!discModel_ || level >= discs_.size()) return false;
        return (foramen ? discs_[level].foraminalNarrowing : discs_[level].discIntrusion) >= threshold;
    };
    auto discPoint = [&](std::size_t level, const glm::vec3& fromBack, BodySide side) {
        const glm::mat4& disc = frames_.of(std::string("disc_") + kDiscLevels[level]);
        const double depthMm = discModel_ ? discModel_->parameters().depthMm[level] : kFallbackDiscDepthMm;
        const glm::vec3 mirror{1.0f, 1.0f, side == BodySide::Right ? 1.0f : -1.0f};
        const glm::vec3 back{-0.5f * float(depthMm) * 0.001f, 0.0f, 0.0f};
        return glm::vec3(disc * glm::vec4(back + fromBack * mirror, 1.0f));
    };
    // Crowding shows on the root itself, where it is pressed: red there, fading to yellow.
    auto colourAt = [](float u, bool pressedAtDisc, bool pressedInForamen) {
        auto near = [](float along, float at) {
            return std::exp(-((along - at) * (along - at)) / (kCrowdingSpread * kCrowdingSpread));
        };
        const float red = std::max(pressedAtDisc ? near(u, kRootPassesDiscAt) : 0.0f,
                                   pressedInForamen ? near(u, kRootGanglionAt) : 0.0f);
        return glm::mix(glm::vec3(kRootColour), glm::vec3(kRootWarningColour), red);
    };
    for (std::size_t level = 0; level <= kDiscLevels.size(); ++level) {
        const bool s1 = level == kDiscLevels.size();
        // The disc the root passes on its way down: the one above its foramen's disc (T12 has none here).
        const std::optional<std::size_t> above = level > 0 ? std::optional(level - 1) : std::nullopt;
        const bool pressedAtDisc = above && crowded(*above, false);
        const bool pressedInForamen = !s1 && crowded(level, true);
        for (const BodySide side : {BodySide::Right, BodySide::Left}) {
            std::vector<glm::vec3> path;
            if (above)
                for (const glm::vec3& p :
                     s1 ? std::span<const glm::vec3>(kS1Root) : std::span<const glm::vec3>(kRootInCanal))
                    path.push_back(discPoint(*above, p, side));
            else  // T12: start as high above its vertebra as the others start above theirs
                path.push_back(discPoint(level, kRootInCanal[0] + glm::vec3(0.0f, 0.036f, 0.0f), side));
            if (!s1)
                for (const glm::vec3& p : kRootThroughForamen) path.push_back(discPoint(level, p, side));
            MeshData& mesh = rootMeshBuffers_[2 * level + std::size_t(side)];
            mesh = MeshData{};
            appendTube(mesh, path, kRootRings, [&](float u) {
                // Thin rootlets in the sac, the root proper after it leaves, the ganglion's swelling.
                const float ganglion = std::exp(-((u - kRootGanglionAt) * (u - kRootGanglionAt)) / 0.004f);
                const float leaving = std::clamp((u - kRootLengthFractionInCanal) / 0.1f + 0.5f, 0.0f, 1.0f);
                // The drawn end tapers: the nerve goes on (into psoas, or the sacrum), it does not stop.
                const float onwards = 1.0f - 0.6f * std::clamp((u - 0.85f) / 0.15f, 0.0f, 1.0f);
                const float radius = onwards * (s1 ? kRootletRadius + (kRootRadius - kRootletRadius) * u
                                                   : glm::mix(kRootletRadius, kRootRadius, leaving) +
                                                         (kGanglionRadius - kRootRadius) * ganglion);
                return TubeSection{radius, colourAt(u, pressedAtDisc, !s1 && pressedInForamen)};
            });
            scene_.meshes.swap(scene_.objects[firstRoot_ + 2 * level + std::size_t(side)].mesh, mesh);
        }
    }
}

MeshId ModelPresenter::unitMesh(ShapeKind kind) const {
    return kind == ShapeKind::Box ? unitBox_ : kind == ShapeKind::Torus ? unitTorus_ : unitSphere_;
}

void ModelPresenter::placeBody() {
    if (!skin_) return;
    // The skin in this posture, pressed onto the props where they meet it.
    propBoxes_.clear();
    for (const SceneObject& o : scene_.objects)
        if (o.group == "props") propBoxes_.push_back({o.id, "props", ShapeKind::Box, o.transform});
    skin_->pose(frames_, propBoxes_, skinBuffer_);
    scene_.meshes.swap(scene_.objects[skinObject_].mesh, skinBuffer_);
}

void ModelPresenter::placeProps() {
    if (!data_->body) return;
    // Placed once per posture from its first frame (a chair must not follow someone standing up),
    // keeping the user's visibility choice for the group.
    const bool havePropSlots = std::any_of(scene_.objects.begin(), scene_.objects.end(),
                                           [](const SceneObject& o) { return o.group == "props"; });
    if (propsPlacedFor_ == postureId_ && havePropSlots) return;
    propsPlacedFor_ = postureId_;
    const Posture* current = posture();
    const SkeletonFrames firstFrame = current ? data_->solveGrounded(current->at(0.0), current).second : frames_;
    bool propsVisible = true;
    for (const auto& o : scene_.objects)
        if (o.group == "props") propsVisible = o.visible;
    std::erase_if(scene_.objects, [](const SceneObject& o) { return o.group == "props"; });
    constexpr float kFloorHeight = 0.0f;
    for (const BodyShape& shape : propShapes(current ? current->props : std::vector<std::string>{},
                                             data_->body->contacts(firstFrame), kFloorHeight)) {
        SceneObject object;
        object.id = shape.id;
        object.name = spacedName(shape.id);
        object.group = "props";
        object.colour = shape.id == "floor" ? kFloorColour : kFurnitureColour;
        object.pickable = false;
        object.visible = propsVisible;
        object.mesh = unitMesh(shape.kind);
        object.transform = shape.transform;
        scene_.objects.push_back(std::move(object));
    }
}

void ModelPresenter::setShowBalance(bool on) {
    if (on == showBalance_) return;
    showBalance_ = on;
    placeBalance();
    ++revision_;
}

std::optional<Balance> ModelPresenter::balance() const {
    if (balanceStale_) {
        const Posture* current = posture();
        balance_ = current && data_->body ? std::optional(balanceOf(*data_, *current, frames_)) : std::nullopt;
        balanceStale_ = false;
    }
    return balance_;
}

void ModelPresenter::placeBalance() {
    // Always the last objects (after the props), rebuilt each pose while shown.
    std::erase_if(scene_.objects, [](const SceneObject& o) { return o.group == "balance"; });
    if (!showBalance_) return;
    const std::optional<Balance> b = balance();
    if (!b || b->lying) return;  // lying, the floor carries the whole body: nothing to balance
    const float ground = float(posture()->groundHeight);
    auto add = [&](const char* id, const char* name, MeshId mesh, const glm::mat4& transform, const glm::vec4& colour) {
        SceneObject object;
        object.id = id;
        object.name = name;
        object.group = "balance";
        object.mesh = mesh;
        object.transform = transform;
        object.colour = colour;
        object.pickable = false;
        object.flat = true;
        object.twoSided = true;
        scene_.objects.push_back(std::move(object));
    };
    const glm::vec3 com = b->centreOfMass;
    add("balance_centre_of_mass", "Centre of mass", unitSphere_,
        glm::translate(glm::mat4(1.0f), com) * glm::scale(glm::mat4(1.0f), glm::vec3(kCentreOfMassRadiusM)),
        kCentreOfMassColour);
    // The plumb line from the centre of mass to the ground (a unit box stretched thin).
    const float drop = std::max(com.y - ground, 0.0f);
    add("balance_plumb_line", "Plumb line", unitBox_,
        glm::translate(glm::mat4(1.0f), {com.x, ground + 0.5f * drop, com.z}) *
            glm::scale(glm::mat4(1.0f), {2.0f * kPlumbRadiusM, drop, 2.0f * kPlumbRadiusM}),
        kCentreOfMassColour);
    // Where it meets the ground, a small ring; the base of support as a flat outline a few
    // millimetres above the ground (so it is not lost in the floor).
    add("balance_ground_point", "Centre of mass over the ground", unitTorus_,
        glm::translate(glm::mat4(1.0f), {com.x, ground + 0.004f, com.z}) *
            glm::scale(glm::mat4(1.0f), glm::vec3(0.03f)),
        kCentreOfMassColour);
    if (b->support.size() < 3) return;
    MeshData outline;
    outline.name = "base of support";
    for (const glm::vec2& q : b->support) {
        outline.positions.emplace_back(q.x, ground + 0.003f, q.y);
        outline.normals.emplace_back(0.0f, 1.0f, 0.0f);
    }
    for (std::uint32_t i = 1; i + 1 < outline.positions.size(); ++i)
        outline.indices.insert(outline.indices.end(), {0u, i, i + 1});
    scene_.meshes.replace(supportMesh_, std::move(outline));
    add("balance_base_of_support", "Base of support", supportMesh_, glm::mat4(1.0f),
        b->marginM > 0.0 ? kSupportHoldsColour : kSupportFailsColour);
}

bool ModelPresenter::replaceBoneMesh(const std::string& boneId, MeshData mesh, const std::string& displayName,
                                     const std::optional<glm::vec3>& colour) {
    for (std::size_t i = 0; i < boneOfObject_.size(); ++i) {
        if (data_->skeleton.bones[boneOfObject_[i]].id != boneId) continue;
        SceneObject& object = scene_.objects[i];
        // A fresh mesh slot: the built-in one may be shared with the disc deformer's rest shape.
        object.mesh = scene_.meshes.add(std::move(mesh));
        object.name = displayName;
        object.twoSided = true;
        if (colour) object.colour = glm::vec4(*colour, object.colour.w);
        ++revision_;
        return true;
    }
    return false;
}

const BoneDefinition* ModelPresenter::boneOf(std::size_t object) const {
    if (object >= boneOfObject_.size()) return nullptr;
    return &data_->skeleton.bones[boneOfObject_[object]];
}

std::optional<std::pair<std::size_t, BodySide>> ModelPresenter::muscleOf(std::size_t object) const {
    if (!muscles_ || object < firstMuscle_ || object >= firstMuscle_ + muscleObjects_) return std::nullopt;
    const std::size_t k = object - firstMuscle_;
    return std::make_pair(k / 2, k % 2 == 0 ? BodySide::Right : BodySide::Left);
}

std::vector<float> ModelPresenter::pressureTrace(const Posture& motion, std::size_t level, std::size_t samples) const {
    assert(level < kDiscLevels.size() && "pressureTrace: level is an index into kDiscLevels (0..5)");
    std::vector<float> trace;
    if (!discModel_ || !motion.isMotion() || samples < 2) return trace;
    for (std::size_t i = 0; i < samples; ++i) {
        const double t = motion.duration * double(i) / double(samples - 1);
        const auto [grounded, frames] = data_->solveGrounded(motion.at(t), &motion);
        trace.push_back(float(
            discModel_->evaluate(frames, data_->poseFor(grounded), handLoad_, motion.supported)[level].pressureMpa));
    }
    return trace;
}

std::vector<float> ModelPresenter::muscleTrace(const Posture& motion, std::size_t muscle, BodySide side,
                                               std::size_t samples) const {
    std::vector<float> trace;
    if (!muscles_ || !motion.isMotion() || samples < 2) return trace;
    assert(muscle < muscles_->set().muscles.size() && "muscleTrace: muscle index past the muscle set");
    for (std::size_t k = 0; k < samples; ++k) {
        const std::vector<float> l = muscles_->lengthsAt(motion.at(motion.duration * double(k) / double(samples - 1)));
        trace.push_back(float(muscles_->wholeMuscle(l, muscle, side).changePct));
    }
    return trace;
}

double ModelPresenter::pressureIn(const std::string& postureId, std::size_t level) const {
    assert(level < kDiscLevels.size() && "pressureIn: level is an index into kDiscLevels (0..5)");
    const Posture* p = data_->findPosture(postureId);
    if (!p || !discModel_) return 0.0;
    auto cached = stillPressures_.find(postureId);
    if (cached == stillPressures_.end()) {
        const auto [grounded, frames] = data_->solveGrounded(p->at(0.0), p);
        const auto discs = discModel_->evaluate(frames, data_->poseFor(grounded), {}, p->supported);
        std::array<double, kDiscLevels.size()> mpa{};
        for (std::size_t i = 0; i < mpa.size(); ++i) mpa[i] = discs[i].pressureMpa;  // one per level
        cached = stillPressures_.emplace(postureId, mpa).first;
    }
    return cached->second[level];
}

}  // namespace lumbarlab
