// Find (Ctrl+F): units by name or code; Enter steps to the next result,
// Shift+Enter to the one before, each focused on the canvas.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "analysis/search.hpp"
#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void show_result(app::AppState& state, int index) {
  app::SearchState& search = state.search;
  if (search.results.empty()) return;
  const int count = static_cast<int>(search.results.size());
  search.current = ((index % count) + count) % count;
  app::focus_unit(state, search.results[static_cast<std::size_t>(search.current)]);
}

}  // namespace

void open_search(app::AppState& state) {
  state.search.open = true;
  state.search.focus_input = true;
}

void draw_search_window(app::AppState& state, const Fonts& fonts) {
  app::SearchState& search = state.search;
  if (!search.open || !state.document) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + 12.0f * ratio), ImGuiCond_Always,
                          ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(420.0f * ratio, 0.0f));
  if (ImGui::Begin("Find a unit###search", &search.open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                                         ImGuiWindowFlags_AlwaysAutoResize)) {
    if (search.focus_input) {
      ImGui::SetKeyboardFocusHere();
      search.focus_input = false;
    }
    ImGui::PushItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##find", "Name or code, e.g. Hereford or M81076", &search.text,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopItemWidth();
    if (ImGui::IsItemEdited()) {
      search.results.clear();
      for (std::size_t i : analysis::find_units(app::shown_plan(state), search.text)) search.results.push_back(app::shown_plan(state).units[i].id);
      search.current = -1;
    }
    if (enter) {
      show_result(state, search.current + (ImGui::GetIO().KeyShift ? -1 : 1));
      ImGui::SetKeyboardFocusHere(-1);  // keep typing, or press Enter again for the next
    }
    if (search.text.empty()) {
      ImGui::TextDisabled("Type part of a name or a code.");
    } else if (search.results.empty()) {
      ImGui::TextDisabled("No unit's name or code contains \"%s\".", search.text.c_str());
    } else {
      if (search.current >= 0) ImGui::Text("%d of %zu", search.current + 1, search.results.size());
      else ImGui::Text("%zu found: Enter shows the first, Shift+Enter goes back.", search.results.size());
      const std::size_t shown = std::min<std::size_t>(search.results.size(), 8);
      for (std::size_t i = 0; i < shown; ++i) {
        const model::Unit* unit = app::find_unit(state, search.results[i]);
        if (!unit) continue;
        const std::string line = unit->name + "  (" + std::string(model::to_label(unit->layer)) + (unit->code.empty() ? "" : ", " + unit->code) + ")";
        if (ImGui::Selectable(line.c_str(), static_cast<int>(i) == search.current)) show_result(state, static_cast<int>(i));
      }
      if (search.results.size() > shown) ImGui::TextDisabled("and %zu more", search.results.size() - shown);
    }
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape)) search.open = false;
  }
  ImGui::End();
}

}  // namespace ui
