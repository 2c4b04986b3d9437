#pragma once
// Builds the Scene the app shows: user meshes from --mesh, or the built-in model assembled in
// neutral standing from the generated skeleton and the cited pose data.

#include "lumbarlab/anatomy/disc_deformer.h"
#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/scene/scene.h"
#include "lumbarlab/ui/ui_state.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

/// Level of detail to load: light meshes for software GL, detailed ones for GPUs.
enum class Detail { Low, High };

/// The built-in model behind a scene: its data and the current coordinate values.
struct BuiltInModel {
    ModelData data;
    Coordinates values;     ///< the current pose, by coordinate name (grounded by applyPose)
    std::string postureId;  ///< whose ground rule and props apply
    /// For each scene object, the index of its bone in data.skeleton.bones.
    std::vector<std::size_t> boneOfObject;
    std::size_t bodyObjectStart = 0;  ///< body shapes follow the bones; props come last
    MeshId unitSphere = 0, unitBox = 0, unitTorus = 0;
    std::string propsPlacedFor;            ///< props stay where the posture's first frame put them
    std::unique_ptr<DiscModel> discModel;  ///< null if its data file failed to load
    std::array<DiscState, 6> discs{};      ///< for the current pose
    HandLoad handLoad;
    bool pressureColours = false;     ///< annuli coloured by pressure
    std::size_t rootObjectStart = 0;  ///< 12 nerve roots (6 levels x right, left) follow the bones
    /// Muscles: one scene object per muscle and side (its fascicles as tubes), null if the data failed.
    std::unique_ptr<MuscleModel> muscles;
    std::size_t muscleObjectStart = 0;
    std::vector<PathGeometry> muscleGeometry;  ///< per path, for the current pose
    std::vector<float> muscleLengths;          ///< per path, metres
    /// The scene object of a muscle path's muscle and side.
    [[nodiscard]] std::size_t muscleObjectOf(std::size_t path) const {
        return muscleObjectStart + 2 * muscles->set().paths[path].muscle + std::size_t(muscles->set().paths[path].side);
    }
    /// For a muscle object, the muscle index and side; nullopt for other objects.
    [[nodiscard]] std::optional<std::pair<std::size_t, BodySide>> muscleOfObject(std::size_t object) const;
    /// One path's length change (%) sampled across a motion (empty for a posture).
    [[nodiscard]] std::vector<float> muscleTrace(const Posture& posture, std::size_t muscle, BodySide side,
                                                 std::size_t samples) const;
    /// Disc meshes that follow their segments: scene object index -> deformer.
    std::vector<std::pair<std::size_t, DiscDeformer>> discDeformers;

    /// The current pose and its solved frames, as the last applyPose left them.
    [[nodiscard]] const SkeletonPose& pose() const { return pose_; }
    [[nodiscard]] const SkeletonFrames& frames() const { return frames_; }
    /// Grounds `newValues` by the posture's rule, then moves bones, body and props to match.
    void applyPose(Scene& scene, const Coordinates& newValues);
    /// One disc level's pressure (MPa) sampled `samples` times across a motion (empty for a posture).
    [[nodiscard]] std::vector<float> pressureTrace(const Posture& posture, std::size_t level,
                                                   std::size_t samples) const;
    /// The model's L4/L5 pressure beside Wilke 1999's and Nachemson's values, with citations.
    [[nodiscard]] std::vector<EvidenceRow> evidenceRows() const;

private:
    SkeletonPose pose_;
    SkeletonFrames frames_;
};

/// A scene plus the one-line problems met while building it (the rest still loaded).
struct SceneLoadResult {
    Scene scene;
    std::unique_ptr<BuiltInModel> model;  ///< null for --mesh scenes
    std::vector<std::string> errors;
};

/// Loads each file as one object; a file that fails adds a line to errors and is skipped.
[[nodiscard]] SceneLoadResult loadMeshScene(const std::vector<std::filesystem::path>& files);

/// The folder holding the generated built-in model (skeleton_manifest.json): $LUMBARLAB_MODEL_DIR,
/// beside the executable (build tree or install), or the folder the build wrote. Empty if none.
[[nodiscard]] std::filesystem::path findModelDir();

/// The folder holding assets/ data (poses, descriptions): $LUMBARLAB_ASSET_DIR, the installed
/// share folder, or the source tree the program was built from. Empty if none.
[[nodiscard]] std::filesystem::path findAssetDir();

/// Loads the built-in model in neutral standing; problems are one line each in errors.
[[nodiscard]] SceneLoadResult loadBuiltInScene(const std::filesystem::path& modelDir,
                                               const std::filesystem::path& assetDir, Detail detail);

}  // namespace lumbarlab
