// Over the layers view: breadcrumbs from the top of the tree to the
// selected unit (each one a button that focuses it), and the legend.
#include <imgui.h>

#include <vector>

#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
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
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + 12.0f * ratio));
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
  if (!ImGui::Begin("Legend###legend", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                                    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("Blocks are sized by population");
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const float size = ImGui::GetTextLineHeight() * 0.8f;
  for (const layout::LegendEntry& entry : state.layers_scene->legend) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 min(at.x, at.y + (ImGui::GetTextLineHeight() - size) * 0.5f);
    draw.AddRectFilled(min, ImVec2(min.x + size, min.y + size), paint_colour(state.theme, entry.paint));
    draw.AddRect(min, ImVec2(min.x + size, min.y + size), paint_colour(state.theme, layout::Paint::outline), 0.0f, 0, ratio);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    ImGui::TextUnformatted(entry.words.c_str());
  }
  ImGui::End();
}

}  // namespace

void draw_layers_overlay(app::AppState& state, const Fonts& fonts) {
  if (!state.layers_scene) return;
  const float ratio = fonts.built_for_ratio;
  if (!state.selected.empty()) draw_breadcrumbs(state, ratio);
  if (state.show_legend) draw_legend(state, ratio);
}

}  // namespace ui
