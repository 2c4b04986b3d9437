#include "lumbarlab/io/png_writer.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/atomic_file.h"

#include <stb_image_write.h>

namespace lumbarlab {

void writePng(const std::filesystem::path& file, const Image& image) {
    if (image.width <= 0 || image.height <= 0 || image.rgba.size() != std::size_t(image.width) * image.height * 4)
        throw FileError(file, "image to write is empty or malformed");
    writeFileAtomically(file, [&](const std::filesystem::path& temp) {
        return stbi_write_png(temp.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) != 0;
    });
}

}  // namespace lumbarlab
