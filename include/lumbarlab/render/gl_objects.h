#pragma once
// RAW OPENGL LIVES HERE (src/render only). Move-only RAII owners for every GL object kind:
// copy deleted, move by exchange, noexcept destructor. A default-constructed owner holds 0.

#include <epoxy/gl.h>

#include <utility>

namespace lumbarlab::gl {

/// Owns one GL name; Deleter::destroy(GLuint) frees it.
template <typename Deleter>
class Handle {
public:
    Handle() noexcept = default;
    explicit Handle(GLuint id) noexcept : id_(id) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }
    ~Handle() noexcept { reset(); }

    [[nodiscard]] GLuint get() const noexcept { return id_; }
    [[nodiscard]] explicit operator bool() const noexcept { return id_ != 0; }
    void reset() noexcept {
        if (id_ != 0) Deleter::destroy(id_);
        id_ = 0;
    }

private:
    GLuint id_ = 0;
};

struct BufferDeleter {
    static void destroy(GLuint id) noexcept { glDeleteBuffers(1, &id); }
};
struct VertexArrayDeleter {
    static void destroy(GLuint id) noexcept { glDeleteVertexArrays(1, &id); }
};
struct TextureDeleter {
    static void destroy(GLuint id) noexcept { glDeleteTextures(1, &id); }
};
struct RenderbufferDeleter {
    static void destroy(GLuint id) noexcept { glDeleteRenderbuffers(1, &id); }
};
struct FramebufferDeleter {
    static void destroy(GLuint id) noexcept { glDeleteFramebuffers(1, &id); }
};
struct ShaderDeleter {
    static void destroy(GLuint id) noexcept { glDeleteShader(id); }
};
struct ProgramDeleter {
    static void destroy(GLuint id) noexcept { glDeleteProgram(id); }
};

using Buffer = Handle<BufferDeleter>;
using VertexArray = Handle<VertexArrayDeleter>;
using Texture = Handle<TextureDeleter>;
using Renderbuffer = Handle<RenderbufferDeleter>;
using Framebuffer = Handle<FramebufferDeleter>;
using Shader = Handle<ShaderDeleter>;
using Program = Handle<ProgramDeleter>;

inline Buffer makeBuffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer{id};
}
inline VertexArray makeVertexArray() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray{id};
}
inline Texture makeTexture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return Texture{id};
}
inline Renderbuffer makeRenderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return Renderbuffer{id};
}
inline Framebuffer makeFramebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return Framebuffer{id};
}

}  // namespace lumbarlab::gl
