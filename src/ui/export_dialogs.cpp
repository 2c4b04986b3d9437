// The File menu's export dialogs: Save picture, Export video and Handout. They edit
// UiState::exports and ask for the export through UiIntents; the app runs it and fills in the
// progress, which they show with a Cancel button.

#include "lumbarlab/ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace lumbarlab {
namespace {

/// A text field over a std::string (ImGui's own is for char buffers).
/// Returns true when Enter was pressed in it.
bool inputPath(const char* label, std::string& text) {
    const auto grow = [](ImGuiInputTextCallbackData* data) {
        if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
            auto* s = static_cast<std::string*>(data->UserData);
            s->resize(std::size_t(data->BufTextLen));
            data->Buf = s->data();
        }
        return 0;
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30.0f);
    return ImGui::InputText(label, text.data(), text.capacity() + 1,
                            ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue, grow, &text);
}

/// Replaces the file name's extension (".mp4" -> ".gif") when the format changes.
void setExtension(std::string& path, const char* extension) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) path.erase(dot);
    path += extension;
}

const char* titleOf(ExportKind kind) {
    switch (kind) {
        case ExportKind::Picture:
            return "Save picture";
        case ExportKind::Video:
            return "Export video";
        case ExportKind::Handout:
            return "Handout";
        case ExportKind::None:
            break;
    }
    return "";
}

bool pictureFields(ExportDialog& d) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    if (ImGui::BeginCombo("Size", kPictureSizes[d.pictureSize].name)) {
        for (int i = 0; i < int(std::size(kPictureSizes)); ++i)
            if (ImGui::Selectable(kPictureSizes[i].name, i == d.pictureSize)) d.pictureSize = i;
        ImGui::EndCombo();
    }
    ImGui::Checkbox("Transparent background", &d.transparent);
    ImGui::Checkbox("Title, legend and labels", &d.overlays);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // the name, as in any Save dialog
    return inputPath("File", d.pictureFile);
}

bool videoFields(ExportDialog& d) {
    if (d.motionName.empty()) {
        ImGui::TextWrapped("Choose a motion first (Posture panel): a video shows the current motion.");
        return false;
    }
    ImGui::Text("%s, %.1f s", d.motionName.c_str(), double(d.motionSeconds));
    const float field = ImGui::GetFontSize() * 6.0f;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type the range, Tab to the next field
    ImGui::SetNextItemWidth(field);
    ImGui::InputFloat("From (s)", &d.from, 0.0f, 0.0f, "%.2f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputFloat("To (s)", &d.to, 0.0f, 0.0f, "%.2f");
    d.from = std::clamp(d.from, 0.0f, d.motionSeconds);
    d.to = std::clamp(d.to, 0.0f, d.motionSeconds);
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt("Frames/s", &d.fps, 0, 0);
    d.fps = std::clamp(d.fps, 1, 120);
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt("Width", &d.videoWidth, 0, 0);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    ImGui::InputInt("Height", &d.videoHeight, 0, 0);
    d.videoWidth = std::clamp(d.videoWidth, 16, 7680);
    d.videoHeight = std::clamp(d.videoHeight, 16, 4320);
    if (ImGui::RadioButton("MP4 (H.264)", !d.gif)) d.gif = false, setExtension(d.videoFile, ".mp4");
    ImGui::SameLine();
    if (ImGui::RadioButton("GIF", d.gif)) d.gif = true, setExtension(d.videoFile, ".gif");
    const int frames = int(std::lround((d.to - d.from) * float(d.fps)));
    ImGui::TextDisabled("%d frames%s", std::max(frames, 0),
                        !d.gif && (d.videoWidth % 2 || d.videoHeight % 2) ? "; MP4 needs an even size" : "");
    return inputPath("File", d.videoFile);
}

bool handoutFields(ExportDialog& d) {
    const ExportDialog before = d;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    ImGui::Combo("Exercise", &d.exercise, kHandoutExerciseNames, int(std::size(kHandoutExerciseNames)));
    if (handoutHasSide(d.exercise)) {
        if (ImGui::RadioButton("Right leg back", !d.leftSide)) d.leftSide = false;
        ImGui::SameLine();
        if (ImGui::RadioButton("Left leg back", d.leftSide)) d.leftSide = true;
    }
    if (ImGui::RadioButton("A4", !d.letter)) d.letter = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Letter", d.letter)) d.letter = true;
    if (ImGui::RadioButton("PDF", !d.handoutPng)) d.handoutPng = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("PNG (300 dpi)", d.handoutPng)) d.handoutPng = true;
    if (d.exercise != before.exercise || d.leftSide != before.leftSide || d.handoutPng != before.handoutPng) {
        // The name follows the choice; the folder stays the one in the field.
        const std::size_t slash = d.handoutFile.find_last_of('/');
        d.handoutFile =
            (slash == std::string::npos ? std::string() : d.handoutFile.substr(0, slash + 1)) + handoutFileName(d);
    }
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    return inputPath("File", d.handoutFile);
}

}  // namespace

void drawExportDialog(UiState& ui, UiIntents& intents) {
    ExportDialog& d = ui.exports;
    if (d.shown != ExportKind::None && d.shown != d.open) {  // the app closed it (or switched dialogs)
        if (ImGui::BeginPopupModal(titleOf(d.shown))) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        d.shown = ExportKind::None;
    }
    if (d.open == ExportKind::None) return;
    const char* title = titleOf(d.open);
    if (d.shown == ExportKind::None) {
        ImGui::OpenPopup(title);
        d.shown = d.open;
    } else if (!ImGui::IsPopupOpen(title)) {  // closed by Esc
        (d.running ? intents.cancelExport : intents.closeExport) = true;
        return;
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) return;
    ImGui::BeginDisabled(d.running);
    bool enter = false;  // Enter in the file name field starts the export
    if (d.open == ExportKind::Picture) enter = pictureFields(d);
    if (d.open == ExportKind::Video) enter = videoFields(d);
    if (d.open == ExportKind::Handout) enter = handoutFields(d);
    ImGui::EndDisabled();

    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
        ImGui::TextUnformatted(d.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    const float button = ImGui::GetFontSize() * 7.0f;
    if (d.running) {
        ImGui::ProgressBar(d.progress, ImVec2(ImGui::GetFontSize() * 22.0f, 0.0f), d.status.c_str());
        ImGui::SameLine();
        if (ImGui::Button("Cancel", ImVec2(button, 0.0f))) intents.cancelExport = true;
    } else {
        const bool usable = d.open != ExportKind::Video || (!d.motionName.empty() && d.to > d.from);
        ImGui::BeginDisabled(!usable);
        const char* action = d.open == ExportKind::Picture ? "Save" : d.open == ExportKind::Video ? "Export" : "Write";
        if (ImGui::Button(action, ImVec2(button, 0.0f)) || (usable && enter)) intents.startExport = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Close", ImVec2(button, 0.0f))) intents.closeExport = true;
    }
    ImGui::EndPopup();
}

}  // namespace lumbarlab
