#include "lumbarlab/ui/panels.h"

#include "lumbarlab/view/colour_maps.h"
#include "lumbarlab/view/keymap.h"
#include "lumbarlab/view/number_format.h"
#include "lumbarlab/view/plain_names.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cctype>
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

/// Docked panels sit where the layout puts them: no moving, resizing or collapsing, so they never
/// pile up or cover the 3D view.
constexpr ImGuiWindowFlags kDocked = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                     ImGuiWindowFlags_NoSavedSettings;

void placeDocked(const UiRect& r) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
}

/// Text items laid out left to right, wrapping between items, never inside one.
void flowItems(const std::vector<std::string>& items, const ImVec4& colour, const char* separator) {
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float sepWidth = ImGui::CalcTextSize(separator).x;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const float w = ImGui::CalcTextSize(items[i].c_str()).x;
        if (i > 0) {
            ImGui::SameLine(0.0f, 0.0f);
            if (ImGui::GetCursorPosX() + sepWidth + w > right) {
                ImGui::NewLine();
            } else {
                ImGui::TextUnformatted(separator);
                ImGui::SameLine(0.0f, 0.0f);
            }
        }
        ImGui::TextColored(colour, "%s", items[i].c_str());
    }
}

}  // namespace

void layoutPanels(UiState& ui, bool hasCard, bool hasLesson) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = viewport->Size.x, height = viewport->Size.y;
    const float top = ui.presentation ? 0.0f : ImGui::GetFrameHeight();
    const float bottom = hasLesson ? std::min(ui.lessonBarHeight, height * 0.45f) : 0.0f;
    const bool panels = !ui.presentation;
    const bool patient = panels && ui.patientMode;  // one plain panel replaces muscles, discs and evidence
    const bool scenePanel = ui.showScenePanel && !patient;
    const bool left = panels && (scenePanel || ui.showPosturePanel);
    const bool compare = panels && ui.compare && ui.showComparePanel;
    const bool quiz = panels && ui.quizOpen;
    const bool jointMap = panels && ui.showJointMap;
    const bool right = panels && (hasCard || patient || quiz || jointMap || ui.showMusclePanel || ui.showDiscPanel ||
                                  ui.showEvidence || compare);
    float leftW = left ? std::clamp(em * 20.0f, 220.0f, width * 0.26f) : 0.0f;
    float rightW = right ? std::clamp(em * 25.0f, 240.0f, width * 0.30f) : 0.0f;
    if (leftW + rightW > width * 0.6f) {  // the 3D view keeps at least 40 % of the width
        const float k = width * 0.6f / (leftW + rightW);
        leftW *= k, rightW *= k;
    }
    const float columnH = std::max(height - top - bottom, 1.0f);
    DockLayout& d = ui.layout;
    d = DockLayout{};
    d.view = {leftW, top, std::max(width - leftW - rightW, 1.0f), columnH};
    d.lessonBar = {0.0f, height - bottom, width, bottom};
    if (left) {
        const float sceneH = ui.showPosturePanel ? (scenePanel ? columnH * 0.36f : 0.0f) : columnH;
        if (scenePanel) d.scene = {0.0f, top, leftW, sceneH};
        if (ui.showPosturePanel) d.posture = {0.0f, top + sceneH, leftW, columnH - sceneH};
    }
    if (right) {
        std::vector<UiRect*> stack;
        if (quiz) stack.push_back(&d.quiz);
        if (hasCard) stack.push_back(&d.card);
        if (compare) stack.push_back(&d.compare);
        if (patient) stack.push_back(&d.patient);
        if (jointMap) stack.push_back(&d.jointMap);
        if (ui.showMusclePanel && !patient) stack.push_back(&d.muscles);
        if (ui.showDiscPanel && !patient) stack.push_back(&d.discs);
        float y = top;
        // A big panel (the quiz, else patient mode's) gets two thirds; the others share the rest.
        UiRect* big = quiz ? &d.quiz : patient ? &d.patient : nullptr;
        const bool split = big && stack.size() > 1;
        const float small = split ? columnH / 3.0f / float(stack.size() - 1) : 0.0f;
        const float share = split ? columnH * 2.0f / 3.0f : columnH / float(stack.size());
        for (UiRect* r : stack) {
            const float h = split && r != big ? small : share;
            *r = {width - rightW, y, rightW, h};
            y += h;
        }
        if (ui.showEvidence && !patient) {  // the evidence shares the disc panel's place, or the last one's
            UiRect* host = ui.showDiscPanel ? &d.discs : stack.empty() ? nullptr : stack.back();
            if (host) {
                host->h *= 0.5f;
                d.evidence = {host->x, host->y + host->h, host->w, host->h};
            } else {
                d.evidence = {width - rightW, top, rightW, columnH};
            }
        }
    }
}

void drawMenuBar(UiState& ui, bool pressureColours, UiIntents& intents) {
    if (ui.presentation || !ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save screenshot", shortcutOf(Action::Screenshot).c_str())) intents.screenshot = true;
        if (ImGui::MenuItem("Save picture...")) intents.openExport = ExportKind::Picture;
        if (ImGui::MenuItem("Export video...")) intents.openExport = ExportKind::Video;
        if (ImGui::MenuItem("Handout...")) intents.openExport = ExportKind::Handout;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", shortcutOf(Action::Quit).c_str())) intents.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        // First in the menu, so it stays on screen at any scale (a long menu at 3x runs off the bottom).
        float scale = ui.uiScale;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        if (ImGui::SliderFloat("UI scale", &scale, 0.75f, 3.0f, "%.2f")) ui.uiScale = std::clamp(scale, 0.75f, 3.0f);
        // Applied on release (or Enter after Ctrl+click typing): the fonts are rebuilt between frames.
        if (ImGui::IsItemDeactivatedAfterEdit()) intents.uiScale = ui.uiScale;
        ImGui::Separator();
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
        ImGui::MenuItem("Hip x knee map", nullptr, &ui.showJointMap);
        if (bool on = pressureColours; ImGui::MenuItem("Disc pressure colours", nullptr, &on))
            intents.pressureColours = on;
        ImGui::MenuItem("Sagittal cut", shortcutOf(Action::ToggleCut).c_str(), &ui.render.sagittalCut);
        ImGui::MenuItem("Frame statistics", nullptr, &ui.showStats);
        ImGui::MenuItem("Flat shading", nullptr, &ui.render.flatShading);
        ImGui::Separator();
        if (bool on = ui.compare; ImGui::MenuItem("Compare A | B", nullptr, &on)) intents.compare = on;
        if (ImGui::MenuItem("Quiz on this lesson", nullptr, ui.quizOpen, ui.quizAvailable)) {
            intents.quizClose = ui.quizOpen;
            intents.quizStart = !ui.quizOpen;
        }
        if (ImGui::MenuItem("Presentation mode", shortcutOf(Action::TogglePresentation).c_str(), ui.presentation))
            intents.togglePresentation = true;
        if (bool on = ui.patientMode;
            ImGui::MenuItem("Patient mode", shortcutOf(Action::TogglePatientMode).c_str(), &on))
            intents.patientMode = on;
        ImGui::MenuItem("High-contrast theme", nullptr, &ui.highContrast);
        if (ImGui::MenuItem("Reset layout")) intents.resetLayout = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys and mouse", shortcutOf(Action::ToggleHelp).c_str())) ui.showHelp = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawScenePanel(const Scene& scene, UiState& ui, UiIntents& intents) {
    if (!ui.showScenePanel || ui.presentation || ui.patientMode) return;
    placeDocked(ui.layout.scene);
    if (!ImGui::Begin("Scene", &ui.showScenePanel, kDocked)) {
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
    if (!ui.showStats || ui.presentation) return;
    const float em = ImGui::GetFontSize();
    const UiRect& view = ui.layout.view;
    ImGui::SetNextWindowPos(ImVec2(view.x + view.w - em * 0.6f, view.y + em * 0.6f), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
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
    const float em = ImGui::GetFontSize();
    const UiRect& view = ui.layout.view;
    ImGui::SetNextWindowPos(ImVec2(view.x + em * 0.6f, view.y + view.h - em * 0.6f), ImGuiCond_Always,
                            ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(1.0f);
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

void drawInfoCard(const InfoCard* card, const UiState& ui, UiIntents& intents) {
    if (!card || ui.presentation) return;
    placeDocked(ui.layout.card);
    bool open = true;
    if (ImGui::Begin("Selected", &open, kDocked)) {
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

void drawScreenLabels(const std::vector<ScreenLabel>& labels, bool strong) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImU32 halo = strong ? IM_COL32(0, 0, 0, 235) : IM_COL32(10, 12, 16, 200);
    const ImU32 ink = strong ? IM_COL32(255, 224, 64, 255) : IM_COL32(255, 236, 200, 255);
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
    if (!ui.showPosturePanel || ui.presentation) return;
    const float em = ImGui::GetFontSize();
    placeDocked(ui.layout.posture);
    if (!ImGui::Begin("Posture and motion", &ui.showPosturePanel, kDocked)) {
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
    if (ui.patientMode) {  // no angles, no joint controls: the posture and its cues are enough
        ImGui::End();
        return;
    }
    ImGui::Separator();
    if (ImGui::CollapsingHeader("Clinical angles", ImGuiTreeNodeFlags_DefaultOpen)) {
        if (ImGui::BeginTable("angles", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [name, value] : data.angles) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatWithUnit(value, 1, "deg").c_str());
            }
            ImGui::EndTable();
        }
    }
    // Tight hip flexors after long sitting: a slack length shortened by this many percent.
    float tight = float(data.tightHipFlexorsPct);
    ImGui::TextUnformatted("Tight hip flexors");
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderFloat("##tight", &tight, 0.0f, 30.0f, "%.0f %% shorter"))
        intents.tightHipFlexorsPct = double(std::clamp(tight, 0.0f, 30.0f));
    if (!data.tightnessSummary.empty()) ImGui::TextWrapped("%s", data.tightnessSummary.c_str());
    if (bool on = data.showBalance; ImGui::Checkbox("Show balance", &on)) intents.showBalance = on;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The centre of mass (orange) over the base of support: green while it is inside, red when not");
    if (data.showBalance && !data.balanceSummary.empty()) ImGui::TextWrapped("%s", data.balanceSummary.c_str());
    if (ImGui::CollapsingHeader("Adjust joints")) {
        if (ImGui::Button("Reset to posture")) intents.resetCoordinates = true;
        for (const auto& s : data.sliders) {
            float v = float(s.value);
            if (s.overridden) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.45f, 0.30f, 0.12f, 1.0f));
            ImGui::PushID(s.name.c_str());
            ImGui::TextUnformatted(plainCoordinateName(s.name).c_str());
            ImGui::SetNextItemWidth(-1.0f);
            const char* format = s.unit == "m" ? "%.3f m" : "%.1f deg";
            if (ImGui::SliderFloat("##value", &v, float(s.min), float(s.max), format))
                intents.setCoordinate = {s.name, double(v)};
            ImGui::PopID();
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
    if (!ui.showMusclePanel || ui.presentation || ui.patientMode) return;
    const float em = ImGui::GetFontSize();
    placeDocked(ui.layout.muscles);
    if (!ImGui::Begin("Muscles", &ui.showMusclePanel, kDocked)) {
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
            ImGui::TextColored(ImVec4(c.x, c.y, c.z, 1.0f), "%s", formatWithUnit(r.changePct, 1, "%", true).c_str());
        }
        ImGui::EndTable();
    };
    ImGui::Separator();
    rankTable("lengthened", "Most lengthened now", data.lengthened);
    rankTable("shortened", "Most shortened now", data.shortened);
    ImGui::Separator();
    if (data.selected) {
        ImGui::TextWrapped("%s: %s (%s)", data.selected->name.c_str(),
                           formatWithUnit(data.selected->changePct, 1, "%", true).c_str(),
                           formatWithUnit(data.selectedLengthM, 3, "m").c_str());
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
    if (!ui.showDiscPanel || ui.presentation || ui.patientMode) return;
    const float em = ImGui::GetFontSize();
    placeDocked(ui.layout.discs);
    if (!ImGui::Begin("Discs", &ui.showDiscPanel, kDocked)) {
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
            ImGui::TextUnformatted(formatWithUnit(r.nucleusShiftMm, 1, "mm", true).c_str());
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

void drawPatientPanel(const PatientPanelData& data, UiState& ui, UiIntents& intents) {
    if (!ui.patientMode || ui.presentation) return;
    const float em = ImGui::GetFontSize();
    placeDocked(ui.layout.patient);
    if (!ImGui::Begin("What changes", nullptr, kDocked)) {
        ImGui::End();
        return;
    }
    const ImVec4 heading(1.0f, 0.78f, 0.42f, 1.0f);
    if (data.selected) ImGui::TextColored(heading, "Selected: %s", data.selected->c_str());
    if (!data.posture.empty()) ImGui::TextWrapped("In this position (%s), against standing:", data.posture.c_str());
    // A bar per row: the name above, the bar and its words below, so nothing crowds at any width.
    auto bars = [&](const char* id, const std::vector<PatientBar>& rows, auto colourOf) {
        ImGui::PushID(id);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float avail = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const PatientBar& r = rows[i];
            // The words beside the bar when both fit, else under it: never cut off at the edge.
            const float wordsW = ImGui::CalcTextSize(r.words.c_str()).x;
            const bool beside = avail - wordsW - gap >= em * 5.0f;
            const float full = beside ? std::min(avail * 0.5f, avail - wordsW - gap) : avail;
            ImGui::PushID(int(i));
            if (r.object) {
                if (ImGui::Selectable(r.label.c_str(), false)) intents.select = std::optional<std::size_t>(*r.object);
            } else {
                ImGui::TextUnformatted(r.label.c_str());
            }
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float h = em * 0.75f;
            draw->AddRectFilled(at, ImVec2(at.x + full, at.y + h), IM_COL32(60, 64, 72, 255));
            draw->AddRectFilled(at, ImVec2(at.x + std::max(full * r.amount, 2.0f), at.y + h), toImColour(colourOf(r)));
            ImGui::Dummy(ImVec2(full, h));
            if (beside) ImGui::SameLine();
            ImGui::TextDisabled("%s", r.words.c_str());
            ImGui::PopID();
        }
        ImGui::PopID();
    };
    auto lengthColour = [&](const PatientBar& r) { return lengthChangeColour(r.colourValue, data.lengthRangePct); };
    auto pressure = [&](const PatientBar& r) { return pressureColour(r.colourValue, data.pressureMaximumMpa); };
    ImGui::Separator();
    ImGui::TextColored(heading, "Muscles stretched longer");
    if (data.longer.empty()) ImGui::TextDisabled("none much longer than standing");
    bars("longer", data.longer, lengthColour);
    ImGui::Spacing();
    ImGui::TextColored(heading, "Muscles made shorter");
    if (data.shorter.empty()) ImGui::TextDisabled("none much shorter than standing");
    bars("shorter", data.shorter, lengthColour);
    ImGui::Separator();
    ImGui::TextColored(heading, "Pressure in the discs");
    ImGui::TextDisabled("a longer bar: more pressure");
    bars("discs", data.discs, pressure);
    ImGui::End();
}

void drawQuizPanel(const QuizPanelData& data, UiState& ui, UiIntents& intents) {
    if (!ui.quizOpen || ui.presentation) return;
    placeDocked(ui.layout.quiz);
    bool open = true;
    if (!ImGui::Begin("Quiz", &open, kDocked)) {
        ImGui::End();
        if (!open) intents.quizClose = true;
        return;
    }
    const ImVec4 heading(1.0f, 0.78f, 0.42f, 1.0f), right(0.45f, 0.9f, 0.45f, 1.0f), wrong(1.0f, 0.45f, 0.35f, 1.0f);
    const float width = ImGui::GetContentRegionAvail().x;
    if (data.finished) {
        ImGui::SetWindowFontScale(1.4f);
        ImGui::TextColored(heading, "%s", data.result.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::Spacing();
        if (ImGui::Button("Try again", ImVec2(width, 0.0f))) intents.quizStart = true;
        if (ImGui::Button("Close the quiz", ImVec2(width, 0.0f))) intents.quizClose = true;
    } else {
        ImGui::TextDisabled("Question %zu of %zu  -  score %zu", data.number, data.total, data.score);
        ImGui::PushStyleColor(ImGuiCol_Text, heading);
        ImGui::TextWrapped("%s", data.question.c_str());
        ImGui::PopStyleColor();
        ImGui::Spacing();
        if (data.pick && !data.answered) ImGui::TextWrapped("Click it in the 3D view.");
        for (std::size_t i = 0; i < data.choices.size(); ++i) {
            ImGui::PushID(int(i));
            const bool isAnswer = data.answered && data.answer == i, isChosen = data.answered && data.chosen == i;
            const int colours = isAnswer || isChosen ? 1 : 0;
            if (colours) {
                const ImVec4 c = isAnswer ? right : wrong;
                ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(c.x * 0.45f, c.y * 0.45f, c.z * 0.45f, 1.0f));
            }
            if (ImGui::Button(data.choices[i].c_str(), ImVec2(width, 0.0f)) && !data.answered) intents.quizChoice = i;
            if (colours) ImGui::PopStyleColor(colours);
            ImGui::PopID();
        }
        if (data.answered) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, data.correct ? right : wrong);
            ImGui::TextWrapped("%s", data.feedback.c_str());
            ImGui::PopStyleColor();
            ImGui::Spacing();
            if (ImGui::Button(data.number < data.total ? "Next question" : "See the score", ImVec2(width, 0.0f)))
                intents.quizNext = true;
        }
    }
    ImGui::End();
    if (!open) intents.quizClose = true;
}

void drawJointMapPanel(const JointMapPanelData& data, UiState& ui) {
    if (!ui.showJointMap || ui.presentation || data.muscles.empty() || data.changePct.empty()) return;
    placeDocked(ui.layout.jointMap);
    if (!ImGui::Begin("Hip x knee map", &ui.showJointMap, kDocked)) {
        ImGui::End();
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##map_muscle", data.muscles[data.chosen].c_str())) {
        for (std::size_t i = 0; i < data.muscles.size(); ++i)
            if (ImGui::Selectable(data.muscles[i].c_str(), i == data.chosen)) ui.jointMapMuscle = i;
        ImGui::EndCombo();
    }
    ImGui::TextDisabled("right side, length change against standing");
    // The grid: hip flexion across (extension left), knee flexion down; one cell per sample.
    const std::size_t nh = data.hipDeg.size(), nk = data.kneeDeg.size();
    const float labelW = ImGui::CalcTextSize("150").x + em * 0.4f;
    const float avail = ImGui::GetContentRegionAvail().x - labelW;
    const float cell =
        std::max(std::min(avail / float(nh), (ImGui::GetContentRegionAvail().y - em * 5.0f) / float(nk)), 2.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 at(origin.x + labelW, origin.y);
    for (std::size_t h = 0; h < nh; ++h)
        for (std::size_t k = 0; k < nk; ++k) {
            const ImVec2 a(at.x + float(h) * cell, at.y + float(k) * cell);
            draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell),
                                toImColour(lengthChangeColour(data.changePct[h][k], data.rangePct)));
        }
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const float w = cell * float(nh), hgt = cell * float(nk);
    draw->AddRect(at, ImVec2(at.x + w, at.y + hgt), ink);
    auto xOf = [&](double hip) {
        return at.x + float((hip - data.hipDeg.front()) / (data.hipDeg.back() - data.hipDeg.front())) * (w - cell) +
               cell * 0.5f;
    };
    auto yOf = [&](double knee) {
        return at.y +
               float((knee - data.kneeDeg.front()) / (data.kneeDeg.back() - data.kneeDeg.front())) * (hgt - cell) +
               cell * 0.5f;
    };
    for (const double hip : {0.0, 90.0}) draw->AddLine(ImVec2(xOf(hip), at.y), ImVec2(xOf(hip), at.y + hgt), ink);
    // Axis labels: knee on the left, hip below.
    for (const double knee : {0.0, 90.0, 150.0}) {
        char t[8];
        std::snprintf(t, sizeof t, "%.0f", knee);
        draw->AddText(ImVec2(origin.x, yOf(knee) - em * 0.5f), ink, t);
    }
    for (const double hip : {-30.0, 0.0, 90.0, 120.0}) {
        char t[8];
        std::snprintf(t, sizeof t, "%.0f", hip);
        draw->AddText(ImVec2(xOf(hip) - ImGui::CalcTextSize(t).x * 0.5f, at.y + hgt + em * 0.2f), ink, t);
    }
    // The current posture: a dot that moves while a motion plays.
    const float dx = xOf(std::clamp(data.hipNowDeg, data.hipDeg.front(), data.hipDeg.back()));
    const float dy = yOf(std::clamp(data.kneeNowDeg, data.kneeDeg.front(), data.kneeDeg.back()));
    draw->AddCircleFilled(ImVec2(dx, dy), std::max(em * 0.4f, 4.0f), IM_COL32(0, 0, 0, 255));
    draw->AddCircleFilled(ImVec2(dx, dy), std::max(em * 0.28f, 3.0f), IM_COL32(255, 230, 60, 255));
    ImGui::Dummy(ImVec2(labelW + w, hgt + em * 1.3f));
    ImGui::TextUnformatted("across: hip bend (deg), down: knee bend (deg)");
    ImGui::TextWrapped("Now: hip %s, knee %s, %s", formatWithUnit(data.hipNowDeg, 0, "deg").c_str(),
                       formatWithUnit(data.kneeNowDeg, 0, "deg").c_str(),
                       formatWithUnit(data.changeNowPct, 1, "%", true).c_str());
    char low[32], high[32];
    std::snprintf(low, sizeof low, "blue: up to %.0f %% shorter", double(data.rangePct));
    std::snprintf(high, sizeof high, "red: up to %.0f %% longer", double(data.rangePct));
    ImGui::TextDisabled("%s; %s", low, high);
    ImGui::End();
}

void drawEvidencePanel(const DiscPanelData& data, UiState& ui) {
    if (!ui.showEvidence || ui.presentation || ui.patientMode) return;
    placeDocked(ui.layout.evidence);
    if (!ImGui::Begin("Evidence: L4/L5 pressure", &ui.showEvidence, kDocked)) {
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
            ImGui::TextUnformatted(formatWithUnit(e.modelMpa, 2, "MPa").c_str());
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

void drawLessonBar(const LessonBarData& data, UiState& ui, UiIntents& intents) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = viewport->Size.x;
    ImGui::SetNextWindowPos(ImVec2(0.0f, viewport->Size.y), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, viewport->Size.y * 0.45f));
    ImGui::SetNextWindowBgAlpha(1.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##lesson", nullptr, flags)) {
        // The step strip: one box per step, the current one lit; a click jumps there.
        const ImVec4 lit = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
        for (std::size_t i = 0; i < data.stepTitles.size(); ++i) {
            if (i > 0) ImGui::SameLine(0.0f, em * 0.3f);
            const bool current = i == data.step;
            if (current) ImGui::PushStyleColor(ImGuiCol_Button, lit);
            if (i < data.step) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            const std::string label = std::to_string(i + 1) + "##step";
            if (ImGui::Button(label.c_str(), ImVec2(em * 2.2f, 0.0f))) intents.lessonGo = i;
            if (i < data.step) ImGui::PopStyleColor();
            if (current) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", data.stepTitles[i].c_str());
        }
        ImGui::SameLine(0.0f, em * 1.0f);
        const char* backLabel = "< Back";
        const char* nextLabel = "Next >";
        const ImGuiStyle& style = ImGui::GetStyle();
        const float buttons = ImGui::CalcTextSize(backLabel).x + ImGui::CalcTextSize(nextLabel).x +
                              style.FramePadding.x * 4.0f + style.ItemSpacing.x;
        // "Step 2 of 10 | lesson title", the title left out where it would run into the buttons.
        std::string where = "Step " + std::to_string(data.step + 1) + " of " + std::to_string(data.stepTitles.size());
        const std::string titled = where + "  |  " + data.lessonTitle;
        const float room = ImGui::GetWindowContentRegionMax().x - buttons - ImGui::GetCursorPosX() - em;
        if (ImGui::CalcTextSize(titled.c_str()).x <= room) where = titled;
        ImGui::TextDisabled("%s", where.c_str());
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
        ImGui::BeginDisabled(data.step == 0);
        if (ImGui::Button(backLabel)) intents.lessonBack = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(data.step + 1 >= data.stepTitles.size());
        if (ImGui::Button(nextLabel)) intents.lessonNext = true;
        ImGui::EndDisabled();

        const ImVec4 accent =
            ui.highContrast || ui.presentation ? ImVec4(1.0f, 0.86f, 0.2f, 1.0f) : ImVec4(1.0f, 0.78f, 0.42f, 1.0f);
        ImGui::SetWindowFontScale(1.3f);
        if (data.step < data.stepTitles.size()) ImGui::TextColored(accent, "%s", data.stepTitles[data.step].c_str());
        ImGui::SetWindowFontScale(1.0f);
        for (const auto& line : data.caption) ImGui::TextWrapped("%s", line.c_str());
        if (!data.numbers.empty()) {
            ImGui::Spacing();
            flowItems(data.numbers, accent, "     ");
        }
        ui.lessonBarHeight = ImGui::GetWindowHeight();
    }
    ImGui::End();
}

void drawComparePanel(const ComparePanelData& data, UiState& ui, UiIntents& intents) {
    if (!ui.compare || !ui.showComparePanel || ui.presentation || !data.comparison) return;
    placeDocked(ui.layout.compare);
    if (!ImGui::Begin("Compare A | B", &ui.showComparePanel, kDocked)) {
        ImGui::End();
        return;
    }
    const PostureComparison& c = *data.comparison;
    auto picker = [&](const char* id, const std::string& current, const std::string& currentName,
                      std::optional<std::string>& out) {
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo(id, currentName.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (const auto& [postureId, name] : data.postures)
                if (ImGui::Selectable(name.c_str(), postureId == current)) out = postureId;
            ImGui::EndCombo();
        }
    };
    ImGui::TextUnformatted("A (left)");
    picker("##a", c.a, c.nameA, intents.comparePostureA);
    ImGui::TextUnformatted("B (right)");
    picker("##b", c.b, c.nameB, intents.comparePostureB);
    ImGui::Separator();
    if (data.plain) {  // patient mode: names and words, no figures
        auto wordsTable = [](const char* id, const char* first, const std::vector<PlainCompareRow>& rows) {
            if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
            for (const char* h : {first, "A", "B"}) ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            for (const PlainCompareRow& r : rows) {
                ImGui::TableNextRow();
                for (const std::string* cell : {&r.name, &r.a, &r.b}) {
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", cell->c_str());
                }
            }
            ImGui::EndTable();
        };
        ImGui::TextWrapped("The muscles A and B treat most differently (against standing)");
        if (data.plain->muscles.empty()) ImGui::TextWrapped("A and B leave the muscles about the same.");
        wordsTable("plain_muscles", "Muscle", data.plain->muscles);
        ImGui::Separator();
        ImGui::TextWrapped("Load on the discs");
        wordsTable("plain_discs", "Disc", data.plain->discs);
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("Muscles, by how differently A and B change their length (against standing)");
    const ImGuiTableFlags table = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
    const float rowsHeight =
        std::max(ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 12.0f, ImGui::GetFontSize() * 6.0f);
    if (ImGui::BeginTable("compare_muscles", 4, table, ImVec2(0.0f, rowsHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // Numbers keep their width (never cut or wrapped); the names take what is left, clipped.
        const float numberWidth = ImGui::CalcTextSize("-100.0 %").x;
        ImGui::TableSetupColumn("Muscle", ImGuiTableColumnFlags_WidthStretch);
        for (const char* h : {"A", "B", "A - B"})
            ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed, numberWidth);
        ImGui::TableHeadersRow();
        for (const MuscleDifference& m : c.muscles) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((m.name + (m.side == "right" ? ", right" : ", left")).c_str());
            for (const double v : {m.changeA, m.changeB, m.differencePct}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatWithUnit(v, 1, "%", true).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    if (ImGui::BeginTable("compare_discs", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (const char* h : {"Disc", "A (MPa)", "B (MPa)", "A - B"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const DiscDifference& d : c.discs) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string level = d.level;
            for (auto& ch : level) ch = ch == '_' ? '/' : char(std::toupper(static_cast<unsigned char>(ch)));
            ImGui::TextUnformatted(level.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatNumber(d.pressureA, 2).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatNumber(d.pressureB, 2).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatNumber(d.differenceMpa, 2, true).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace lumbarlab
