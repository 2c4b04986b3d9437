#include "lumbarlab/ui/imgui_session.h"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ClosePopupToLevel: Esc closes open menus and popups

#include <filesystem>

namespace lumbarlab {
namespace {

constexpr float kBaseFontPixels = 18.0f;  // readable from the back of a classroom at scale 1

/// Dark theme: large paddings, rounded panels, warm accent that survives projectors. The
/// high-contrast variant (presentation mode) is black and white with a yellow accent.
void applyTheme(float scale, bool highContrast) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.ScrollbarSize = 16.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);  // opaque: no text bleeding through
    c[ImGuiCol_PopupBg] = ImVec4(0.10f, 0.11f, 0.13f, 0.97f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.12f, 0.13f, 0.16f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.95f, 0.95f, 0.93f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.64f, 0.66f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.55f, 0.20f, 0.45f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.86f, 0.55f, 0.20f, 0.70f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.86f, 0.55f, 0.20f, 0.90f);
    c[ImGuiCol_Button] = ImVec4(0.25f, 0.30f, 0.38f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.86f, 0.55f, 0.20f, 0.80f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.92f, 0.60f, 0.22f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(1.00f, 0.70f, 0.30f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(1.00f, 0.70f, 0.30f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.20f, 0.22f, 0.26f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.16f, 0.18f, 0.22f, 1.0f);
    if (highContrast) {
        c[ImGuiCol_WindowBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
        c[ImGuiCol_PopupBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
        c[ImGuiCol_Text] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.80f, 0.80f, 0.80f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(1.0f, 1.0f, 1.0f, 0.6f);
        c[ImGuiCol_Button] = ImVec4(0.22f, 0.22f, 0.22f, 1.0f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.55f, 0.47f, 0.0f, 1.0f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.80f, 0.66f, 0.0f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(0.15f, 0.15f, 0.15f, 1.0f);
        style.WindowBorderSize = 2.0f;
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace

ImGuiSession::ImGuiSession(GLFWwindow* window, float uiScale) : scale_(uiScale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is ours; no imgui.ini appearing in the user's folder
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    buildFonts(uiScale);
    applyTheme(uiScale, false);
}

ImGuiSession::~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiSession::buildFonts(float uiScale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const char* dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::error_code ec;
    ImFont* font = nullptr;
    if (std::filesystem::is_regular_file(dejavu, ec))
        font = io.Fonts->AddFontFromFileTTF(dejavu, kBaseFontPixels * uiScale);
    if (font) {
        fontSource_ = dejavu;
    } else {
        ImFontConfig config;
        config.SizePixels = 13.0f * uiScale;
        io.Fonts->AddFontDefault(&config);
        fontSource_ = "built-in";
    }
}

void ImGuiSession::setScale(float uiScale, bool highContrast) {
    if (uiScale == scale_ && highContrast == highContrast_) return;
    if (uiScale != scale_) {
        buildFonts(uiScale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    applyTheme(uiScale, highContrast);
    scale_ = uiScale;
    highContrast_ = highContrast;
}

bool ImGuiSession::closePopups() {
    if (!ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return false;
    ImGui::ClosePopupToLevel(0, true);
    return true;
}

void ImGuiSession::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void ImGuiSession::endFrame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiSession::wantsMouse() const {
    return ImGui::GetIO().WantCaptureMouse;
}
// Only a text field takes the keyboard from the shortcuts: a focused panel must not swallow F7.
bool ImGuiSession::wantsKeyboard() const {
    return ImGui::GetIO().WantTextInput;
}

}  // namespace lumbarlab
