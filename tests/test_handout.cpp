// The handout data (assets/handouts/*.json): each file loads against the posture library, and a
// broken one is a FileError naming the file and the problem.

#include <catch2/catch.hpp>

#include "lumbarlab/anatomy/handout.h"
#include "lumbarlab/core/file_error.h"
#include "scratch_dir.h"
#include "source_assets.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace lumbarlab;

namespace {

const std::vector<Posture>& postures() {
    static const CoordinateSystem coordinates = CoordinateSystem::load(kAssets / "anatomy" / "coordinates.json");
    static const std::vector<Posture> all = loadPostureLibrary(kAssets / "poses", coordinates);
    return all;
}

std::string errorLoading(const nlohmann::json& doc) {
    const fs::path dir = processScratchDir("lumbarlab_handout_test");
    fs::create_directories(dir);
    const fs::path file = dir / (doc.value("exercise", std::string("x")) + ".json");
    std::ofstream(file) << doc.dump();
    try {
        (void)loadHandout(file, postures());
    } catch (const FileError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("handouts: the three exercises load, with two sentences of why and their poses", "[handout]") {
    const auto all = loadHandoutLibrary(kAssets / "handouts", postures());
    REQUIRE(all.size() == 3);
    CHECK(all[0].exercise == "couch_stretch");
    CHECK(all[0].poses.at("r") == "couch_stretch_r");
    CHECK(all[0].poses.at("l") == "couch_stretch_l");
    CHECK(all[1].exercise == "jefferson_curl");
    CHECK(all[2].exercise == "psoas_curl");
    for (const auto& h : all) {
        CHECK(h.why.size() == 2);
        CHECK_FALSE(h.avoid.empty());
        CHECK(h.start.time < h.end.time);
    }
}

TEST_CASE("handouts: a broken file names the field", "[handout]") {
    std::ifstream in(kAssets / "handouts" / "psoas_curl.json");
    const nlohmann::json good = nlohmann::json::parse(in);
    CHECK(errorLoading(good).empty());

    nlohmann::json bad = good;
    bad["why"]["text"].erase(1);
    CHECK_THAT(errorLoading(bad), Catch::Contains("why.text: 1 lines, expected 2"));
    bad = good;
    bad["end"]["time"] = 99.0;
    CHECK_THAT(errorLoading(bad), Catch::Contains("end.time") && Catch::Contains("past the end of 'psoas_curl'"));
    bad = good;
    bad["poses"]["r"] = "no_such_pose";
    CHECK_THAT(errorLoading(bad), Catch::Contains("no posture 'no_such_pose'"));
    bad = good;
    bad["avoid"]["source"] = "because";
    CHECK_THAT(errorLoading(bad), Catch::Contains("avoid.source: cites no [key]"));
    bad = good;
    bad["camera"] = "sideways";
    CHECK_THAT(errorLoading(bad), Catch::Contains("camera: 'sideways'"));
    // A format that is not a string at all is the same one-line error, not a JSON type error.
    for (const nlohmann::json& format : {nlohmann::json(1), nlohmann::json::array(), nlohmann::json()}) {
        bad = good;
        bad["format"] = format;
        CHECK_THAT(errorLoading(bad), Catch::Contains("format: expected \"lumbarlab-handout/1\""));
    }
}
