#include <imgui.h>
#include <imgui_internal.h>  // the windows drawn this frame, for the page's touch routing

#include <algorithm>

#include "ui/ui.hpp"

namespace ui {

namespace {

// Where ImGui's panels are, in CSS pixels: a touch there is the panel's.
void note_panels(app::AppState& state, float ratio) {
  state.panels.clear();
  for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if (!window->WasActive || window->Hidden || (window->Flags & ImGuiWindowFlags_ChildWindow)) continue;
    if (std::string_view(window->Name) == "Planning canvas") continue;
    const glm::dvec2 min{window->Pos.x / ratio, window->Pos.y / ratio};
    const glm::dvec2 size{window->Size.x / ratio, window->Size.y / ratio};
    state.panels.push_back({min, min + size});
  }
}

}  // namespace

void draw_ui(app::AppState& state, const Fonts& fonts) {
  // Bars first: they take their space from the viewport's work area, which
  // the canvas then fills.
  if (state.read_only()) {
    // Reading only (?mode=view or embed): the page's own HTML panels hold the
    // rest (shell/viewer.js), its walk-through included; the timeline stays
    // where there is room for it (not in a frame, nor on a phone).
    const ImVec2 room = ImGui::GetMainViewport()->WorkSize;
    const float ratio = std::max(fonts.built_for_ratio, 1.0f);
    if (state.mode == app::Mode::view && room.x / ratio >= 700.0f && room.y / ratio >= 500.0f) draw_timeline_bar(state, fonts);
    draw_canvas_view(state, fonts);
    draw_shortcuts_window(state);
    draw_open_report_window(state, fonts);
    note_panels(state, fonts.built_for_ratio);
    return;
  }
  draw_menu_bar(state, fonts);
  draw_status_bar(state);
  draw_timeline_bar(state, fonts);
  draw_canvas_view(state, fonts);
  draw_layers_overlay(state, fonts);
  draw_unit_inspector(state, fonts);
  draw_governance_inspector(state, fonts);
  draw_governance_windows(state, fonts);
  draw_decision_window(state, fonts);
  draw_search_window(state, fonts);
  draw_checks_panel(state, fonts);
  draw_import_window(state, fonts);
  draw_shortcuts_window(state);
  draw_about_window(state, fonts);
  draw_open_report_window(state, fonts);
  draw_options_window(state, fonts);
  draw_milestones_window(state, fonts);
  draw_comparison_window(state, fonts);
  note_panels(state, fonts.built_for_ratio);
}

}  // namespace ui
