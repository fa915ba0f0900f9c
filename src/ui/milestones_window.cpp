// The Milestones panel: the plan's milestones and the shown option's
// steps, each with its date, label and changes in plain English; dates and
// labels edited through the one command path (undo included), and each a
// click away on the timeline (docs/options-and-time.md).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>
#include <string>
#include <vector>

#include "app/change_words.hpp"
#include "app/plan_document.hpp"
#include "model/command.hpp"
#include "model/plan_date.hpp"
#include "model/plan_index.hpp"
#include "model/fields.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

// What a person is typing into a milestone's fields, by "id/field": kept
// while the field is being edited, read afresh from the plan otherwise.
std::map<std::string, std::string>& typing() {
  static std::map<std::string, std::string> fields;
  return fields;
}

// An editable field of a milestone: what is typed is kept while the field
// is active, and committed as one command on Enter or when it is left.
void field(app::AppState& state, const model::Milestone& m, const char* name, const std::string& now, const char* hint, std::string& message) {
  const std::string key = m.id + "/" + name;
  auto& fields = typing();
  const auto found = fields.find(key);
  std::string text = found != fields.end() ? found->second : now;
  ImGui::SetNextItemWidth(-1.0f);
  const bool entered = ImGui::InputTextWithHint(("##" + key).c_str(), hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::IsItemActive() && !entered) {
    fields[key] = text;
    return;
  }
  fields.erase(key);
  if ((!entered && !left) || text == now) return;
  model::Json value = text;
  if (std::string(name) == "date") {
    const model::PlanDateParse parsed = model::parse_plan_date(text);
    if (!parsed.date) {
      message = parsed.error;
      return;
    }
    value = model::format_plan_date(*parsed.date);
  }
  const std::optional<model::Command> command = analysis::set_milestone_field(state.document->plan, m.id, name, value);
  if (!command) return;
  const model::ApplyResult result = app::execute(state, *command);
  message = result.ok ? "" : (result.problems.list.empty() ? "that change was refused" : result.problems.list.front().message);
}

void milestone_row(app::AppState& state, const model::Milestone& m, std::string& message) {
  ImGui::PushID(m.id.c_str());
  ImGui::Separator();
  field(state, m, "label", m.label, "What happens", message);
  if (m.date) {
    field(state, m, "date", model::format_plan_date(*m.date), "2020-04-01, by 2020-03, 2019/20...", message);
    ImGui::TextDisabled("%s", model::describe_plan_date(*m.date).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Show this date")) {
      analysis::PlanState next = state.plan_state;
      next.when = analysis::PlanState::When::on;
      next.date = m.date;
      app::set_plan_state(state, next);
    }
  } else {
    ImGui::TextDisabled("Undated: applies from the start");
  }
  if (!m.description.empty()) ImGui::TextWrapped("%s", m.description.c_str());
  if (m.changes.empty()) ImGui::TextDisabled("No changes to the structure.");
  for (const std::string& sentence : app::change_sentences(state, m)) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", sentence.c_str());
  }
  ImGui::PopID();
}

}  // namespace

void draw_milestones_window(app::AppState& state, const Fonts& fonts) {
  if (!state.show_milestones || !state.document) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 452.0f * ratio, viewport->WorkPos.y + 64.0f * ratio), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(440.0f * ratio, viewport->WorkSize.y - 90.0f * ratio), ImGuiCond_Appearing);
  static std::string message;
  if (ImGui::Begin("Milestones###milestones", &state.show_milestones, ImGuiWindowFlags_NoSavedSettings)) {
    const model::Plan& plan = state.document->plan;
    ImGui::PushTextWrapPos(0.0f);
    if (!message.empty()) ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1.0f), "%s", message.c_str());
    ImGui::SeparatorText("The plan's milestones");
    if (plan.milestones.empty()) ImGui::TextDisabled("None yet.");
    for (const model::Milestone& m : plan.milestones) milestone_row(state, m, message);
    if (ImGui::Button("Add a milestone")) {
      // Dated the day shown (or today's plan date when none is), to be renamed and redated here.
      model::Milestone m;
      const model::PlanIndex index(plan);
      for (int n = 1; m.id.empty() || index.find(m.id); ++n) m.id = "milestone-" + std::to_string(n);
      m.label = "New milestone";
      if (state.plan_state.date) m.date = state.plan_state.date;
      else if (plan.as_of) m.date = plan.as_of;
      else m.date = model::parse_plan_date("2020-04-01").date;
      const model::ApplyResult result = app::execute(state, model::add_command("milestones", model::write_object(m)));
      message = result.ok ? "" : result.problems.list.front().message;
    }
    for (const model::Option& option : plan.options) {
      if (option.id != state.plan_state.option) continue;
      ImGui::SeparatorText(("Steps of " + (option.title.empty() ? option.id : option.title)).c_str());
      if (option.steps.empty()) ImGui::TextDisabled("None.");
      for (const model::Milestone& step : option.steps) milestone_row(state, step, message);
    }
    if (state.plan_state.option.empty() && !plan.options.empty()) ImGui::TextDisabled("Choose an option to see its steps here.");
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace ui
