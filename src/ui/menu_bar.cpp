#include <imgui.h>

#include <string>

#include "analysis/plan_tables.hpp"
#include "app/canvas_control.hpp"
#include "app/examples.hpp"
#include "app/plan_document.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void ask_page(app::AppState& state, std::string action, std::string argument = {}) {
  state.page_requests.push_back({std::move(action), std::move(argument)});
}

void draw_file_menu(app::AppState& state) {
  if (!ImGui::BeginMenu("File")) return;
  if (ImGui::MenuItem("My plans...")) ask_page(state, "showMyPlans");
  if (ImGui::MenuItem("Open plan file...", "Ctrl+O")) ask_page(state, "pickPlanFile");
  if (ImGui::BeginMenu("Open example")) {
    for (const app::Example& example : app::examples) {
      const std::string title(example.title);
      if (ImGui::MenuItem(title.c_str())) ask_page(state, "openExample", std::string(example.name));
    }
    ImGui::EndMenu();
  }
  ImGui::Separator();
  const bool open = state.document.has_value();
  // Ctrl+S and Ctrl+Shift+S are the page's (shell/keeping.js): a file picker needs the key press itself.
  if (ImGui::MenuItem("Save to file", "Ctrl+S", false, open)) ask_page(state, "savePlanFile");
  if (ImGui::MenuItem("Save to file as...", "Ctrl+Shift+S", false, open)) ask_page(state, "savePlanFile", "ask");
  ImGui::Separator();
  if (ImGui::MenuItem("Share a link...", nullptr, false, open)) ask_page(state, "showShareLink");
  if (ImGui::MenuItem("Share / embed...", nullptr, false, open)) ask_page(state, "showEmbed");
  if (ImGui::BeginMenu("Export", open)) {
    if (ImGui::MenuItem("Picture of this view (PNG)")) ask_page(state, "exportFile", "png");
    if (ImGui::MenuItem("Drawing of this view (SVG)")) ask_page(state, "exportFile", "svg");
    if (ImGui::BeginMenu("Table (CSV)")) {
      // In the order of analysis::plan_table_names().
      static constexpr const char* labels[] = {"Units, with population roll-ups", "Organisations", "Boards and committees",
                                               "Posts", "Flows between them", "Functions, with who decides"};
      const auto& names = analysis::plan_table_names();
      for (std::size_t i = 0; i < names.size() && i < std::size(labels); ++i) {
        if (ImGui::MenuItem(labels[i])) ask_page(state, "exportFile", "csv:" + std::string(names[i]));
      }
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Import NHS data (CSV)...")) ask_page(state, "pickImportFiles");
  ImGui::EndMenu();
}

// Undo and redo name what they will undo ("Undo move "X" to "Y"").
void draw_edit_menu(app::AppState& state) {
  if (!ImGui::BeginMenu("Edit")) return;
  const model::History* history = state.document ? &state.document->history : nullptr;
  const std::string undo = history && history->can_undo() ? history->undo_label() : "Undo";
  const std::string redo = history && history->can_redo() ? history->redo_label() : "Redo";
  if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, history && history->can_undo())) app::undo(state);
  if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, history && history->can_redo())) app::redo(state);
  ImGui::Separator();
  if (ImGui::MenuItem("Find a unit...", "Ctrl+F", false, state.document.has_value())) open_search(state);
  if (ImGui::BeginMenu("Add", state.document.has_value())) {
    if (ImGui::MenuItem("Organisation")) add_governance_node(state, "organisation");
    if (ImGui::MenuItem("Board, committee or group")) add_governance_node(state, "body");
    if (ImGui::MenuItem("Post")) add_governance_node(state, "post");
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void draw_view_menu(app::AppState& state) {
  if (!ImGui::BeginMenu("View")) return;
  app::CanvasState& canvas = state.canvas;
  if (ImGui::MenuItem("Population layers", "1", state.canvas_view == app::CanvasView::layers)) app::show_view(state, app::CanvasView::layers);
  if (ImGui::MenuItem("Governance", "2", state.canvas_view == app::CanvasView::governance)) app::show_view(state, app::CanvasView::governance);
  ImGui::MenuItem("Governance filters...", nullptr, &state.show_governance_filters, state.canvas_view == app::CanvasView::governance);
  if (ImGui::MenuItem("Who decides?", "D", state.decision.open, state.document.has_value())) {
    if (state.decision.open) state.decision = {};
    else open_decision(state);
  }
  ImGui::MenuItem("Options and appraisal", nullptr, &state.show_options, state.document.has_value());
  ImGui::MenuItem("Milestones", nullptr, &state.show_milestones, state.document.has_value());
  ImGui::Separator();
  if (ImGui::MenuItem("Zoom in", "+")) app::zoom_centred(canvas, app::zoom_step, state.now_seconds);
  if (ImGui::MenuItem("Zoom out", "-")) app::zoom_centred(canvas, 1.0 / app::zoom_step, state.now_seconds);
  if (ImGui::MenuItem("Zoom to 100%", "0")) app::reset_zoom(canvas, state.now_seconds);
  if (ImGui::MenuItem("Fit to screen", "F")) app::fit_content(canvas, state.now_seconds);
  // Edits keep boxes where they were; this orders them afresh for the plan as it is now.
  if (ImGui::MenuItem("Lay out again", nullptr, false, app::layout_kept(state))) app::lay_out_again(state);
  ImGui::MenuItem("Legend", "L", &state.show_legend);
  ImGui::MenuItem("Checks", nullptr, &state.show_checks);
  if (ImGui::MenuItem("Commissioners (CCGs)", nullptr, &state.layers.commissioners)) app::refresh_scene(state);
  ImGui::Separator();
  if (ImGui::BeginMenu("Theme")) {
    for (app::Theme theme : {app::Theme::light, app::Theme::dark, app::Theme::high_contrast}) {
      if (ImGui::MenuItem(theme_label(theme), nullptr, state.theme == theme)) state.theme = theme;
    }
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void draw_help_menu(app::AppState& state) {
  if (!ImGui::BeginMenu("Help")) return;
  if (ImGui::MenuItem("Keyboard shortcuts", "?")) state.show_shortcuts = true;
  if (ImGui::MenuItem("About the planner")) state.show_about = true;
  ImGui::EndMenu();
}

}  // namespace

// Ctrl (or Cmd) + Z undoes; Ctrl+Shift+Z and Ctrl+Y redo, except while
// typing in a field, where they belong to the field.
void handle_edit_shortcuts(app::AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !(io.KeyCtrl || io.KeySuper) || io.KeyAlt) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
    if (io.KeyShift) app::redo(state);
    else app::undo(state);
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) app::redo(state);
  if (ImGui::IsKeyPressed(ImGuiKey_F, false)) open_search(state);
}

void draw_menu_bar(app::AppState& state, const Fonts& fonts) {
  handle_edit_shortcuts(state);
  const float scale = fonts.built_for_ratio;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10.0f * scale, 8.0f * scale));
  if (ImGui::BeginMainMenuBar()) {
    ImGui::PushFont(fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    ImGui::TextUnformatted("Care Structure Planner");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(8.0f * scale, 0.0f));
    draw_file_menu(state);
    draw_edit_menu(state);
    draw_view_menu(state);
    draw_help_menu(state);
    ImGui::EndMainMenuBar();
  }
  ImGui::PopStyleVar();
}

}  // namespace ui
