// The planning canvas: background grid, pan and zoom. Geometry comes from
// src/layout in world coordinates; this file maps it to screen (device pixel)
// coordinates, the only space ImDrawList sees.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "analysis/glossary.hpp"
#include "app/canvas_control.hpp"
#include "app/viewer_api.hpp"
#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "layout/camera.hpp"
#include "layout/grid.hpp"
#include "layout/outline.hpp"
#include "ui/governance_canvas.hpp"
#include "ui/retained_scene.hpp"
#include "ui/scene_view.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

glm::dvec2 to_glm(ImVec2 v) { return {v.x, v.y}; }
ImVec2 to_imvec(glm::dvec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

// Pressing the left button on a practice or a PCN starts moving it; on
// anything else (and with any other button) a drag pans the canvas.
void start_unit_drag(app::AppState& state, glm::dvec2 pointer) {
  if (!state.layers_scene || !state.document) return;
  const auto path = layout::items_at(*state.layers_scene, layout::screen_to_world(state.canvas.camera, state.canvas.viewport, pointer));
  if (path.empty()) return;
  const layout::Item& item = state.layers_scene->items[path.back()];
  const char* target_kind = item.kind == "practice" ? "pcn" : item.kind == "pcn" ? "place" : nullptr;
  const model::Unit* unit = app::find_unit(state, item.id);
  if (!target_kind || !unit) return;
  // Grabbing one of several selected units moves them all.
  std::vector<std::string> ids = {unit->id};
  const bool grabbed_selection = unit->id == state.selected || state.also_selected.count(unit->id);
  if (grabbed_selection) {
    if (unit->id != state.selected && !state.selected.empty()) ids.push_back(state.selected);
    for (const std::string& other : state.also_selected) {
      if (other != unit->id) ids.push_back(other);
    }
  }
  state.unit_drag = app::UnitDrag{ids, unit->id, unit->name, unit->parent, target_kind, {}, {}};
}

void update_drop_target(app::AppState& state, glm::dvec2 pointer) {
  app::UnitDrag& drag = *state.unit_drag;
  drag.target.clear();
  drag.target_name.clear();
  const auto path = layout::items_at(*state.layers_scene, layout::screen_to_world(state.canvas.camera, state.canvas.viewport, pointer));
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const layout::Item& item = state.layers_scene->items[*it];
    if (item.kind != drag.target_kind) continue;
    if ((item.id != drag.parent || drag.ids.size() > 1) && std::find(drag.ids.begin(), drag.ids.end(), item.id) == drag.ids.end()) {
      drag.target = item.id;
      if (const model::Unit* unit = app::find_unit(state, item.id)) drag.target_name = unit->name;
    }
    break;
  }
}

// How far the pointer went from where the left button was pressed. ImGui
// keeps the furthest distance only while the button is down, so a quick
// drag whose moves and release land in one frame would look like a click:
// the distance from the press to the pointer now counts too.
float travel_since_press_sqr() {
  const ImGuiIO& io = ImGui::GetIO();
  const float dx = io.MousePos.x - io.MouseClickedPos[0].x;
  const float dy = io.MousePos.y - io.MouseClickedPos[0].y;
  const float now = ImGui::IsMousePosValid() ? dx * dx + dy * dy : 0.0f;
  return std::max(io.MouseDragMaxDistanceSqr[0], now);
}

bool dragged_beyond_click(const app::AppState& state) {
  const float slop = 4.0f * static_cast<float>(state.canvas.viewport.pixel_ratio);
  return travel_since_press_sqr() >= slop * slop;
}

void handle_pointer(app::AppState& state) {
  ImGuiIO& io = ImGui::GetIO();
  app::CanvasState& canvas = state.canvas;
  const bool governance = state.canvas_view == app::CanvasView::governance;
  // Side by side, the canvas is for looking: it pans and zooms, and edits wait until the comparison closes.
  const bool comparing = state.comparison && state.comparison->side_by_side;
  // Read-only pages (?mode=view, embed) pan, zoom and select; nothing is dragged into a change.
  if (!comparing && !state.read_only() && ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (governance) governance_press(state, to_glm(io.MousePos));
    else start_unit_drag(state, to_glm(io.MousePos));
  }
  // When frames are slow, the last moves and the release can arrive in one
  // frame: the frame that ends a press still applies its movement, and the
  // frame that starts it does not pan by the approach to the press.
  const bool held = ImGui::IsItemActive() || ImGui::IsItemDeactivated();
  const bool drawing_or_nudging = state.node_drag || state.flow_draft;
  if (drawing_or_nudging) {
    if (held) governance_drag(state, to_glm(io.MousePos));
    if (!ImGui::IsItemActive()) governance_release(state, to_glm(io.MousePos), dragged_beyond_click(state));
  } else if (state.unit_drag && held) {
    update_drop_target(state, to_glm(io.MousePos));
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  } else if (held && !ImGui::IsItemActivated() && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
    app::pan_by(canvas, to_glm(io.MouseDelta));
  }
  if (state.unit_drag && !ImGui::IsItemActive()) {
    const app::UnitDrag drag = *state.unit_drag;
    state.unit_drag.reset();
    if (dragged_beyond_click(state) && !drag.target.empty()) {
      if (app::move_units(state, drag.ids, drag.target).ok && drag.ids.size() == 1) state.selected = drag.id;
    }
  }
  if (ImGui::IsItemHovered() && io.MouseWheel != 0.0f) {
    // One wheel notch (or a trackpad pinch's ctrl+wheel) zooms by about 20%.
    app::zoom_at(canvas, to_glm(io.MousePos), std::pow(1.2, static_cast<double>(io.MouseWheel)));
  }
}

// Everything in the view that can be selected, in the outline's order (the
// order a screen reader hears it): for choosing by keyboard.
void ids_in_order(const layout::Scene& scene, const std::vector<layout::OutlineNode>& nodes, std::vector<std::string>& ids) {
  for (const layout::OutlineNode& node : nodes) {
    const layout::Item& item = scene.items[node.item];
    if (item.role != "band" && item.role != "group" && (ids.empty() || ids.back() != item.id)) ids.push_back(item.id);
    ids_in_order(scene, node.children, ids);
  }
}

// ] and [ select the next or previous thing in the view, framed on screen.
void select_by_key(app::AppState& state, int direction) {
  const layout::Scene* scene = app::active_scene(state);
  if (!scene) return;
  std::vector<std::string> ids;
  ids_in_order(*scene, layout::outline_of(*scene), ids);
  if (ids.empty()) return;
  const auto at = std::find(ids.begin(), ids.end(), state.selected);
  std::size_t next = 0;
  if (at == ids.end()) next = direction > 0 ? 0 : ids.size() - 1;
  else next = (static_cast<std::size_t>(at - ids.begin()) + (direction > 0 ? 1 : ids.size() - 1)) % ids.size();
  state.selected = ids[next];
  state.also_selected.clear();
  app::focus_item(state, state.selected);
}

void handle_keys(app::AppState& state) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl || io.KeySuper || io.KeyAlt) return;
  app::CanvasState& canvas = state.canvas;
  const double step = (io.KeyShift ? 200.0 : 40.0) * canvas.viewport.pixel_ratio;
  if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) app::pan_by(canvas, {step, 0.0});
  if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) app::pan_by(canvas, {-step, 0.0});
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) app::pan_by(canvas, {0.0, step});
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) app::pan_by(canvas, {0.0, -step});
  if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) {
    app::zoom_centred(canvas, app::zoom_step, state.now_seconds);
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) {
    app::zoom_centred(canvas, 1.0 / app::zoom_step, state.now_seconds);
  }
  if (!io.KeyShift && (ImGui::IsKeyPressed(ImGuiKey_0, false) || ImGui::IsKeyPressed(ImGuiKey_Keypad0, false))) {
    app::reset_zoom(canvas, state.now_seconds);
  }
  if (ImGui::IsKeyPressed(ImGuiKey_F, false) || (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_1, false))) {
    app::fit_content(canvas, state.now_seconds);
  }
  if (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) state.show_shortcuts = true;
  if (ImGui::IsKeyPressed(ImGuiKey_RightBracket)) select_by_key(state, 1);
  if (ImGui::IsKeyPressed(ImGuiKey_LeftBracket)) select_by_key(state, -1);
  if (!state.selected.empty() && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))) {
    app::focus_item(state, state.selected);
  }
  if (!state.selected.empty() && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    state.selected.clear();
    state.also_selected.clear();
  }
  if (ImGui::IsKeyPressed(ImGuiKey_L, false)) state.show_legend = !state.show_legend;
  if (ImGui::IsKeyPressed(ImGuiKey_D, false)) open_decision(state);
  if (!io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_1, false)) app::show_view(state, app::CanvasView::layers);
  if (!io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_2, false)) app::show_view(state, app::CanvasView::governance);
  if (state.canvas_view == app::CanvasView::governance && !state.selected.empty() && !state.read_only() &&
      (ImGui::IsKeyPressed(ImGuiKey_Delete, false) || ImGui::IsKeyPressed(ImGuiKey_Backspace, false))) {
    ask_delete(state, state.selected);
  }
}

void draw_grid(ImDrawList& draw, const app::CanvasState& canvas, const CanvasPalette& palette) {
  const layout::Grid grid = layout::make_grid(canvas.camera, canvas.viewport);
  const glm::dvec2 top_left = canvas.viewport.origin;
  const glm::dvec2 bottom_right = canvas.viewport.origin + canvas.viewport.size;
  const float thickness = static_cast<float>(canvas.viewport.pixel_ratio);
  for (bool major : {false, true}) {
    const ImU32 colour = major ? palette.grid_major : palette.grid_minor;
    for (const layout::GridLine& line : grid.vertical) {
      if (line.major != major) continue;
      const float x = std::floor(static_cast<float>(line.screen)) + 0.5f;
      draw.AddLine(ImVec2(x, static_cast<float>(top_left.y)), ImVec2(x, static_cast<float>(bottom_right.y)),
                   colour, thickness);
    }
    for (const layout::GridLine& line : grid.horizontal) {
      if (line.major != major) continue;
      const float y = std::floor(static_cast<float>(line.screen)) + 0.5f;
      draw.AddLine(ImVec2(static_cast<float>(top_left.x), y), ImVec2(static_cast<float>(bottom_right.x), y),
                   colour, thickness);
    }
  }
}

// A click (not a drag) selects what is under the pointer; a double click
// also focuses it. Clicking empty canvas clears the selection.
void handle_selection(app::AppState& state, int hovered) {
  const layout::Scene* scene = app::active_scene(state);
  if (!scene || !ImGui::IsItemHovered()) return;
  const ImGuiIO& io = ImGui::GetIO();
  const bool clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !dragged_beyond_click(state);
  if (clicked) {
    const std::string id = hovered >= 0 ? scene->items[static_cast<std::size_t>(hovered)].id : std::string();
    const bool adding = io.KeyShift || io.KeyCtrl || io.KeySuper;
    const app::Document& document = *state.document;
    const auto kind_of = [&](const std::string& unit_id) {
      for (const model::Unit& unit : document.plan.units) {
        if (unit.id == unit_id) return unit.layer;
      }
      return model::Layer::community;
    };
    const bool units = state.canvas_view == app::CanvasView::layers;
    if (units && adding && !id.empty() && !state.selected.empty() && kind_of(id) == kind_of(state.selected)) {
      // Shift or Ctrl+click adds a unit of the same layer to the selection, or takes it out.
      if (id == state.selected) {
        // the inspector's unit stays; nothing to toggle
      } else if (!state.also_selected.erase(id)) {
        state.also_selected.insert(id);
      }
    } else {
      state.selected = id;
      state.also_selected.clear();
    }
  }
  // A double click focuses what it is on once its second press comes up
  // where it went down: grabbing a box again quickly to drag it is a drag.
  const std::string under = hovered >= 0 ? scene->items[static_cast<std::size_t>(hovered)].id : std::string();
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    state.double_pressed = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) ? under : std::string();
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    if (clicked && !under.empty() && under == state.double_pressed) app::focus_item(state, under);
    state.double_pressed.clear();
  }
}

void show_hover_card(app::AppState& state, int hovered) {
  if (hovered < 0 || !ImGui::IsItemHovered() || ImGui::IsItemActive()) return;
  if (state.node_drag || state.flow_draft) return;
  const layout::Item& item = app::active_scene(state)->items[static_cast<std::size_t>(hovered)];
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
  ImGui::TextUnformatted(item.label.c_str());
  // The acronyms its words use, explained (the plan's glossary, then the built-in one).
  for (const analysis::GlossaryTerm* term : analysis::terms_in(item.label, app::plan_glossary(state))) {
    const auto capitals = std::count_if(term->term.begin(), term->term.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (capitals >= 2) ImGui::TextDisabled("%s: %s", term->term.c_str(), term->meaning.c_str());
  }
  if (state.canvas_view == app::CanvasView::layers) ImGui::TextDisabled("Click to select, double-click to focus.");
  else if (item.role == "flow" || item.role == "membership" || state.read_only()) ImGui::TextDisabled("Click to select.");
  else ImGui::TextDisabled("Click to select. Drag to move it along its row; drag the + handle (or Alt+drag) to another box to draw a flow.");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// While moving a unit: the PCN or place it would go into, outlined, and
// a note by the pointer saying what will happen.
void draw_drag_feedback(ImDrawList& draw, const app::AppState& state, const CanvasPalette& palette) {
  const app::UnitDrag& drag = *state.unit_drag;
  const float ratio = static_cast<float>(state.canvas.viewport.pixel_ratio);
  if (!drag.target.empty()) {
    for (const layout::Item& item : state.layers_scene->items) {
      if (item.id != drag.target) continue;
      const glm::dvec2 min = layout::world_to_screen(state.canvas.camera, state.canvas.viewport, item.bounds.min);
      const glm::dvec2 max = layout::world_to_screen(state.canvas.camera, state.canvas.viewport, item.bounds.max);
      draw.AddRect(to_imvec(min), to_imvec(max), palette.accent, 0.0f, 0, 4.0f * ratio);
    }
  }
  const std::string where = drag.target_kind == "pcn" ? "a Primary Care Network" : "a place";
  const std::string what = drag.ids.size() == 1 ? "\"" + drag.name + "\"" : std::to_string(drag.ids.size()) + " units";
  const std::string text = drag.target.empty() ? "Drop " + what + " on " + where : "Move " + what + " into \"" + drag.target_name + "\"";
  const ImVec2 pointer = ImGui::GetIO().MousePos;
  const ImVec2 at(pointer.x + 16.0f * ratio, pointer.y + 16.0f * ratio);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = 6.0f * ratio;
  draw.AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), palette.card, 4.0f * ratio);
  draw.AddRect(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), palette.accent, 4.0f * ratio, 0, ratio);
  draw.AddText(at, palette.text, text.c_str());
}

// What an empty canvas says: where plans will appear and how to move around.
void draw_empty_state(ImDrawList& draw, const app::AppState& state, const CanvasPalette& palette,
                      const Fonts& fonts) {
  const app::CanvasState& canvas = state.canvas;
  const float ratio = static_cast<float>(canvas.viewport.pixel_ratio);
  std::string title = "This canvas is empty";
  std::vector<std::string> lines = {
      "Open a plan file with File > Open plan file, or drop one here,",
      "choose one of the examples under File > Open example,",
      "or one of the plans kept in this browser under File > My plans.",
      "Drag to move around. Scroll, pinch or press + and - to zoom.",
      "Press F to fit, or ? for every keyboard shortcut.",
  };
  const float padding = 20.0f * ratio;
  const float line_gap = 6.0f * ratio;
  ImVec2 size = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, 1e9f, 0.0f, title.c_str());
  for (const std::string& line : lines) {
    const ImVec2 line_size = fonts.body->CalcTextSizeA(fonts.body->FontSize, 1e9f, 0.0f, line.c_str());
    size.x = std::max(size.x, line_size.x);
    size.y += line_gap + line_size.y;
  }
  const ImVec2 centre = to_imvec(canvas.viewport.origin + canvas.viewport.size * 0.5);
  const ImVec2 min(centre.x - size.x * 0.5f - padding, centre.y - size.y * 0.5f - padding);
  const ImVec2 max(centre.x + size.x * 0.5f + padding, centre.y + size.y * 0.5f + padding);
  if (max.x - min.x > static_cast<float>(canvas.viewport.size.x) ||
      max.y - min.y > static_cast<float>(canvas.viewport.size.y)) {
    return;  // a window too small for the card shows just the grid
  }
  const float rounding = 8.0f * ratio;
  draw.AddRectFilled(min, max, palette.card, rounding);
  draw.AddRect(min, max, palette.card_border, rounding, 0, ratio);
  draw.AddRectFilled(min, ImVec2(min.x + 4.0f * ratio, max.y), palette.accent, rounding, ImDrawFlags_RoundCornersLeft);
  ImVec2 cursor(min.x + padding, min.y + padding);
  draw.AddText(fonts.heading, fonts.heading->FontSize, cursor, palette.text, title.c_str());
  cursor.y += fonts.heading->FontSize;
  for (const std::string& line : lines) {
    cursor.y += line_gap;
    draw.AddText(fonts.body, fonts.body->FontSize, cursor, palette.muted_text, line.c_str());
    cursor.y += fonts.body->FontSize;
  }
}

// Colours for what a comparison marks; the panel says them in words too.
constexpr ImU32 added_colour = IM_COL32(0, 120, 70, 255);
constexpr ImU32 removed_colour = IM_COL32(200, 40, 40, 255);
constexpr ImU32 changed_colour = IM_COL32(215, 130, 0, 255);

// What the last move along the timeline added (green) and changed (amber),
// pulsing briefly unless the reader prefers reduced motion.
SceneMarks marks_of_last_step(const app::AppState& state) {
  SceneMarks marks;
  if (!state.step_changes) return marks;
  const double age = state.now_seconds - state.step_changes->at;
  double strength = 1.0;
  if (!state.canvas.reduce_motion && age < app::step_pulse_seconds) strength = 0.45 + 0.55 * (0.5 + 0.5 * std::cos(age * 2.0 * 3.14159265 / 0.6));
  const auto with_strength = [&](ImU32 colour) {
    const ImU32 alpha = static_cast<ImU32>(255.0 * strength);
    return (colour & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
  };
  marks.outlined = {{&state.step_changes->added, with_strength(added_colour)}, {&state.step_changes->changed, with_strength(changed_colour)}};
  return marks;
}

// Two states side by side: one layout of both, each half leaving out what
// its state does not have, with one camera (each half centred on it).
void draw_comparison(ImDrawList& draw, app::AppState& state, const Fonts& fonts, const CanvasPalette& palette) {
  const app::Comparison& comparison = *state.comparison;
  const model::Plan& plan = state.document->plan;
  std::set<std::string> selection;
  if (!state.selected.empty()) selection.insert(state.selected);
  const double ratio = state.canvas.viewport.pixel_ratio;
  const double width = state.canvas.viewport.size.x;
  const double half_width = std::max(width - app::comparison_panel_width * ratio, width * 0.3) * 0.5;  // the panel is docked at the right
  for (int side = 0; side < 2; ++side) {
    app::CanvasState half = state.canvas;
    half.viewport.size.x = half_width;
    half.viewport.origin.x += side * half_width;
    const ImVec2 min = to_imvec(half.viewport.origin);
    const ImVec2 max = to_imvec(half.viewport.origin + half.viewport.size);
    draw.PushClipRect(min, max, true);
    SceneMarks marks;
    marks.hidden = side == 0 ? &comparison.only_right : &comparison.only_left;
    marks.outlined = {{side == 0 ? &comparison.only_left : &comparison.only_right, side == 0 ? removed_colour : added_colour},
                      {&comparison.changed, changed_colour}};
    draw_scene(draw, *comparison.scene, half, state.theme, fonts, selection, ImVec2(-1e9f, -1e9f), nullptr,
               side == 1 ? &state.shown : nullptr, &marks);
    // Which state this half shows, at its foot.
    const std::string title = analysis::describe_state(plan, side == 0 ? comparison.left : comparison.right);
    const std::string key = side == 0 ? "Red outline: not in the other state. Amber: changed." : "Green outline: new in this state. Amber: changed.";
    const float pad = 8.0f * static_cast<float>(ratio);
    const float wrap = max.x - min.x - 6.0f * pad;
    const ImVec2 title_size = fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, wrap, title.c_str());
    const ImVec2 key_size = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, wrap, key.c_str());
    // At the top of the half, below the view's toolbar.
    const float card_width = pad * 2.0f + std::max(title_size.x, key_size.x);
    const ImVec2 card_min(std::max(min.x + pad, (min.x + max.x - card_width) * 0.5f), min.y + 64.0f * static_cast<float>(ratio));
    const ImVec2 card_max(card_min.x + card_width, card_min.y + pad * 2.0f + title_size.y + key_size.y);
    draw.AddRectFilled(card_min, card_max, palette.card, 6.0f * static_cast<float>(ratio));
    draw.AddRect(card_min, card_max, palette.card_border, 6.0f * static_cast<float>(ratio));
    draw.AddText(fonts.heading, fonts.heading->FontSize, ImVec2(card_min.x + pad, card_min.y + pad), palette.text, title.c_str(), nullptr, wrap);
    draw.AddText(fonts.body, fonts.body->FontSize, ImVec2(card_min.x + pad, card_min.y + pad + title_size.y), palette.muted_text, key.c_str(), nullptr, wrap);
    draw.PopClipRect();
  }
  const float middle = static_cast<float>(state.canvas.viewport.origin.x + half_width);
  draw.AddLine(ImVec2(middle, static_cast<float>(state.canvas.viewport.origin.y)),
               ImVec2(middle, static_cast<float>(state.canvas.viewport.origin.y + state.canvas.viewport.size.y)), palette.card_border,
               2.0f * static_cast<float>(ratio));
}

}  // namespace

void draw_canvas_view(app::AppState& state, const Fonts& fonts) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  if (state.frames_drawn == 0) ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
  const bool visible = ImGui::Begin("Planning canvas", nullptr, flags);
  ImGui::PopStyleVar(3);
  if (visible) {
    app::CanvasState& canvas = state.canvas;
    canvas.viewport.origin = to_glm(ImGui::GetCursorScreenPos());
    canvas.viewport.size = glm::max(to_glm(ImGui::GetContentRegionAvail()), glm::dvec2(1.0, 1.0));
    app::keep_fit(canvas, state.read_only());

    ImGui::InvisibleButton("##canvas_input", to_imvec(canvas.viewport.size),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    handle_pointer(state);
    // The canvas's keys work whatever overlay was clicked last, but not
    // while typing in a field or with a menu, combo or dialog open.
    if (ImGui::IsWindowFocused() || !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) handle_keys(state);
    if (ImGui::IsItemActive() && !state.unit_drag && !state.node_drag && !state.flow_draft) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);

    const CanvasPalette palette = canvas_palette(state.theme);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 min = to_imvec(canvas.viewport.origin);
    const ImVec2 max = to_imvec(canvas.viewport.origin + canvas.viewport.size);
    draw.PushClipRect(min, max, true);
    draw.AddRectFilled(min, max, palette.background);
    draw_grid(draw, canvas, palette);
    int hovered = -1;
    if (state.comparison && state.comparison->side_by_side && state.comparison->scene) {
      draw_comparison(draw, state, fonts, palette);
    } else if (const layout::Scene* scene = app::active_scene(state)) {
      std::set<std::string> selection = state.also_selected;
      if (!state.selected.empty()) selection.insert(state.selected);
      const SceneMarks step_marks = marks_of_last_step(state);
      const SceneMarks* marks = state.step_changes ? &step_marks : nullptr;
      if (state.canvas_view == app::CanvasView::governance) {
        // An open "Who decides?" lights its route; otherwise the selection's neighbourhood.
        // (The neighbourhood is kept between frames: referred to, not copied.)
        const std::set<std::string> route = state.decision.open ? app::decision_route_ids(state) : std::set<std::string>{};
        const std::set<std::string>& lit = state.decision.open ? route : neighbourhood(state);
        // A mesh is kept for each set lit: built when the selection changes, not every frame.
        const std::vector<std::uint8_t>* kept =
            draw_retained(draw, *scene, canvas, state.theme, fonts, state.keep_on_gpu, lit.empty() ? nullptr : &lit);
        state.drew_from_gpu = kept != nullptr;
        draw_scene(draw, *scene, canvas, state.theme, fonts, selection, ImGui::GetIO().MousePos, lit.empty() ? nullptr : &lit,
                   &state.shown, marks, kept);
        hovered = governance_item_at(state, to_glm(ImGui::GetIO().MousePos));
        draw_governance_feedback(draw, state, palette, ImGui::IsItemHovered() || ImGui::IsItemActive() ? hovered : -1);
      } else {
        const std::vector<std::uint8_t>* kept = draw_retained(draw, *scene, canvas, state.theme, fonts, state.keep_on_gpu);
        state.drew_from_gpu = kept != nullptr;
        hovered = draw_scene(draw, *scene, canvas, state.theme, fonts, selection, ImGui::GetIO().MousePos, nullptr, &state.shown, marks, kept);
      }
    } else {
      state.shown.clear();
      draw_empty_state(draw, state, palette, fonts);
    }
    if (state.unit_drag && dragged_beyond_click(state)) draw_drag_feedback(draw, state, palette);
    draw.PopClipRect();
    if (!(state.comparison && state.comparison->side_by_side)) {
      handle_selection(state, hovered);
      show_hover_card(state, hovered);
    }
  }
  ImGui::End();
}

}  // namespace ui
