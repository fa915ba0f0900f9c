#pragma once
#include <string>

#include "app/app_state.hpp"
#include "ui/fonts.hpp"

// Every panel is a function over the application's state, drawn each frame.
namespace ui {

void draw_ui(app::AppState& state, const Fonts& fonts);

void draw_menu_bar(app::AppState& state, const Fonts& fonts);
void draw_status_bar(app::AppState& state);
// The timeline along the foot of the canvas, for a plan with milestones or options.
void draw_timeline_bar(app::AppState& state, const Fonts& fonts);
// The options: each described, with its steps, to choose or compare.
void draw_options_window(app::AppState& state, const Fonts& fonts);
// The milestones and the shown option's steps, to read and edit.
void draw_milestones_window(app::AppState& state, const Fonts& fonts);
// The differences between two states being compared, in words.
void draw_comparison_window(app::AppState& state, const Fonts& fonts);
void draw_canvas_view(app::AppState& state, const Fonts& fonts);
void draw_shortcuts_window(app::AppState& state);
void draw_about_window(app::AppState& state, const Fonts& fonts);
void draw_open_report_window(app::AppState& state, const Fonts& fonts);
void draw_unit_inspector(app::AppState& state, const Fonts& fonts);
// Begins the inspector's window (call ImGui::End after, whatever it answers):
// at the top right, `width` CSS pixels wide, as tall as it needs up to the screen.
bool begin_inspector(const char* title, float width, const Fonts& fonts, bool* open);
void draw_search_window(app::AppState& state, const Fonts& fonts);
void draw_layers_overlay(app::AppState& state, const Fonts& fonts);
void draw_checks_panel(app::AppState& state, const Fonts& fonts);
void draw_import_window(app::AppState& state, const Fonts& fonts);
void open_search(app::AppState& state);
void draw_governance_inspector(app::AppState& state, const Fonts& fonts);
void draw_governance_windows(app::AppState& state, const Fonts& fonts);
void draw_decision_window(app::AppState& state, const Fonts& fonts);
// Opens "Who decides?" on the first function the plan holds (or the one open before).
void open_decision(app::AppState& state);
// Adds an "organisation", "body" or "post" from the palette or the Edit menu,
// showing the governance view with the new node selected.
void add_governance_node(app::AppState& state, const std::string& what);
// Asks to delete the selected organisation, body, post or flow, saying what else goes.
void ask_delete(app::AppState& state, const std::string& id);

}  // namespace ui
