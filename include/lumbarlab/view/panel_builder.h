#pragma once
// Fills the panel data (posture, discs, muscles, evidence) from the presenter and the pose player,
// keeping the plots over a motion until the motion, the selection or the hand load changes.

#include "lumbarlab/anatomy/pose_player.h"
#include "lumbarlab/view/keymap.h"
#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/panel_data.h"

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

private:
    const ModelPresenter& model_;
    PostureKeys keys_;
    EvidenceTable evidence_;
    struct TraceKey {
        std::string posture;
        std::optional<std::size_t> object;
        double handLoadKg = 0.0;
        bool operator==(const TraceKey&) const = default;
    };
    std::optional<TraceKey> discTraceKey_, muscleTraceKey_;
    std::vector<float> discTrace_, muscleTrace_;
};

/// "l4_l5" -> "L4/L5".
[[nodiscard]] std::string discLevelLabel(std::size_t level);

}  // namespace lumbarlab
