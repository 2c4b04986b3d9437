#pragma once
// Fills the panel data (posture, discs, muscles, evidence) from the presenter and the pose player,
// keeping the plots over a motion until the motion, the selection or the hand load changes.

#include "lumbarlab/anatomy/pose_player.h"
#include "lumbarlab/view/compare.h"
#include "lumbarlab/view/joint_map.h"
#include "lumbarlab/view/keymap.h"
#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/panel_data.h"
#include "lumbarlab/view/plain_names.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

class PanelBuilder {
public:
    /// `evidence`: the published values beside which the model's are shown (may be empty).
    PanelBuilder(const ModelPresenter& model, PostureKeys keys, EvidenceTable evidence);

    [[nodiscard]] PosturePanelData posture(const PosePlayer& player) const;
    [[nodiscard]] DiscPanelData discs(const PosePlayer& player);
    [[nodiscard]] MusclePanelData muscles(const PosePlayer& player);
    [[nodiscard]] const PostureKeys& keys() const { return keys_; }

    /// Patient mode's names; without a table every name falls back to the scene's.
    void setPlainNames(PlainNameTable names) { names_ = std::move(names); }
    /// Patient mode: the biggest muscle changes as "longer" / "shorter" bars, the discs as pressure
    /// bars with words against standing, everything named from the plain-name table.
    [[nodiscard]] PatientPanelData patient(const PosePlayer& player);
    /// Compare in patient mode: the two muscles A stretches most against B and the two it shortens
    /// most (both sides in one row where they agree), and every disc, named from the plain-name
    /// table, each change in words (against standing).
    [[nodiscard]] PlainComparison plainComparison(const PostureComparison& comparison) const;
    /// The hip x knee map of two-joint muscle `chosen` (0 rectus femoris, then the hamstrings; clamped),
    /// computed once per muscle, with the current posture's hip and knee angles as the dot.
    [[nodiscard]] JointMapPanelData jointMap(std::size_t chosen);
    /// The plain name of scene object `object` (the scene's name when the table lacks it).
    [[nodiscard]] std::string plainNameOf(std::size_t object) const;

private:
    const ModelPresenter& model_;
    PostureKeys keys_;
    EvidenceTable evidence_;
    std::optional<PlainNameTable> names_;
    std::vector<double> standingMpa_;            // disc pressures standing, per level
    std::map<std::size_t, JointMap> jointMaps_;  // per two-joint muscle, computed on first view
    struct TraceKey {
        std::string posture;
        std::optional<std::size_t> object;
        double handLoadKg = 0.0;
        bool operator==(const TraceKey&) const = default;
    };
    std::optional<TraceKey> discTraceKey_, muscleTraceKey_;
    std::vector<float> discTrace_, muscleTrace_;
};

/// Below these |% change| a muscle is "about the same", then "a little longer", then "much longer".
inline constexpr double kSameLengthPct = 2.0, kLittleChangePct = 6.0, kBigChangePct = 15.0;
/// A length change in words: "a little longer", "much shorter", "about the same".
[[nodiscard]] std::string lengthChangeWords(double pct);
/// What plain words compare disc pressures with: relaxed standing.
inline constexpr const char* kPlainReferencePosture = "neutral_standing";
/// A disc pressure against standing in words: "less than standing" (< 0.8x), "about as much as
/// standing" (0.8-1.2x), "more than standing", "much more than standing" (>= 1.8x).
[[nodiscard]] std::string pressureWords(double mpa, double standingMpa);

/// "l4_l5" -> "L4/L5".
[[nodiscard]] std::string discLevelLabel(std::size_t level);

/// What the model's hip-flexor tightness does now: "Passive psoas pull 24 N each side; pelvis tilts
/// 8.7 deg forward to balance it"; empty when the hip flexors are not tight.
[[nodiscard]] std::string tightnessSummary(const ModelPresenter& model);
/// Where the centre of mass is against the base of support, in words: "Centre of mass 44 mm inside
/// the base of support (both feet)"; empty lying down or without a posture.
[[nodiscard]] std::string balanceSummary(const ModelPresenter& model);

}  // namespace lumbarlab
