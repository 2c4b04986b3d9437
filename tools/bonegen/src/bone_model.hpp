#pragma once
// Description of one bone (or disc part) to generate: its signed distance field, sampling region,
// triangle budgets and the anatomical annotations that go into the manifest.

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "sdf.hpp"

namespace bonegen {

/// A named point in the bone frame (mm).
struct Landmark {
    std::string name;
    glm::vec3 position{0.0f};
    /// Surface landmarks are snapped onto the generated high-LOD surface; sphere centres are not.
    bool onSurface = true;
};

/// A named point (mm) or unit direction in the bone frame, used to assemble the skeleton.
struct FrameVector {
    std::string name;
    glm::vec3 value{0.0f};
    bool isDirection = false;
    std::string note;
};

/// A design value recorded in the manifest next to what was measured on the mesh.
struct DesignValue {
    std::string name;
    double value = 0.0;
    std::string unit;      ///< "m" (stored in metres in the manifest) or "deg" or "ratio"
    std::string paramKey;  ///< the skeleton.json entry it comes from, if any
};

/// Everything the generator needs to make one bone's meshes and manifest entry.
struct BoneModel {
    std::string id;           ///< snake_case file stem, e.g. "femur_r"
    std::string displayName;  ///< anatomical name, e.g. "Right femur"
    std::string commonName;   ///< plain-language name, e.g. "thigh bone"
    std::string side;         ///< "right", "left" or "midline"
    std::string parentFrame;  ///< frame the mesh coordinates are in, e.g. "pelvis", "femur_r"
    std::string mirrorOf;     ///< for left bones: the right bone whose mesh is mirrored (no SDF then)

    Sdf sdf;
    glm::vec3 boundsMin{0.0f}, boundsMax{0.0f};  ///< sampling region, mm
    float voxelSize = 0.6f;
    std::size_t highTriangles = 20000;
    std::size_t lowTriangles = 3000;

    std::vector<Landmark> landmarks;
    std::vector<FrameVector> joints;
    std::vector<DesignValue> design;
};

/// Mirror of a right-side model's annotations for the left side (z negated; the mesh is mirrored later).
BoneModel mirroredAnnotations(const BoneModel& right, std::string leftId, std::string leftDisplayName,
                              std::string leftParentFrame);

}  // namespace bonegen
