#pragma once
// What is in the 3D view: named objects referring to shared meshes. Turns itself into a DrawList.

#include "lumbarlab/core/mesh.h"
#include "lumbarlab/scene/draw_record.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lumbarlab {

/// Owns the meshes; records refer to them by MeshId. Meshes never move once added.
class MeshLibrary {
public:
    MeshId add(MeshData mesh);
    [[nodiscard]] const MeshData& get(MeshId id) const { return *meshes_.at(id); }
    [[nodiscard]] std::size_t size() const { return meshes_.size(); }
    /// Replaces a mesh's vertices (deforming discs); bumps its revision so the GPU copy updates.
    void replace(MeshId id, MeshData mesh);
    /// Swaps a mesh with `mesh` (the caller keeps the old buffers to refill: no reallocation per
    /// frame) and bumps its revision.
    void swap(MeshId id, MeshData& mesh);
    [[nodiscard]] std::uint64_t revision(MeshId id) const { return revisions_.at(id); }

private:
    std::vector<std::unique_ptr<MeshData>> meshes_;
    std::vector<std::uint64_t> revisions_;
};

/// One thing in the scene a user can see, pick and hide.
struct SceneObject {
    std::string id;  ///< stable id (bone id for the built-in model, file name for --mesh)
    std::string name;
    std::string group;  ///< for "visibility per group"
    MeshId mesh = 0;
    glm::mat4 transform{1.0f};
    glm::vec4 colour{0.89f, 0.85f, 0.76f, 1.0f};  ///< bone ivory by default
    bool visible = true;
    bool pickable = true;
    bool flat = false;
    bool vertexColours = false;  ///< draw with the mesh's per-vertex colours (pressure maps)
    bool twoSided = false;       ///< draw both faces (meshes from files may be open or wound inward)
    bool outermost = false;      ///< a translucent shell around the rest (the skin): drawn after them
};

/// The objects in view plus the current hover/selection, which only change how records look.
struct Scene {
    MeshLibrary meshes;
    std::vector<SceneObject> objects;
    std::optional<std::size_t> hovered;
    std::optional<std::size_t> selected;

    /// Pick id of object i (ids start at 1; 0 is the background).
    [[nodiscard]] static PickId pickIdOf(std::size_t objectIndex) { return PickId(objectIndex + 1); }
    /// Object index for a pick id read back from the ID buffer, if it names one.
    [[nodiscard]] std::optional<std::size_t> objectOf(PickId id) const;

    /// Visible objects as draw records, with hover and selection flags.
    [[nodiscard]] DrawList drawList() const;
    /// World bounds of the visible objects except props (or of one object).
    [[nodiscard]] Bounds bounds() const;
    [[nodiscard]] Bounds bounds(std::size_t objectIndex) const;
    /// The eight corners of an object's own box, placed in the world: what a camera frames (much
    /// tighter than one world box around a slanted bone).
    void appendFramingPoints(std::size_t objectIndex, std::vector<glm::vec3>& points) const;
    /// Those of every visible object except props.
    [[nodiscard]] std::vector<glm::vec3> framingPoints() const;
    [[nodiscard]] std::size_t visibleTriangleCount() const;
};

}  // namespace lumbarlab
