#include <imgui.h>

#include <string>

#include "model/version.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void centre_next_window(float width_css, float ratio) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width_css * ratio, 0.0f), ImGuiCond_Appearing);
}

}  // namespace

void draw_shortcuts_window(app::AppState& state) {
  if (!state.show_shortcuts) return;
  centre_next_window(420.0f, static_cast<float>(state.canvas.viewport.pixel_ratio));
  if (ImGui::Begin("Keyboard shortcuts", &state.show_shortcuts,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_AlwaysAutoResize)) {
    static const char* const rows[][2] = {
        {"Open a plan file", "Ctrl+O, or drop the file on the page"},
        {"Save to a file / save as", "Ctrl+S / Ctrl+Shift+S"},
        {"Move around", "Drag the background, or arrow keys (Shift: further)"},
        {"Select a unit / focus on it", "Click / double-click it"},
        {"Select the next / previous thing", "] / ["},
        {"Zoom to what is selected / clear it", "Enter / Escape"},
        {"Leave the drawing for the page", "Tab (the page lists everything in words)"},
        {"Move a practice or a PCN", "Drag it onto another PCN or place"},
        {"Choose several to move together", "Shift+click them, then drag one"},
        {"Undo / redo", "Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y"},
        {"Find a unit by name or code", "Ctrl+F, then Enter for the next"},
        {"Zoom in / out", "Scroll, pinch, or + and -"},
        {"Zoom to 100%", "0"},
        {"Fit to screen", "F or Shift+1"},
        {"Population layers / governance view", "1 / 2"},
        {"Nudge a box (governance)", "Drag it along its row"},
        {"Draw a flow (governance)", "Drag a box's + handle, or Alt+drag the box, onto another"},
        {"Delete the selected box or flow", "Delete or Backspace"},
        {"Show or hide the legend", "L"},
        {"Who decides a function?", "D"},
        {"This list", "?"},
    };
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
      for (const auto& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row[0]);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", row[1]);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

void draw_about_window(app::AppState& state, const Fonts& fonts) {
  if (!state.show_about) return;
  centre_next_window(460.0f, static_cast<float>(state.canvas.viewport.pixel_ratio));
  if (ImGui::Begin("About the planner", &state.show_about,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Care Structure Planner");
    ImGui::PopFont();
    ImGui::TextDisabled("Version %s", std::string(model::planner_version()).c_str());
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(
        "Plan how health and care is organised in England: GP practices, Primary Care "
        "Networks, places and Integrated Care Systems, and who decides what on whose behalf.");
    ImGui::Spacing();
    ImGui::TextDisabled(
        "Open source. Built with Dear ImGui (MIT licence) and the Liberation Sans font "
        "(SIL Open Font Licence).");
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace ui
