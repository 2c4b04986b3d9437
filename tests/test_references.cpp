// Sources inside the repository: every citation in the data files resolves to an entry of
// assets/references.json, every entry is cited, numbers carry sources, docs/REFERENCES.md is the
// generated list, and the evidence and wrap-surface declarations load with one-line errors.

#include "lumbarlab/anatomy/muscle_definition.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/biomech/evidence.h"
#include "lumbarlab/core/file_error.h"
#include "scratch_dir.h"
#include "source_assets.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = LUMBARLAB_SOURCE_DIR;

const ReferenceCatalogue& catalogue() {
    static const ReferenceCatalogue c = ReferenceCatalogue::load(kAssets / "references.json");
    return c;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path writeTemp(const std::string& name, const std::string& text) {
    const fs::path dir = processScratchDir("lumbarlab_references_test");
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

/// The message of the FileError `f` throws (empty if it does not throw one).
template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const FileError& e) {
        return e.what();
    }
    return {};
}

/// Every data file except the catalogue itself.
std::vector<fs::path> dataFiles() {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(kAssets))
        if (e.is_regular_file() && e.path().extension() == ".json" && e.path().filename() != "references.json")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// One citation found in a data file: where it is and what it says.
struct Citation {
    std::string where, text;
};

/// Every "source" string, and every value of a "sources" object (a motion cites each coordinate there).
void collectCitations(const nlohmann::json& node, const std::string& where, std::vector<Citation>& out) {
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            const std::string at = where + "." + key;
            if (key == "source") {
                out.push_back({at, value.is_string() ? value.get<std::string>() : std::string()});
            } else if (key == "sources" && value.is_object()) {
                for (const auto& [name, text] : value.items())
                    out.push_back({at + "." + name, text.is_string() ? text.get<std::string>() : std::string()});
            } else {
                collectCitations(value, at, out);
            }
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            collectCitations(node[i], where + "[" + std::to_string(i) + "]", out);
    }
}

std::vector<Citation> assetCitations() {
    std::vector<Citation> all;
    for (const fs::path& file : dataFiles()) {
        const auto root = nlohmann::json::parse(readText(file));
        collectCitations(root, fs::relative(file, kAssets).string(), all);
    }
    return all;
}

/// Numbers that are data (not times or indices) sit in objects that must cite them.
void requireSourcesOnValues(const nlohmann::json& node, const std::string& where, std::vector<std::string>& missing) {
    static const std::set<std::string> valueKeys{"value",     "mass_fraction", "position_mm", "offset_mm",
                                                 "radius_mm", "radii_mm",      "min",         "published_mpa"};
    if (node.is_object()) {
        const bool hasValue = std::any_of(node.items().begin(), node.items().end(),
                                          [](const auto& item) { return valueKeys.count(item.key()) > 0; });
        if (hasValue && !node.contains("source")) missing.push_back(where);
        for (const auto& [key, value] : node.items()) requireSourcesOnValues(value, where + "." + key, missing);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            requireSourcesOnValues(node[i], where + "[" + std::to_string(i) + "]", missing);
    }
}

/// The repository's files: git's list when git is there, else a walk that skips build and hidden folders.
std::vector<fs::path> repositoryFiles() {
    std::vector<fs::path> files;
    const std::string command = "git -C \"" + kRepo.string() + "\" ls-files -z 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
        std::string name;
        for (int c = std::fgetc(pipe); c != EOF; c = std::fgetc(pipe)) {
            if (c != '\0') {
                name += char(c);
                continue;
            }
            if (fs::is_regular_file(kRepo / name)) files.push_back(kRepo / name);
            name.clear();
        }
        pclose(pipe);
    }
    if (!files.empty()) return files;
    for (auto it = fs::recursive_directory_iterator(kRepo); it != fs::recursive_directory_iterator(); ++it) {
        const std::string leaf = it->path().filename().string();
        if (it->is_directory() && (leaf.rfind('.', 0) == 0 || leaf.rfind("build", 0) == 0)) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
    }
    return files;
}

}  // namespace

TEST_CASE("references: the catalogue loads, finds entries and forms citations", "[references]") {
    const ReferenceCatalogue& c = catalogue();
    CHECK(c.entries().size() >= 40);
    const Reference* wilke = c.find("wilke1999");
    REQUIRE(wilke);
    CHECK(wilke->shortForm() == "Wilke et al. 1999");
    CHECK(wilke->fullForm() ==
          "Wilke HJ, Neef P, Caimi M, Hoogland T, Claes LE (1999). New in vivo measurements of pressures in the "
          "intervertebral disc in daily life. Spine 24(8):755-762.");
    REQUIRE(c.find("roaas1982"));
    CHECK(c.find("roaas1982")->shortForm() == "Roaas & Andersson 1982");
    REQUIRE(c.find("nachemson1981"));
    CHECK(c.find("nachemson1981")->shortForm() == "Nachemson 1981");
    REQUIRE(c.find("esola1996"));
    CHECK(c.find("esola1996")->shortForm() == "Esola et al. 1996");  // first author only in the list
    REQUIRE(c.find("skeletalradiol2009"));
    CHECK(c.find("skeletalradiol2009")->fullForm().find("doi:10.1007/s00256-009-0791-x") != std::string::npos);
    REQUIRE(c.find("lumbarlab-default"));
    CHECK(c.find("lumbarlab-default")->kind == "default");
    CHECK(c.find("lumbarlab-default")->shortForm() == "Documented default");
    CHECK(c.find("rajagopal2016")->venue.find("20a888b") != std::string::npos);  // the model file's version
    CHECK(c.find("no-such-work") == nullptr);
    for (const Reference& r : c.entries()) {
        INFO(r.key);
        CHECK(isReferenceKey(r.key));
        CHECK_FALSE(r.shortForm().empty());
        CHECK_FALSE(r.fullForm().empty());
    }
}

TEST_CASE("references: keys are read from source strings and shown as short citations", "[references]") {
    CHECK(citedKeys("[wilke1999] Table 1") == std::vector<std::string>{"wilke1999"});
    CHECK(citedKeys("[a] x [b-2] y [a] [Not a key] [two words] [] [c") == std::vector<std::string>{"a", "b-2"});
    CHECK(citedKeys("no citation").empty());

    const ReferenceCatalogue& c = catalogue();
    CHECK(displaySource("[wilke1999] Table 1", c) == "Wilke et al. 1999, Table 1");
    CHECK(displaySource("[wilke1999] [nachemson1981] sitting", c) == "Wilke et al. 1999; Nachemson 1981, sitting");
    CHECK(displaySource("[wilke1999]", c) == "Wilke et al. 1999");
    CHECK(displaySource("[wilke1999]: lying", c) == "Wilke et al. 1999: lying");
    CHECK(displaySource("[lumbarlab-default] in place", c) == "Documented default: in place");
    CHECK(displaySource("range 22-77 deg ([edmondston2000])", c) == "range 22-77 deg (Edmondston et al. 2000)");
    CHECK(displaySource("[unknown-key] text", c) == "unknown-key, text");
}

TEST_CASE("references: a malformed catalogue is a one-line error naming the file and the key", "[references]") {
    auto failsWith = [](const std::string& name, const std::string& text, const std::string& expected) {
        const fs::path file = writeTemp(name, text);
        const std::string message = errorOf([&] { (void)ReferenceCatalogue::load(file); });
        INFO(message);
        CHECK(message.find(file.string()) == 0);
        CHECK(message.find(expected) != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    };
    const std::string head = R"({"format": "lumbarlab-references/1", "references": {)";
    failsWith("format.json", R"({"references": {}})", "format");
    failsWith("empty.json", R"({"format": "lumbarlab-references/1", "references": {}})", "non-empty");
    failsWith("title.json",
              head + R"("smith2000": {"kind": "paper", "authors": ["Smith J"], "year": 2000, "venue": "J 1:1"}}})",
              "/references/smith2000: missing \"title\"");
    failsWith(
        "kind.json",
        head + R"("smith2000": {"kind": "blog", "authors": ["Smith J"], "year": 2000, "title": "T", "venue": "V"}}})",
        "/references/smith2000/kind: unknown kind 'blog'");
    failsWith(
        "year.json",
        head +
            R"("smith2000": {"kind": "paper", "authors": ["Smith J"], "year": "2000", "title": "T", "venue": "V"}}})",
        "/references/smith2000/year: must be a whole number or \"n.d.\"");
    failsWith("authors.json",
              head + R"("anon": {"kind": "paper", "authors": [], "year": 2000, "title": "T", "venue": "V"}}})",
              "/references/anon: lists no authors");
    failsWith("key.json", head + R"("Smith 2000": {"kind": "default", "title": "T", "explanation": "E"}}})",
              "/references/Smith 2000: a key is");
    failsWith("default.json", head + R"("my-default": {"kind": "default", "title": "T"}}})",
              "/references/my-default: missing \"explanation\"");
    failsWith("broken.json", "{\"format\": ", "malformed JSON");
}

TEST_CASE("references: every key cited under assets/ has an entry, and every citation names one", "[references]") {
    const ReferenceCatalogue& c = catalogue();
    const auto citations = assetCitations();
    CHECK(citations.size() > 400);
    for (const Citation& cite : citations) {
        INFO(cite.where << ": " << cite.text);
        const auto keys = citedKeys(cite.text);
        CHECK_FALSE(keys.empty());
        for (const std::string& key : keys) CHECK(c.find(key) != nullptr);
    }
}

TEST_CASE("references: every entry is cited by the data or by the bone generator", "[references]") {
    std::set<std::string> cited;
    for (const Citation& cite : assetCitations())
        for (const std::string& key : citedKeys(cite.text)) cited.insert(key);
    for (const auto& e : fs::directory_iterator(kRepo / "tools" / "bonegen" / "src"))
        for (const std::string& key : citedKeys(readText(e.path()))) cited.insert(key);
    for (const Reference& r : catalogue().entries()) {
        INFO(r.key << " is in references.json but nothing cites it");
        CHECK(cited.count(r.key) == 1);
    }
}

TEST_CASE("references: numbers in the data files carry a source; muscle points, wraps and postures too",
          "[references]") {
    std::vector<std::string> missing;
    for (const fs::path& file : dataFiles()) {
        const std::string name = fs::relative(file, kAssets).string();
        if (name.rfind("lessons", 0) == 0) continue;  // key bindings, no data
        const auto root = nlohmann::json::parse(readText(file));
        requireSourcesOnValues(root, name, missing);
    }
    std::string unsourced;
    for (const std::string& where : missing) unsourced += "\n  " + where;
    INFO("values without a source:" << unsourced);
    CHECK(missing.empty());

    // Muscles: each muscle, its fibre length, every point and every declared wrap surface.
    const auto muscles = nlohmann::json::parse(readText(kAssets / "muscles" / "muscles.json"));
    std::size_t points = 0;
    auto keyed = [](const nlohmann::json& node) {
        return node.contains("source") && node["source"].is_string() &&
               !citedKeys(node["source"].get<std::string>()).empty();
    };
    REQUIRE(muscles.contains("wraps"));
    for (const auto& [name, surface] : muscles["wraps"].items()) {
        INFO("wrap surface " << name);
        CHECK(keyed(surface));
    }
    for (const auto& m : muscles["muscles"]) {
        INFO("muscle " << m["id"]);
        CHECK(keyed(m));
        if (m.contains("optimal_fibre_length_mm")) CHECK(keyed(m["optimal_fibre_length_mm"]));
        for (const char* list : {"head", "tail"})
            if (m.contains(list))
                for (const auto& p : m[list]) {
                    CHECK(keyed(p));
                    ++points;
                }
        for (const auto& f : m["fascicles"])
            for (const auto& p : f["points"]) {
                CHECK(keyed(p));
                ++points;
            }
    }
    CHECK(points > 150);  // one side; the left mirrors them

    // Postures: a static one cites every coordinate; a motion cites every coordinate its keys use.
    for (const auto& e : fs::directory_iterator(kAssets / "poses")) {
        const auto pose = nlohmann::json::parse(readText(e.path()));
        INFO(e.path().filename().string());
        if (pose.contains("keyframes")) {
            REQUIRE(pose.contains("sources"));
            for (const auto& key : pose["keyframes"])
                for (const auto& [coordinate, value] : key["coordinates"].items()) {
                    INFO(coordinate);
                    REQUIRE(pose["sources"].contains(coordinate));
                    CHECK_FALSE(citedKeys(pose["sources"][coordinate].get<std::string>()).empty());
                }
        } else {
            for (const auto& [coordinate, entry] : pose["coordinates"].items()) {
                INFO(coordinate);
                CHECK(keyed(entry));
            }
        }
        if (pose.contains("ground")) CHECK(keyed(pose["ground"]));
    }
}

TEST_CASE("references: no file in the repository points outside it for a source", "[references]") {
    // Spelled in pieces so that this file does not match itself.
    const std::vector<std::string> needles{std::string("SCIENCE") + ".md", std::string("..") + "/shared",
                                           std::string("shared") + "/reference"};
    const auto files = repositoryFiles();
    CHECK(files.size() > 50);
    for (const fs::path& file : files) {
        const std::string text = readText(file);
        for (const std::string& needle : needles) {
            INFO(fs::relative(file, kRepo).string() << " mentions " << needle);
            CHECK(text.find(needle) == std::string::npos);
        }
    }
}

TEST_CASE("references: docs/REFERENCES.md is generated from references.json", "[references]") {
    const std::string expected = renderReferencesMarkdown(catalogue());
    CHECK(expected.rfind("<!-- Generated from assets/references.json", 0) == 0);
    CHECK(expected.find("| `wilke1999` | paper | Wilke HJ") != std::string::npos);
    const std::string actual = readText(kRepo / "docs" / "REFERENCES.md");
    if (actual != expected)
        FAIL(
            "docs/REFERENCES.md differs from assets/references.json; regenerate it with "
            "`cmake --build <your build dir> --target update_references` (or run "
            "lumbarlab_references assets/references.json docs/REFERENCES.md) and commit the result");
}

TEST_CASE("evidence: the published pressures load with their sources", "[references][evidence]") {
    const EvidenceData data = loadEvidenceData(kAssets / "biomech" / "evidence.json");
    REQUIRE(data.rows.size() == 4);
    const std::map<std::string, std::pair<double, bool>> expected{{"lying_supine", {0.10, true}},
                                                                  {"neutral_standing", {0.50, true}},
                                                                  {"sitting_relaxed", {0.46, false}},
                                                                  {"standing_bent_forward", {1.10, false}}};
    for (const PublishedPressure& p : data.rows) {
        INFO(p.postureId);
        REQUIRE(expected.count(p.postureId) == 1);
        CHECK(p.publishedMpa == Approx(expected.at(p.postureId).first));
        CHECK(p.calibrated == expected.at(p.postureId).second);
        CHECK(p.level == "l4_l5");
        CHECK(fs::exists(kAssets / "poses" / (p.postureId + ".json")));
        CHECK(citedKeys(p.source).front() == "wilke1999");
        CHECK_FALSE(p.label.empty());
    }
    CHECK(data.rows[2].publishedText == "0.46 MPa (92 %); Nachemson: 140 %");
    CHECK(loadEvidence(kAssets / "biomech" / "evidence.json").size() == 4);

    const auto claim = std::find_if(data.notes.begin(), data.notes.end(),
                                    [](const EvidenceNote& n) { return n.id == "unsourced_sitting_381_lb"; });
    REQUIRE(claim != data.notes.end());
    CHECK_FALSE(claim->sourced);
    CHECK(claim->text.find("381 lb") != std::string::npos);
    CHECK(claim->text.find("124 lbf") != std::string::npos);
}

TEST_CASE("evidence: a malformed file is a one-line error naming the file and the row", "[references][evidence]") {
    auto failsWith = [](const std::string& name, const std::string& rows, const std::string& expected) {
        const fs::path file = writeTemp(name, R"({"format": "lumbarlab-evidence/1", "pressures": )" + rows + "}");
        const std::string message = errorOf([&] { (void)loadEvidence(file); });
        INFO(message);
        CHECK(message.find(file.string()) == 0);
        CHECK(message.find(expected) != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    };
    const std::string ok =
        R"("label": "L", "level": "l4_l5", "published_text": "0.5 MPa", "calibrated": false, "source": "[wilke1999] x")";
    failsWith("empty.json", "[]", "/pressures: must list at least 1 entry");
    failsWith("value.json", R"([{"posture": "p", )" + ok + "}]", "/pressures/0: missing \"published_mpa\"");
    failsWith(
        "level.json",
        R"([{"posture": "p", "published_mpa": 0.5, "label": "L", "level": "l9", "published_text": "t", "calibrated": true, "source": "[a] x"}])",
        "/pressures/0/level: unknown disc level 'l9'");
    failsWith(
        "nokey.json",
        R"([{"posture": "p", "published_mpa": 0.5, "label": "L", "level": "l4_l5", "published_text": "t", "calibrated": true, "source": "Wilke 1999"}])",
        "/pressures/0/source: cites no [key]");
    failsWith("twice.json",
              R"([{"posture": "p", "published_mpa": 0.5, )" + ok + R"(}, {"posture": "p", "published_mpa": 0.5, )" +
                  ok + "}]",
              "pressure row 'p' appears twice");
}

TEST_CASE("muscle data: wrap surfaces are declared once and named by the paths", "[references][muscles]") {
    // A two-bone skeleton is enough to load a muscle file.
    SkeletonDefinition skeleton;
    for (const char* side : {"r", "l"}) {
        BoneDefinition femur;
        femur.id = std::string("femur_") + side;
        femur.parentFrame = femur.id;
        femur.landmarks = {{"femoral_head_centre", {0.0f, 0.0f, 0.0f}}, {"lesser_trochanter", {0.0f, -0.06f, 0.01f}}};
        skeleton.bones.push_back(femur);
        BoneDefinition hip;
        hip.id = std::string("hip_bone_") + side;
        hip.parentFrame = "pelvis";
        skeleton.bones.push_back(hip);
    }
    const std::vector<std::string> frames{"pelvis", "femur_r", "femur_l"};
    auto file = [](const std::string& pathWraps, const std::string& surfaces) {
        return std::string(R"({"format": "lumbarlab-muscles/2", "reference_posture": "neutral_standing", "wraps": )") +
               surfaces + R"(, "muscles": [{"id": "psoas", "name": "Psoas", "group": "hip_flexors", "origin": "o",
               "insertion": "i", "action": "a", "crosses": ["hip"], "source": "[bogduk1992] x", "wraps": )" +
               pathWraps + R"(, "fascicles": [{"points": [
               {"bone": "hip_bone_{side}", "position_mm": [0, 0, 60], "source": "[rajagopal2016] origin"},
               {"bone": "femur_{side}", "landmark": "lesser_trochanter", "source": "[rajagopal2016] insertion"}]}]}]})";
    };
    const std::string head =
        R"({"femoral_head": {"shape": "sphere", "bone": "femur_{side}", "landmark": "femoral_head_centre",
        "radius_mm": 28, "source": "[lumbarlab-default] head plus capsule"}})";

    const MuscleSet set =
        loadMuscleSet(writeTemp("muscles_ok.json", file(R"(["femoral_head"])", head)), skeleton, frames, {});
    REQUIRE(set.paths.size() == 2);
    for (const auto& path : set.paths) {
        REQUIRE(path.wraps.size() == 1);
        CHECK(path.wraps[0].id == std::string("femoral_head_") + sideSuffix(path.side));
        CHECK(path.wraps[0].frame == std::string("femur_") + sideSuffix(path.side));
        CHECK(path.wraps[0].radii.x == Approx(0.028f));
        CHECK(path.wraps[0].forbiddenSide == glm::vec3(0.0f));
    }
    // A per-path option stays on the path.
    const MuscleSet barred =
        loadMuscleSet(writeTemp("muscles_side.json", file(R"([{"surface": "femoral_head", "wrap_side": "-y"}])", head)),
                      skeleton, frames, {});
    CHECK(barred.paths[0].wraps[0].forbiddenSide == glm::vec3(0.0f, 1.0f, 0.0f));

    const fs::path unknown = writeTemp("muscles_unknown.json", file(R"(["femoral_hed"])", head));
    const std::string message = errorOf([&] { (void)loadMuscleSet(unknown, skeleton, frames, {}); });
    CHECK(message == unknown.string() + ": /muscles/0/wraps/0: unknown wrap surface 'femoral_hed'");
    const fs::path option =
        writeTemp("muscles_option.json", file(R"([{"surface": "femoral_head", "radius_mm": 5}])", head));
    CHECK(errorOf([&] { (void)loadMuscleSet(option, skeleton, frames, {}); }).find("a path may set only 'wrap_side'") !=
          std::string::npos);
}
