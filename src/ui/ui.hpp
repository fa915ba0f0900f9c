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

}  // namespace ui
