#pragma once
// RAW OPENGL (src/render only). A linked program built from embedded shader files; compile and
// link failures throw ShaderError naming the file and carrying the driver's log.

#include "lumbarlab/render/gl_objects.h"

#include <glm/glm.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace lumbarlab {

/// A shader that failed to compile or link; what() is "<file>: <first log line>".
class ShaderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

namespace shaders {
/// The text of an embedded file from shaders/ (empty if unknown). Generated at build time.
std::string_view embeddedFile(std::string_view name);
}  // namespace shaders

/// A linked GL program with cached uniform locations. Setting a uniform neither shader declares (a
/// misspelt name) throws ShaderError naming the files; one the compiler optimised away is a no-op.
class ShaderProgram {
public:
    /// Compiles and links the named embedded files, e.g. ("mesh.vert", "bone.frag").
    ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile);

    void use() const { glUseProgram(program_.get()); }
    void set(std::string_view name, int value);
    void set(std::string_view name, unsigned value);
    void set(std::string_view name, float value);
    void set(std::string_view name, const glm::vec2& value);
    void set(std::string_view name, const glm::vec3& value);
    void set(std::string_view name, const glm::vec4& value);
    void set(std::string_view name, const glm::mat3& value);
    void set(std::string_view name, const glm::mat4& value);

private:
    GLint location(std::string_view name);
    gl::Program program_;
    std::string files_;                         // "mesh.vert + bone.frag", for error messages
    std::unordered_set<std::string> declared_;  // uniform names in either source
    std::unordered_map<std::string, GLint> locations_;
};

/// Compiles one shader stage from source; on failure throws ShaderError naming `fileName`.
gl::Shader compileShader(GLenum stage, std::string_view source, std::string_view fileName);

}  // namespace lumbarlab
