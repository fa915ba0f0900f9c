// Over the layers view: breadcrumbs from the top of the tree to the
// selected unit (each one a button that focuses it), and the legend.
#include <imgui.h>

#include <algorithm>
#include <vector>

#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "ui/scene_view.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void draw_breadcrumbs(app::AppState& state, float ratio) {
  std::vector<const model::Unit*> path;
  for (const model::Unit* unit = app::find_unit(state, state.selected); unit && path.size() < 16; unit = app::find_unit(state, unit->parent)) {
    path.insert(path.begin(), unit);
  }
  if (path.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + 64.0f * ratio));  // under the view switch
  ImGui::SetNextWindowBgAlpha(0.92f);
  if (ImGui::Begin("##breadcrumbs", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav)) {
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (i > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("\xE2\x80\xBA");  // ›
        ImGui::SameLine();
      }
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton(path[i]->name.c_str())) app::focus_unit(state, path[i]->id);
      ImGui::PopID();
    }
  }
  ImGui::End();
}

void draw_legend(const app::AppState& state, float ratio) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + viewport->WorkSize.y - 12.0f * ratio), ImGuiCond_Always,
                          ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  // A title bar to fold it away by (it covers a corner of the canvas), or L
  // to hide it. The governance view's starts folded: its boxes say what they
  // are in words, and its lines name their kind on hover.
  const bool governance_view = state.canvas_view == app::CanvasView::governance;
  if (governance_view) ImGui::SetNextWindowCollapsed(true, ImGuiCond_Once);
  if (!ImGui::Begin(governance_view ? "Legend###legend-governance" : "Legend###legend", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav)) {
    ImGui::End();
    return;
  }
  const bool governance = state.canvas_view == app::CanvasView::governance;
  ImGui::TextDisabled(governance ? "Higher up: answers for more. Arrows: the way each flow runs" : "Blocks are sized by population");
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const float size = ImGui::GetTextLineHeight() * 0.8f;
  for (const layout::LegendEntry& entry : app::active_scene(state)->legend) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 min(at.x, at.y + (ImGui::GetTextLineHeight() - size) * 0.5f);
    if (entry.line) {
      // A short stretch of the line, in its colour and pattern.
      const ImU32 colour = paint_colour(state.theme, entry.paint);
      const float y = min.y + size * 0.5f;
      const float dash = entry.dash == layout::Dash::dashed ? 4.0f * ratio : entry.dash == layout::Dash::dotted ? 1.5f * ratio : size * 1.6f;
      const float gap = entry.dash == layout::Dash::dashed ? 3.0f * ratio : 2.5f * ratio;
      for (float x = min.x; x < min.x + size * 1.6f; x += dash + gap) draw.AddLine(ImVec2(x, y), ImVec2(std::min(x + dash, min.x + size * 1.6f), y), colour, 2.0f * ratio);
      draw_arrowhead(draw, entry.head, ImVec2(min.x + size * 1.6f, y), ImVec2(min.x, y), size * 0.7f, colour, ratio);
      ImGui::Dummy(ImVec2(size * 1.6f, size));
      ImGui::SameLine();
      ImGui::TextUnformatted(entry.words.c_str());
      continue;
    }
    draw.AddRectFilled(min, ImVec2(min.x + size, min.y + size), paint_colour(state.theme, entry.paint));
    draw.AddRect(min, ImVec2(min.x + size, min.y + size), paint_colour(state.theme, layout::Paint::outline), 0.0f, 0, ratio);
    ImGui::Dummy(ImVec2(size * (governance ? 1.6f : 1.0f), size));
    ImGui::SameLine();
    ImGui::TextUnformatted(entry.words.c_str());
  }
  ImGui::End();
}

}  // namespace

void draw_layers_overlay(app::AppState& state, const Fonts& fonts) {
  if (!app::active_scene(state)) return;
  const float ratio = fonts.built_for_ratio;
  if (!state.selected.empty()) draw_breadcrumbs(state, ratio);
  if (state.show_legend) draw_legend(state, ratio);
}

}  // namespace ui
