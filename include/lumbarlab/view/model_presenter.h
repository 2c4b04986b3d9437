#pragma once
// The built-in model presented as a Scene: bones placed by the solved skeleton, discs deformed and
// coloured by the disc model, nerve roots, muscles as tubes coloured by length change, the body
// figure and the props. Driven by plain calls; it owns its scene and knows which object is which.

#include "lumbarlab/anatomy/balance.h"
#include "lumbarlab/anatomy/body_skin.h"
#include "lumbarlab/anatomy/disc_deformer.h"
#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/anatomy/muscle_shapes.h"
#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/biomech/tightness.h"
#include "lumbarlab/scene/scene.h"
#include "lumbarlab/view/muscle_meshes.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lumbarlab {

/// Level of detail to load: light meshes for software GL, detailed ones for GPUs.
enum class Detail { Low, High };

class ModelPresenter {
public:
    /// Loads the model data, meshes, disc and muscle models, and shows neutral standing. Parts that
    /// fail to load add one line each to `errors` and are left out; returns null only when the model
    /// itself (manifest or data folder) cannot be loaded.
    [[nodiscard]] static std::unique_ptr<ModelPresenter> load(const std::filesystem::path& modelDir,
                                                              const std::filesystem::path& assetDir, Detail detail,
                                                              std::vector<std::string>& errors);

    // The disc and muscle models hold references into the presenter's data: it never moves.
    ModelPresenter(const ModelPresenter&) = delete;
    ModelPresenter& operator=(const ModelPresenter&) = delete;
    ModelPresenter(ModelPresenter&&) = delete;
    ModelPresenter& operator=(ModelPresenter&&) = delete;
    ~ModelPresenter() = default;

    // --- Driving it ---------------------------------------------------------------------------
    /// Switches to a posture (its ground rule and props) and shows `values`, or its first frame.
    /// Throws std::invalid_argument for an unknown id.
    void showPosture(const std::string& postureId, const std::optional<Coordinates>& values = std::nullopt);
    /// New coordinate values within the current posture (grounded by its rule).
    void setCoordinates(const Coordinates& values);
    /// Annuli coloured by their pressure (front to back), or in their plain cartilage colour.
    void setPressureColours(bool on);
    void setHandLoad(double kg);
    /// Tight hip flexors, 0-30 %: standing postures are re-solved and the psoas pulls on the discs.
    void setTightHipFlexors(double percent);
    /// Muscles in anatomy colours (red belly with fibre lines, pale tendon) or by length change.
    void setMuscleColouring(MuscleColouring colouring);
    /// Emphasis: the posture's target structures in full, every other muscle faded.
    void setEmphasis(bool on);
    /// Balance shown: the centre of mass, its plumb line, and the base of support on the ground
    /// (green while the centre of mass is over it, red when not).
    void setShowBalance(bool on);
    /// Shows `mesh` (in the bone's frame, metres) for the bone `boneId` instead of its built-in
    /// mesh; it poses with the bone, in `colour` when given (sRGB). False when no bone of that id is shown.
    bool replaceBoneMesh(const std::string& boneId, MeshData mesh, const std::string& displayName,
                         const std::optional<glm::vec3>& colour = std::nullopt);

    // --- What it shows ------------------------------------------------------------------------
    [[nodiscard]] Scene& scene() { return scene_; }
    [[nodiscard]] const Scene& scene() const { return scene_; }
    [[nodiscard]] const ModelData& data() const { return *data_; }
    [[nodiscard]] const std::string& postureId() const { return postureId_; }
    [[nodiscard]] const Posture* posture() const { return data_->findPosture(postureId_); }
    [[nodiscard]] const Coordinates& values() const { return values_; }
    [[nodiscard]] const SkeletonPose& pose() const { return pose_; }
    [[nodiscard]] const SkeletonFrames& frames() const { return frames_; }
    [[nodiscard]] const std::array<DiscState, 6>& discs() const { return discs_; }
    [[nodiscard]] const DiscModel* discModel() const { return discModel_.get(); }
    [[nodiscard]] const MuscleModel* muscles() const { return muscles_.get(); }
    /// Per muscle path, metres, for the current pose.
    [[nodiscard]] const std::vector<float>& muscleLengths() const { return muscleLengths_; }
    /// Every muscle path as solved for the current pose (world), indexed like the set's paths.
    [[nodiscard]] const std::vector<PathGeometry>& muscleGeometry() const { return muscleGeometry_; }
    [[nodiscard]] double handLoadKg() const { return handLoad_.kg; }
    [[nodiscard]] double tightHipFlexors() const { return tightPct_; }
    /// What the tightness did to the current pose (forces zero at 0 %).
    [[nodiscard]] const TightnessState& tightness() const { return tightState_; }
    [[nodiscard]] bool pressureColours() const { return pressureColours_; }
    [[nodiscard]] MuscleColouring muscleColouring() const { return muscleColouring_; }
    [[nodiscard]] bool emphasis() const { return emphasis_; }
    [[nodiscard]] bool showBalance() const { return showBalance_; }
    /// The current balance (centre of mass, contacts, margin); none without a posture or body.
    /// Worked out once per pose, when first asked (the posture panel asks every frame).
    [[nodiscard]] std::optional<Balance> balance() const;
    /// The scene object drawing muscle `muscle` on `side` (its volume mesh), if muscles loaded.
    [[nodiscard]] std::optional<std::size_t> muscleObject(std::size_t muscle, BodySide side) const;
    /// Counts changes to what is drawn (pose, colours): a redraw is due when it moves.
    [[nodiscard]] std::uint64_t revision() const { return revision_; }

    // --- Which object is which ----------------------------------------------------------------
    /// The bone (index in data().skeleton.bones) a scene object shows, if it shows one.
    [[nodiscard]] const BoneDefinition* boneOf(std::size_t object) const;
    /// The muscle (index in muscles()->set().muscles) and side a scene object shows, if any.
    [[nodiscard]] std::optional<std::pair<std::size_t, BodySide>> muscleOf(std::size_t object) const;

    // --- Over a motion ------------------------------------------------------------------------
    /// One disc level's pressure (MPa) sampled `samples` times across a motion (empty for a posture).
    [[nodiscard]] std::vector<float> pressureTrace(const Posture& motion, std::size_t level, std::size_t samples) const;
    /// One muscle's length change (%) sampled across a motion (empty for a posture).
    [[nodiscard]] std::vector<float> muscleTrace(const Posture& motion, std::size_t muscle, BodySide side,
                                                 std::size_t samples) const;
    /// The model's pressure (MPa) at one disc level in a posture's first frame, without hand load;
    /// 0 when the posture or the disc model is missing. Solved once per posture (the window asks
    /// every frame).
    [[nodiscard]] double pressureIn(const std::string& postureId, std::size_t level) const;

private:
    ModelPresenter() = default;
    void addBones(Detail detail, std::vector<std::string>& errors);
    void addNerveRoots();
    void addMuscles(const std::filesystem::path& assetDir, std::vector<std::string>& errors);
    void addSkin(Detail detail, std::vector<std::string>& errors);
    void apply(const Coordinates& values);
    void deformDiscs();
    void buildMuscleVolumes();
    void applyEmphasis();
    void placeNerveRoots();
    void placeBody();
    void placeProps();
    void placeBalance();
    [[nodiscard]] MeshId unitMesh(ShapeKind kind) const;

    std::unique_ptr<ModelData> data_;  // fixed address: the disc and muscle models refer to it
    Scene scene_;
    std::string postureId_;
    Coordinates requested_;  // the values last asked for, before grounding
    Coordinates values_;
    SkeletonPose pose_;
    SkeletonFrames frames_;
    std::unique_ptr<DiscModel> discModel_;  // null if its data file failed to load
    std::array<DiscState, 6> discs_{};
    HandLoad handLoad_;
    bool pressureColours_ = false;
    std::unique_ptr<MuscleModel> muscles_;           // null if its data failed
    std::vector<MuscleShape> muscleShapes_;          // one per muscle (defaults if shapes.json failed)
    std::unique_ptr<HipFlexorTightness> tightness_;  // null if the muscles or passive_muscle.json failed
    double tightPct_ = 0.0;
    TightnessState tightState_;
    MuscleColouring muscleColouring_ = MuscleColouring::LengthChange;
    bool emphasis_ = false;
    bool showBalance_ = false;
    mutable std::optional<Balance> balance_;  // this pose's, while balanceStale_ is false
    mutable bool balanceStale_ = true;
    MeshId supportMesh_ = 0;  // the base of support's outline, refilled each pose
    std::vector<PathGeometry> muscleGeometry_;
    std::vector<MeshData> muscleMeshBuffers_;  // last pose's volumes, refilled in place
    std::vector<MeshData> rootMeshBuffers_;    // nerve roots T12-L5 then S1, right and left
    std::vector<float> muscleLengths_;
    std::uint64_t revision_ = 0;

    // Scene slots. Bones come first (boneOfObject_[i] for object i), then the nerve roots, the
    // muscles (one object per muscle and side), the skin; props come last.
    std::vector<std::size_t> boneOfObject_;
    struct DiscSlot {
        std::size_t object = 0;
        std::size_t level = 0;  // index in kDiscLevels
        bool nucleus = false;
        DiscDeformer deformer;
    };
    std::vector<DiscSlot> discSlots_;
    std::size_t firstRoot_ = 0, firstMuscle_ = 0, muscleObjects_ = 0, skinObject_ = 0;
    std::unique_ptr<BodySkin> skin_;  // null if the body figure or a landmark it needs is missing
    MeshData skinBuffer_;             // last pose's skin, refilled in place
    std::vector<BodyShape> propBoxes_;
    MeshId unitSphere_ = 0, unitBox_ = 0, unitTorus_ = 0;
    std::string propsPlacedFor_;  // props stay where the posture's first frame put them
    mutable std::map<std::string, std::array<double, kDiscLevels.size()>> stillPressures_;  // pressureIn, per posture
};

}  // namespace lumbarlab
