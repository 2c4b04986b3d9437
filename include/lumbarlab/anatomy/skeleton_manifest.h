#pragma once
// The skeleton manifest (skeleton_manifest.json) as plain data: the one schema that the bone
// generator (tools/bonegen) writes and the anatomy layer reads. Lengths are metres, angles degrees,
// every point is in its bone's parent frame. Bump kSkeletonManifestFormat whenever the layout changes.

#include <glm/glm.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lumbarlab {

/// The format tag of the current layout; a manifest with any other tag is refused.
inline constexpr std::string_view kSkeletonManifestFormat = "lumbarlab-skeleton/2";

/// A named value with its unit; measured on the mesh or designed from the parameter file.
struct ManifestQuantity {
    std::string name;
    double value = 0.0;
    std::string unit;    ///< "m", "deg" or "ratio"
    std::string param;   ///< the skeleton.json key it comes from or is compared with; may be empty
    std::string source;  ///< that key's citation, copied from skeleton.json; may be empty

    bool operator==(const ManifestQuantity&) const = default;
};

/// What the generator measured on a bone's high-LOD mesh.
struct ManifestMeasured {
    glm::dvec3 boundsMin{0.0}, boundsMax{0.0};  ///< axis-aligned bounding box (m)
    std::vector<ManifestQuantity> values;       ///< e.g. length, head_diameter, endplate_width

    bool operator==(const ManifestMeasured&) const = default;
};

/// A named point on or in the bone (m).
struct ManifestLandmark {
    std::string name;
    glm::dvec3 position{0.0};
    bool centre = false;  ///< a fitted sphere centre (not on the surface), e.g. the femoral head centre

    bool operator==(const ManifestLandmark&) const = default;
};

/// A named point (m) or unit direction used to assemble the skeleton.
struct ManifestJoint {
    std::string name;
    glm::dvec3 value{0.0};
    bool isDirection = false;
    std::string note;  ///< may be empty

    bool operator==(const ManifestJoint&) const = default;
};

/// One value per level of detail.
template <typename T>
struct ManifestPerLod {
    T high{};
    T low{};

    bool operator==(const ManifestPerLod&) const = default;
};

/// One generated bone (or disc part).
struct ManifestBone {
    std::string id;                         ///< snake_case file stem, e.g. "femur_r"
    std::string displayName;                ///< anatomical name, e.g. "Right femur"
    std::string commonName;                 ///< plain words, e.g. "thigh bone"
    std::string side;                       ///< "right", "left" or "midline"
    std::string parentFrame;                ///< frame the coordinates are in, e.g. "pelvis", "femur_r"
    std::string mirrorOf;                   ///< left bones: the right bone whose mesh was mirrored; else empty
    ManifestPerLod<std::string> meshFiles;  ///< file names relative to the manifest
    ManifestPerLod<std::size_t> triangles;
    ManifestPerLod<bool> watertight;
    ManifestMeasured measured;
    std::vector<ManifestQuantity> design;  ///< the cited values the shape was built from
    std::vector<ManifestLandmark> landmarks;
    std::vector<ManifestJoint> joints;

    bool operator==(const ManifestBone&) const = default;
};

/// A named line of documentation carried in the file (frame and convention descriptions).
struct ManifestNote {
    std::string name;
    std::string text;

    bool operator==(const ManifestNote&) const = default;
};

/// The whole manifest. Units are fixed by the format (m, deg) and written as such.
struct SkeletonManifest {
    std::string generator;   ///< e.g. "lumbarlab-bonegen"
    std::string paramsFile;  ///< the parameter file's name, e.g. "skeleton.json"
    std::vector<ManifestNote> conventions;
    std::vector<ManifestNote> frames;
    std::vector<ManifestBone> bones;

    [[nodiscard]] const ManifestBone* find(std::string_view id) const;
    bool operator==(const SkeletonManifest&) const = default;
};

/// The manifest as JSON text (2-space indent, trailing newline); the same structs give the same bytes.
/// Throws FileError naming `file` if a number is not finite or a name is empty or repeated.
[[nodiscard]] std::string skeletonManifestToJson(const SkeletonManifest& manifest, const std::filesystem::path& file);

/// Parses and validates manifest text; any defect (wrong or missing format tag, missing or mistyped
/// field, non-finite number, repeated id) is a one-line FileError naming `file` and the field.
[[nodiscard]] SkeletonManifest skeletonManifestFromJson(std::string_view text, const std::filesystem::path& file);

/// Reads and validates a manifest file (see skeletonManifestFromJson).
[[nodiscard]] SkeletonManifest readSkeletonManifest(const std::filesystem::path& file);

}  // namespace lumbarlab
