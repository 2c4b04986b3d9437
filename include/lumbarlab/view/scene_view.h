#pragma once
// What the window and the headless renderer both show: the scene (the built-in model through its
// presenter, or mesh files), turned into draw records with x-ray and landmark markers, landmark
// labels, and the info card of the selection.

#include "lumbarlab/anatomy/bone_info.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/io/mesh_import.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/view/bone_replacement.h"
#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/panel_data.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

/// Display options that change what is drawn (not how it is shaded).
struct ViewExtras {
    bool xray = false;
    bool landmarks = false;
};

/// A landmark in world coordinates with its bone, for markers and labels.
struct WorldLandmark {
    std::string bone;  ///< bone id
    std::string name;  ///< landmark name
    glm::vec3 position{0.0f};
};

/// What a command asked to see: mesh files (else the built-in model), their defaults, and bones of
/// the built-in model to show from files.
struct SceneRequest {
    std::vector<MeshSource> meshes;  ///< empty: the built-in model
    LengthUnits units = LengthUnits::Auto;
    UpAxis up = UpAxis::PlusY;
    std::vector<BoneReplacementRequest> replacements;  ///< with the built-in model only
    double replaceLimitMm = kDefaultReplaceLimitMm;
    std::chrono::milliseconds timeout{30000};  ///< per imported file
};

/// The colour of the i-th mesh file without one of its own (sRGB): ivory, then distinct pale hues.
[[nodiscard]] glm::vec3 meshPaletteColour(std::size_t i);

class SceneView {
public:
    /// The built-in model at a level of detail; problems are listed in errors().
    [[nodiscard]] static SceneView builtIn(const std::filesystem::path& modelDir, const std::filesystem::path& assetDir,
                                           Detail detail);
    /// One object per mesh file, imported in a child process and turned into metres and y up; a file
    /// that fails adds a line to skipped() and the others are shown.
    [[nodiscard]] static SceneView meshFiles(const SceneRequest& request, const std::filesystem::path& assetDir);
    /// Replaces bones of the built-in model by registered mesh files (see bone_replacement.h); each
    /// failure (unknown bone, unreadable file, a fit over the limit) adds a line to errors().
    void replaceBones(const SceneRequest& request);

    [[nodiscard]] Scene& scene() { return model_ ? model_->scene() : meshScene_; }
    [[nodiscard]] const Scene& scene() const { return model_ ? model_->scene() : meshScene_; }
    /// The built-in model's presenter; null for mesh files.
    [[nodiscard]] ModelPresenter* model() { return model_.get(); }
    [[nodiscard]] const ModelPresenter* model() const { return model_.get(); }
    [[nodiscard]] const std::vector<std::string>& errors() const { return errors_; }
    /// Mesh files that could not be shown (one line each, naming the file); the rest are shown.
    [[nodiscard]] const std::vector<std::string>& skipped() const { return skipped_; }
    /// What was decided on the way (units chosen by auto, registration residuals): one line each.
    [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

    /// Visible objects plus landmark markers; x-ray makes bones translucent.
    [[nodiscard]] DrawList drawList(const ViewExtras& extras) const;
    /// Landmarks of the selected bone, or of every visible bone when nothing is selected.
    [[nodiscard]] std::vector<WorldLandmark> shownLandmarks() const;
    /// Landmark labels projected into a viewport of `width` x `height` pixels.
    [[nodiscard]] std::vector<ScreenLabel> landmarkLabels(const OrbitCamera& camera, float width, float height) const;
    /// The info card for the selection, if any. A muscle's card (moment arms: a few dozen pose
    /// solves) is computed once per pose and selection.
    [[nodiscard]] std::optional<InfoCard> infoCard() const;

private:
    SceneView(std::unique_ptr<ModelPresenter> model, Scene meshScene, std::vector<std::string> errors,
              const std::filesystem::path& assetDir);
    [[nodiscard]] InfoCard muscleCard(std::size_t muscle, BodySide side) const;
    [[nodiscard]] InfoCard boneCard(const BoneDefinition& bone) const;

    std::unique_ptr<ModelPresenter> model_;
    Scene meshScene_;  // used when there is no model
    std::vector<std::string> errors_;
    std::vector<std::string> skipped_;
    std::vector<std::string> notes_;
    BoneInfoCatalogue info_;
    ReferenceCatalogue references_;  // for sources shown in short form on the cards
    MeshId markerMesh_ = 0;
    struct CachedCard {
        std::uint64_t revision = 0;
        std::size_t object = 0;
        InfoCard card;
    };
    mutable std::optional<CachedCard> muscleCardCache_;
};

/// The scene a command shows: the mesh files, or the built-in model at the detail level that
/// suits the GPU (light meshes on software GL) with any bones replaced, from the folders
/// findModelDir/findAssetDir name.
[[nodiscard]] SceneView openSceneView(const SceneRequest& request, bool softwareGl);

/// "anterior_superior_iliac_spine" -> "anterior superior iliac spine"; "_r"/"_l" -> "(right)"/"(left)".
[[nodiscard]] std::string readableName(const std::string& snakeCase);

}  // namespace lumbarlab
