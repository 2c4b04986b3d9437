#pragma once
// Dear ImGui set-up for a GLFW window: context, backends, fonts and the projector theme.

#include <string>

struct GLFWwindow;

namespace lumbarlab {

/// Owns the ImGui context and its GLFW + OpenGL3 backends for one window. Not copyable.
class ImGuiSession {
public:
    /// Install the app's GLFW callbacks before constructing this: ImGui chains to them.
    ImGuiSession(GLFWwindow* window, float uiScale);
    ~ImGuiSession();
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

    void beginFrame();
    void endFrame();  ///< renders the UI into the currently bound framebuffer
    /// Rebuilds fonts and sizes for a new scale and the theme (call between frames, never inside
    /// one: ImGui locks its font atlas while a frame is open). Does nothing when neither changed.
    void setScale(float uiScale, bool highContrast = false);
    [[nodiscard]] float scale() const { return scale_; }
    /// Closes open menus and popups (inside a frame); returns whether any was open.
    bool closePopups();
    [[nodiscard]] bool wantsMouse() const;
    [[nodiscard]] bool wantsKeyboard() const;
    /// Which font is in use: the DejaVu Sans path, or "built-in".
    [[nodiscard]] const std::string& fontSource() const { return fontSource_; }

private:
    void buildFonts(float uiScale);
    std::string fontSource_;
    float scale_ = 1.0f;
    bool highContrast_ = false;
};

}  // namespace lumbarlab
