// Validation of the files that refer into the built-in model: muscles.json (bones, landmarks,
// coordinates, fascicle ids) and posture_keys.json (posture ids). Errors name the file and pointer.

#include "builtin_model.h"
#include "lumbarlab/anatomy/model_data.h"
#include "lumbarlab/anatomy/muscle_definition.h"
#include "lumbarlab/biomech/muscle_model.h"
#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/keymap.h"
#include "scratch_dir.h"
#include "source_assets.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

namespace fs = std::filesystem;
using namespace lumbarlab;
using nlohmann::json;

namespace {

/// The shipped file with one edit, under the same name in a scratch folder ("RAW:x" writes x as text).
fs::path mutated(const std::string& rel, const std::function<void(json&)>& edit) {
    json doc = json::parse(std::ifstream(kAssets / rel));
    edit(doc);
    std::string text = doc.dump(2);
    for (auto at = text.find("\"RAW:"); at != std::string::npos; at = text.find("\"RAW:")) {
        const auto end = text.find('"', at + 5);
        text = text.substr(0, at) + text.substr(at + 5, end - at - 5) + text.substr(end + 1);
    }
    const fs::path dir = processScratchDir("lumbarlab_validation_model");
    fs::create_directories(dir);
    const fs::path file = dir / fs::path(rel).filename();
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    return file;
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

void checkMessage(const std::string& message, const fs::path& file, const std::string& pointer,
                  const std::string& fragment) {
    INFO(message);
    CHECK(message.rfind(file.string() + ": " + pointer + ": ", 0) == 0);
    CHECK(message.find(fragment) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
}

MuscleSet loadMuscles(const fs::path& file) {
    std::vector<std::string> frames, coordinates;
    for (const auto& [name, m] : builtinModel().kinematics->solve(SkeletonPose{}).world) frames.push_back(name);
    for (const auto& spec : builtinModel().coordinates.specs()) coordinates.push_back(spec.name);
    return loadMuscleSet(file, builtinModel().skeleton, frames, coordinates);
}

}  // namespace

TEST_CASE("validation: muscles.json positions, sizes, references and fascicle ids", "[validation][muscles]") {
    const std::string rel = "muscles/muscles.json";
    auto fails = [&](const std::function<void(json&)>& edit, const std::string& pointer, const std::string& fragment) {
        const fs::path file = mutated(rel, edit);
        checkMessage(errorOf([&] { (void)loadMuscles(file); }), file, pointer, fragment);
    };
    auto set = [](const std::string& pointer, json value) {
        return [=](json& d) { d[json::json_pointer(pointer)] = value; };
    };
    CHECK(loadMuscles(mutated(rel, [](json&) {})).paths.size() > 40);
    fails(set("/muscles/0/fascicles/0/points/0/offset_mm/1", "x"), "/muscles/0/fascicles/0/points/0/offset_mm/1",
          "must be a finite number, got string");
    fails(set("/muscles/0/fascicles/0/points/0/offset_mm/1", 1e308), "/muscles/0/fascicles/0/points/0/offset_mm/1",
          "between -2000 and 2000");
    fails(set("/muscles/0/fascicles/0/points/0/offset_mm/2", "RAW:1e999"),
          "/muscles/0/fascicles/0/points/0/offset_mm/2", "number overflow");
    fails(set("/muscles/0/tail/0/position_mm", json::array({1, 2})), "/muscles/0/tail/0/position_mm",
          "must be a list of 3 numbers");
    fails(set("/wraps/femoral_head/radius_mm", 0), "/wraps/femoral_head/radius_mm", "between 1 and 500, got 0");
    fails(set("/muscles/0/optimal_fibre_length_mm/value", -116.9), "/muscles/0/optimal_fibre_length_mm/value",
          "between 1 and 1000");
    fails(set("/muscles/0/tail/0/bone", "femur_{side}x"), "/muscles/0/tail/0/bone", "unknown bone 'femur_rx'");
    fails(set("/muscles/0/fascicles/1/id", "psoas_t12"), "/muscles/0/fascicles/1",
          "fascicle id 'psoas_t12' is already used at /muscles/0/fascicles/0");
    fails([](json& d) { d["muscles"].push_back(d["muscles"][1]); },
          "/muscles/" + std::to_string(json::parse(std::ifstream(kAssets / rel))["muscles"].size()) + "/id",
          "muscle id 'iliacus' appears twice");
    fails([](json& d) { d["muscles"][0].erase("crosses"); }, "/muscles/0", "missing \"crosses\"");
}

TEST_CASE("validation: posture_keys.json names postures that exist", "[validation]") {
    const std::string rel = "lessons/posture_keys.json";
    {
        const fs::path file = mutated(rel, [](json& d) { d["keys"]["F3"] = "sitting_nowhere"; });
        checkMessage(errorOf([&] { (void)loadPostureKeys(file, builtinModel()); }), file, "/keys/F3",
                     "names posture 'sitting_nowhere', which does not exist");
    }
    {
        const fs::path file = mutated(rel, [](json& d) { d["keys"]["F3"] = 3; });
        checkMessage(errorOf([&] { (void)loadPostureKeys(file, builtinModel()); }), file, "/keys/F3",
                     "must be a string, got number");
    }
    {
        const fs::path file = mutated(rel, [](json& d) { d["keys"]["F13"] = "walking"; });
        checkMessage(errorOf([&] { (void)loadPostureKeys(file, builtinModel()); }), file, "/keys/F13",
                     "is not one of F1 ... F10, F12");
    }
}
