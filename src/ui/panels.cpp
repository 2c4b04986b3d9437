#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace lumbarlab {
namespace {

const char* presetKey(ViewPreset v) {
    switch (v) {
        case ViewPreset::Anterior: return "1";
        case ViewPreset::Posterior: return "2";
        case ViewPreset::Lateral: return "3";
        case ViewPreset::Medial: return "4";
        case ViewPreset::Superior: return "5";
        case ViewPreset::Oblique: return "6";
    }
    return "";
}

std::string titled(std::string_view s) {
    std::string out(s);
    if (!out.empty()) out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

void drawMenuBar(UiState& ui, UiIntents& intents) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save screenshot", "P")) intents.screenshot = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) intents.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (auto v : kAllViewPresets)
            if (ImGui::MenuItem(titled(toString(v)).c_str(), presetKey(v))) intents.viewPreset = v;
        ImGui::Separator();
        if (ImGui::MenuItem("Frame selection", "F")) intents.frameSelection = true;
        ImGui::Separator();
        ImGui::MenuItem("Scene panel", nullptr, &ui.showScenePanel);
        ImGui::MenuItem("Frame statistics", nullptr, &ui.showStats);
        ImGui::MenuItem("Flat shading", nullptr, &ui.render.flatShading);
        ImGui::Separator();
        float scale = ui.uiScale;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        if (ImGui::SliderFloat("UI scale", &scale, 0.75f, 3.0f, "%.2f")) ui.uiScale = scale;
        if (ImGui::IsItemDeactivatedAfterEdit()) intents.uiScale = ui.uiScale;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys and mouse", "H")) ui.showHelp = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawScenePanel(const Scene& scene, UiState& ui, UiIntents& intents) {
    if (!ui.showScenePanel) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(em * 0.6f, em * 2.4f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * 17.0f, em * 22.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Scene", &ui.showScenePanel)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("%zu objects, %zu triangles", scene.objects.size(), scene.visibleTriangleCount());
    ImGui::Separator();
    for (std::size_t i = 0; i < scene.objects.size(); ++i) {
        const SceneObject& o = scene.objects[i];
        ImGui::PushID(int(i));
        bool visible = o.visible;
        if (ImGui::Checkbox("##visible", &visible)) intents.toggleVisibility = i;
        ImGui::SameLine();
        const bool selected = scene.selected == i;
        if (ImGui::Selectable(o.name.c_str(), selected)) intents.select = selected ? std::nullopt : std::optional{i};
        ImGui::PopID();
    }
    ImGui::End();
}

void drawStatsOverlay(const FrameTimings& timings, const UiState& ui) {
    if (!ui.showStats) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em * 0.6f, viewport->WorkPos.y + em * 0.6f),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##stats", nullptr, flags)) {
        ImGui::Text("%.0f fps  %.1f ms", timings.fps, timings.frameMs);
        ImGui::Text("%zu triangles, %zu draws", timings.stats.triangles, timings.stats.drawCalls);
        ImGui::TextDisabled("%s", timings.renderer.c_str());
    }
    ImGui::End();
}

void drawNotices(UiState& ui, double now) {
    ui.notices.erase(std::remove_if(ui.notices.begin(), ui.notices.end(), [&](const Notice& n) { return n.expiresAt < now; }),
                     ui.notices.end());
    if (ui.notices.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + em * 0.6f, viewport->WorkPos.y + viewport->WorkSize.y - em * 0.6f),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##notices", nullptr, flags)) {
        for (const auto& n : ui.notices)
            ImGui::TextColored(n.isError ? ImVec4(1.0f, 0.45f, 0.40f, 1.0f) : ImVec4(0.70f, 0.95f, 0.70f, 1.0f), "%s",
                               n.text.c_str());
    }
    ImGui::End();
}

void drawHelpWindow(UiState& ui) {
    if (!ui.showHelp) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Keys and mouse", &ui.showHelp, ImGuiWindowFlags_AlwaysAutoResize)) {
        const char* rows[][2] = {
            {"Left drag", "orbit"},
            {"Right drag, Shift + left drag", "pan"},
            {"Wheel", "zoom"},
            {"Click", "select (click empty space to clear)"},
            {"1 2 3 4 5 6", "anterior, posterior, lateral, medial, superior, oblique"},
            {"F", "frame the selection (or everything)"},
            {"P", "save a screenshot (PNG)"},
            {"H", "this help"},
            {"Ctrl+Q", "quit"},
        };
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& row : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row[0]);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row[1]);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace lumbarlab
