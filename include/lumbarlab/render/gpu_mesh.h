#pragma once
// RAW OPENGL (src/render only). A MeshData uploaded to the GPU: one VAO, interleaved vertices.

#include "lumbarlab/core/mesh.h"
#include "lumbarlab/render/gl_objects.h"

namespace lumbarlab {

/// Vertex layout: position (3 floats), normal (3), occlusion (1), colour (3).
class GpuMesh {
public:
    explicit GpuMesh(const MeshData& mesh);
    /// Re-uploads the vertices and indices (sizes may change).
    void update(const MeshData& mesh);
    void draw() const;
    [[nodiscard]] std::size_t triangleCount() const { return indexCount_ / 3; }
    /// Centre of the mesh's bounding box, in its own coordinates (for drawing near to far).
    [[nodiscard]] const glm::vec3& centre() const { return centre_; }

private:
    gl::VertexArray vao_;
    gl::Buffer vertices_;
    gl::Buffer indices_;
    GLsizei indexCount_ = 0;
    glm::vec3 centre_{0.0f};
};

}  // namespace lumbarlab
