#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/atomic_file.h"
#include "lumbarlab/io/png_writer.h"
#include "scratch_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace lumbarlab;
namespace fs = std::filesystem;

namespace {
std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST_CASE("atomic: a failed write leaves the old file and no temporary behind", "[io]") {
    const fs::path dir = processScratchDir("lumbarlab_atomic");
    fs::create_directories(dir);
    const fs::path target = dir / "notes.txt";
    writeTextAtomically(target, "first");
    CHECK(readAll(target) == "first");
    CHECK_THROWS_AS(writeFileAtomically(target,
                                        [](const fs::path& temp) {
                                            std::ofstream(temp) << "half";
                                            return false;  // the writer reports failure midway
                                        }),
                    FileError);
    CHECK(readAll(target) == "first");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
    writeTextAtomically(target, "second");
    CHECK(readAll(target) == "second");
    fs::remove_all(dir);
}

TEST_CASE("atomic: a missing folder is a one-line error naming the file", "[io]") {
    Image image{2, 2, std::vector<std::uint8_t>(16, 255)};
    try {
        writePng("/no/such/folder/shot.png", image);
        FAIL("expected an error");
    } catch (const FileError& e) {
        CHECK(std::string(e.what()).rfind("/no/such/folder/shot.png: ", 0) == 0);
    }
}
