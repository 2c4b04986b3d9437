#include "export_jobs.h"

#include "lumbarlab/anatomy/references.h"
#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/io/video_encoder.h"
#include "lumbarlab/view/data_folders.h"
#include "lumbarlab/view/lesson_stage.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <glm/gtc/constants.hpp>

#include <fcntl.h>
#include <unistd.h>

namespace lumbarlab {

void checkWritableFolder(const std::filesystem::path& file) {
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw std::runtime_error(folder.string() + ": cannot create the folder: " + ec.message());
    const std::filesystem::path probe = folder / (".lumbarlab-probe" + std::to_string(::getpid()));
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error(folder.string() + ": cannot write here: " + std::strerror(errno));
    ::close(fd);
    std::filesystem::remove(probe, ec);
}

/// A PNG sequence written into a hidden folder beside the target and renamed at the end.
class FrameFolder {
public:
    explicit FrameFolder(std::filesystem::path target) : target_(std::move(target)) {
        std::error_code ec;
        if (std::filesystem::exists(target_, ec) && !std::filesystem::is_empty(target_, ec))
            throw FigureUsageError("--frames-dir " + target_.string() + " exists and is not empty");
        const auto parent = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
        std::filesystem::create_directories(parent, ec);
        temp_ = parent / ("." + target_.filename().string() + ".tmp" + std::to_string(::getpid()));
        std::filesystem::create_directories(temp_, ec);
        if (ec) throw std::runtime_error(temp_.string() + ": cannot create folder: " + ec.message());
    }
    FrameFolder(const FrameFolder&) = delete;
    FrameFolder& operator=(const FrameFolder&) = delete;
    FrameFolder(FrameFolder&&) = delete;
    FrameFolder& operator=(FrameFolder&&) = delete;
    ~FrameFolder() {
        std::error_code ec;
        if (!done_) std::filesystem::remove_all(temp_, ec);
    }
    void write(int index, const Image& image) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", index);
        writePng(temp_ / name, image);
    }
    void finish() {
        std::error_code ec;
        std::filesystem::remove(target_, ec);  // empty if it exists (checked above)
        std::filesystem::rename(temp_, target_, ec);
        if (ec) throw std::runtime_error(target_.string() + ": cannot create folder: " + ec.message());
        done_ = true;
    }

private:
    std::filesystem::path target_, temp_;
    bool done_ = false;
};

namespace {

VideoFormat formatOf(const VideoOptions& options) {
    if (options.format == "gif") return VideoFormat::Gif;
    if (options.format == "mp4") return VideoFormat::Mp4;
    return options.render.out.extension() == ".gif" ? VideoFormat::Gif : VideoFormat::Mp4;
}

}  // namespace

VideoJob::VideoJob(FigureScene& figure, const VideoOptions& options, const std::optional<CameraPose>& camera)
    : figure_(figure), options_(options), pose_(options.render.pose) {
    const RenderOptions& r = options.render;
    const VideoFormat format = formatOf(options);
    if (format == VideoFormat::Mp4 && options.framesDir.empty() && (r.width % 2 || r.height % 2))
        throw FigureUsageError("H.264 (yuv420p) needs an even --width and --height");
    if (!options.lesson.empty()) {
        openLesson();
        if (options.framesDir.empty() && !options.renderOnly)
            out_ = outputPath(r.out, {options.lesson + "-lesson", 0.0, {}}, false, "",
                              format == VideoFormat::Gif ? "gif" : "mp4");
    } else {
        openMotion(camera);
    }
    if (!options.framesDir.empty()) {
        out_ = options.framesDir;
        folder_ = std::make_unique<FrameFolder>(options.framesDir);
    } else if (!options.renderOnly) {
        checkWritableFolder(out_);
        encoder_ = std::make_unique<VideoEncoder>(out_, format, r.width, r.height, options.fps);
    }
}

void VideoJob::openMotion(const std::optional<CameraPose>& camera) {
    const VideoOptions& options = options_;
    const RenderOptions& r = options.render;
    const VideoFormat format = formatOf(options);
    FigureScene& figure = figure_;
    // The clip's times: frame i at from + i / fps, to excluded (2 s at 10 fps: 20 frames, 0.0 to 1.9 s).
    const Posture* posture = figure.posture();
    const bool motion = posture && posture->isMotion();
    from_ = options.from;
    const double to = options.to >= 0.0 ? options.to : (motion ? posture->duration : -1.0);
    if (to < 0.0)
        throw FigureUsageError("'" + r.pose.pose +
                               "' is a posture, not a motion: give --to SECONDS (with --orbit DEG for a turntable)");
    if (motion && !posture->loop && to > posture->duration + 1e-9)
        throw FigureUsageError("--to " + std::to_string(to) + " is past the end of '" + posture->id + "' (" +
                               std::to_string(posture->duration) + " s)");
    if (to <= from_) throw FigureUsageError("--to must be later than --from");
    frames_ = int(std::llround((to - from_) * options.fps));
    if (frames_ < 1)
        throw FigureUsageError("the clip is shorter than one frame at --fps " + std::to_string(options.fps));
    if (options.framesDir.empty() && !options.renderOnly) {
        char span[64];
        std::snprintf(span, sizeof span, "%s-%.1f-%.1fs", r.pose.pose.c_str(), from_, to);
        out_ =
            outputPath(r.out, {span, 0.0, {}}, false, toString(r.camera), format == VideoFormat::Gif ? "gif" : "mp4");
    }

    // One camera for the whole clip: framed on the whole motion (or the one given), turned by --orbit.
    const float aspect = float(r.width) / float(r.height);
    pose_.time = from_;
    const std::vector<glm::vec3> points = figure.motionPoints(pose_);
    OrbitCamera camera0 = FigureScene::framedCamera(points, r.camera, aspect, figure.sceneRadius());
    if (camera) camera0.setPose(*camera), cameraGiven_ = true;
    base_ = camera0.pose();
    if (options.orbitDeg != 0.0)
        for (int k = 1; k < 8; ++k) {  // far enough for every direction the orbit passes
            OrbitCamera turned = camera0;
            CameraPose p = base_;
            p.yaw += glm::two_pi<float>() * float(k) / 8.0f;
            turned.setPose(p);
            base_.distance = std::max(base_.distance, turned.framedPose(points, aspect).distance);
        }
}

void VideoJob::openLesson() {
    ModelPresenter* model = figure_.view().model();
    if (!model) throw FigureUsageError("--lesson needs the built-in model (no --mesh or --scene)");
    const std::filesystem::path file = findAssetDir() / "lessons" / (options_.lesson + ".json");
    std::error_code ec;
    if (options_.lesson == std::filesystem::path(kPostureKeysFileName).stem().string() ||
        !std::filesystem::exists(file, ec))
        throw FigureUsageError("no lesson '" + options_.lesson + "' (see 'lumbarlab lessons')");
    lesson_ = loadLesson(file, lessonVocabulary(model->data(), model->muscles() ? &model->muscles()->set() : nullptr));
    for (const LessonStep& step : lesson_->steps) {
        stepStart_.push_back(frames_);
        frames_ += int(std::llround(step.holdSeconds * options_.fps));
    }
    if (frames_ < 1) throw FigureUsageError("the lesson '" + options_.lesson + "' has no steps");
}

Image VideoJob::lessonFrame() {
    const auto next = std::upper_bound(stepStart_.begin(), stepStart_.end(), done_);
    const int k = int(next - stepStart_.begin()) - 1;
    const LessonStep& step = lesson_->steps[std::size_t(k)];
    ModelPresenter& model = *figure_.view().model();
    const Posture& posture = *model.data().findPosture(step.posture);  // checked at load
    const float aspect = float(options_.render.width) / float(options_.render.height);
    if (k != step_) {  // a new step: stage it and fly the camera to it (the first step starts there)
        applyStepModelSettings(step, model);
        model.showPosture(posture.id, posture.at(step.playback.from));
        const StagedStep staged = stageStep(step, model);
        Scene& scene = model.scene();
        for (std::size_t i = 0; i < scene.objects.size() && i < staged.visible.size(); ++i)
            scene.objects[i].visible = staged.visible[i];
        figure_.setEmphasis(staged.emphasis);
        model.setPressureColours(std::find(step.panels.begin(), step.panels.end(), "discs") != step.panels.end());
        const CameraPose target = lessonCameraPose(step, model, camera_, aspect);
        if (step_ < 0)
            camera_.setPose(target);
        else
            camera_.animateTo(target, step.camera.flightSeconds);
        std::string caption;
        for (const auto& line : step.caption) caption += (caption.empty() ? "" : "\n") + line;
        figure_.setTitle(step.title, caption);
        step_ = k;
    }
    // The step's playback, as the window plays it: from `from` at `speed`, looping over from..to.
    const double local = double(done_ - stepStart_[std::size_t(k)]) / double(options_.fps);
    double time = step.playback.from;
    if (posture.isMotion() && step.playback.play) {
        const double end = std::min(step.playback.to.value_or(posture.duration), posture.duration);
        time += local * step.playback.speed;
        if (step.playback.loop && end > step.playback.from)
            time = step.playback.from + std::fmod(time - step.playback.from, end - step.playback.from);
        else
            time = std::min(time, end);
    }
    model.setCoordinates(posture.at(time));
    Image frame = figure_.figure(camera_, time, "");
    camera_.update(1.0f / float(options_.fps));
    return frame;
}

VideoJob::~VideoJob() = default;  // the encoder and the folder remove what they wrote unless finished

bool VideoJob::step() {
    if (done_ >= frames_) return false;
    if (lesson_) {
        const Image frame = lessonFrame();
        if (encoder_) encoder_->write(frame);
        if (folder_) folder_->write(done_, frame);
        return ++done_ < frames_;
    }
    pose_.time = from_ + double(done_) / double(options_.fps);
    figure_.showPose(pose_);
    OrbitCamera camera;
    CameraPose p = base_;
    p.yaw += float(options_.orbitDeg * glm::pi<double>() / 180.0 * double(done_) / double(frames_));
    camera.setPose(p);
    const Image frame = figure_.figure(camera, pose_.time, cameraGiven_ ? "" : toString(options_.render.camera));
    if (encoder_) encoder_->write(frame);
    if (folder_) folder_->write(done_, frame);
    ++done_;
    return done_ < frames_;
}

void VideoJob::finish() {
    if (encoder_) encoder_->finish();
    if (folder_) folder_->finish();
    finished_ = true;
}

void VideoJob::cancel() {
    if (finished_) return;
    if (encoder_) encoder_->abandon();
    encoder_.reset();
    folder_.reset();
}

// --- Handout ------------------------------------------------------------------------------------

RenderOptions handoutRenderOptions() {
    RenderOptions render;
    render.samples = 4;
    render.width = 1200;  // 4:3, about 300 dpi at half the page width
    render.height = 900;
    return render;
}

HandoutJob::HandoutJob(FigureScene& figure, const HandoutOptions& options) : figure_(figure), options_(options) {
    assets_ = findAssetDir();
    if (assets_.empty()) throw std::runtime_error("no data folder (assets) found; set LUMBARLAB_ASSET_DIR");
    const std::filesystem::path file = assets_ / "handouts" / (options.exercise + ".json");
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        std::string known;
        for (const auto& e : std::filesystem::directory_iterator(assets_ / "handouts", ec))
            if (e.path().extension() == ".json") known += (known.empty() ? "" : ", ") + e.path().stem().string();
        throw FigureUsageError("no handout for '" + options.exercise + "' (known: " + known + ")");
    }
    const ModelPresenter* model = figure.view().model();
    if (!model) throw std::runtime_error("the handout needs the built-in model");
    handout_ = loadHandout(file, model->data().postures);
    // Default: the right side (as the posture files' _r), else the one the handout has.
    side_ = !options.side.empty() ? options.side : handout_.poses.contains("r") ? "r" : handout_.poses.begin()->first;
    const auto pose = handout_.poses.find(side_);
    if (pose == handout_.poses.end()) {
        std::string sides;
        for (const auto& [s, id] : handout_.poses) sides += (sides.empty() ? "" : ", ") + s;
        throw FigureUsageError("--side " + side_ + ": the " + handout_.name + " handout has " + sides);
    }
    pose_ = pose->second;
    out_ = options.out.empty() ? outputPath({}, {pose_ + "-handout", 0.0, {}}, false, "", "pdf") : options.out;
    png_ = out_.extension() == ".png";
    if (!png_ && out_.extension() != ".pdf") throw FigureUsageError("--out must end in .pdf or .png");
    checkWritableFolder(out_);

    const RenderOptions render = handoutRenderOptions();
    figure.setOptions(render);
    figure.resetVisibility();
    const ViewPreset preset = viewPresetFromString(handout_.camera).value_or(ViewPreset::Lateral);
    const PoseSelection at{pose_, handout_.start.time, {}};
    figure.showPose(at);
    camera_ = FigureScene::framedCamera(figure.motionPoints(at), preset, float(render.width) / float(render.height));
}

Image HandoutJob::shoot(double time) {
    figure_.showPose({pose_, time, {}});
    const RenderOptions& r = figure_.options();
    Image image = figure_.picture(camera_, r.width, r.height, r.samples);
    figure_.drawOverlays(image, camera_, time, handout_.camera, false);
    return image;
}

bool HandoutJob::step() {
    if (done_ == 0) {
        page_.startPicture = shoot(handout_.start.time);
    } else if (done_ == 1) {
        page_.endPicture = shoot(handout_.end.time);
    } else if (done_ == 2) {
        const std::string& side = side_;
        const bool leg = handout_.exercise == "couch_stretch";  // the side is the leg that goes back
        page_.title = handout_.name;
        page_.subtitle = side == "both" ? ""
                         : side == "r"  ? (leg ? "Right leg back" : "Right side")
                                        : (leg ? "Left leg back" : "Left side");
        const Posture& posture = *figure_.posture();
        page_.startCaption = handout_.start.caption;
        page_.endCaption = handout_.end.caption;
        page_.dose = posture.dose;
        page_.cues = posture.cues;
        page_.why = handout_.why;
        page_.avoid = handout_.avoid;
        // The works behind what the page says: its own sources and the posture's targets'.
        const ReferenceCatalogue references = ReferenceCatalogue::load(assets_ / "references.json");
        std::vector<std::string> keys;
        std::vector<std::string> sources{handout_.start.source, handout_.end.source, handout_.whySource,
                                         handout_.avoidSource};
        for (const auto& target : posture.targets) sources.push_back(target.source);
        for (const auto& s : sources)
            for (const auto& key : citedKeys(s))
                if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        for (const auto& key : keys)
            if (const Reference* ref = references.find(key)) page_.sources.push_back(ref->fullForm());
        const Paper paper = options_.paper == "letter" ? Paper::Letter : Paper::A4;
        if (png_)
            (void)writeHandoutPng(out_, page_, paper);
        else
            (void)writeHandoutPdf(out_, page_, paper);
    } else {
        return false;
    }
    return ++done_ < steps();
}

std::string HandoutJob::summary() const {
    return handout_.name + " handout, " + pose_ + ", " + options_.paper + (png_ ? " page at 300 dpi" : " PDF page");
}

}  // namespace lumbarlab
