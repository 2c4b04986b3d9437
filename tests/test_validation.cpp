// Data that is validated, not trusted: each shipped file kind with one bad value at a time. Every
// error is one line that names the file and the JSON pointer of the bad value.

#include "lumbarlab/anatomy/body_figure.h"
#include "lumbarlab/anatomy/bone_info.h"
#include "lumbarlab/anatomy/coordinates.h"
#include "lumbarlab/anatomy/json_checked.h"
#include "lumbarlab/anatomy/posture.h"
#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/anatomy/skeleton_manifest.h"
#include "lumbarlab/biomech/disc_model.h"
#include "lumbarlab/biomech/evidence.h"
#include "lumbarlab/core/file_error.h"
#include "scratch_dir.h"
#include "source_assets.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace fs = std::filesystem;
using namespace lumbarlab;
using nlohmann::json;

namespace {

fs::path scratch() {
    static const fs::path dir = processScratchDir("lumbarlab_validation");
    fs::create_directories(dir);
    return dir;
}

/// The shipped file `rel` with `edit` applied to it, written to a scratch folder under the same name.
/// A value set to the string "RAW:..." is written as the raw text after the colon (1e999 is not JSON
/// nlohmann can hold, so it goes in as text).
fs::path mutated(const std::string& rel, const std::function<void(json&)>& edit) {
    json doc = json::parse(std::ifstream(kAssets / rel));
    edit(doc);
    std::string text = doc.dump(2);
    for (auto at = text.find("\"RAW:"); at != std::string::npos; at = text.find("\"RAW:")) {
        const auto end = text.find('"', at + 5);
        text = text.substr(0, at) + text.substr(at + 5, end - at - 5) + text.substr(end + 1);
    }
    const fs::path file = scratch() / fs::path(rel).filename();
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    return file;
}

/// Sets the value at a JSON pointer.
std::function<void(json&)> set(const std::string& pointer, json value) {
    return [=](json& d) { d[json::json_pointer(pointer)] = value; };
}
/// Removes the member at a JSON pointer.
std::function<void(json&)> erase(const std::string& pointer) {
    return [=](json& d) {
        const json::json_pointer p(pointer);
        d[p.parent_pointer()].erase(p.back());
    };
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const FileError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("not a FileError: ") + e.what();
    }
    return "no error";
}

/// The message is one line: "<file>: <pointer>: <...fragment...>".
void checkMessage(const std::string& message, const fs::path& file, const std::string& pointer,
                  const std::string& fragment) {
    INFO(message);
    CHECK(message.rfind(file.string() + ": " + pointer + ": ", 0) == 0);
    CHECK(message.find(fragment) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
}

const CoordinateSystem& shippedCoordinates() {
    static const CoordinateSystem c = CoordinateSystem::load(kAssets / "anatomy/coordinates.json");
    return c;
}

}  // namespace

TEST_CASE("checked JSON: numbers are typed, finite and in range; pointers escape ~ and /", "[validation]") {
    const fs::path file = "data.json";
    const json doc = json::parse(R"({"a": {"b/c": [1, "x", -2, 1e308], "~t": true}})");
    const JsonValue<> root(file, doc);
    CHECK(root["a"]["b/c"][0].number(NumberRange::fraction()) == 1.0);
    checkMessage(errorOf([&] { (void)root["a"]["b/c"][1].number(); }), file, "/a/b~1c/1",
                 "must be a finite number, got string");
    checkMessage(errorOf([&] { (void)root["a"]["b/c"][2].number(NumberRange::nonNegative()); }), file, "/a/b~1c/2",
                 "must be a finite number >= 0, got -2");
    checkMessage(errorOf([&] { (void)root["a"]["b/c"][3].number(NumberRange::positive(10.0)); }), file, "/a/b~1c/3",
                 "must be a finite number > 0 and <= 10, got 1e+308");
    checkMessage(errorOf([&] { (void)root["a"]["~t"].number(); }), file, "/a/~0t", "got boolean");
    checkMessage(errorOf([&] { (void)root["a"]["missing"]; }), file, "/a", "missing \"missing\"");
    checkMessage(errorOf([&] { (void)root["a"]["b/c"][9]; }), file, "/a/b~1c", "has no element 9");
    CHECK(NumberRange::between(0.0, 1.0).describe() == "a finite number between 0 and 1");
    CHECK_FALSE(NumberRange::fraction().contains(std::nan("")));
}

TEST_CASE("checked JSON: 1e999 and repeated keys name their JSON pointer", "[validation]") {
    const fs::path file = "x.json";
    checkMessage(errorOf([&] { (void)parseJsonText(R"({"m": [{"o": [1, 1e999]}]})", file); }), file, "/m/0/o/1",
                 "number overflow parsing '1e999'");
    checkMessage(errorOf([&] { (void)parseJsonText(R"({"refs": {"a": 1, "b": 2, "a": 3}})", file); }), file, "/refs/a",
                 "appears twice");
    const std::string broken = errorOf([&] { (void)parseJsonText(R"({"m": [1, )", file); });
    CHECK(broken.rfind("x.json: malformed JSON: parse error at line 1", 0) == 0);
    CHECK(parseOrderedJsonText(R"({"z": 1, "a": 2})", file).begin().key() == "z");  // order kept
}

TEST_CASE("validation: body.json masses, fractions and lengths", "[validation]") {
    const std::string rel = "anatomy/body.json";
    auto fails = [&](const std::function<void(json&)>& edit, const std::string& pointer, const std::string& fragment) {
        const fs::path file = mutated(rel, edit);
        checkMessage(errorOf([&] { (void)loadBodyParameters(file); }), file, pointer, fragment);
    };
    CHECK_NOTHROW(loadBodyParameters(mutated(rel, [](json&) {})));
    fails(set("/segments/thorax/mass_fraction", -0.2), "/segments/thorax/mass_fraction", "between 0 and 1, got -0.2");
    fails(set("/segments/abdomen/mass_fraction", 1.5), "/segments/abdomen/mass_fraction", "got 1.5");
    fails(set("/segments/thorax/mass_fraction", 0.9), "/segments", "add up to");
    fails(set("/subject/mass_kg/value", -70), "/subject/mass_kg/value", "> 0");
    fails(set("/subject/mass_kg/value", "NaN"), "/subject/mass_kg/value", "must be a finite number, got string");
    fails(set("/shapes/thorax_height/value", 1e308), "/shapes/thorax_height/value", "got 1e+308");
    fails(set("/shapes/thorax_height/value", 0), "/shapes/thorax_height/value", "between 0.001 and 1.5");
    fails(set("/shapes/thorax_depth/value", "RAW:1e999"), "/shapes/thorax_depth/value", "number overflow");
    fails(erase("/shapes/neck_length"), "/shapes", "missing \"neck_length\"");
    fails(set("/segments/arm", json::array()), "/segments/arm", "must be an object, got array");
}

TEST_CASE("validation: coordinates.json limits and lumbar shares", "[validation]") {
    const std::string rel = "anatomy/coordinates.json";
    auto fails = [&](const std::function<void(json&)>& edit, const std::string& pointer, const std::string& fragment) {
        const fs::path file = mutated(rel, edit);
        checkMessage(errorOf([&] { (void)CoordinateSystem::load(file); }), file, pointer, fragment);
    };
    fails(set("/coordinates/knee_angle/max", 1e308), "/coordinates/knee_angle/max", "between -180 and 180");
    fails(set("/coordinates/pelvis_tx/min", -100), "/coordinates/pelvis_tx/min", "between -10 and 10");
    fails(set("/coordinates/knee_angle/min", 160), "/coordinates/knee_angle", "needs min < max");
    fails(set("/coordinates/knee_angle/unit", "rad"), "/coordinates/knee_angle/unit", "\"deg\" or \"m\"");
    fails(set("/coordinates/hip_flexion/min", "-30"), "/coordinates/hip_flexion/min", "got string");
    fails(set("/lumbar_share/levels/l4_l5/value", -0.1), "/lumbar_share/levels/l4_l5/value", "between 0 and 1");
    fails(set("/lumbar_share/levels/l4_l5/value", 0.5), "/lumbar_share/levels", "must add up to 1");
    fails(erase("/lumbar_share/levels/l3_l4"), "/lumbar_share/levels", "missing \"l3_l4\"");
}

TEST_CASE("validation: disc_model.json areas, depths, rates and moment arms", "[validation]") {
    const std::string rel = "biomech/disc_model.json";
    auto fails = [&](const std::function<void(json&)>& edit, const std::string& pointer, const std::string& fragment) {
        const fs::path file = mutated(rel, edit);
        checkMessage(errorOf([&] { (void)loadDiscModelParameters(file); }), file, pointer, fragment);
    };
    CHECK_NOTHROW(loadDiscModelParameters(mutated(rel, [](json&) {})));
    fails(set("/disc_area_mm2/l4_l5/value", 0), "/disc_area_mm2/l4_l5/value", "between 100 and 10000, got 0");
    fails(set("/disc_depth_mm/l5_s1/value", 1e308), "/disc_depth_mm/l5_s1/value", "between 5 and 100");
    fails(set("/bulge_per_deg_mm/value", 1e308), "/bulge_per_deg_mm/value", "between 0 and 10, got 1e+308");
    fails(set("/bulge_per_deg_mm/value", -1), "/bulge_per_deg_mm/value", "between 0 and 10, got -1");
    fails(set("/segment_range_deg/value", 0), "/segment_range_deg/value", "between 1 and 90");
    fails(set("/extensor_moment_arm_m/value", true), "/extensor_moment_arm_m/value", "got boolean");
    fails(set("/posterior_annulus_fraction/value", 0), "/posterior_annulus_fraction/value", "between 0.01 and 1");
    fails(erase("/resting_tone_n/value"), "/resting_tone_n", "missing \"value\"");
}

TEST_CASE("validation: posture files, keyframes and ids unique across files", "[validation]") {
    auto fails = [&](const std::string& rel, const std::function<void(json&)>& edit, const std::string& pointer,
                     const std::string& fragment) {
        const fs::path file = mutated(rel, edit);
        checkMessage(errorOf([&] { (void)loadPosture(file, shippedCoordinates()); }), file, pointer, fragment);
    };
    fails("poses/sitting_relaxed.json", set("/coordinates/hip_flexion_r/value", 500),
          "/coordinates/hip_flexion_r/value", "outside its limits");
    fails("poses/sitting_relaxed.json", set("/coordinates/hip_flexion_r/value", "NaN"),
          "/coordinates/hip_flexion_r/value", "got string");
    fails("poses/walking.json", set("/keyframes/1/coordinates/knee_angle_l", "RAW:1e999"),
          "/keyframes/1/coordinates/knee_angle_l", "number overflow");
    fails("poses/walking.json", set("/keyframes/2/time", -1), "/keyframes/2/time", "between 0 and 3600");
    fails("poses/walking.json", set("/duration", 0.1), "/duration", "shorter than the last keyframe");
    fails("poses/walking.json", set("/loop", "yes"), "/loop", "must be true or false");
    fails("poses/walking.json", set("/ground/height", 1e308), "/ground/height", "between -1 and 2");
    fails("poses/sitting_relaxed.json", set("/props/0", 3), "/props/0", "must be a string, got number");
    fails("poses/couch_stretch_r.json", set("/targets/0/expect", 7), "/targets/0/expect", "must be a string");
    {
        const fs::path file = mutated("poses/neutral_standing.json", set("/segment_lordosis_deg/l4_l5/value", 1e308));
        checkMessage(errorOf([&] { (void)loadSpineBaseline(file); }), file, "/segment_lordosis_deg/l4_l5/value",
                     "between -45 and 45");
    }

    // Two files with one id: whichever the directory lists first, the error names both.
    const fs::path dir = scratch() / "library";
    fs::create_directories(dir);
    fs::copy_file(kAssets / "poses/walking.json", dir / "walking.json", fs::copy_options::overwrite_existing);
    fs::copy_file(kAssets / "poses/sitting_relaxed.json", dir / "sitting_relaxed.json",
                  fs::copy_options::overwrite_existing);
    std::ofstream(dir / "zz_walking_copy.json") << std::ifstream(kAssets / "poses/walking.json").rdbuf();
    const std::string message = errorOf([&] { (void)loadPostureLibrary(dir, shippedCoordinates()); });
    INFO(message);
    CHECK(message.rfind((dir / "zz_walking_copy.json").string() + ": posture id 'walking' is already used by " +
                            (dir / "walking.json").string(),
                        0) == 0);
    fs::remove(dir / "zz_walking_copy.json");
    CHECK(loadPostureLibrary(dir, shippedCoordinates()).size() == 2);
}

TEST_CASE("validation: evidence, references and bone info", "[validation]") {
    {
        const fs::path file = mutated("biomech/evidence.json", set("/pressures/1/published_mpa", -0.5));
        checkMessage(errorOf([&] { (void)loadEvidenceData(file); }), file, "/pressures/1/published_mpa", "> 0");
    }
    {
        const fs::path file = mutated("biomech/evidence.json", set("/pressures/0/calibrated", 1));
        checkMessage(errorOf([&] { (void)loadEvidenceData(file); }), file, "/pressures/0/calibrated",
                     "must be true or false, got number");
    }
    {
        const fs::path file = mutated("biomech/evidence.json", [](json& d) { d["notes"].push_back(d["notes"][0]); });
        const std::size_t last = json::parse(std::ifstream(file))["notes"].size() - 1;
        checkMessage(errorOf([&] { (void)loadEvidenceData(file); }), file, "/notes/" + std::to_string(last) + "/id",
                     "appears twice");
    }
    {
        const fs::path file = mutated("references.json", set("/references/wilke1999/year", 1e308));
        checkMessage(errorOf([&] { (void)ReferenceCatalogue::load(file); }), file, "/references/wilke1999/year",
                     "must be a whole number");
    }
    {
        const fs::path file = mutated("references.json", set("/references/wilke1999/year", 99999));
        checkMessage(errorOf([&] { (void)ReferenceCatalogue::load(file); }), file, "/references/wilke1999/year",
                     "between 1000 and 2100");
    }
    {
        const fs::path file = mutated("references.json", set("/references/wilke1999/authors/0", 5));
        checkMessage(errorOf([&] { (void)ReferenceCatalogue::load(file); }), file, "/references/wilke1999/authors/0",
                     "got number");
    }
    {
        const fs::path file = mutated("anatomy/bone_info.json", set("/entries/sacrum/kind", 3));
        checkMessage(errorOf([&] { (void)BoneInfoCatalogue::load(file); }), file, "/entries/sacrum/kind",
                     "must be a string, got number");
    }
}

TEST_CASE("validation: the skeleton manifest names the pointer of an overflowing number", "[validation]") {
    const std::string message = errorOf(
        [] { (void)skeletonManifestFromJson(R"({"format": "lumbarlab-skeleton/2", "x": [1e999]})", "m.json"); });
    CHECK(message == "m.json: /x/0: number overflow parsing '1e999' (not a finite number)");
}
