#pragma once
// The evidence panel's content: each published pressure (assets/biomech/evidence.json) beside the
// model's value in the same posture, with its sources in short form.

#include "lumbarlab/view/model_presenter.h"
#include "lumbarlab/view/panel_data.h"

#include <filesystem>

namespace lumbarlab {

/// Reads evidence.json and references.json under `assetDir` and evaluates the model in each
/// posture (a few pose solves). Throws FileError for a malformed file.
[[nodiscard]] EvidenceTable loadEvidenceTable(const ModelPresenter& model, const std::filesystem::path& assetDir);

}  // namespace lumbarlab
