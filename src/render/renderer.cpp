#include "lumbarlab/render/renderer.h"

#include "lumbarlab/io/startup_timings.h"

#include <glm/gtc/matrix_inverse.hpp>

#include <algorithm>

namespace lumbarlab {

namespace {

ShaderProgram timedProgram(std::string_view vertexFile, std::string_view fragmentFile) {
    const PhaseTimer timer(std::string("shader ") + std::string(vertexFile) + " + " + std::string(fragmentFile));
    return ShaderProgram(vertexFile, fragmentFile);
}

}  // namespace

glm::mat4 windowMatrix(const FrameWindow& window) {
    // Maps the window's rectangle of the full picture's NDC onto this target's whole NDC square.
    const glm::vec4& r = window.ndc;
    glm::mat4 m(1.0f);
    m[0][0] = 2.0f / (r.z - r.x);
    m[1][1] = 2.0f / (r.w - r.y);
    m[3][0] = -(r.z + r.x) / (r.z - r.x);
    m[3][1] = -(r.w + r.y) / (r.w - r.y);
    return m;
}

Renderer::Renderer()
    : background_(timedProgram("background.vert", "background.frag")),
      bone_(timedProgram("mesh.vert", "bone.frag")),
      emptyVao_(gl::makeVertexArray()) {}

ShaderProgram& Renderer::pickProgram() {
    if (!pickIds_) pickIds_ = std::make_unique<ShaderProgram>(timedProgram("mesh.vert", "pick_id.frag"));
    return *pickIds_;
}

void Renderer::syncMeshes(const MeshLibrary& meshes) {
    const PhaseTimer timer("upload meshes");
    for (std::size_t id = 0; id < meshes_.size() && id < meshes.size(); ++id)
        if (meshes.revision(MeshId(id)) != uploadedRevisions_[id]) {
            meshes_[id]->update(meshes.get(MeshId(id)));
            uploadedRevisions_[id] = meshes.revision(MeshId(id));
        }
    for (std::size_t id = meshes_.size(); id < meshes.size(); ++id) {
        meshes_.push_back(std::make_unique<GpuMesh>(meshes.get(MeshId(id))));
        uploadedRevisions_.push_back(meshes.revision(MeshId(id)));
    }
}

const GpuMesh* Renderer::gpuMesh(MeshId id) const {
    return id < meshes_.size() ? meshes_[id].get() : nullptr;
}

FrameStats Renderer::render(const DrawList& records, const OrbitCamera& camera, RenderTarget& target,
                            const RenderSettings& settings) {
    const PhaseTimer timer("submit frame");
    FrameStats stats;
    target.bindScene();
    glDisable(GL_SCISSOR_TEST);
    glDepthMask(GL_TRUE);
    glClearColor(0, 0, 0, settings.transparent ? 0.0f : 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);

    // Background: one full-screen triangle, no depth (none at all for a transparent picture).
    const FrameWindow& window = settings.window;
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glBindVertexArray(emptyVao_.get());
    if (!settings.transparent) {
        background_.use();
        background_.set("uTop", settings.backgroundTop);
        background_.set("uBottom", settings.backgroundBottom);
        background_.set("uWindow",
                        glm::vec4(0.5f * (window.ndc.x + 1.0f), 0.5f * (window.ndc.y + 1.0f),
                                  0.5f * (window.ndc.z - window.ndc.x), 0.5f * (window.ndc.w - window.ndc.y)));
        background_.set("uPixelOffset", window.pixelOffset);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    const float aspect = window.aspect > 0.0f ? window.aspect : float(target.width()) / float(target.height());
    const glm::mat4 view = camera.view();
    const glm::mat4 viewProjection = windowMatrix(window) * camera.projection(aspect) * view;

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    bone_.use();
    bone_.set("uViewProjection", viewProjection);
    bone_.set("uView", view);
    bone_.set("uEye", camera.eye());
    bone_.set("uExposure", settings.exposure);
    // The cut keeps the left half (z <= 0); inner faces then show, so culling must be off.
    bone_.set("uClipPlane",
              settings.sagittalCut ? glm::vec4(0.0f, 0.0f, -1.0f, 0.0f) : glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    if (settings.sagittalCut) {
        glEnable(GL_CLIP_DISTANCE0);
        glDisable(GL_CULL_FACE);
    }

    auto drawOne = [&](const DrawRecord& r) {
        const GpuMesh* mesh = gpuMesh(r.mesh);
        if (!mesh) return;
        bone_.set("uModel", r.transform);
        bone_.set("uNormalMatrix", glm::mat3(glm::inverseTranspose(r.transform)));
        bone_.set("uColour", r.colour);
        const unsigned flags = r.flags | (settings.flatShading ? unsigned(kDrawFlat) : 0u);
        bone_.set("uFlags", flags);
        // Two-sided records (open meshes from files) show their inner faces; the shader lights
        // whichever face is seen. The cut already has culling off for every record.
        const bool cull = !settings.sagittalCut && !(r.flags & kDrawTwoSided);
        if (cull)
            glEnable(GL_CULL_FACE);
        else
            glDisable(GL_CULL_FACE);
        mesh->draw();
        ++stats.drawCalls;
        stats.triangles += mesh->triangleCount();
    };

    // Opaque records near to far: what the nearer ones hide fails the depth test before it is shaded
    // (most of a frame's cost on software GL).
    const glm::vec3 eye = camera.eye();
    auto distance = [&](const DrawRecord& r) {
        const GpuMesh* mesh = gpuMesh(r.mesh);
        const glm::vec3 centre =
            mesh ? glm::vec3(r.transform * glm::vec4(mesh->centre(), 1.0f)) : glm::vec3(r.transform[3]);
        return glm::distance(centre, eye);
    };
    opaque_.clear();
    std::vector<const DrawRecord*> translucent;
    for (const auto& r : records) {
        if (r.flags & kDrawTranslucent)
            translucent.push_back(&r);
        else
            opaque_.emplace_back(distance(r), &r);
    }
    std::sort(opaque_.begin(), opaque_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [d, r] : opaque_) drawOne(*r);
    if (!translucent.empty()) {
        // Far to near by origin depth: good enough for convex-ish bones seen through each other. A
        // shell around everything (the skin) comes last: its front faces are nearer than all inside it.
        std::sort(translucent.begin(), translucent.end(), [&](const DrawRecord* a, const DrawRecord* b) {
            const bool outerA = (a->flags & kDrawOutermost) != 0, outerB = (b->flags & kDrawOutermost) != 0;
            if (outerA != outerB) return outerB;
            return glm::distance(glm::vec3(a->transform[3]), eye) > glm::distance(glm::vec3(b->transform[3]), eye);
        });
        glEnable(GL_BLEND);
        // Colour "over" as usual; alpha accumulates coverage, so on a transparent background the
        // result is premultiplied colour with the right alpha (on an opaque one alpha stays 1).
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        for (const DrawRecord* r : translucent) drawOne(*r);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    glBindVertexArray(0);
    glDisable(GL_CLIP_DISTANCE0);
    target.resolve();
    return stats;
}

void Renderer::drawIds(const DrawList& records, const OrbitCamera& camera, const RenderTarget& target) {
    const GLuint zero[4] = {0, 0, 0, 0};
    glClearBufferuiv(GL_COLOR, 0, zero);
    glDepthMask(GL_TRUE);
    glClear(GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glEnable(GL_CULL_FACE);
    const float aspect = float(target.width()) / float(target.height());
    ShaderProgram& program = pickProgram();
    program.use();
    program.set("uViewProjection", camera.projection(aspect) * camera.view());
    for (const auto& r : records) {
        if (r.pickId == kNoPick || (r.flags & kDrawNoPick)) continue;
        const GpuMesh* mesh = gpuMesh(r.mesh);
        if (!mesh) continue;
        program.set("uModel", r.transform);
        program.set("uPickId", unsigned(r.pickId));
        if (r.flags & kDrawTwoSided)
            glDisable(GL_CULL_FACE);
        else
            glEnable(GL_CULL_FACE);
        mesh->draw();
    }
    glBindVertexArray(0);
}

PickId Renderer::pick(const DrawList& records, const OrbitCamera& camera, RenderTarget& target, int x, int yFromTop) {
    if (x < 0 || yFromTop < 0 || x >= target.width() || yFromTop >= target.height()) return kNoPick;
    target.bindIds();
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, target.height() - 1 - yFromTop, 1, 1);
    drawIds(records, camera, target);
    glDisable(GL_SCISSOR_TEST);
    return target.readId(x, yFromTop);
}

void Renderer::renderIds(const DrawList& records, const OrbitCamera& camera, RenderTarget& target) {
    target.bindIds();
    glDisable(GL_SCISSOR_TEST);
    drawIds(records, camera, target);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace lumbarlab
