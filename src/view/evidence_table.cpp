#include "lumbarlab/view/evidence_table.h"

#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/biomech/evidence.h"
#include "lumbarlab/core/file_error.h"

namespace lumbarlab {
namespace {

/// "Wilke et al. 1999; Nachemson 1975" from the keys a source string cites; every key must resolve.
std::string citedWorks(const std::string& source, const ReferenceCatalogue& references,
                       const std::filesystem::path& file, const std::string& where) {
    std::string out;
    for (const std::string& key : citedKeys(source)) {
        const Reference* reference = references.find(key);
        if (!reference) throw FileError(file, where + ": cites [" + key + "], which references.json does not list");
        out += (out.empty() ? "" : "; ") + reference->shortForm();
    }
    return out;
}

std::size_t levelIndex(const std::string& level, const std::filesystem::path& file) {
    for (std::size_t i = 0; i < kDiscLevels.size(); ++i)
        if (level == kDiscLevels[i]) return i;
    throw FileError(file, "disc level '" + level + "' is not one of t12_l1 ... l5_s1");
}

}  // namespace

EvidenceTable loadEvidenceTable(const ModelPresenter& model, const std::filesystem::path& assetDir) {
    const std::filesystem::path file = assetDir / "biomech" / "evidence.json";
    const EvidenceData data = loadEvidenceData(file);
    const ReferenceCatalogue references = ReferenceCatalogue::load(assetDir / "references.json");
    EvidenceTable table;
    for (std::size_t i = 0; i < data.rows.size(); ++i) {
        const PublishedPressure& row = data.rows[i];
        std::string source = citedWorks(row.source, references, file, "/pressures/" + std::to_string(i) + "/source");
        if (row.calibrated) source += " (model calibrated here)";
        if (!model.data().findPosture(row.postureId))
            throw FileError(file, "/pressures/" + std::to_string(i) + "/posture: names posture '" + row.postureId +
                                      "', which does not exist (known: " + model.data().postureIds() + ")");
        table.rows.push_back(
            {row.label, row.publishedText, source, model.pressureIn(row.postureId, levelIndex(row.level, file))});
    }
    for (const EvidenceNote& note : data.notes) {
        std::string& into = note.sourced ? table.summary : table.unsourcedClaim;
        if (!into.empty()) into += "\n\n";
        into += note.text;
    }
    return table;
}

}  // namespace lumbarlab
