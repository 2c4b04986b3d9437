#pragma once
// Video through an `ffmpeg` child process (Debian's ffmpeg package): raw RGB frames go down a pipe
// from a writer thread, so the caller renders the next frame while ffmpeg encodes this one. ffmpeg
// writes to a temporary file beside the target; finish() renames it into place, and anything else
// (cancel, failure, destruction) kills ffmpeg and removes the temporary file: never a partial video.

#include "lumbarlab/io/png_writer.h"

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace lumbarlab {

/// A failure of the encoder; what() is one line ("ffmpeg not found: install the Debian package ...").
class VideoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class VideoFormat { Mp4, Gif };

/// The ffmpeg arguments (after the program name) that read `width` x `height` RGB frames at `fps`
/// from standard input and write `format` to `file`: H.264 yuv420p MP4, or a GIF with its own palette.
[[nodiscard]] std::vector<std::string> ffmpegArguments(VideoFormat format, int width, int height, int fps,
                                                       const std::filesystem::path& file);

class VideoEncoder {
public:
    /// Starts ffmpeg. Throws VideoError when ffmpeg cannot be started (not on PATH: names the package).
    VideoEncoder(std::filesystem::path target, VideoFormat format, int width, int height, int fps);
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;
    VideoEncoder(VideoEncoder&&) = delete;
    VideoEncoder& operator=(VideoEncoder&&) = delete;
    ~VideoEncoder();  ///< abandons the video unless finish() succeeded

    /// Queues one frame (straight RGBA, the encoder's size); blocks while two frames are waiting.
    /// Throws VideoError if ffmpeg has failed.
    void write(const Image& frame);
    /// Waits for ffmpeg to finish and renames the video into place. Throws VideoError (and removes
    /// the temporary file) if ffmpeg failed.
    void finish();
    /// Stops ffmpeg and removes the temporary file.
    void abandon();

private:
    void writerLoop();
    void stopWriter();

    std::filesystem::path target_, temp_;
    int width_, height_;
    pid_t child_ = -1;
    int pipe_ = -1;
    std::string errorLog_;  ///< ffmpeg's stderr goes to a file here, for the error message

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<std::uint8_t>> queue_;  // RGB frames waiting for the pipe
    bool closing_ = false;
    bool inFlight_ = false;  // the writer thread is sending a frame
    bool broken_ = false;    // the pipe failed: ffmpeg died
    std::thread writer_;
    bool done_ = false;
};

}  // namespace lumbarlab
