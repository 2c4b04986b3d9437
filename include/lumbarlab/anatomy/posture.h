#pragma once
// Postures and motions as data (assets/poses/*.json): a static posture is one set of coordinate
// values; a motion is keyframes over time, eased between keys. Every value carries a source.

#include "lumbarlab/anatomy/coordinates.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumbarlab {

/// Coordinate values at one moment of a motion.
struct Keyframe {
    double time = 0.0;  ///< seconds from the start
    Coordinates values;
};

/// A structure a posture or exercise is aimed at, and what it should do there. Emphasis (the figure
/// draws targets in full and fades the rest), labels, handouts and the science tests read these.
struct PostureTarget {
    enum class Expect { Lengthen, Shorten, Load, Show };
    /// A sided muscle ("rectus_femoris_r": a muscle id from muscles.json and its side) or a disc
    /// level ("disc_l4_l5").
    std::string structure;
    Expect expect = Expect::Show;
    std::string source;  ///< why this is the target: a citation "[key] ..." or a documented default
};

[[nodiscard]] const char* expectName(PostureTarget::Expect expect);

/// A posture (one keyframe) or a motion (several), with what a teacher tells the class about it.
struct Posture {
    std::string id;           ///< stable snake_case id, e.g. "sitting_slouched"
    std::string name;         ///< e.g. "Slouched sitting"
    std::string description;  ///< one or two sentences
    std::vector<Keyframe> keys;
    double duration = 0.0;  ///< seconds; 0 for a static posture
    bool loop = false;      ///< a cycle (walking, reps) that wraps around
    std::string dose;       ///< e.g. "60 s each side"
    std::vector<std::string> cues;
    std::vector<std::string> props;      ///< "chair", "couch_r", "couch_l", "box" (the floor is always there)
    bool groundFeet = true;              ///< place the lowest sole on the ground (else pelvis_ty is used as given)
    double groundHeight = 0.0;           ///< where the feet stand: 0 on the floor, the box height on a box
    bool supported = false;              ///< lying: the floor, not the spine, carries the body's weight
    std::vector<PostureTarget> targets;  ///< what the posture is aimed at, in teaching order

    [[nodiscard]] bool isMotion() const { return keys.size() > 1; }
    /// Values at `time` (clamped, or wrapped when looping), eased between keyframes so speed is
    /// zero at each key and values never overshoot them.
    [[nodiscard]] Coordinates at(double time) const;
};

/// The neutral standing lordosis per level (radians), read from neutral_standing.json.
struct SpineBaseline {
    std::array<float, 6> lordosis{};
};

/// Reads one posture or motion file, checking names, limits and sources. Throws FileError.
[[nodiscard]] Posture loadPosture(const std::filesystem::path& file, const CoordinateSystem& coordinates);

/// Reads the per-level lordosis of neutral standing. Throws FileError.
[[nodiscard]] SpineBaseline loadSpineBaseline(const std::filesystem::path& neutralStandingFile);

/// Every posture in a folder, sorted by id; a bad file is a FileError naming it.
[[nodiscard]] std::vector<Posture> loadPostureLibrary(const std::filesystem::path& folder,
                                                      const CoordinateSystem& coordinates);

}  // namespace lumbarlab
