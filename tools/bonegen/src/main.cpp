// lumbarlab-bonegen: generates the default skeleton's bone meshes and manifest from skeleton.json.

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "generator.hpp"

namespace {

int run(int argc, char** argv) {
    CLI::App app{"Generate Lumbar Lab bone meshes (.glb, two LODs) and skeleton_manifest.json"};
    std::string params;
    std::string out;
    std::string only;
    app.add_option("--params", params, "skeleton parameter file (assets/anatomy/skeleton.json)")->required();
    app.add_option("--out", out, "output directory")->required();
    app.add_option("--only", only, "generate only this bone id (e.g. femur_r, l3, disc_l4_l5_annulus)");
    CLI11_PARSE(app, argc, argv);

    try {
        bonegen::GeneratorOptions options;
        options.paramsFile = params;
        options.outDir = out;
        if (!only.empty()) options.onlyBone = only;
        options.log = [](const std::string& line) { std::cout << line << '\n' << std::flush; };
        const auto start = std::chrono::steady_clock::now();
        const auto bones = bonegen::runGenerator(options);
        std::size_t high = 0, low = 0;
        bool watertight = true;
        for (const auto& b : bones) {
            high += b.high.triangleCount();
            low += b.low.triangleCount();
            watertight = watertight && b.highTopology.watertight() && b.lowTopology.watertight();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%zu meshes: high %zu tris, low %zu tris, %.1f s -> %s\n", bones.size(), high, low, seconds,
                    out.c_str());
        if (!watertight) {
            std::cerr << "lumbarlab-bonegen: some meshes are not watertight (see WARNING lines)\n";
            return 2;
        }
    } catch (const std::exception& e) {
        std::cerr << "lumbarlab-bonegen: " << e.what() << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (...) {  // anything that escaped run(): still one line, never a crash
        std::cerr << "lumbarlab-bonegen: unexpected error\n";
        return 1;
    }
}
