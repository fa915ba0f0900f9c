// Checks: the analysis's advice on the open plan (units outside their band,
// practices in no PCN, duplicate codes, empty PCNs...), each a line that
// focuses the unit it is about when clicked.
#include <imgui.h>

#include <cstdlib>
#include <string>

#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

// "/units/12" -> 12; anything else -> -1.
long unit_index(const std::string& path) {
  const std::string prefix = "/units/";
  if (path.rfind(prefix, 0) != 0 || path.size() == prefix.size()) return -1;
  char* end = nullptr;
  const long index = std::strtol(path.c_str() + prefix.size(), &end, 10);
  return *end == '\0' ? index : -1;
}

void focus_unit_at(app::AppState& state, long index) {
  if (!state.document || index < 0 || static_cast<std::size_t>(index) >= app::shown_plan(state).units.size()) return;
  app::focus_unit(state, app::shown_plan(state).units[static_cast<std::size_t>(index)].id);
}

// "/bodies/3" -> the body's id, for organisations, bodies and flows; a function's check opens "Who decides?".
void focus_governance(app::AppState& state, const std::string& path) {
  if (!state.document) return;
  const model::Plan& plan = app::shown_plan(state);
  const auto index_after = [&](const std::string& prefix) -> long {
    if (path.rfind(prefix, 0) != 0) return -1;
    char* end = nullptr;
    const long index = std::strtol(path.c_str() + prefix.size(), &end, 10);
    return *end == '\0' ? index : -1;
  };
  const auto pick = [&](const auto& list, const std::string& prefix) -> std::string {
    const long i = index_after(prefix);
    return i >= 0 && static_cast<std::size_t>(i) < list.size() ? list[static_cast<std::size_t>(i)].id : std::string();
  };
  if (const std::string id = pick(plan.functions, "/functions/"); !id.empty()) {
    app::trace_decision(state, id, "");
    app::show_view(state, app::CanvasView::governance);
    return;
  }
  for (const std::string& id : {pick(plan.bodies, "/bodies/"), pick(plan.organisations, "/organisations/"), pick(plan.flows, "/flows/")}) {
    if (!id.empty()) app::focus_item(state, id);
  }
}

}  // namespace

void draw_checks_panel(app::AppState& state, const Fonts& fonts) {
  if (!state.show_checks || !state.document || !state.layers_scene) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 size(420.0f * ratio, std::min(320.0f * ratio, viewport->WorkSize.y * 0.45f));
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 12.0f * ratio, viewport->WorkPos.y + viewport->WorkSize.y - 12.0f * ratio),
                          ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  const std::size_t count = state.advice.list.size() + state.governance_advice.list.size();
  const std::string title = "Checks: " + std::to_string(count) + (count == 1 ? " thing" : " things") + " to look at###checks";
  if (ImGui::Begin(title.c_str(), &state.show_checks, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                                         ImGuiWindowFlags_NoResize)) {
    if (count == 0) ImGui::TextWrapped("Nothing to look at: every unit is inside its band, every practice is in a PCN.");
    // Governance first (few, and about who decides), then the units' advice.
    const std::size_t governance = state.governance_advice.list.size();
    ImGuiListClipper clipper;  // thousands of lines at national scale: draw only those in view
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const std::size_t at = static_cast<std::size_t>(i);
        const bool about_governance = at < governance;
        const model::Problem& problem = about_governance ? state.governance_advice.list[at] : state.advice.list[at - governance];
        ImGui::PushID(i);
        if (ImGui::Selectable(problem.message.c_str())) {
          if (about_governance) focus_governance(state, problem.path);
          else focus_unit_at(state, unit_index(problem.path));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", problem.message.c_str());
        ImGui::PopID();
      }
    }
  }
  ImGui::End();
}

}  // namespace ui
