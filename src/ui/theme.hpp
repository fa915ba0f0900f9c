#pragma once
#include <imgui.h>

#include "app/app_state.hpp"
#include "layout/scene.hpp"

namespace ui {

// Colours the canvas draws with, per theme (ImGui's own widgets take theirs
// from ImGuiStyle, set by apply_theme).
struct CanvasPalette {
  ImU32 background;
  ImU32 grid_minor;
  ImU32 grid_major;
  ImU32 text;
  ImU32 muted_text;
  ImU32 accent;
  ImU32 card;
  ImU32 card_border;
};

// Sets ImGui's style for the theme, with sizes multiplied by scale (the
// device pixel ratio: the UI is laid out in device pixels).
void apply_theme(app::Theme theme, float scale);
CanvasPalette canvas_palette(app::Theme theme);
const char* theme_label(app::Theme theme);
// The colour a scene's paint has in the theme (svg_writer.cpp has the light one too).
ImU32 paint_colour(app::Theme theme, layout::Paint paint);

}  // namespace ui
