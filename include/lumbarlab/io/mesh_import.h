#pragma once
// Mesh files someone brought: which file, in what units, which axis is up, where it goes (a
// per-file transform), its name and colour; from `--mesh FILE[:OPTION...]` or a scene file. The
// import reads the file in a child process (isolated_import.h) and turns it into the world frame:
// metres, y up (x anterior, z to the subject's right).
//
// `--mesh` options follow the file name, each after a colon, for example
//   pelvis.stl:units=mm:up=z:rx=90:t=0,0.9,0:name=Pelvis:colour=d9c7a0
// units=mm|cm|m|auto, up=y|z|-y|-z|x|-x, name=TEXT, colour=RRGGBB (sRGB hex), and the transform
// steps s=K (uniform scale), rx=/ry=/rz=DEGREES (rotation about a world axis) and t=X,Y,Z
// (translation in metres), applied left to right after the units and the up axis.

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/core/mesh.h"

#include <glm/glm.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lumbarlab {

enum class LengthUnits { Auto, Millimetres, Centimetres, Metres };
enum class UpAxis { PlusY, PlusZ, MinusY, MinusZ, PlusX, MinusX };

[[nodiscard]] std::optional<LengthUnits> lengthUnitsFromString(std::string_view text);  ///< mm, cm, m, auto
[[nodiscard]] std::string_view toString(LengthUnits units);                             ///< mm, cm, m, auto
[[nodiscard]] double metresPer(LengthUnits units);                                      ///< 0.001, 0.01, 1 (auto: 1)
[[nodiscard]] std::optional<UpAxis> upAxisFromString(std::string_view text);            ///< y, z, -y, -z, x, -x
[[nodiscard]] std::string_view toString(UpAxis up);
/// The rotation that turns a file's up axis into +y: z: -90 deg about x; -z: +90 deg about x;
/// -y: 180 deg about x; x: +90 deg about z; -x: -90 deg about z.
[[nodiscard]] glm::dmat3 upRotation(UpAxis up);

/// The largest extent (in the file's units) above which auto reads a file as millimetres, else as
/// metres. No whole human bone or body is 5 m long; no bone but a loose ossicle is under 5 mm.
inline constexpr double kAutoMillimetreExtent = 5.0;
/// What auto decides for a file whose bounds are `bounds` (millimetres or metres, never cm).
[[nodiscard]] LengthUnits autoUnits(const Bounds& bounds);

/// One file to show and how.
struct MeshSource {
    std::filesystem::path file;
    std::optional<LengthUnits> units;  ///< unset: the command's --units
    std::optional<UpAxis> up;          ///< unset: the command's --up
    glm::dmat4 transform{1.0};         ///< after units and up; metres
    std::string name;                  ///< display name; empty: from the file name
    std::optional<glm::vec3> colour;   ///< sRGB 0..1; unset: the next colour of the palette
    std::string origin;                ///< where it was given, for messages ("--mesh", "scene.json: /meshes/1")
};

/// A --mesh or --replace value that cannot be read; what() is one line.
class MeshSpecError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// Parses `FILE[:OPTION...]` (see above). The file is the text before the first ':' that starts a
/// known option (so a name with a colon in it still works); its existence is not checked here.
[[nodiscard]] MeshSource parseMeshSpec(const std::string& spec);

/// Reads a scene file (JSON, see README "Scene files"): {"units", "up", "meshes": [{"file", "name",
/// "colour", "units", "up", "scale", "rotate_deg", "translate_m"}]}. Relative file names are
/// relative to the scene file. Every defect throws FileError naming the file and the JSON path.
[[nodiscard]] std::vector<MeshSource> loadSceneFile(const std::filesystem::path& file);

/// A file turned into the world frame.
struct ImportedMesh {
    MeshData mesh;               ///< metres, y up, transform applied
    LengthUnits units{};         ///< the units used (never Auto)
    bool unitsWereAuto = false;  ///< chosen by autoUnits
    double extentInFileUnits = 0.0;
    glm::dmat4 toWorld{1.0};  ///< file coordinates -> world (units, up, transform)
};

/// Reads `source.file` in a child process and applies units, up axis and transform. Throws
/// FileError naming the file (unreadable, importer crash or hang, not finite, empty).
[[nodiscard]] ImportedMesh importMesh(const MeshSource& source, LengthUnits units, UpAxis up,
                                      std::chrono::milliseconds timeout);

/// Applies an affine map to positions and normals (normals by the inverse transpose, renormalised).
void transformMesh(MeshData& mesh, const glm::dmat4& m);

/// The one line that says what auto chose: "FILE: units auto -> mm (largest extent 280.0 in the file)".
[[nodiscard]] std::string describeAutoUnits(const MeshSource& source, const ImportedMesh& imported);

}  // namespace lumbarlab
