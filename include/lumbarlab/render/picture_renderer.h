#pragma once
// RAW OPENGL (src/render only). Pictures of any size (up to 8K and beyond): a frame larger than the
// driver's renderbuffer or viewport limits, or than a memory-friendly tile, is drawn as tiles, each
// with its own sub-frustum of the one projection, and stitched. Transparent pictures come back with
// straight (not premultiplied) alpha, as PNG wants.

#include "lumbarlab/io/png_writer.h"
#include "lumbarlab/render/render_target.h"
#include "lumbarlab/render/renderer.h"

#include <memory>

namespace lumbarlab {

/// The largest tile side: the driver's renderbuffer and viewport limits, at most 4096, or
/// $LUMBARLAB_RENDER_TILE (pixels, at least 16) to force tiling (tests).
[[nodiscard]] int maxTileSide();

/// Turns premultiplied colour into straight colour in place (alpha 0 keeps black).
void unpremultiply(Image& image);

class PictureRenderer {
public:
    /// `tileSide` 0: maxTileSide().
    explicit PictureRenderer(Renderer& renderer, int tileSide = 0);

    /// Draws the records at `width` x `height` with `samples` MSAA samples per pixel.
    [[nodiscard]] Image render(const DrawList& records, const OrbitCamera& camera, const RenderSettings& settings,
                               int width, int height, int samples);
    /// How many tiles the last picture took, and what it drew (summed over tiles).
    [[nodiscard]] int lastTileCount() const { return lastTiles_; }
    [[nodiscard]] const FrameStats& lastStats() const { return lastStats_; }

private:
    Renderer& renderer_;
    int tileSide_;
    std::unique_ptr<RenderTarget> target_;  // reused while the tile size stays
    int lastTiles_ = 0;
    FrameStats lastStats_;
};

}  // namespace lumbarlab
