#include "ui/ui.hpp"

namespace ui {

void draw_ui(app::AppState& state, const Fonts& fonts) {
  // Bars first: they take their space from the viewport's work area, which
  // the canvas then fills.
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
}

}  // namespace ui
