#include "lumbarlab/ui/panels.h"

#include "lumbarlab/view/colour_maps.h"
#include "lumbarlab/view/keymap.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace lumbarlab {
namespace {

std::string titled(std::string_view s) {
    std::string out(s);
    if (!out.empty()) out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

void drawMenuBar(UiState& ui, bool pressureColours, UiIntents& intents) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save screenshot", shortcutOf(Action::Screenshot).c_str())) intents.screenshot = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", shortcutOf(Action::Quit).c_str())) intents.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (std::size_t i = 0; i < kAllViewPresets.size(); ++i)
            if (ImGui::MenuItem(titled(toString(kAllViewPresets[i])).c_str(),
                                shortcutOf(Action::ViewPreset, i).c_str()))
                intents.viewPreset = kAllViewPresets[i];
        ImGui::Separator();
        if (ImGui::MenuItem("Frame selection", shortcutOf(Action::FrameSelection).c_str()))
            intents.frameSelection = true;
        ImGui::Separator();
        ImGui::MenuItem("X-ray bones", shortcutOf(Action::ToggleXray).c_str(), &ui.xray);
        ImGui::MenuItem("Landmarks", shortcutOf(Action::ToggleLandmarks).c_str(), &ui.showLandmarks);
        ImGui::Separator();
        ImGui::MenuItem("Scene panel", nullptr, &ui.showScenePanel);
        ImGui::MenuItem("Posture panel", nullptr, &ui.showPosturePanel);
        ImGui::MenuItem("Disc panel", shortcutOf(Action::ToggleDiscPanel).c_str(), &ui.showDiscPanel);
        ImGui::MenuItem("Muscle panel", shortcutOf(Action::ToggleMusclePanel).c_str(), &ui.showMusclePanel);
        ImGui::MenuItem("Evidence", shortcutOf(Action::ToggleEvidence).c_str(), &ui.showEvidence);
        if (bool on = pressureColours; ImGui::MenuItem("Disc pressure colours", nullptr, &on))
            intents.pressureColours = on;
        ImGui::MenuItem("Sagittal cut", shortcutOf(Action::ToggleCut).c_str(), &ui.render.sagittalCut);
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
        if (ImGui::MenuItem("Keys and mouse", shortcutOf(Action::ToggleHelp).c_str())) ui.showHelp = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawScenePanel(const Scene& scene, UiState& ui, UiIntents& intents) {
    if (!ui.showScenePanel) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(em * 0.6f, em * 2.4f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * 17.0f, em * 11.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Scene", &ui.showScenePanel)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("%zu objects, %zu triangles", scene.objects.size(), scene.visibleTriangleCount());
    ImGui::Separator();
    // Objects by group, each group with one checkbox that shows or hides all of it.
    std::vector<std::string> groups;
    for (const auto& o : scene.objects)
        if (std::find(groups.begin(), groups.end(), o.group) == groups.end()) groups.push_back(o.group);
    for (const auto& group : groups) {
        bool anyVisible = false;
        for (const auto& o : scene.objects) anyVisible = anyVisible || (o.group == group && o.visible);
        ImGui::PushID(group.c_str());
        bool groupVisible = anyVisible;
        if (ImGui::Checkbox("##group", &groupVisible)) intents.toggleGroup = group;
        ImGui::SameLine();
        const bool open = ImGui::TreeNodeEx(titled(group).c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        if (open) {
            for (std::size_t i = 0; i < scene.objects.size(); ++i) {
                const SceneObject& o = scene.objects[i];
                if (o.group != group) continue;
                ImGui::PushID(int(i));
                bool visible = o.visible;
                if (ImGui::Checkbox("##visible", &visible)) intents.toggleVisibility = i;
                ImGui::SameLine();
                const bool selected = scene.selected == i;
                if (ImGui::Selectable(o.name.c_str(), selected))
                    intents.select = selected ? std::nullopt : std::optional{i};
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::End();
}

void drawStatsOverlay(const FrameTimings& timings, const UiState& ui) {
    if (!ui.showStats) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em * 0.6f, viewport->WorkPos.y + em * 0.6f),
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
    ui.notices.erase(
        std::remove_if(ui.notices.begin(), ui.notices.end(), [&](const Notice& n) { return n.expiresAt < now; }),
        ui.notices.end());
    if (ui.notices.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + em * 0.6f, viewport->WorkPos.y + viewport->WorkSize.y - em * 0.6f),
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

void drawInfoCard(const InfoCard* card, UiIntents& intents) {
    if (!card) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = em * 21.0f;
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width - em * 0.6f, viewport->WorkPos.y + em * 5.5f),
        ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    bool open = true;
    if (ImGui::Begin("Selected", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.42f, 1.0f));
        ImGui::SetWindowFontScale(1.25f);
        ImGui::TextWrapped("%s", card->title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopStyleColor();
        if (!card->subtitle.empty()) ImGui::TextDisabled("%s", card->subtitle.c_str());
        ImGui::Separator();
        ImGui::TextWrapped("%s", card->text.c_str());
        if (!card->details.empty()) {
            ImGui::Spacing();
            if (!card->detailsHeading.empty()) ImGui::TextDisabled("%s", card->detailsHeading.c_str());
            for (const auto& d : card->details) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", d.c_str());
            }
        }
    }
    ImGui::End();
    if (!open) intents.select = std::optional<std::size_t>{};
}

void drawScreenLabels(const std::vector<ScreenLabel>& labels) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImU32 halo = IM_COL32(10, 12, 16, 200);
    const ImU32 ink = IM_COL32(255, 236, 200, 255);
    // Greedy decluttering: a label that would overlap one already placed is left out (its
    // marker still shows), so crowded views stay legible.
    std::vector<ImVec4> placed;
    for (const auto& label : labels) {
        const ImVec2 size = ImGui::CalcTextSize(label.text.c_str());
        const ImVec2 at(label.x + 6.0f, label.y - size.y * 0.5f);
        const ImVec4 box(at.x - 3, at.y - 1, at.x + size.x + 3, at.y + size.y + 1);
        bool overlaps = false;
        for (const auto& p : placed) overlaps = overlaps || (box.x < p.z && p.x < box.z && box.y < p.w && p.y < box.w);
        if (overlaps) continue;
        placed.push_back(box);
        draw->AddRectFilled(ImVec2(at.x - 3, at.y - 1), ImVec2(at.x + size.x + 3, at.y + size.y + 1), halo, 3.0f);
        draw->AddText(at, ink, label.text.c_str());
    }
}

void drawPosturePanel(const PosturePanelData& data, UiState& ui, UiIntents& intents) {
    if (!ui.showPosturePanel) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = em * 24.0f;
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + em * 0.6f, viewport->WorkPos.y + viewport->WorkSize.y - em * 0.6f),
        ImGuiCond_FirstUseEver, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, em * 21.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Posture and motion", &ui.showPosturePanel)) {
        ImGui::End();
        return;
    }
    // The list: a combo keeps the panel short; the function keys are shown beside each name.
    std::string preview = data.name.empty() ? data.current : data.name;
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##posture", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& p : data.postures) {
            const std::string label =
                (p.key.empty() ? std::string("     ") : p.key + "  ") + p.name + (p.motion ? "  >" : "");
            if (ImGui::Selectable(label.c_str(), p.id == data.current)) intents.posture = p.id;
        }
        ImGui::EndCombo();
    }
    if (!data.description.empty()) ImGui::TextWrapped("%s", data.description.c_str());

    if (data.motion) {
        if (ImGui::Button(data.playing ? "Pause" : "Play", ImVec2(em * 4.0f, 0))) intents.togglePlay = true;
        ImGui::SameLine();
        float t = float(data.time);
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::SliderFloat("##time", &t, 0.0f, float(data.duration), "%.1f s")) intents.seek = double(t);
        const double speeds[] = {0.25, 0.5, 1.0, 1.5, 2.0};
        ImGui::TextUnformatted("Speed");
        for (double s : speeds) {
            ImGui::SameLine();
            char label[16];
            std::snprintf(label, sizeof label, "%gx", s);
            const bool active = std::abs(s - data.speed) < 1e-6;
            if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::SmallButton(label)) intents.speed = s;
            if (active) ImGui::PopStyleColor();
        }
        bool loop = data.loop;
        if (ImGui::Checkbox("Loop", &loop)) intents.loop = loop;
        ImGui::SameLine();
        if (data.loop && data.repetitions >= 0) ImGui::Text("   Reps: %d", data.repetitions);
    }
    ImGui::Text("Hold: %d:%02d", int(data.elapsed) / 60, int(data.elapsed) % 60);
    if (!data.dose.empty() || !data.cues.empty()) {
        ImGui::Separator();
        if (!data.dose.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.42f, 1.0f));
            ImGui::TextWrapped("Dose: %s", data.dose.c_str());
            ImGui::PopStyleColor();
        }
        for (const auto& cue : data.cues) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", cue.c_str());
        }
    }
    ImGui::Separator();
    if (ImGui::CollapsingHeader("Clinical angles", ImGuiTreeNodeFlags_DefaultOpen)) {
        if (ImGui::BeginTable("angles", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [name, value] : data.angles) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(name.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%6.1f deg", value);
            }
            ImGui::EndTable();
        }
    }
    if (ImGui::CollapsingHeader("Adjust joints")) {
        if (ImGui::Button("Reset to posture")) intents.resetCoordinates = true;
        for (const auto& s : data.sliders) {
            float v = float(s.value);
            if (s.overridden) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.45f, 0.30f, 0.12f, 1.0f));
            ImGui::SetNextItemWidth(em * 11.0f);
            const char* format = s.unit == "m" ? "%.3f m" : "%.1f deg";
            if (ImGui::SliderFloat(s.name.c_str(), &v, float(s.min), float(s.max), format))
                intents.setCoordinate = {s.name, double(v)};
            if (s.overridden) ImGui::PopStyleColor();
        }
    }
    ImGui::End();
}

namespace {

ImU32 toImColour(const glm::vec3& c) {
    return IM_COL32(int(c.x * 255), int(c.y * 255), int(c.z * 255), 255);
}

}  // namespace

void drawMusclePanel(const MusclePanelData& data, UiState& ui, UiIntents& intents) {
    if (!ui.showMusclePanel) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em * 0.6f, viewport->WorkPos.y + em * 0.6f),
        ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(em * 24.0f, em * 30.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Muscles", &ui.showMusclePanel)) {
        ImGui::End();
        return;
    }
    // Legend: the diverging map, shortened blue to lengthened red, in % against the reference.
    ImGui::TextWrapped("Length change against %s", data.reference.c_str());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = em * 16.0f, height = em * 0.8f;
    for (int i = 0; i < 32; ++i) {
        const float x0 = at.x + width * float(i) / 32.0f, x1 = at.x + width * float(i + 1) / 32.0f;
        const double pct = (double(i) + 0.5) / 32.0 * 2.0 * data.legendRangePct - data.legendRangePct;
        const glm::vec3 c = lengthChangeColour(pct, data.legendRangePct);
        draw->AddRectFilled(ImVec2(x0, at.y), ImVec2(x1, at.y + height), toImColour(c));
    }
    ImGui::Dummy(ImVec2(width, height));
    char low[32], high[32];
    std::snprintf(low, sizeof low, "-%.0f %% shorter", double(data.legendRangePct));
    std::snprintf(high, sizeof high, "+%.0f %% longer", double(data.legendRangePct));
    const float left = ImGui::GetCursorPosX();
    ImGui::TextUnformatted(low);
    ImGui::SameLine(left + width * 0.5f - ImGui::CalcTextSize("0").x * 0.5f);
    ImGui::TextUnformatted("0");
    ImGui::SameLine(left + width - ImGui::CalcTextSize(high).x);
    ImGui::TextUnformatted(high);

    if (ImGui::Button("Show all")) intents.showAllMuscles = true;
    ImGui::SameLine();
    if (ImGui::Button("Hide all")) intents.showAllMuscles = false;
    if (data.selected) {
        ImGui::SameLine();
        if (ImGui::Button("Show only selected")) intents.isolateObject = data.selected->object;
    }
    for (const auto& g : data.groups) {
        bool visible = g.visible;
        if (ImGui::Checkbox(g.label.c_str(), &visible)) intents.toggleGroup = g.id;
    }
    auto rankTable = [&](const char* id, const char* title, const std::vector<MuscleRankRow>& rows) {
        ImGui::TextUnformatted(title);
        if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
        for (const auto& r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(r.name.c_str(), data.selected && data.selected->object == r.object))
                intents.select = std::optional<std::size_t>(r.object);
            ImGui::TableNextColumn();
            const glm::vec3 c = lengthChangeColour(r.changePct, data.legendRangePct);
            ImGui::TextColored(ImVec4(c.x, c.y, c.z, 1.0f), "%+.1f %%", r.changePct);
        }
        ImGui::EndTable();
    };
    ImGui::Separator();
    rankTable("lengthened", "Most lengthened now", data.lengthened);
    rankTable("shortened", "Most shortened now", data.shortened);
    ImGui::Separator();
    if (data.selected) {
        ImGui::Text("%s: %+.1f %% (%.3f m)", data.selected->name.c_str(), data.selected->changePct,
                    data.selectedLengthM);
        if (!data.trace.empty()) {
            float lo = 0.0f, hi = 0.0f;
            for (float v : data.trace) lo = std::min(lo, v), hi = std::max(hi, v);
            char overlay[48];
            std::snprintf(overlay, sizeof overlay, "%.0f to %+.0f %% over the motion", double(lo), double(hi));
            const ImVec2 plotAt = ImGui::GetCursorScreenPos();
            const ImVec2 size(ImGui::GetContentRegionAvail().x, em * 5.0f);
            ImGui::PlotLines("##muscle_trace", data.trace.data(), int(data.trace.size()), 0, overlay, lo - 1.0f,
                             hi + 1.0f, size);
            if (data.traceTime >= 0.0f) {  // where the motion is now
                const float x = plotAt.x + data.traceTime * size.x;
                ImGui::GetWindowDrawList()->AddLine(ImVec2(x, plotAt.y), ImVec2(x, plotAt.y + size.y),
                                                    IM_COL32(255, 220, 120, 255), 2.0f);
            }
        } else {
            ImGui::TextDisabled("Play a motion to plot its length over time.");
        }
    } else {
        ImGui::TextDisabled("Click a muscle to read about it and plot it.");
    }
    ImGui::End();
}

void drawDiscPanel(const DiscPanelData& data, UiState& ui, UiIntents& intents) {
    if (!ui.showDiscPanel) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em * 0.6f,
                                   viewport->WorkPos.y + viewport->WorkSize.y - em * 0.6f),
                            ImGuiCond_FirstUseEver, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(em * 30.0f, em * 19.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Discs", &ui.showDiscPanel)) {
        ImGui::End();
        return;
    }
    if (bool on = data.pressureColours; ImGui::Checkbox("Colour by pressure", &on)) intents.pressureColours = on;
    ImGui::SameLine();
    ImGui::Checkbox("Sagittal cut", &ui.render.sagittalCut);
    float kg = float(data.handLoadKg);
    ImGui::SetNextItemWidth(em * 10.0f);
    if (ImGui::SliderFloat("Load in the hands", &kg, 0.0f, 25.0f, "%.0f kg")) intents.handLoadKg = double(kg);
    // Legend: the colour bar of the pressure map, in MPa.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = em * 14.0f, height = em * 0.8f;
    for (int i = 0; i < 32; ++i) {
        const float x0 = at.x + width * float(i) / 32.0f, x1 = at.x + width * float(i + 1) / 32.0f;
        draw->AddRectFilled(
            ImVec2(x0, at.y), ImVec2(x1, at.y + height),
            toImColour(pressureColour((double(i) + 0.5) / 32.0 * data.legendMaximumMpa, data.legendMaximumMpa)));
    }
    ImGui::Dummy(ImVec2(width, height));
    char maximum[32];
    std::snprintf(maximum, sizeof maximum, "%.1f MPa", data.legendMaximumMpa);
    const float left = ImGui::GetCursorPosX();
    ImGui::TextUnformatted("0 MPa");
    ImGui::SameLine(left + width - ImGui::CalcTextSize(maximum).x);
    ImGui::TextUnformatted(maximum);
    if (ImGui::BeginTable("discs", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const char* h : {"Level", "MPa", "N", "lbf", "front/back", "nucleus"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const auto& r : data.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (r.rootWarning)
                ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.3f, 1.0f), "%s !", r.level.c_str());
            else
                ImGui::TextUnformatted(r.level.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.2f", r.pressureMpa);
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", r.compressionN);
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", r.compressionLbf);
            ImGui::TableNextColumn();
            ImGui::Text("%.2f", r.frontBackRatio);
            ImGui::TableNextColumn();
            ImGui::Text("%+.1f mm", r.nucleusShiftMm);
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("nucleus: + backwards (toward the nerves); ! nerve root crowded");
    if (!data.trace.empty()) {
        ImGui::TextUnformatted("L4/L5 pressure over the motion");
        const ImVec2 plotAt = ImGui::GetCursorScreenPos();
        const ImVec2 size(ImGui::GetContentRegionAvail().x, em * 4.0f);
        ImGui::PlotLines("##trace", data.trace.data(), int(data.trace.size()), 0, nullptr, 0.0f,
                         float(data.legendMaximumMpa), size);
        const float x = plotAt.x + size.x * data.traceTime;  // where the motion is now
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, plotAt.y), ImVec2(x, plotAt.y + size.y),
                                            IM_COL32(255, 180, 70, 255), 2.0f);
    }
    ImGui::End();
}

void drawEvidencePanel(const DiscPanelData& data, UiState& ui) {
    if (!ui.showEvidence) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40.0f, 0.0f), ImGuiCond_Appearing);
    if (!ImGui::Begin("Evidence: L4/L5 pressure", &ui.showEvidence)) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTable("evidence", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        for (const char* h : {"Posture", "This model", "Published", "Source"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const auto& e : data.evidence.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", e.posture.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.2f MPa", e.modelMpa);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", e.published.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", e.source.c_str());
        }
        ImGui::EndTable();
    }
    if (!data.evidence.summary.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", data.evidence.summary.c_str());
    }
    if (!data.evidence.unsourcedClaim.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.62f, 0.45f, 1.0f));
        ImGui::TextWrapped("%s", data.evidence.unsourcedClaim.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::End();
}

void drawHelpWindow(UiState& ui) {
    if (!ui.showHelp) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Keys and mouse", &ui.showHelp, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const KeyBinding& binding : keymap()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(titled(binding.input).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(binding.help.data(), binding.help.data() + binding.help.size());
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace lumbarlab
