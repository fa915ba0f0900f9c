#pragma once
#include "app/app_state.hpp"
#include "ui/fonts.hpp"

// Every panel is a function over the application's state, drawn each frame.
namespace ui {

void draw_ui(app::AppState& state, const Fonts& fonts);

void draw_menu_bar(app::AppState& state, const Fonts& fonts);
void draw_status_bar(app::AppState& state);
void draw_canvas_view(app::AppState& state, const Fonts& fonts);
void draw_shortcuts_window(app::AppState& state);
void draw_about_window(app::AppState& state, const Fonts& fonts);
void draw_open_report_window(app::AppState& state, const Fonts& fonts);
void draw_unit_inspector(app::AppState& state, const Fonts& fonts);
void draw_search_window(app::AppState& state, const Fonts& fonts);
void draw_layers_overlay(app::AppState& state, const Fonts& fonts);
void draw_checks_panel(app::AppState& state, const Fonts& fonts);
void draw_import_window(app::AppState& state, const Fonts& fonts);
void open_search(app::AppState& state);

}  // namespace ui
