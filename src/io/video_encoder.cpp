#include "lumbarlab/io/video_encoder.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lumbarlab {
namespace {

constexpr const char* kMissingFfmpeg = "ffmpeg not found on PATH: install the Debian package 'ffmpeg'";

/// The last non-empty line ffmpeg printed, for a one-line error.
std::string lastLine(const std::string& file) {
    std::ifstream in(file);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    return last;
}

}  // namespace

std::vector<std::string> ffmpegArguments(VideoFormat format, int width, int height, int fps,
                                         const std::filesystem::path& file) {
    std::vector<std::string> args{"-hide_banner",
                                  "-loglevel",
                                  "error",
                                  "-nostdin",
                                  "-y",
                                  "-f",
                                  "rawvideo",
                                  "-pix_fmt",
                                  "rgb24",
                                  "-s",
                                  std::to_string(width) + "x" + std::to_string(height),
                                  "-framerate",
                                  std::to_string(fps),
                                  "-i",
                                  "pipe:0",
                                  "-an"};
    if (format == VideoFormat::Mp4) {
        // yuv420p: what every player opens; +faststart: playable while it downloads.
        for (const char* a : {"-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                              "-movflags", "+faststart", "-f", "mp4"})
            args.emplace_back(a);
    } else {
        // One palette for the whole clip, from the frames' own colours, ordered dither.
        for (const char* a :
             {"-vf", "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=4",
              "-loop", "0", "-f", "gif"})
            args.emplace_back(a);
    }
    args.push_back(file.string());
    return args;
}

VideoEncoder::VideoEncoder(std::filesystem::path target, VideoFormat format, int width, int height, int fps)
    : target_(std::move(target)), width_(width), height_(height) {
    const std::filesystem::path dir = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw VideoError(target_.string() + ": folder '" + dir.string() + "' does not exist");
    temp_ = dir / ("." + target_.filename().string() + ".tmp" + std::to_string(::getpid()));
    errorLog_ = temp_.string() + ".log";

    // A write to a pipe whose reader died must fail with EPIPE, not kill the program.
    std::signal(SIGPIPE, SIG_IGN);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw VideoError(std::string("cannot make a pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errorLog_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Its own process group: Ctrl-C reaches us, and we decide what happens to ffmpeg and its file.
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);

    const std::vector<std::string> args = ffmpegArguments(format, width, height, fps, temp_);
    std::vector<char*> argv;
    std::string program = "ffmpeg";
    argv.push_back(program.data());
    std::vector<std::string> owned = args;
    for (auto& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int spawned = posix_spawnp(&child_, "ffmpeg", &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(fds[0]);
    if (spawned != 0) {
        ::close(fds[1]);
        std::filesystem::remove(errorLog_, ec);
        child_ = -1;
        throw VideoError(spawned == ENOENT ? kMissingFfmpeg
                                           : std::string("cannot start ffmpeg: ") + std::strerror(spawned));
    }
    pipe_ = fds[1];
    writer_ = std::thread([this] { writerLoop(); });
}

VideoEncoder::~VideoEncoder() {
    if (!done_) abandon();
}

void VideoEncoder::writerLoop() {
    for (;;) {
        std::vector<std::uint8_t> frame;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
            if (queue_.empty()) return;
            frame = std::move(queue_.front());
            queue_.pop_front();
            inFlight_ = true;
        }
        std::size_t sent = 0;
        while (sent < frame.size()) {
            const ssize_t n = ::write(pipe_, frame.data() + sent, frame.size() - sent);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const std::lock_guard lock(mutex_);
                broken_ = true;
                inFlight_ = false;
                queue_.clear();
                changed_.notify_all();
                return;
            }
            sent += std::size_t(n);
        }
        const std::lock_guard lock(mutex_);
        inFlight_ = false;
        changed_.notify_all();
    }
}

void VideoEncoder::write(const Image& frame) {
    if (frame.width != width_ || frame.height != height_)
        throw VideoError("frame of " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                         " for a video of " + std::to_string(width_) + "x" + std::to_string(height_));
    std::vector<std::uint8_t> rgb(std::size_t(width_) * height_ * 3);
    for (std::size_t i = 0, j = 0; j < rgb.size(); i += 4, j += 3) {
        rgb[j] = frame.rgba[i];
        rgb[j + 1] = frame.rgba[i + 1];
        rgb[j + 2] = frame.rgba[i + 2];
    }
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return broken_ || queue_.size() + (inFlight_ ? 1 : 0) < 2; });
    if (broken_) {
        lock.unlock();
        const std::string why = lastLine(errorLog_);
        throw VideoError("ffmpeg stopped" + (why.empty() ? std::string() : ": " + why));
    }
    queue_.push_back(std::move(rgb));
    changed_.notify_all();
}

void VideoEncoder::stopWriter() {
    {
        const std::lock_guard lock(mutex_);
        closing_ = true;
        changed_.notify_all();
    }
    if (writer_.joinable()) writer_.join();
    if (pipe_ >= 0) ::close(pipe_);
    pipe_ = -1;
}

void VideoEncoder::finish() {
    stopWriter();
    int status = 0;
    while (::waitpid(child_, &status, 0) < 0 && errno == EINTR) {
    }
    child_ = -1;
    std::error_code ec;
    if (broken_ || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string why = lastLine(errorLog_);
        std::filesystem::remove(temp_, ec);
        std::filesystem::remove(errorLog_, ec);
        done_ = true;
        throw VideoError("ffmpeg failed" + (why.empty() ? std::string() : ": " + why));
    }
    std::filesystem::remove(errorLog_, ec);
    std::filesystem::rename(temp_, target_, ec);
    done_ = true;
    if (ec) {
        std::filesystem::remove(temp_, ec);
        throw VideoError(target_.string() + ": cannot replace file: " + ec.message());
    }
}

void VideoEncoder::abandon() {
    if (done_) return;
    done_ = true;
    if (child_ > 0) ::kill(child_, SIGKILL);
    {
        const std::lock_guard lock(mutex_);
        queue_.clear();
    }
    stopWriter();
    if (child_ > 0)
        while (::waitpid(child_, nullptr, 0) < 0 && errno == EINTR) {
        }
    child_ = -1;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
    std::filesystem::remove(errorLog_, ec);
}

}  // namespace lumbarlab
