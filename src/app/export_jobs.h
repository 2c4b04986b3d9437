#pragma once
// The exports as jobs that run a bounded piece at a time: a video one frame per step, a handout one
// picture per step. The commands run them to the end; the window runs a few steps per frame, so its
// progress bar moves and Cancel is honoured. Both draw through one FigureScene.

#include "cli.h"
#include "figure_scene.h"
#include "lumbarlab/anatomy/handout.h"
#include "lumbarlab/io/handout_writer.h"
#include "lumbarlab/view/lesson.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace lumbarlab {

class VideoEncoder;
class FrameFolder;

/// Throws std::runtime_error ("FOLDER: cannot write here: ...") unless a file can be created in the
/// folder that `file` goes into (created if missing).
void checkWritableFolder(const std::filesystem::path& file);

/// A motion (or a turntable) as MP4, GIF or PNG frames: frame i at exactly from + i / fps. Or a
/// lesson (options.lesson): each step held for its hold_s, its posture played as the step says, the
/// camera flying to the step's view at its start, the step's title and caption as the overlay title.
class VideoJob {
public:
    /// Checks the clip, frames the camera (on the whole motion, or `camera` as given) and opens the
    /// output: the ffmpeg child, the hidden frames folder, or nothing for --render-only. The output
    /// name defaults to the pictures folder. Throws FigureUsageError for a bad clip, VideoError when
    /// ffmpeg cannot start, std::runtime_error when the folder cannot be written.
    VideoJob(FigureScene& figure, const VideoOptions& options, const std::optional<CameraPose>& camera = std::nullopt);
    ~VideoJob();  ///< abandons the output unless finish() succeeded
    VideoJob(const VideoJob&) = delete;
    VideoJob& operator=(const VideoJob&) = delete;
    VideoJob(VideoJob&&) = delete;
    VideoJob& operator=(VideoJob&&) = delete;

    /// Renders the next frame and hands it on; false once every frame has been rendered.
    bool step();
    /// Waits for the encoder and moves the file or folder into place.
    void finish();
    /// Stops the encoder and removes everything written so far (nothing after finish()).
    void cancel();
    [[nodiscard]] int frames() const { return frames_; }
    [[nodiscard]] int done() const { return done_; }
    [[nodiscard]] double from() const { return from_; }
    /// What is written: the video, the frames folder, or empty (render only).
    [[nodiscard]] const std::filesystem::path& out() const { return out_; }

    /// The first frame of each lesson step (empty for a motion).
    [[nodiscard]] const std::vector<int>& stepStarts() const { return stepStart_; }

private:
    void openMotion(const std::optional<CameraPose>& camera);
    void openLesson();
    [[nodiscard]] Image lessonFrame();

    FigureScene& figure_;
    VideoOptions options_;
    std::optional<Lesson> lesson_;
    std::vector<int> stepStart_;
    int step_ = -1;
    OrbitCamera camera_;
    PoseSelection pose_;
    CameraPose base_;
    double from_ = 0.0;
    int frames_ = 0, done_ = 0;
    bool finished_ = false;
    bool cameraGiven_ = false;  // the window's camera: no preset name in the title
    std::filesystem::path out_;
    std::unique_ptr<VideoEncoder> encoder_;
    std::unique_ptr<FrameFolder> folder_;
};

/// One page for a patient: the start picture, the end picture, then the page (three steps).
class HandoutJob {
public:
    /// Reads and checks the handout file and picks the side. Throws FigureUsageError for an unknown
    /// exercise, side or extension, FileError for a broken file. Resets `figure` to the handout's look.
    HandoutJob(FigureScene& figure, const HandoutOptions& options);
    /// Does the next step; false once the page is written.
    bool step();
    [[nodiscard]] static constexpr int steps() { return 3; }
    [[nodiscard]] int done() const { return done_; }
    [[nodiscard]] const std::filesystem::path& out() const { return out_; }
    /// "couch stretch handout, couch_stretch_r, a4 PDF page"
    [[nodiscard]] std::string summary() const;

private:
    [[nodiscard]] Image shoot(double time);

    FigureScene& figure_;
    HandoutOptions options_;
    std::filesystem::path assets_, out_;
    HandoutDefinition handout_;
    std::string side_, pose_;
    bool png_ = false;
    OrbitCamera camera_;
    HandoutPage page_;
    int done_ = 0;
};

/// The handout picture's look: 1200 x 900, 4x MSAA, the default colours, overlays without a title.
[[nodiscard]] RenderOptions handoutRenderOptions();

}  // namespace lumbarlab
