#pragma once
// RAW OPENGL (src/render only). The offscreen target shared by the window and headless paths:
// an MSAA colour + depth buffer, a resolved RGBA8 copy, and a single-sample ID buffer for picking
// (allocated on the first pick: a headless render never picks, and 7 MB of buffers it never touches
// still cost page faults and a framebuffer check).

#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/render/gl_objects.h"
#include "lumbarlab/scene/draw_record.h"

namespace lumbarlab {

class RenderTarget {
public:
    /// Allocates buffers of the given size; samples is clamped to what the driver allows.
    RenderTarget(int width, int height, int samples);

    /// Reallocates when the size or sample count changes (no-op otherwise). Sizes below 1 become 1.
    void resize(int width, int height, int samples);
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] int samples() const { return samples_; }

    void bindScene() const;  ///< draw the scene into the MSAA buffer
    void bindIds() const;    ///< draw pick ids into the ID buffer
    void resolve() const;    ///< MSAA -> resolved colour (nothing to do single-sampled)
    /// Copies the resolved colour into framebuffer `drawFbo` (e.g. 0, the window) at the same size.
    void blitTo(GLuint drawFbo, int width, int height) const;
    /// Copies the resolved colour into the rectangle at (x, y) (lower left, GL convention) of `drawFbo`.
    void blitTo(GLuint drawFbo, int x, int y, int width, int height) const;

    /// The resolved colour, rows top to bottom.
    [[nodiscard]] Image readColour() const;
    /// The pick id under pixel (x, y), y measured from the top.
    [[nodiscard]] PickId readId(int x, int yFromTop) const;

private:
    void allocate();
    void allocateIds() const;
    int width_, height_, samples_;
    /// Where the finished picture is: the resolved copy when multisampled, else the scene itself.
    [[nodiscard]] GLuint pictureFbo() const;
    gl::Framebuffer sceneFbo_, resolvedFbo_;
    gl::Renderbuffer sceneColour_, sceneDepth_, resolvedColour_;
    // Lazily made by allocateIds(), from const bindIds()/readId(): a cache, hence mutable.
    mutable gl::Framebuffer idFbo_;
    mutable gl::Renderbuffer idColour_, idDepth_;
};

}  // namespace lumbarlab
