// What opening a plan file found: why it was refused, or its warnings.
#include <imgui.h>

#include <string>

#include "ui/ui.hpp"

namespace ui {

void draw_open_report_window(app::AppState& state, const Fonts& fonts) {
  app::OpenReport& report = state.open_report;
  if (!report.visible) return;
  const float ratio = static_cast<float>(state.canvas.viewport.pixel_ratio);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(420.0f * ratio, 0.0f), ImVec2(720.0f * ratio, viewport->WorkSize.y * 0.8f));
  const std::string name = report.file_name.empty() ? "the plan" : report.file_name;
  const std::string title = (report.opened ? "Opened " : "Could not open ") + name + "###open_report";
  if (ImGui::Begin(title.c_str(), &report.visible, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                                       ImGuiWindowFlags_AlwaysAutoResize)) {
    const std::size_t errors = report.problems.count(model::Severity::error);
    const std::size_t warnings = report.problems.count(model::Severity::warning);
    ImGui::PushFont(fonts.heading);
    if (!report.opened) {
      ImGui::TextWrapped("%s was not opened: %zu problem%s to fix. The plan you had open is unchanged.", name.c_str(),
                         errors, errors == 1 ? "" : "s");
    } else {
      ImGui::TextWrapped("%s is open, with %zu warning%s.", name.c_str(), warnings, warnings == 1 ? "" : "s");
    }
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 680.0f * ratio);
    for (const model::Problem& problem : report.problems.list) {
      const bool error = problem.severity == model::Severity::error;
      ImGui::PushStyleColor(ImGuiCol_Text, error ? ImVec4(0.84f, 0.16f, 0.11f, 1.0f) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextUnformatted(error ? "\xC3\x97 Error" : "Warning");  // the words, not the colour, carry the meaning
      ImGui::PopStyleColor();
      ImGui::SameLine();
      if (!problem.path.empty()) {
        ImGui::TextDisabled("at %s", problem.path.c_str());
      }
      ImGui::TextWrapped("%s", problem.message.c_str());
      ImGui::Spacing();
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Close")) report.visible = false;
  }
  ImGui::End();
}

}  // namespace ui
