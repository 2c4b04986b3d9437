#pragma once
// What the panels, cards and labels show: plain data the view layer fills from the model each frame
// and the interface only displays. No GL, no ImGui.

#include "lumbarlab/view/colour_maps.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lumbarlab {

/// What the info card shows about the selected object; plain text the app fills.
struct InfoCard {
    std::string title;                 ///< e.g. "L4 vertebra"
    std::string subtitle;              ///< e.g. "Lumbar vertebra - lower back bone"
    std::string text;                  ///< a short description
    std::vector<std::string> details;  ///< e.g. landmark names
    std::string detailsHeading = "Landmarks (L shows them)";
};

/// A text label pinned to a screen position (window pixels, top-left origin).
struct ScreenLabel {
    std::string text;
    float x = 0.0f, y = 0.0f;
};

/// One entry of the posture list.
struct PostureItem {
    std::string id, name, key;  ///< key: e.g. "F3", or empty
    bool motion = false;
};

/// One joint slider.
struct CoordinateSlider {
    std::string name, unit;
    double min = 0.0, max = 0.0, value = 0.0;
    bool overridden = false;
};

/// What the posture panel shows; the app fills it each frame.
struct PosturePanelData {
    std::vector<PostureItem> postures;
    std::string current;  ///< id
    std::string name, description, dose;
    std::vector<std::string> cues;
    bool motion = false, playing = false, loop = true;
    double time = 0.0, duration = 0.0, speed = 1.0, elapsed = 0.0;
    int repetitions = 0;
    std::vector<CoordinateSlider> sliders;
    std::vector<std::pair<std::string, double>> angles;  ///< clinical readout, degrees
    double tightHipFlexorsPct = 0.0;                     ///< the setting, 0-30 %
    std::string tightnessSummary;  ///< what it does now: "Psoas 24 N each side; pelvis +3.1 deg forward"
    bool showBalance = false;      ///< centre of mass and base of support drawn
    std::string balanceSummary;    ///< "Centre of mass 44 mm inside the feet"; empty lying down
};

/// One disc's row in the disc panel.
struct DiscRow {
    std::string level;  ///< e.g. "L4/L5"
    double pressureMpa = 0.0, compressionN = 0.0, compressionLbf = 0.0, frontBackRatio = 1.0, nucleusShiftMm = 0.0;
    double rootProximity = 0.0;
    bool rootWarning = false;
};

/// One line of the evidence panel: a source's value beside the model's.
struct EvidenceRow {
    std::string posture, published, source;
    double modelMpa = 0.0;
};

/// The evidence panel's content: published rows beside the model's values, and the notes around them.
struct EvidenceTable {
    std::vector<EvidenceRow> rows;
    std::string summary;         ///< what the published measurements say, in plain words
    std::string unsourcedClaim;  ///< an often-quoted figure with no source, and why it is doubted
};

/// What the disc panel and the evidence panel show.
struct DiscPanelData {
    std::vector<DiscRow> rows;
    std::vector<float> trace;  ///< L4/L5 pressure over the current motion (MPa), empty for postures
    float traceTime = 0.0f;    ///< where the motion is now, 0..1
    double legendMaximumMpa = kPressureLegendMaxMpa;
    bool pressureColours = false;  ///< discs coloured by pressure (the presenter holds the state)
    double handLoadKg = 0.0;
    EvidenceTable evidence;
};

/// A muscle group in the muscle panel (its scene group id).
struct MuscleGroupRow {
    std::string id, label;
    bool visible = true;
};

/// One muscle and side with its length change against the reference posture.
struct MuscleRankRow {
    std::string name;  ///< e.g. "Psoas major, right"
    double changePct = 0.0;
    std::size_t object = 0;  ///< scene object, for selecting it
};

/// What the muscle panel shows.
struct MusclePanelData {
    std::string reference;  ///< the posture that counts as 0 %, e.g. "Neutral standing"
    std::vector<MuscleGroupRow> groups;
    std::vector<MuscleRankRow> lengthened, shortened;  ///< most first
    std::optional<MuscleRankRow> selected;
    double selectedLengthM = 0.0;
    std::vector<float> trace;  ///< selected muscle's change (%) over the current motion; empty for a posture
    float traceTime = -1.0f;   ///< 0..1 position in the motion, or negative
    float legendRangePct = float(kLengthChangeLegendPct);
};

/// One bar in patient mode: a plain name, how far the bar reaches and what it means in words.
struct PatientBar {
    std::string label;                  ///< e.g. "hip flexor (psoas), right"
    float amount = 0.0f;                ///< 0..1 of the bar's width
    float colourValue = 0.0f;           ///< the value the colour map is read at (% change, or MPa)
    std::string words;                  ///< e.g. "much longer", "more than standing"
    std::optional<std::size_t> object;  ///< scene object, for selecting it
};

/// What patient mode shows instead of the muscle, disc and evidence panels: few numbers, plain words.
struct PatientPanelData {
    std::string posture;                  ///< the posture's name
    std::vector<PatientBar> longer;       ///< muscles stretched most now, most first
    std::vector<PatientBar> shorter;      ///< muscles shortened most now, most first
    std::vector<PatientBar> discs;        ///< one per disc, top to bottom; amount: pressure / legend maximum
    std::optional<std::string> selected;  ///< the selected structure's plain name
    float lengthRangePct = float(kLengthChangeLegendPct);
    double pressureMaximumMpa = kPressureLegendMaxMpa;
};

/// Compare in patient mode: each row a plain name and what A and B do to it, in words.
struct PlainCompareRow {
    std::string name;  ///< "hip flexor (psoas), right", "disc between L4 and L5"
    std::string a, b;  ///< "much shorter", "about as much as standing"
};
struct PlainComparison {
    std::vector<PlainCompareRow> muscles;  ///< the muscles A and B treat most differently, most first
    std::vector<PlainCompareRow> discs;    ///< one per disc, top to bottom
};

/// The hip x knee map panel: one two-joint muscle's length change over hip and knee flexion (right
/// side, from standing), and where the current posture sits on it.
struct JointMapPanelData {
    std::vector<std::string> muscles;  ///< names to choose from (rectus femoris, the hamstrings)
    std::size_t chosen = 0;
    std::vector<double> hipDeg, kneeDeg;             ///< the grid's axes
    std::vector<std::vector<double>> changePct;      ///< [hip][knee]
    float rangePct = float(kLengthChangeLegendPct);  ///< the colour map's +/- limit
    double hipNowDeg = 0.0, kneeNowDeg = 0.0;        ///< the current posture (right side)
    double changeNowPct = 0.0;                       ///< the chosen muscle now (right side)
};

}  // namespace lumbarlab
