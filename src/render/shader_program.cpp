#include "lumbarlab/render/shader_program.h"

#include <glm/gtc/type_ptr.hpp>

#include <regex>
#include <vector>

namespace lumbarlab {
namespace {

std::string firstLines(std::string log) {
    while (!log.empty() && (log.back() == '\n' || log.back() == '\0' || log.back() == ' ')) log.pop_back();
    for (auto& c : log)
        if (c == '\n') c = ' ';
    return log.empty() ? "(no log from the driver)" : log;
}

/// Names of the uniforms a GLSL source declares ("uniform vec3 lightDir;", "uniform mat4 m[2];").
void addDeclaredUniforms(std::string_view source, std::unordered_set<std::string>& out) {
    static const std::regex kUniform(R"(\buniform\s+\w+\s+(\w+))");
    const std::string text(source);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kUniform); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
}

}  // namespace

gl::Shader compileShader(GLenum stage, std::string_view source, std::string_view fileName) {
    if (source.empty()) throw ShaderError(std::string(fileName) + ": shader source missing from the build");
    gl::Shader shader{glCreateShader(stage)};
    const char* text = source.data();
    const auto length = GLint(source.size());
    glShaderSource(shader.get(), 1, &text, &length);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint size = 0;
        glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &size);
        std::string log(std::size_t(std::max(size, 1)), '\0');
        glGetShaderInfoLog(shader.get(), size, nullptr, log.data());
        throw ShaderError(std::string(fileName) + ": compile error: " + firstLines(log));
    }
    return shader;
}

ShaderProgram::ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile)
    : files_(std::string(vertexFile) + " + " + std::string(fragmentFile)) {
    addDeclaredUniforms(shaders::embeddedFile(vertexFile), declared_);
    addDeclaredUniforms(shaders::embeddedFile(fragmentFile), declared_);
    const gl::Shader vs = compileShader(GL_VERTEX_SHADER, shaders::embeddedFile(vertexFile), vertexFile);
    const gl::Shader fs = compileShader(GL_FRAGMENT_SHADER, shaders::embeddedFile(fragmentFile), fragmentFile);
    program_ = gl::Program{glCreateProgram()};
    glAttachShader(program_.get(), vs.get());
    glAttachShader(program_.get(), fs.get());
    glLinkProgram(program_.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint size = 0;
        glGetProgramiv(program_.get(), GL_INFO_LOG_LENGTH, &size);
        std::string log(std::size_t(std::max(size, 1)), '\0');
        glGetProgramInfoLog(program_.get(), size, nullptr, log.data());
        throw ShaderError(std::string(vertexFile) + " + " + std::string(fragmentFile) +
                          ": link error: " + firstLines(log));
    }
    glDetachShader(program_.get(), vs.get());
    glDetachShader(program_.get(), fs.get());
}

GLint ShaderProgram::location(std::string_view name) {
    auto it = locations_.find(std::string(name));
    if (it == locations_.end()) {
        const std::string key(name);
        if (!declared_.contains(key))
            throw ShaderError(files_ + ": no uniform '" + key + "' is declared (misspelt in the renderer?)");
        // -1 for a declared uniform the compiler removed: glUniform* ignores it, as it should.
        it = locations_.emplace(key, glGetUniformLocation(program_.get(), key.c_str())).first;
    }
    return it->second;
}

void ShaderProgram::set(std::string_view name, int value) {
    glUniform1i(location(name), value);
}
void ShaderProgram::set(std::string_view name, unsigned value) {
    glUniform1ui(location(name), value);
}
void ShaderProgram::set(std::string_view name, float value) {
    glUniform1f(location(name), value);
}
void ShaderProgram::set(std::string_view name, const glm::vec2& value) {
    glUniform2fv(location(name), 1, glm::value_ptr(value));
}
void ShaderProgram::set(std::string_view name, const glm::vec3& value) {
    glUniform3fv(location(name), 1, glm::value_ptr(value));
}
void ShaderProgram::set(std::string_view name, const glm::vec4& value) {
    glUniform4fv(location(name), 1, glm::value_ptr(value));
}
void ShaderProgram::set(std::string_view name, const glm::mat3& value) {
    glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::set(std::string_view name, const glm::mat4& value) {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}

}  // namespace lumbarlab
