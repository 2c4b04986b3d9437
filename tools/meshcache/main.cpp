// lumbarlab-meshcache: writes the binary cache ("<mesh>.llmesh") beside each mesh file, so the app
// reads positions, normals and indices directly instead of importing glTF through Assimp at every
// start. Run at build time after the bone meshes are generated; see include/lumbarlab/io/mesh_loader.h.
//
//   lumbarlab-meshcache <folder-or-file>...   (a folder: every .glb and .gltf file in it)

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/mesh_loader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: lumbarlab-meshcache <folder-or-mesh-file>...\n");
        return 2;
    }
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (const auto& entry : fs::directory_iterator(arg, ec)) {
                const std::string ext = entry.path().extension().string();
                if (entry.is_regular_file() && (ext == ".glb" || ext == ".gltf")) files.push_back(entry.path());
            }
            if (ec) {
                std::fprintf(stderr, "lumbarlab-meshcache: %s: cannot list folder: %s\n", arg.c_str(),
                             ec.message().c_str());
                return 1;
            }
        } else {
            files.push_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    int failures = 0;
    for (const auto& file : files) {
        try {
            lumbarlab::writeMeshCache(lumbarlab::loadMeshWithAssimp(file), file, lumbarlab::meshCachePath(file));
        } catch (const lumbarlab::FileError& e) {
            std::fprintf(stderr, "lumbarlab-meshcache: %s\n", e.what());
            ++failures;
        }
    }
    std::printf("lumbarlab-meshcache: %zu of %zu meshes cached\n", files.size() - std::size_t(failures), files.size());
    return failures == 0 ? 0 : 1;
}
