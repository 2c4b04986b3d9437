#include "mesh_options.h"

#include "lumbarlab/io/mesh_import.h"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace lumbarlab {
namespace {

/// Checks FILE[:OPTIONS]: the options parse and the file exists.
std::string checkSpec(const std::string& spec) {
    try {
        const MeshSource s = parseMeshSpec(spec);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(s.file, ec)) return "no such file: " + s.file.string();
    } catch (const MeshSpecError& e) {
        return e.what();
    }
    return {};
}

std::size_t given(const CLI::App& command, const std::string& name) {
    const CLI::Option* option = command.get_option_no_throw(name);
    return option ? option->count() : 0;
}

}  // namespace

void addMeshOptions(CLI::App* command, MeshOptions& options) {
    command
        ->add_option("--mesh", options.meshes,
                     "Mesh file(s) to show instead of the built-in model (glTF, OBJ, STL, PLY), each optionally "
                     "FILE:units=mm:up=z:s=K:rx=DEG:ry=DEG:rz=DEG:t=X,Y,Z:name=TEXT:colour=RRGGBB")
        ->check(CLI::Validator(checkSpec, "FILE[:OPTION...]"));
    command
        ->add_option("--scene", options.scene,
                     "Scene file (JSON): mesh files with units, up axis, transform, colour, name")
        ->check(CLI::ExistingFile);
    command->add_option("--units", options.units, "Units of mesh files that do not say: mm, cm, m or auto (default)")
        ->check(CLI::IsMember({"mm", "cm", "m", "auto"}));
    command->add_option("--up", options.up, "Up axis of mesh files that do not say: y (default), z, -y, -z, x, -x")
        ->check(CLI::IsMember({"y", "z", "-y", "-z", "x", "-x"}));
    command
        ->add_option("--replace", options.replace,
                     "Show a bone of the built-in model from a file: BONE=FILE[:OPTION...], registered onto the "
                     "built-in bone (landmarks from FILE.landmarks.json, else ICP) (repeatable)")
        ->check(CLI::Validator(
            [](const std::string& spec) -> std::string {
                const std::size_t eq = spec.find('=');
                if (eq == std::string::npos || eq == 0) return "expected BONE=FILE, e.g. femur_r=femur.stl";
                return checkSpec(spec.substr(eq + 1));
            },
            "BONE=FILE"));
    command
        ->add_option("--replace-limit-mm", options.replaceLimitMm,
                     "Refuse a --replace fit whose surface residual (RMS) is over this (default 10 mm)")
        ->check(CLI::Range(0.01, 1000.0));
}

std::string meshOptionConflict(const CLI::App& command, const MeshOptions& options) {
    const std::string prefix = "lumbarlab " + command.get_name() + ": ";
    const bool files = options.showsFiles();
    if (files && !options.replace.empty())
        return prefix +
               "--replace puts files into the built-in model; --mesh and --scene show files instead of it: "
               "use one or the other";
    if (!files && options.replace.empty() && (given(command, "--units") || given(command, "--up")))
        return prefix + "--units and --up apply to --mesh, --scene or --replace files, and none is given";
    if (given(command, "--replace-limit-mm") && options.replace.empty())
        return prefix + "--replace-limit-mm applies to --replace, which is not given";
    if (files)
        for (const char* name : {"--pose", "--time", "--set", "--landmarks", "--pressure", "--hide"})
            if (given(command, name))
                return prefix + name +
                       " applies to the built-in model, not to --mesh or --scene files (use --replace BONE=FILE to see "
                       "a file in the model)";
    return {};
}

}  // namespace lumbarlab
