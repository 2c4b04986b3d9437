#pragma once
// RAW OPENGL (src/render only). Draws a DrawList seen by an OrbitCamera into a RenderTarget.
// It draws exactly the records it is given; it knows nothing about anatomy.

#include "lumbarlab/render/gpu_mesh.h"
#include "lumbarlab/render/render_target.h"
#include "lumbarlab/render/shader_program.h"
#include "lumbarlab/scene/camera.h"
#include "lumbarlab/scene/render_settings.h"
#include "lumbarlab/scene/scene.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace lumbarlab {

/// The matrix that turns the full picture's clip space into one tile's (identity for the whole).
[[nodiscard]] glm::mat4 windowMatrix(const FrameWindow& window);

class Renderer {
public:
    /// Needs a current GL 3.3 core context; compiles the shaders the frame needs (throws
    /// ShaderError). The pick-ID program is compiled on the first pick: a headless render never picks.
    Renderer();

    /// Uploads meshes added or replaced in the library since the last call.
    void syncMeshes(const MeshLibrary& meshes);

    /// Background, opaque records, then translucent ones back to front; resolves the MSAA buffer.
    FrameStats render(const DrawList& records, const OrbitCamera& camera, RenderTarget& target,
                      const RenderSettings& settings);

    /// Pick id under one pixel (y from the top). Renders the ID pass scissored to that pixel,
    /// so hovering costs little even on software GL.
    PickId pick(const DrawList& records, const OrbitCamera& camera, RenderTarget& target, int x, int yFromTop);

    /// Fills the whole ID buffer (tests and debugging).
    void renderIds(const DrawList& records, const OrbitCamera& camera, RenderTarget& target);

private:
    void drawIds(const DrawList& records, const OrbitCamera& camera, const RenderTarget& target);
    const GpuMesh* gpuMesh(MeshId id) const;

    ShaderProgram background_;
    ShaderProgram bone_;
    ShaderProgram& pickProgram();
    std::unique_ptr<ShaderProgram> pickIds_;  ///< compiled lazily by pickProgram()
    gl::VertexArray emptyVao_;                ///< core profile needs a bound VAO even for attribute-less draws
    std::vector<std::unique_ptr<GpuMesh>> meshes_;
    std::vector<std::uint64_t> uploadedRevisions_;
    std::vector<std::pair<float, const DrawRecord*>> opaque_;  ///< this frame's opaque records by distance
};

}  // namespace lumbarlab
