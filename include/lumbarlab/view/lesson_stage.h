#pragma once
// A lesson step put on the stage of the built-in model: which scene objects it shows, which it
// emphasises, where its labels sit on screen, which numbers it reads out, what the camera frames.

#include "lumbarlab/anatomy/muscle_definition.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/scene/draw_record.h"
#include "lumbarlab/view/lesson.h"
#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/panel_data.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lumbarlab {

/// The names a lesson may use for the built-in model: bones, sided muscles, discs, nerve roots and
/// their groups. Needs no meshes (the `lessons` command lists without a window).
[[nodiscard]] LessonVocabulary lessonVocabulary(const ModelData& data, const MuscleSet* muscles);

/// Whether scene object `object` is (part of) `name`: its id ("l4"), its muscle ("psoas_r" for
/// "muscle_psoas_r"), its disc ("disc_l4_l5" for the annulus and nucleus), or its group (with
/// "muscles" naming every muscle).
[[nodiscard]] bool objectIs(const SceneObject& object, const std::string& name, bool isMuscle);

/// How each scene object is drawn in a step.
enum class Emphasis : std::uint8_t { Normal, Faded, Emphasised };

/// The presenter's scene as a step wants it.
struct StagedStep {
    std::vector<bool> visible;       ///< per scene object
    std::vector<Emphasis> emphasis;  ///< per scene object (all Normal when nothing is emphasised)
};
[[nodiscard]] StagedStep stageStep(const LessonStep& step, const ModelPresenter& model);

/// Emphasised records keep their colour and gain the hover rim; faded ones (the other muscles and
/// the body figure) turn translucent and pale. Records are matched to objects by their pick id.
void applyEmphasis(DrawList& records, const std::vector<Emphasis>& emphasis);

/// The step's labels at the centre of their structures, projected into a `width` x `height` view;
/// a structure behind the camera or hidden is left out.
[[nodiscard]] std::vector<ScreenLabel> lessonLabels(const LessonStep& step, const ModelPresenter& model,
                                                    const OrbitCamera& camera, float width, float height);

/// Puts the step's model settings on the model (its hip-flexor tightness; the untightened model when
/// the step does not say), before its numbers are read or its pose is shown.
void applyStepModelSettings(const LessonStep& step, ModelPresenter& model);

/// The numbers a step reads out, one line each: "Pressure in the disc between L4 and L5: 0.50 MPa".
/// `plain` (patient mode): words instead of figures, "Load on the disc between L4 and L5: more than
/// standing", "psoas major (right): much longer than standing".
[[nodiscard]] std::vector<std::string> lessonNumbers(const LessonStep& step, const ModelPresenter& model,
                                                     bool plain = false);

/// Where the camera flies for a step at this aspect ratio.
[[nodiscard]] CameraPose lessonCameraPose(const LessonStep& step, const ModelPresenter& model,
                                          const OrbitCamera& camera, float aspect);

/// "psoas_r" -> "psoas major (right)"; "disc_l4_l5" -> "disc between L4 and L5": plain words.
[[nodiscard]] std::string plainStructureName(const std::string& name, const ModelPresenter& model);

}  // namespace lumbarlab
