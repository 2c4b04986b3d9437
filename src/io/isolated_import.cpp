#include "lumbarlab/io/isolated_import.h"

#include "lumbarlab/core/file_error.h"
#include "lumbarlab/io/mesh_loader.h"

#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace lumbarlab {
namespace {

// What the child sends: one status byte ('M' mesh, 'E' error), then for 'E' the message, for 'M'
// u64 vertex count, u64 index count, positions, normals, occlusion (f32) and indices (u32), all in
// the machine's own byte order (parent and child are the same program).
constexpr char kMesh = 'M';
constexpr char kError = 'E';

void append(std::vector<char>& out, const void* data, std::size_t bytes) {
    const auto* p = static_cast<const char*>(data);
    out.insert(out.end(), p, p + bytes);
}

std::vector<char> encode(const MeshData& mesh) {
    std::vector<char> out;
    out.push_back(kMesh);
    const std::uint64_t vertices = mesh.positions.size(), indices = mesh.indices.size();
    append(out, &vertices, sizeof vertices);
    append(out, &indices, sizeof indices);
    append(out, mesh.positions.data(), vertices * sizeof(glm::vec3));
    append(out, mesh.normals.data(), vertices * sizeof(glm::vec3));
    std::vector<float> occlusion = mesh.occlusion;
    occlusion.resize(vertices, 1.0f);
    append(out, occlusion.data(), vertices * sizeof(float));
    append(out, mesh.indices.data(), indices * sizeof(std::uint32_t));
    return out;
}

MeshData decode(const std::filesystem::path& file, const std::vector<char>& in) {
    auto fail = [&] { return FileError(file, "the importer process sent back a truncated mesh"); };
    constexpr std::size_t kHeader = 1 + 2 * sizeof(std::uint64_t);
    if (in.size() < kHeader) throw fail();
    std::uint64_t vertices = 0, indices = 0;
    std::memcpy(&vertices, in.data() + 1, sizeof vertices);
    std::memcpy(&indices, in.data() + 1 + sizeof vertices, sizeof indices);
    if (vertices > (std::uint64_t(1) << 32) || indices > (std::uint64_t(1) << 34)) throw fail();
    if (in.size() != kHeader + vertices * 28 + indices * 4) throw fail();
    MeshData mesh;
    mesh.name = file.stem().string();
    mesh.positions.resize(vertices);
    mesh.normals.resize(vertices);
    mesh.occlusion.resize(vertices);
    mesh.indices.resize(indices);
    const char* p = in.data() + kHeader;
    std::memcpy(mesh.positions.data(), p, vertices * 12);
    std::memcpy(mesh.normals.data(), p + vertices * 12, vertices * 12);
    std::memcpy(mesh.occlusion.data(), p + vertices * 24, vertices * 4);
    std::memcpy(mesh.indices.data(), p + vertices * 28, indices * 4);
    if (!mesh.isConsistent()) throw FileError(file, "the importer process sent back an inconsistent mesh");
    return mesh;
}

bool writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

/// The child: import, send, leave without running the parent's exit handlers.
[[noreturn]] void childMain(const std::filesystem::path& file, int out) {
    // A crash must end the child plainly, whatever handlers the parent set (a test framework's,
    // which would report in the child and go on running the parent's code).
    for (const int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    if (const char* hook = std::getenv("LUMBARLAB_IMPORT_TEST_HOOK")) {
        if (std::strcmp(hook, "crash") == 0) std::abort();
        if (std::strcmp(hook, "hang") == 0)
            for (;;) ::pause();
    }
    std::vector<char> message;
    try {
        message = encode(loadMeshWithAssimp(file));
    } catch (const FileError& e) {
        message.push_back(kError);
        append(message, e.problem().data(), e.problem().size());
    } catch (const std::exception& e) {
        message.push_back(kError);
        const std::string what = std::string("importer failed: ") + e.what();
        append(message, what.data(), what.size());
    }
    const bool sent = writeAll(out, message.data(), message.size());
    ::close(out);
    ::_exit(sent ? 0 : 3);
}

std::string signalName(int sig) {
    switch (sig) {
        case SIGSEGV:
            return "SIGSEGV";
        case SIGABRT:
            return "SIGABRT";
        case SIGBUS:
            return "SIGBUS";
        case SIGFPE:
            return "SIGFPE";
        case SIGILL:
            return "SIGILL";
        case SIGKILL:
            return "SIGKILL";
        default:
            return "signal " + std::to_string(sig);
    }
}

}  // namespace

std::chrono::milliseconds defaultImportTimeout() {
    if (const char* text = std::getenv("LUMBARLAB_IMPORT_TIMEOUT_S")) {
        char* end = nullptr;
        const double seconds = std::strtod(text, &end);
        if (end != text && *end == '\0' && seconds > 0.0 && seconds <= 3600.0)
            return std::chrono::milliseconds(std::int64_t(seconds * 1000.0));
    }
    return std::chrono::seconds(30);
}

MeshData loadMeshIsolated(const std::filesystem::path& file, std::chrono::milliseconds timeout) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw FileError(file, "no such file");
    if (std::filesystem::is_directory(file, ec)) throw FileError(file, "is a directory, not a mesh file");
    int fds[2];
    if (::pipe(fds) != 0) throw FileError(file, std::string("cannot start the importer: ") + std::strerror(errno));
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw FileError(file, std::string("cannot start the importer: ") + std::strerror(errno));
    }
    if (child == 0) {
        ::close(fds[0]);
        childMain(file, fds[1]);
    }
    ::close(fds[1]);

    std::vector<char> received;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool timedOut = false;
    char buffer[1 << 16];
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, int(std::min<std::int64_t>(left.count(), 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // end of file: the child is done (or dead)
        received.insert(received.end(), buffer, buffer + n);
    }
    ::close(fds[0]);
    if (timedOut) ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }

    if (timedOut) {
        char limit[32];
        std::snprintf(limit, sizeof limit, "%.1f", double(timeout.count()) / 1000.0);
        throw FileError(file, std::string("the importer did not finish within ") + limit +
                                  " s and was stopped (set LUMBARLAB_IMPORT_TIMEOUT_S for more)");
    }
    if (WIFSIGNALED(status))
        throw FileError(file, "the importer crashed on this file (" + signalName(WTERMSIG(status)) +
                                  "); the file is probably malformed");
    if (!received.empty() && received[0] == kError)
        throw FileError(file, std::string(received.begin() + 1, received.end()));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || received.empty() || received[0] != kMesh)
        throw FileError(file, "the importer stopped without a result (exit status " +
                                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                  "); the file is probably malformed");
    return decode(file, received);
}

}  // namespace lumbarlab
