// The generator library: byte-for-byte determinism and clear errors for bad parameter files.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <catch2/catch.hpp>

#include "generator.hpp"
#include "test_support.hpp"

using namespace bonegen;
using namespace bonegen::test;

namespace {

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path freshTempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("lumbarlab_bonegen_test_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

nlohmann::json paramsDocument() {
    std::ifstream in(LUMBARLAB_SKELETON_PARAMS);
    return nlohmann::json::parse(in);
}

std::string paramErrorFor(const nlohmann::json& document) {
    try {
        (void)SkeletonParams::fromJson(document, "skeleton.json");
    } catch (const lumbarlab::FileError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("bonegen: generation is deterministic (same bytes twice and as at build time)", "[bonegen]") {
    for (const char* bone : {"patella_r", "disc_l4_l5_annulus"}) {
        INFO(bone);
        std::string manifests[2];
        for (int run = 0; run < 2; ++run) {
            GeneratorOptions options;
            options.paramsFile = LUMBARLAB_SKELETON_PARAMS;
            options.outDir = freshTempDir(std::string(bone) + std::to_string(run));
            options.onlyBone = bone;
            const auto bones = runGenerator(options);
            REQUIRE(bones.size() == 1);
            manifests[run] = readBytes(options.outDir / "skeleton_manifest.json");
        }
        CHECK(manifests[0] == manifests[1]);
        for (const char* lod : {".high.glb", ".low.glb"}) {
            const auto dirA =
                std::filesystem::temp_directory_path() / ("lumbarlab_bonegen_test_" + std::string(bone) + "0");
            const auto dirB =
                std::filesystem::temp_directory_path() / ("lumbarlab_bonegen_test_" + std::string(bone) + "1");
            const std::string a = readBytes(dirA / (std::string(bone) + lod));
            CHECK(a.size() > 1000);
            CHECK(a == readBytes(dirB / (std::string(bone) + lod)));
            CHECK(a == readBytes(modelDir() / (std::string(bone) + lod)));  // the build's separate process
        }
    }
}

TEST_CASE("bonegen: repeated runs write identical mesh bytes", "[bonegen]") {
    const char* bone = "patella_l";  // a mirrored bone: exercises the right-side generation too
    std::string high[2], low[2];
    for (int run = 0; run < 2; ++run) {
        GeneratorOptions options;
        options.paramsFile = LUMBARLAB_SKELETON_PARAMS;
        options.outDir = freshTempDir("repeat" + std::to_string(run));
        options.onlyBone = bone;
        runGenerator(options);
        high[run] = readBytes(options.outDir / "patella_l.high.glb");
        low[run] = readBytes(options.outDir / "patella_l.low.glb");
        CHECK(!std::filesystem::exists(options.outDir / "patella_r.high.glb"));  // --only writes just that bone
    }
    REQUIRE(high[0].size() > 1000);
    CHECK(high[0] == high[1]);
    CHECK(low[0] == low[1]);
    // The build ran the executable in another process (with its own thread pool): same bytes.
    CHECK(high[0] == readBytes(modelDir() / "patella_l.high.glb"));
    CHECK(low[0] == readBytes(modelDir() / "patella_l.low.glb"));
}

TEST_CASE("bonegen: parameter validation names the file and the key", "[bonegen]") {
    CHECK(paramErrorFor(paramsDocument()).empty());

    nlohmann::json missing = paramsDocument();
    missing["femur"].erase("head_diameter");
    CHECK(paramErrorFor(missing) == "skeleton.json: key 'femur.head_diameter' is missing");

    nlohmann::json wrongType = paramsDocument();
    wrongType["vertebrae"]["l3"]["endplate_width"]["value"] = "44.1";
    CHECK(paramErrorFor(wrongType) == "skeleton.json: key 'vertebrae.l3.endplate_width' needs a numeric \"value\"");

    nlohmann::json wrongUnit = paramsDocument();
    wrongUnit["pelvis"]["acetabular_inclination"]["unit"] = "rad";
    CHECK(paramErrorFor(wrongUnit).find("'pelvis.acetabular_inclination' has unit 'rad', expected 'deg'") !=
          std::string::npos);

    nlohmann::json noSource = paramsDocument();
    noSource["discs"]["l4_l5"]["anterior_height"]["source"] = "";
    CHECK(paramErrorFor(noSource).find("'discs.l4_l5.anterior_height' needs a non-empty string \"source\"") !=
          std::string::npos);

    nlohmann::json notObject = paramsDocument();
    notObject["sacrum"]["sacral_slope"] = 39.5;
    CHECK(paramErrorFor(notObject).find("'sacrum.sacral_slope' must be an object") != std::string::npos);
}

TEST_CASE("bonegen: every parameter cites a source", "[bonegen]") {
    for (const ParamSpec& spec : requiredParams()) {
        INFO(spec.key);
        CHECK_NOTHROW(params().value(spec.key));
    }
    // Citations are either a reference or an explicitly documented default, both by key
    // (assets/references.json).
    const std::string text = paramsDocument().dump();
    CHECK(text.find("[panjabi1992]") != std::string::npos);
    CHECK(text.find("[lumbarlab-default] ") != std::string::npos);
}

TEST_CASE("bonegen: the command line reports a bad parameter file in one line and exits non-zero", "[bonegen]") {
    const auto dir = freshTempDir("cli");
    nlohmann::json broken = paramsDocument();
    broken["tibia"].erase("length");
    {
        std::ofstream out(dir / "broken.json");
        out << broken.dump();
    }
    const std::string command = std::string("\"") + LUMBARLAB_BONEGEN_EXE + "\" --params \"" +
                                (dir / "broken.json").string() + "\" --out \"" + (dir / "out").string() + "\" > \"" +
                                (dir / "log.txt").string() + "\" 2>&1";
    const int status = std::system(command.c_str());
    CHECK(status != 0);
    const std::string log = readBytes(dir / "log.txt");
    CHECK(log.find("broken.json: key 'tibia.length' is missing") != std::string::npos);
    CHECK(std::count(log.begin(), log.end(), '\n') == 1);

    const std::string unknown = std::string("\"") + LUMBARLAB_BONEGEN_EXE + "\" --params \"" +
                                LUMBARLAB_SKELETON_PARAMS + "\" --out \"" + (dir / "out2").string() +
                                "\" --only no_such_bone > \"" + (dir / "log2.txt").string() + "\" 2>&1";
    CHECK(std::system(unknown.c_str()) != 0);
    CHECK(readBytes(dir / "log2.txt").find("unknown bone id 'no_such_bone'") != std::string::npos);
}
