// "Who decides?": pick a function (and, if you like, a place or another
// unit); the panel says in plain English who decides it, for whom and by
// what route, and the governance view lights the route up.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/governance_edits.hpp"
#include "app/plan_document.hpp"
#include "app/unit_edits.hpp"
#include "ui/ui.hpp"

namespace ui {

void open_decision(app::AppState& state) {
  if (!state.document || app::shown_plan(state).functions.empty()) return;
  const std::string function = state.decision.function.empty() ? app::shown_plan(state).functions.front().id : state.decision.function;
  app::trace_decision(state, function, state.decision.unit);
  app::show_view(state, app::CanvasView::governance);
}

void draw_decision_window(app::AppState& state, const Fonts& fonts) {
  if (!state.decision.open || !state.document) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + 64.0f * ratio), ImGuiCond_Appearing);
  ImGui::SetNextWindowSizeConstraints(ImVec2(440.0f * ratio, 0.0f), ImVec2(440.0f * ratio, viewport->WorkSize.y - 80.0f * ratio));
  bool open = true;
  if (ImGui::Begin("Who decides?###decision", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    const model::Plan& plan = app::shown_plan(state);
    const std::string function = state.decision.function;
    const std::string unit = state.decision.unit;
    ImGui::PushItemWidth(-1.0f);
    ImGui::TextUnformatted("Function");
    const auto chosen = std::find_if(plan.functions.begin(), plan.functions.end(), [&](const model::Function& f) { return f.id == function; });
    if (ImGui::BeginCombo("##function", chosen == plan.functions.end() ? "" : chosen->name.c_str())) {
      for (const model::Function& f : plan.functions) {
        if (ImGui::Selectable((f.name + "##" + f.id).c_str(), f.id == function)) app::trace_decision(state, f.id, unit);
      }
      ImGui::EndCombo();
    }
    ImGui::TextUnformatted("For");
    if (ImGui::BeginCombo("##unit", unit.empty() ? "Anywhere in the plan" : app::node_name(state, unit).c_str())) {
      if (ImGui::Selectable("Anywhere in the plan", unit.empty())) app::trace_decision(state, function, "");
      for (const model::Unit& u : plan.units) {
        if (model::layer_rank(u.layer) < model::layer_rank(model::Layer::place)) continue;  // places and up: a short list
        if (ImGui::Selectable((u.name + "##" + u.id).c_str(), u.id == unit)) app::trace_decision(state, function, u.id);
      }
      ImGui::EndCombo();
    }
    ImGui::PopItemWidth();
    ImGui::Separator();
    const analysis::DecisionRoute& route = state.decision.route;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(route.sentence.c_str());
    if (!route.steps.empty()) {
      ImGui::Spacing();
      ImGui::TextDisabled("The route:");
      for (std::size_t i = 0; i < route.steps.size(); ++i) {
        const analysis::DecisionStep& step = route.steps[i];
        const std::string line = app::node_name(state, step.from) + (step.flow.empty() ? " was replaced by " : " delegates it to ") +
                                 app::node_name(state, step.to) + (step.certainty == model::Certainty::stated ? "" : " (" + std::string(model::to_name(step.certainty)) + ")");
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("Show")) app::focus_item(state, step.flow.empty() ? step.to : step.flow);
        ImGui::SameLine();
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopID();
      }
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  if (!open) state.decision = {};
}

}  // namespace ui
