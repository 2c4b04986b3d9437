#pragma once
// Lessons as data (assets/lessons/*.json): ordered steps, each with a title, a short caption in plain
// words, the posture or motion to show and how to play it, where the camera goes, what is shown,
// hidden, emphasised and labelled, and which of the model's numbers to show. Validated on load:
// every error names the file and the JSON path of the bad field.

#include "lumbarlab/scene/camera.h"

#include <glm/glm.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lumbarlab {

/// How a step plays its posture or motion.
struct LessonPlayback {
    bool play = true;  ///< a motion starts playing (false: it holds at `from`)
    bool loop = true;
    double speed = 1.0;        ///< 0.25-2
    double from = 0.0;         ///< seconds into the motion
    std::optional<double> to;  ///< end of the played range (unset: the motion's end)
};

/// Where the camera flies for a step: a preset view (framing `focus`, or everything), or an
/// explicit orbit pose.
struct LessonCamera {
    std::optional<ViewPreset> preset;  ///< set: frame `focus` from this view
    std::string focus;                 ///< a structure or group to frame ("" = the whole model)
    std::optional<CameraPose> pose;    ///< set: this exact pose (target, distance, yaw, pitch)
    float flightSeconds = 0.9f;        ///< 0.6-1.2
};

/// A 3D label: text pinned to the centre of a structure.
struct LessonLabel {
    std::string structure;
    std::string text;
};

/// A number the caption bar shows, computed from the model for the step's pose.
struct LessonNumber {
    enum class Kind { DiscPressure, MuscleChange, Tightness };
    Kind kind = Kind::DiscPressure;
    /// DiscPressure: a disc level ("l4_l5"); MuscleChange: a sided muscle ("psoas_r"); Tightness: a
    /// tightness group ("hip_flexors": its passive pull and the pelvic tilt that balances it)
    std::string what;
};

/// How long a lesson video holds a step when the step gives no `hold_s`.
inline constexpr double kDefaultHoldSeconds = 8.0;

struct LessonStep {
    std::string title;
    double holdSeconds = kDefaultHoldSeconds;  ///< `hold_s`, 1-60: how long `video --lesson` shows the step
    std::vector<std::string> caption;          ///< 2-3 lines
    std::string posture;                       ///< posture or motion id
    LessonPlayback playback;
    LessonCamera camera;
    std::vector<std::string> show, hide;  ///< groups or structures, applied over "everything visible"
    std::vector<std::string> emphasise;   ///< structures drawn in full while the other muscles fade
    std::vector<LessonLabel> labels;
    std::vector<LessonNumber> numbers;
    std::vector<std::string> panels;  ///< panels to open: "discs", "muscles", "evidence"
    /// `tight_hip_flexors_pct`, 0-30: the model's hip-flexor tightness for this step ("after two hours
    /// of sitting"); a step that does not say shows the untightened model.
    double tightHipFlexorsPct = 0.0;
};

struct Lesson {
    std::string id;  ///< the file's stem
    std::string title;
    std::string description;
    std::vector<LessonStep> steps;
    std::filesystem::path file;
};

/// What a lesson may name, so a typo is caught at load time rather than silently shown as nothing.
struct LessonVocabulary {
    std::set<std::string> postures;
    std::map<std::string, double> motionDurations;  ///< seconds, per motion id
    std::set<std::string> structures;               ///< sided muscles ("psoas_r"), bones ("l4"), discs ("disc_l4_l5")
    std::set<std::string> groups;                   ///< scene groups ("muscles", "hip_flexors", "body", "props", ...)
    std::set<std::string> discLevels;               ///< "l4_l5", ...
    std::set<std::string> sidedMuscles;
};

/// Reads and checks one lesson file; throws FileError "FILE: steps[2].camera.preset: ...".
[[nodiscard]] Lesson loadLesson(const std::filesystem::path& file, const LessonVocabulary& vocabulary);

/// The file name in the lessons folder that is not a lesson (the function-key table).
inline constexpr const char* kPostureKeysFileName = "posture_keys.json";

/// Every lesson in a folder (all *.json but the posture keys), sorted by id. A bad file throws.
[[nodiscard]] std::vector<Lesson> loadLessonLibrary(const std::filesystem::path& folder,
                                                    const LessonVocabulary& vocabulary);

/// Where the lesson is and where it goes on Next, Back and Home.
class LessonCursor {
public:
    explicit LessonCursor(std::size_t steps, std::size_t start = 0)
        : steps_(steps), step_(steps == 0 ? 0 : std::min(start, steps - 1)) {}
    [[nodiscard]] std::size_t step() const { return step_; }
    [[nodiscard]] std::size_t steps() const { return steps_; }
    /// Each returns whether the step changed.
    bool next();
    bool back();
    bool home();
    bool go(std::size_t step);

private:
    std::size_t steps_, step_;
};

}  // namespace lumbarlab
