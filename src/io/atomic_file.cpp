#include "lumbarlab/io/atomic_file.h"

#include "lumbarlab/core/file_error.h"

#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include <unistd.h>

namespace lumbarlab {

void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<bool(const std::filesystem::path&)>& writeTo) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw FileError(target, "folder '" + dir.string() + "' does not exist");
    if (fs::is_directory(target, ec)) throw FileError(target, "is a directory");

    const fs::path temp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    const bool written = writeTo(temp);
    if (!written) {
        fs::remove(temp, ec);
        throw FileError(target, std::string("cannot write (") + std::strerror(errno) + ")");
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw FileError(target, "cannot replace file: " + ec.message());
    }
}

void writeTextAtomically(const std::filesystem::path& target, std::string_view text) {
    writeFileAtomically(target, [&](const std::filesystem::path& temp) {
        std::ofstream out(temp, std::ios::binary);
        out.write(text.data(), std::streamsize(text.size()));
        out.flush();
        return bool(out);
    });
}

}  // namespace lumbarlab
