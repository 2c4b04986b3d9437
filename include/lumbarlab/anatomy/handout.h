#pragma once
// What an exercise handout says beyond the posture file (assets/handouts/*.json): which motion shows
// it for each side, which moments are the start and end pictures, the camera, why it helps (two plain
// sentences) and what to avoid, each with a source. Dose and cues come from the posture itself.

#include "lumbarlab/anatomy/posture.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace lumbarlab {

struct HandoutPicture {
    double time = 0.0;    ///< seconds into the motion
    std::string caption;  ///< one line under the picture
    std::string source;
};

struct HandoutDefinition {
    std::string exercise;                      ///< id, e.g. "couch_stretch"
    std::string name;                          ///< e.g. "Couch stretch"
    std::map<std::string, std::string> poses;  ///< side ("r", "l" or "both") -> posture or motion id
    std::string camera;                        ///< a view preset name, e.g. "lateral"
    HandoutPicture start, end;
    std::vector<std::string> why;  ///< exactly two sentences
    std::string whySource;
    std::vector<std::string> avoid;  ///< one to five short lines
    std::string avoidSource;
    std::filesystem::path file;  ///< where it was read, for errors found later
};

/// The view names a handout may use (the camera presets).
inline const std::vector<std::string> kHandoutCameras{"anterior", "posterior", "lateral",
                                                      "medial",   "superior",  "oblique"};

/// Reads and checks one handout: fields present and non-empty, two sentences of why, the poses in
/// `postures`, the picture times within each motion, every source citing a [key]. Throws FileError.
[[nodiscard]] HandoutDefinition loadHandout(const std::filesystem::path& file, const std::vector<Posture>& postures);

/// Every handout in a folder, sorted by exercise id. Throws FileError for a bad file.
[[nodiscard]] std::vector<HandoutDefinition> loadHandoutLibrary(const std::filesystem::path& folder,
                                                                const std::vector<Posture>& postures);

}  // namespace lumbarlab
