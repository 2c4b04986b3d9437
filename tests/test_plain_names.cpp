// Patient mode's plain names: the table loads, every bad file is named with its JSON path, sides
// and prefixes are stripped for the look-up, and changes read as words.

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/view/panel_builder.h"
#include "lumbarlab/view/plain_names.h"
#include "scratch_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using namespace lumbarlab;

namespace {

struct NamesDir {
    fs::path dir = processScratchDir("lumbarlab_plain_names_test");
    NamesDir() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~NamesDir() { fs::remove_all(dir); }
    NamesDir(const NamesDir&) = delete;
    NamesDir& operator=(const NamesDir&) = delete;
    [[nodiscard]] fs::path write(const std::string& text) const {
        const fs::path file = dir / "plain_names.json";
        std::ofstream(file) << text;
        return file;
    }
};

std::string table(const std::string& names, const std::string& extra = "") {
    return R"({"format": "lumbarlab-plain-names/1", "description": "test", )" + extra + R"("names": {)" + names + "}}";
}

}  // namespace

TEST_CASE("plain names: look-up by structure, side kept, prefix dropped", "[unit][patient]") {
    const NamesDir tmp;
    const PlainNameTable names = PlainNameTable::load(tmp.write(
        table(R"json("psoas": "hip flexor (psoas)", "disc_l4_l5": "disc between L4 and L5", "l4": "bone L4")json")));
    CHECK(names.size() == 3);
    CHECK(names.of("muscle_psoas_r") == "hip flexor (psoas), right");
    CHECK(names.of("muscle_psoas_l") == "hip flexor (psoas), left");
    CHECK(names.of("l4") == "bone L4");
    CHECK(names.ofDisc(4) == "disc between L4 and L5");
    CHECK_FALSE(names.ofDisc(5));
    CHECK_FALSE(names.ofDisc(99));
    CHECK_FALSE(names.of("femur_r"));
    CHECK(PlainNameTable::keyOf("muscle_rectus_femoris_l") == "rectus_femoris");
    CHECK(PlainNameTable::keyOf("hip_bone_r") == "hip_bone");
    CHECK(PlainNameTable::keyOf("sacrum") == "sacrum");
}

TEST_CASE("plain names: bad tables name the file and the JSON path", "[unit][patient]") {
    const NamesDir tmp;
    const std::vector<std::pair<std::string, std::string>> bad = {
        {table(R"("psoas": "")"), "/names/psoas: must not be empty"},
        {table(R"("psoas": 3)"), "/names/psoas: must be a string"},
        {table(R"("psoas": "psoas_major")"), "/names/psoas: must be plain words"},
        {table(R"("psoas": ")" + std::string(61, 'a') + "\""), "/names/psoas: is 61 characters, at most 60"},
        {table(""), "/names: must name at least one structure"},
        {table(R"("psoas": "hip flexor")", R"("colour": 1, )"), "/colour: unknown field"},
        {R"({"format": "lumbarlab-plain-names/2", "names": {"psoas": "x"}})", "/format: must be"},
        {R"({"format": "lumbarlab-plain-names/1"})", "missing \"names\""},
        {R"({"format": "lumbarlab-plain-names/1", "names": [1]})", "/names: must be an object"},
        {"{ not json", "plain_names.json"},
    };
    for (const auto& [text, expected] : bad) {
        INFO(text);
        const fs::path file = tmp.write(text);
        try {
            (void)PlainNameTable::load(file);
            FAIL("loaded a bad table");
        } catch (const FileError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find("plain_names.json") != std::string::npos);
            CHECK(what.find(expected) != std::string::npos);
        }
    }
    CHECK_THROWS_AS(PlainNameTable::load(tmp.dir / "missing.json"), FileError);
}

TEST_CASE("patient words: length changes and disc pressure in plain words", "[unit][patient]") {
    CHECK(lengthChangeWords(0.0) == "about the same");
    CHECK(lengthChangeWords(-1.9) == "about the same");
    CHECK(lengthChangeWords(3.0) == "a little longer");
    CHECK(lengthChangeWords(-3.0) == "a little shorter");
    CHECK(lengthChangeWords(10.0) == "longer");
    CHECK(lengthChangeWords(-10.0) == "shorter");
    CHECK(lengthChangeWords(15.0) == "much longer");
    CHECK(lengthChangeWords(-22.0) == "much shorter");
    CHECK(pressureWords(0.3, 0.5) == "less than standing");
    CHECK(pressureWords(0.5, 0.5) == "about as much as standing");
    CHECK(pressureWords(0.7, 0.5) == "more than standing");
    CHECK(pressureWords(1.0, 0.5) == "much more than standing");
    CHECK(pressureWords(1.0, 0.0).empty());
}
