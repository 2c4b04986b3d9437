#include "lumbarlab/render/gpu_mesh.h"

#include "lumbarlab/core/bounds.h"

#include <vector>

namespace lumbarlab {

GpuMesh::GpuMesh(const MeshData& mesh)
    : vao_(gl::makeVertexArray()), vertices_(gl::makeBuffer()), indices_(gl::makeBuffer()) {
    update(mesh);
}

void GpuMesh::update(const MeshData& mesh) {
    indexCount_ = GLsizei(mesh.indices.size());
    // One buffer reused by every upload (muscles and skin re-upload on every pose change).
    thread_local std::vector<float> interleaved;
    interleaved.resize(mesh.positions.size() * 10);
    float* out = interleaved.data();
    Bounds bounds;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i, out += 10) {
        const glm::vec3& p = mesh.positions[i];
        bounds.include(p);
        const glm::vec3 n = i < mesh.normals.size() ? mesh.normals[i] : glm::vec3{0, 1, 0};
        const float occlusion = i < mesh.occlusion.size() ? mesh.occlusion[i] : 1.0f;
        const glm::vec3 c = i < mesh.colours.size() ? mesh.colours[i] : glm::vec3{1.0f};
        out[0] = p.x, out[1] = p.y, out[2] = p.z;
        out[3] = n.x, out[4] = n.y, out[5] = n.z;
        out[6] = occlusion;
        out[7] = c.x, out[8] = c.y, out[9] = c.z;
    }
    centre_ = bounds.centre();
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(interleaved.size() * sizeof(float)), interleaved.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(mesh.indices.size() * sizeof(std::uint32_t)), mesh.indices.data(),
                 GL_STATIC_DRAW);
    const GLsizei stride = 10 * sizeof(float);
    // GL takes an offset into the bound buffer as a pointer.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    const auto offset = [](std::size_t floats) { return reinterpret_cast<const void*>(floats * sizeof(float)); };
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, offset(0));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, offset(3));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, offset(6));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, stride, offset(7));
    glBindVertexArray(0);
}

void GpuMesh::draw() const {
    glBindVertexArray(vao_.get());
    glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
}

}  // namespace lumbarlab
