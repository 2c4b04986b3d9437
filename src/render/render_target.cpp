#include "lumbarlab/render/render_target.h"

#include "lumbarlab/io/startup_timings.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace lumbarlab {
namespace {

void checkComplete(const char* what) {
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error(std::string("offscreen ") + what + " framebuffer incomplete (status 0x" +
                                 std::to_string(status) + ")");
}

void storage(const gl::Renderbuffer& rb, int samples, GLenum format, int w, int h) {
    glBindRenderbuffer(GL_RENDERBUFFER, rb.get());
    if (samples > 1)
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, w, h);
    else
        glRenderbufferStorage(GL_RENDERBUFFER, format, w, h);
}

}  // namespace

RenderTarget::RenderTarget(int width, int height, int samples)
    : width_(std::max(width, 1)), height_(std::max(height, 1)), samples_(samples) {
    allocate();
}

void RenderTarget::resize(int width, int height, int samples) {
    width = std::max(width, 1);
    height = std::max(height, 1);
    if (width == width_ && height == height_ && samples == samples_) return;
    width_ = width;
    height_ = height;
    samples_ = samples;
    allocate();
}

void RenderTarget::allocate() {
    const PhaseTimer timer("render target");
    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    samples_ = std::clamp(samples_, 1, std::max(1, int(maxSamples)));

    sceneFbo_ = gl::makeFramebuffer();
    resolvedFbo_ = gl::makeFramebuffer();
    sceneColour_ = gl::makeRenderbuffer();
    sceneDepth_ = gl::makeRenderbuffer();
    resolvedColour_ = gl::makeRenderbuffer();
    // The ID buffers follow the size on their next use.
    idFbo_.reset();
    idColour_.reset();
    idDepth_.reset();

    storage(sceneColour_, samples_, GL_RGBA8, width_, height_);
    storage(sceneDepth_, samples_, GL_DEPTH24_STENCIL8, width_, height_);
    glBindFramebuffer(GL_FRAMEBUFFER, sceneFbo_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, sceneColour_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, sceneDepth_.get());
    checkComplete("scene");

    // Single-sampled, the scene's own colour is the picture: no resolve copy.
    if (samples_ > 1) {
        storage(resolvedColour_, 1, GL_RGBA8, width_, height_);
        glBindFramebuffer(GL_FRAMEBUFFER, resolvedFbo_.get());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolvedColour_.get());
        checkComplete("resolve");
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::allocateIds() const {
    if (idFbo_) return;
    idFbo_ = gl::makeFramebuffer();
    idColour_ = gl::makeRenderbuffer();
    idDepth_ = gl::makeRenderbuffer();
    storage(idColour_, 1, GL_R32UI, width_, height_);
    storage(idDepth_, 1, GL_DEPTH24_STENCIL8, width_, height_);
    glBindFramebuffer(GL_FRAMEBUFFER, idFbo_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, idColour_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, idDepth_.get());
    checkComplete("pick id");
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::bindScene() const {
    glBindFramebuffer(GL_FRAMEBUFFER, sceneFbo_.get());
    glViewport(0, 0, width_, height_);
}

void RenderTarget::bindIds() const {
    allocateIds();
    glBindFramebuffer(GL_FRAMEBUFFER, idFbo_.get());
    glViewport(0, 0, width_, height_);
}

GLuint RenderTarget::pictureFbo() const {
    return samples_ > 1 ? resolvedFbo_.get() : sceneFbo_.get();
}

void RenderTarget::resolve() const {
    if (samples_ <= 1) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, sceneFbo_.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolvedFbo_.get());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::blitTo(GLuint drawFbo, int width, int height) const {
    blitTo(drawFbo, 0, 0, width, height);
}

void RenderTarget::blitTo(GLuint drawFbo, int x, int y, int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, pictureFbo());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, drawFbo);
    glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT,
                      (width == width_ && height == height_) ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, drawFbo);
}

Image RenderTarget::readColour() const {
    // On software GL this is where the frame is actually drawn: glReadPixels waits for it.
    const PhaseTimer timer("finish frame + read pixels");
    Image image;
    image.width = width_;
    image.height = height_;
    image.rgba.resize(std::size_t(width_) * height_ * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, pictureFbo());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's rows run bottom to top; images run top to bottom.
    const std::size_t row = std::size_t(width_) * 4;
    for (int y = 0; y < height_ / 2; ++y)
        std::swap_ranges(image.rgba.begin() + std::ptrdiff_t(y * row),
                         image.rgba.begin() + std::ptrdiff_t((y + 1) * row),
                         image.rgba.begin() + std::ptrdiff_t((height_ - 1 - y) * row));
    return image;
}

PickId RenderTarget::readId(int x, int yFromTop) const {
    if (x < 0 || yFromTop < 0 || x >= width_ || yFromTop >= height_) return kNoPick;
    GLuint id = 0;
    allocateIds();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, idFbo_.get());
    glReadPixels(x, height_ - 1 - yFromTop, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &id);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return id;
}

}  // namespace lumbarlab
