#pragma once
// What the window and the headless renderer both show of the built-in model: the draw records
// with x-ray and landmark markers, the landmark labels, and the info card for a selection.

#include "lumbarlab/anatomy/bone_info.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/ui/ui_state.h"
#include "scene_builder.h"

#include <optional>
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

/// The shared view state over a loaded scene.
class ModelView {
public:
    /// Takes over the loaded scene; `assetDir` holds anatomy/bone_info.json (optional).
    ModelView(SceneLoadResult loaded, const std::filesystem::path& assetDir);

    [[nodiscard]] Scene& scene() { return scene_; }
    [[nodiscard]] const Scene& scene() const { return scene_; }
    [[nodiscard]] const BuiltInModel* model() const { return model_.get(); }
    [[nodiscard]] BuiltInModel* model() { return model_.get(); }
    [[nodiscard]] const std::vector<std::string>& errors() const { return errors_; }

    /// Visible objects plus landmark markers; x-ray makes bones translucent.
    [[nodiscard]] DrawList drawList(const ViewExtras& extras) const;
    /// Landmarks of the selected bone, or of every visible bone when nothing is selected.
    [[nodiscard]] std::vector<WorldLandmark> shownLandmarks() const;
    /// Landmark labels projected into a viewport of `width` x `height` pixels.
    [[nodiscard]] std::vector<ScreenLabel> landmarkLabels(const OrbitCamera& camera, float width, float height) const;
    /// The info card for the selection, if any.
    [[nodiscard]] std::optional<InfoCard> infoCard() const;
    /// The card of a muscle (index, side): what it does, where it attaches, its numbers now.
    [[nodiscard]] InfoCard muscleCard(const std::pair<std::size_t, BodySide>& muscle) const;

private:
    Scene scene_;
    std::unique_ptr<BuiltInModel> model_;
    std::vector<std::string> errors_;
    BoneInfoCatalogue info_;
    MeshId markerMesh_ = 0;
};

/// The scene a command shows: the --mesh files, or the built-in model at the detail level that
/// suits the GPU (light meshes on software GL). Data folders are found with findModelDir/findAssetDir.
[[nodiscard]] ModelView openModelView(const std::vector<std::filesystem::path>& meshes, bool softwareGl);

/// Function key name ("F1".."F12") -> posture id, from assets/lessons/posture_keys.json.
/// A missing file gives no keys; a malformed one throws FileError.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> loadPostureKeys(const std::filesystem::path& assetDir);

/// "anterior_superior_iliac_spine" -> "anterior superior iliac spine".
[[nodiscard]] std::string readableName(const std::string& snakeCase);

}  // namespace lumbarlab
