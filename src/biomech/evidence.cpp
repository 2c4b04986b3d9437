#include "lumbarlab/biomech/evidence.h"

#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/anatomy/skeleton_pose.h"

#include <algorithm>
#include <set>

namespace lumbarlab {
namespace {

/// A source must name at least one work, so every row resolves to a reference.
std::string source(const JsonValue<>& node) {
    std::string s = node["source"].text();
    if (citedKeys(s).empty()) node["source"].fail("cites no [key]");
    return s;
}

}  // namespace

EvidenceData loadEvidenceData(const std::filesystem::path& file) {
    const JsonDocument doc(file);
    const JsonValue<> root = doc.root();
    if (root.string("format", "") != "lumbarlab-evidence/1") root.fail("format must be \"lumbarlab-evidence/1\"");
    const JsonValue<> pressures = root["pressures"];
    pressures.requireArray(1);

    EvidenceData data;
    for (const JsonValue<>& row : pressures.elements()) {
        row.requireObject();
        PublishedPressure p;
        p.postureId = row["posture"].text();
        if (std::any_of(data.rows.begin(), data.rows.end(),
                        [&](const PublishedPressure& other) { return other.postureId == p.postureId; }))
            row["posture"].fail("pressure row '" + p.postureId + "' appears twice");
        p.label = row["label"].text();
        p.level = row["level"].text();
        if (std::find_if(kDiscLevels.begin(), kDiscLevels.end(), [&](const char* l) { return p.level == l; }) ==
            kDiscLevels.end())
            row["level"].fail("unknown disc level '" + p.level + "'");
        p.publishedMpa = row["published_mpa"].number(NumberRange::positive(10.0));  // intradiscal: up to about 2.3
        p.publishedText = row["published_text"].text();
        p.calibrated = row["calibrated"].boolean();
        p.source = source(row);
        data.rows.push_back(std::move(p));
    }
    if (const auto notes = root.find("notes")) {
        std::set<std::string> ids;
        for (const JsonValue<>& node : notes->elements()) {
            node.requireObject();
            EvidenceNote n;
            n.id = node["id"].text();
            if (!ids.insert(n.id).second) node["id"].fail("note id '" + n.id + "' appears twice");
            n.title = node["title"].text();
            n.text = node["text"].text();
            n.sourced = node["sourced"].boolean();
            n.source = source(node);
            data.notes.push_back(std::move(n));
        }
    }
    return data;
}

std::vector<PublishedPressure> loadEvidence(const std::filesystem::path& file) {
    return loadEvidenceData(file).rows;
}

}  // namespace lumbarlab
