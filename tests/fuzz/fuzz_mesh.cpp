// Fuzzes the mesh reader (loadMesh, through Assimp) with a file named by what its bytes look like:
// glTF binary (the built-in bones, the seeds), STL or OBJ. PLY is left out: Debian's Assimp 5.2.5
// overflows a heap buffer in its PLY header parser (fixed upstream in 5.4), a known bug outside
// this project that the fuzzer would otherwise find on every run.
#include "fuzz_support.h"
#include "lumbarlab/io/mesh_loader.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lumbarlab;
    auto startsWith = [&](const char* magic) {
        return size >= std::strlen(magic) && std::memcmp(data, magic, std::strlen(magic)) == 0;
    };
    if (startsWith("ply")) return 0;
    static const auto glb = fuzz::scratchFile("mesh.glb"), stl = fuzz::scratchFile("mesh.stl"),
                      obj = fuzz::scratchFile("mesh.obj");
    const auto& file = startsWith("glTF") ? glb : startsWith("solid") ? stl : obj;
    return fuzz::runOnFile(data, size, file, [](const std::filesystem::path& f) {
        if (!loadMesh(f).isConsistent()) std::abort();  // loadMesh promises a consistent mesh or a FileError
    });
}
