#pragma once
// ImGui panels as free functions over state the caller owns; they fill UiIntents and never
// change the scene themselves.

#include "lumbarlab/scene/scene.h"
#include "lumbarlab/ui/ui_state.h"

namespace lumbarlab {

/// Docks the panels to the window's edges for this frame (left: scene and posture; right: card,
/// compare, muscles, discs, evidence; bottom: the lesson bar) and leaves the centre to the 3D view;
/// fills ui.layout. Call after ImGui's NewFrame and before the panels.
void layoutPanels(UiState& ui, bool hasCard, bool hasLesson);
/// The main menu: File (screenshot, quit), View (presets, frame, panels, UI scale), Help.
/// `pressureColours`: whether the discs are coloured by pressure now (the presenter holds it).
void drawMenuBar(UiState& ui, bool pressureColours, UiIntents& intents);
/// Objects in the scene with visibility toggles and selection.
void drawScenePanel(const Scene& scene, UiState& ui, UiIntents& intents);
/// Top-right figures: fps, frame time, triangles.
void drawStatsOverlay(const FrameTimings& timings, const UiState& ui);
/// Bottom-left notices that expire; drops the expired ones.
void drawNotices(UiState& ui, double now);
/// The selected object's card (right side); nothing when card is null.
void drawInfoCard(const InfoCard* card, const UiState& ui, UiIntents& intents);
/// Labels over the 3D view, with a dark halo so they read on bone and background alike.
/// `strong`: a lesson's labels (bright ink on a dark box), else landmark labels.
void drawScreenLabels(const std::vector<ScreenLabel>& labels, bool strong = false);
/// The lesson's caption bar along the bottom: the step strip, back and next, the title, the
/// caption and the step's numbers. Records its height in ui.lessonBarHeight.
void drawLessonBar(const LessonBarData& data, UiState& ui, UiIntents& intents);
/// The compare view's diff panel: A and B pickers, muscles ranked by difference, discs per level.
void drawComparePanel(const ComparePanelData& data, UiState& ui, UiIntents& intents);
/// Postures (one key each), the timeline, the exercise card, joint sliders and clinical angles.
void drawPosturePanel(const PosturePanelData& data, UiState& ui, UiIntents& intents);
/// Per-level disc figures, the pressure legend and a plot over the motion.
void drawDiscPanel(const DiscPanelData& data, UiState& ui, UiIntents& intents);
/// Muscles: the length-change colour legend, groups to show or hide, the ranking and the selected
/// muscle's plot.
void drawMusclePanel(const MusclePanelData& data, UiState& ui, UiIntents& intents);
/// The model's L4/L5 pressure beside published in-vivo values, with sources.
/// Patient mode's one panel: plain names, "longer" / "shorter" bars, disc pressure bars in words.
void drawPatientPanel(const PatientPanelData& data, UiState& ui, UiIntents& intents);

/// The quiz: the question, its choices (or "click it"), the feedback, the score at the end.
void drawQuizPanel(const QuizPanelData& data, UiState& ui, UiIntents& intents);

/// The hip x knee map: a two-joint muscle's length change as a coloured grid, the posture as a dot.
void drawJointMapPanel(const JointMapPanelData& data, UiState& ui);

void drawEvidencePanel(const DiscPanelData& data, UiState& ui);
/// The open export dialog (File > Save picture, Export video, Handout) as a modal in the middle of
/// the window: its fields, the one-line error, and a progress bar with Cancel while it runs.
void drawExportDialog(UiState& ui, UiIntents& intents);
/// Keys and mouse.
void drawHelpWindow(UiState& ui);

}  // namespace lumbarlab
