#include "atomic_file.hpp"

#include <fstream>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace bonegen {

void writeFileAtomically(const std::filesystem::path& target, std::span<const std::byte> bytes) {
    // Same directory, so the rename stays on one filesystem; pid-suffixed so parallel runs don't collide.
    std::filesystem::path temp = target;
    temp += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(temp.string() + ": cannot open for writing");
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            throw std::runtime_error(temp.string() + ": write failed");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw std::runtime_error(target.string() + ": cannot move the finished file into place (" + ec.message() + ")");
    }
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view text) {
    writeFileAtomically(target,
                        std::span<const std::byte>(reinterpret_cast<const std::byte*>(text.data()), text.size()));
}

}  // namespace bonegen
