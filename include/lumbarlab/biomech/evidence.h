#pragma once
// Published disc pressures the model is shown beside (assets/biomech/evidence.json): one row per
// posture, with the value, how a reader sees it, whether the model was calibrated on it, and its
// source. Notes carry the text around the table: the sitting-versus-standing debate and the often
// quoted but unsourced claim.

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// One published intradiscal pressure for a posture of the built-in model.
struct PublishedPressure {
    std::string postureId;      ///< a posture id, e.g. "lying_supine"
    std::string label;          ///< for the table, e.g. "Lying on the back"
    std::string level;          ///< disc level as in kDiscLevels, e.g. "l4_l5"
    double publishedMpa = 0.0;  ///< the published value at that level
    std::string publishedText;  ///< as shown, e.g. "0.46 MPa (92 %); Nachemson: 140 %"
    bool calibrated = false;    ///< true when the disc model was fitted to this value (not a prediction)
    std::string source;         ///< citation string: "[wilke1999] ..."
};

/// A paragraph shown with the table. `sourced` is false for a claim no source could be found for.
struct EvidenceNote {
    std::string id;     ///< e.g. "unsourced_sitting_381_lb"
    std::string title;  ///< e.g. "Often quoted, unsourced"
    std::string text;   ///< plain text (no printf formatting)
    std::string source;
    bool sourced = true;
};

struct EvidenceData {
    std::vector<PublishedPressure> rows;
    std::vector<EvidenceNote> notes;
};

/// Reads and validates evidence.json. Throws FileError naming the file and the row or note.
[[nodiscard]] EvidenceData loadEvidenceData(const std::filesystem::path& file);

/// The rows of evidence.json (loadEvidenceData(file).rows).
[[nodiscard]] std::vector<PublishedPressure> loadEvidence(const std::filesystem::path& file);

}  // namespace lumbarlab
