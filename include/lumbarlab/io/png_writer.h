#pragma once
// PNG output for screenshots and headless renders.

#include <cstdint>
#include <filesystem>
#include <vector>

namespace lumbarlab {

/// An 8-bit RGBA image, rows top to bottom.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  ///< width * height * 4 bytes

    [[nodiscard]] const std::uint8_t* pixel(int x, int y) const { return &rgba[(std::size_t(y) * width + x) * 4]; }
};

/// Writes the image as a PNG atomically. Throws FileError naming the file on failure.
void writePng(const std::filesystem::path& file, const Image& image);

}  // namespace lumbarlab
