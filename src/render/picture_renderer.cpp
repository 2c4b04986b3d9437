#include "lumbarlab/render/picture_renderer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace lumbarlab {

int maxTileSide() {
    if (const char* forced = std::getenv("LUMBARLAB_RENDER_TILE")) {
        const long side = std::strtol(forced, nullptr, 10);
        if (side >= 16 && side <= 1 << 16) return int(side);
    }
    GLint renderbuffer = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    // 4096: an MSAA tile of 4096^2 at 4 samples is already 512 MB of colour and depth.
    return std::max(16, std::min({int(renderbuffer), int(viewport[0]), int(viewport[1]), 4096}));
}

void unpremultiply(Image& image) {
    for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
        const unsigned a = image.rgba[i + 3];
        if (a == 0 || a == 255) continue;
        for (std::size_t c = 0; c < 3; ++c)
            image.rgba[i + c] = std::uint8_t(std::min(255u, (unsigned(image.rgba[i + c]) * 255u + a / 2) / a));
    }
}

PictureRenderer::PictureRenderer(Renderer& renderer, int tileSide)
    : renderer_(renderer), tileSide_(tileSide > 0 ? tileSide : maxTileSide()) {}

Image PictureRenderer::render(const DrawList& records, const OrbitCamera& camera, const RenderSettings& settings,
                              int width, int height, int samples) {
    width = std::max(width, 1);
    height = std::max(height, 1);
    const int columns = (width + tileSide_ - 1) / tileSide_;
    const int rows = (height + tileSide_ - 1) / tileSide_;
    // Even tiles (the last ones no smaller than the others by more than a pixel) keep one target.
    const int tileW = (width + columns - 1) / columns;
    const int tileH = (height + rows - 1) / rows;
    if (!target_ || target_->width() != tileW || target_->height() != tileH || target_->samples() != samples)
        target_ = std::make_unique<RenderTarget>(tileW, tileH, samples);

    Image picture;
    picture.width = width;
    picture.height = height;
    if (columns * rows > 1) picture.rgba.resize(std::size_t(width) * height * 4);
    lastTiles_ = columns * rows;
    lastStats_ = {};
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            // Tile rectangle in pixels, y from the bottom as GL counts; the last tiles may overhang.
            const int x0 = column * tileW;
            const int y0 = row * tileH;
            RenderSettings tile = settings;
            tile.window.aspect = float(width) / float(height);
            tile.window.ndc = {2.0f * float(x0) / float(width) - 1.0f, 2.0f * float(y0) / float(height) - 1.0f,
                               2.0f * float(x0 + tileW) / float(width) - 1.0f,
                               2.0f * float(y0 + tileH) / float(height) - 1.0f};
            tile.window.pixelOffset = {float(x0), float(y0)};
            const FrameStats stats = renderer_.render(records, camera, *target_, tile);
            lastStats_.drawCalls += stats.drawCalls;
            lastStats_.triangles += stats.triangles;
            Image part = target_->readColour();
            if (lastTiles_ == 1) {
                picture = std::move(part);
                continue;
            }
            // Copy the rows that fall inside the picture; image rows run top to bottom.
            const int copyW = std::min(tileW, width - x0);
            for (int y = 0; y < tileH; ++y) {
                const int fromBottom = y0 + (tileH - 1 - y);
                if (fromBottom >= height) continue;
                const int destRow = height - 1 - fromBottom;
                std::memcpy(&picture.rgba[(std::size_t(destRow) * width + x0) * 4],
                            &part.rgba[std::size_t(y) * tileW * 4], std::size_t(copyW) * 4);
            }
        }
    }
    if (settings.transparent) unpremultiply(picture);
    return picture;
}

}  // namespace lumbarlab
