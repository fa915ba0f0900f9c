// The Options panel (each option described, to choose or compare) and the
// Comparison panel (the differences between two states, in words).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "analysis/appraisal.hpp"
#include "analysis/running_costs.hpp"
#include "app/governance_edits.hpp"
#include "app/canvas_control.hpp"
#include "app/plan_document.hpp"
#include "model/enums.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

void bullet_list(const char* heading, const std::vector<std::string>& items) {
  if (items.empty()) return;
  ImGui::TextDisabled("%s", heading);
  for (const std::string& item : items) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", item.c_str());
  }
}

std::string money_text(const model::Money& money) {
  std::string text;
  if (money.amount) text = analysis::pounds(*money.amount);
  if (money.percent) text += (text.empty() ? "" : " (") + std::to_string(static_cast<int>(*money.percent)) + "%" + (text.empty() ? "" : ")");
  if (!money.period.empty()) text += " " + money.period;
  if (!money.note.empty()) text += (text.empty() ? "" : ". ") + money.note;
  return text;
}

void compare_with_written(app::AppState& state, const std::string& option) {
  analysis::PlanState written;
  analysis::PlanState result;
  result.option = option;
  result.when = analysis::PlanState::When::end;
  app::open_comparison(state, written, result);
}

// A number typed into a cell of the appraisal: kept while the cell is
// active, and handed to `commit` on Enter or when the cell is left.
template <class Commit>
void number_cell(const std::string& key, std::optional<double> now, Commit commit, float width = -1.0f) {
  static std::map<std::string, std::string> typing;
  char shown[32] = "";
  if (now) std::snprintf(shown, sizeof shown, "%g", *now);
  const auto found = typing.find(key);
  std::string text = found != typing.end() ? found->second : std::string(shown);
  ImGui::SetNextItemWidth(width);
  const bool entered = ImGui::InputTextWithHint(("##" + key).c_str(), "-", &text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsDecimal);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::IsItemActive() && !entered) {
    typing[key] = text;
    return;
  }
  typing.erase(key);
  if ((!entered && !left) || text == shown || text.empty()) return;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end && *end == '\0') commit(value);
}

void appraisal_table(app::AppState& state) {
  const model::Plan& plan = state.document->plan;
  const analysis::Appraisal appraisal = analysis::appraise(plan);
  if (appraisal.criteria.empty()) return;
  ImGui::SeparatorText("Appraisal against the plan's criteria");
  const int columns = static_cast<int>(appraisal.options.size()) + 2;
  if (!ImGui::BeginTable("##appraisal", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  // Options are lettered in the table (titles are long); the key is below it.
  const auto letter = [](std::size_t i) { return std::string(1, static_cast<char>('A' + static_cast<int>(i % 26))); };
  ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Weight", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  for (std::size_t i = 0; i < appraisal.options.size(); ++i) {
    ImGui::TableSetupColumn(("Option " + letter(i)).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  }
  ImGui::TableHeadersRow();
  for (std::size_t c = 0; c < appraisal.criteria.size(); ++c) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", appraisal.criteria[c]->name.c_str());
    ImGui::TableNextColumn();
    const std::string criterion = appraisal.criteria[c]->id;
    number_cell("w/" + criterion, appraisal.criteria[c]->weight,
                [&](double value) { app::execute(state, model::set_command(criterion, "weight", model::Json(value))); });
    for (const analysis::AppraisedOption& o : appraisal.options) {
      ImGui::TableNextColumn();
      const bool assumed = o.certainties[c] != model::Certainty::stated;
      const std::string option = o.id;
      number_cell("s/" + option + "/" + criterion, o.scores[c], [&](double value) {
        if (const auto command = analysis::set_score(plan, option, criterion, value)) app::execute(state, *command);
      }, assumed ? -ImGui::GetFontSize() : -1.0f);
      if ((!o.rationales[c].empty() || assumed) && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s%s", assumed ? "* Not given by its paper. " : "", o.rationales[c].c_str());
      }
      if (assumed) {
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::TextDisabled("*");
      }
    }
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted("Weighted total (rank)");
  ImGui::TableNextColumn();
  for (const analysis::AppraisedOption& o : appraisal.options) {
    ImGui::TableNextColumn();
    if (o.rank) ImGui::Text("%g (%d)", o.total, o.rank);
    else ImGui::TextDisabled("-");
  }
  ImGui::EndTable();
  for (std::size_t i = 0; i < appraisal.options.size(); ++i) {
    const analysis::AppraisedOption& o = appraisal.options[i];
    ImGui::TextDisabled("Option %s: %s", letter(i).c_str(), (o.title.empty() ? o.id : o.title).c_str());
  }
  ImGui::TextDisabled("* a score its paper did not give: assumed or illustrative (hover it)");
  // The weighted totals as bars, longest first in rank, each named in words.
  double best = 0.0;
  for (const analysis::AppraisedOption& o : appraisal.options) best = std::max(best, o.total);
  if (best <= 0.0) return;
  ImGui::Spacing();
  for (const analysis::AppraisedOption& o : appraisal.options) {
    if (!o.rank) continue;
    const std::string label = (o.title.empty() ? o.id : o.title);
    char total[32];
    std::snprintf(total, sizeof total, "%g", o.total);
    ImGui::ProgressBar(static_cast<float>(o.total / best), ImVec2(-1.0f, 0.0f), total);
    ImGui::TextWrapped("%s (rank %d)", label.c_str(), o.rank);
  }
}

// Running costs after every change and the saving each option makes,
// beside the saving its paper claims.
// Worked out once per plan revision, not every frame: each option's state at
// the end is the plan rebuilt.
const analysis::CostAppraisal& costs_of(const app::AppState& state) {
  static std::pair<std::uint64_t, std::uint64_t> key{0, ~std::uint64_t{0}};
  static analysis::CostAppraisal costs;
  const std::pair<std::uint64_t, std::uint64_t> now{state.document->generation, state.document->revision};
  if (now != key) key = now, costs = analysis::appraise_costs(state.document->plan);
  return costs;
}

void running_costs_table(const app::AppState& state) {
  const model::Plan& plan = state.document->plan;
  const analysis::CostAppraisal& costs = costs_of(state);
  if (!costs.any_figures) return;
  ImGui::SeparatorText("Running costs after every change");
  const auto cost_text = [](const analysis::RunningCost& c) {
    std::string text = analysis::pounds(c.total) + " a year";
    if (c.unpriced) text += " (" + std::to_string(c.unpriced) + " with no figure)";
    if (!c.certain) text += " *";
    return text;
  };
  ImGui::TextWrapped("With no option: %s", cost_text(costs.without_option).c_str());
  for (const analysis::OptionCost& o : costs.options) {
    std::string title = o.option;
    for (const model::Option& option : plan.options) {
      if (option.id == o.option && !option.title.empty()) title = option.title;
    }
    ImGui::Bullet();
    std::string line = title + ": " + cost_text(o.cost) + ", a saving of " + analysis::pounds(o.saving);
    if (o.saving_percent) line += " (" + std::to_string(static_cast<int>(std::lround(*o.saving_percent))) + "%)";
    if (o.claimed) line += "; its paper claims " + money_text(*o.claimed);
    ImGui::TextWrapped("%s", line.c_str());
    if (!o.gap.empty()) ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1.0f), "%s", o.gap.c_str());
  }
  ImGui::TextDisabled("* includes figures the plan marks as assumed or illustrative");
}

}  // namespace

void draw_options_window(app::AppState& state, const Fonts& fonts) {
  if (!state.show_options || !state.document) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 12.0f * ratio, viewport->WorkPos.y + 64.0f * ratio), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(520.0f * ratio, viewport->WorkSize.y - 90.0f * ratio), ImGuiCond_Appearing);
  if (ImGui::Begin("Options###options", &state.show_options, ImGuiWindowFlags_NoSavedSettings)) {
    const model::Plan& plan = state.document->plan;
    ImGui::PushTextWrapPos(0.0f);
    if (plan.options.empty()) ImGui::TextDisabled("This plan has no options.");
    if (ImGui::RadioButton("No option: the plan's own changes only", state.plan_state.option.empty())) {
      analysis::PlanState next = state.plan_state;
      next.option.clear();
      app::set_plan_state(state, next);
    }
    for (const model::Option& option : plan.options) {
      ImGui::PushID(option.id.c_str());
      ImGui::Separator();
      ImGui::PushFont(fonts.heading);
      ImGui::TextWrapped("%s", (option.title.empty() ? option.id : option.title).c_str());
      ImGui::PopFont();
      ImGui::TextDisabled("Status: %s", std::string(model::to_label(option.status)).c_str());
      if (!option.description.empty()) ImGui::TextUnformatted(option.description.c_str());
      bullet_list("Advantages", option.advantages);
      bullet_list("Disadvantages", option.disadvantages);
      if (!option.decided_by.empty() || !option.decision_note.empty()) {
        std::string who = option.decided_by.empty() ? "" : app::node_name(state, option.decided_by);
        ImGui::TextDisabled("Who decides: %s%s%s", who.c_str(), who.empty() || option.decision_note.empty() ? "" : ". ", option.decision_note.c_str());
      }
      if (option.consultation) {
        ImGui::TextDisabled("Consultation: %s to %s", model::describe_plan_date(option.consultation->start).c_str(),
                            model::describe_plan_date(option.consultation->end).c_str());
      }
      if (option.saving) ImGui::TextDisabled("Saving its paper claims: %s", money_text(*option.saving).c_str());
      if (option.running_cost) ImGui::TextDisabled("Running cost: %s", money_text(*option.running_cost).c_str());
      const bool shown = state.plan_state.option == option.id;
      if (ImGui::Button(shown ? "Shown" : "Show this option")) {
        // Its result: the timeline moves to the end.
        analysis::PlanState next;
        next.option = option.id;
        next.when = analysis::PlanState::When::end;
        app::set_plan_state(state, next);
      }
      ImGui::SameLine();
      if (ImGui::Button("Compare with the plan as written")) compare_with_written(state, option.id);
      ImGui::PopID();
    }
    appraisal_table(state);
    running_costs_table(state);
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

void draw_comparison_window(app::AppState& state, const Fonts& fonts) {
  if (!state.comparison || !state.document) return;
  const float ratio = fonts.built_for_ratio;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings;
  if (state.comparison->side_by_side) {
    // Docked at the right of the canvas, beside the two halves (canvas_view.cpp leaves it the room).
    const float width = static_cast<float>(app::comparison_panel_width) * ratio;
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width, viewport->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y));
    flags |= ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
  } else {
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 532.0f * ratio, viewport->WorkPos.y + 64.0f * ratio), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(520.0f * ratio, viewport->WorkSize.y * 0.6f), ImGuiCond_Appearing);
  }
  bool open = true;
  if (ImGui::Begin("Differences###comparison", &open, flags)) {
    const model::Plan& plan = state.document->plan;
    const app::Comparison& comparison = *state.comparison;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("From: %s", analysis::describe_state(plan, comparison.left).c_str());
    ImGui::TextDisabled("To: %s", analysis::describe_state(plan, comparison.right).c_str());
    ImGui::Text("%zu difference%s. Click one to see it.", comparison.differences.size(), comparison.differences.size() == 1 ? "" : "s");
    bool side_by_side = comparison.side_by_side;
    if (ImGui::Checkbox("Side by side on the canvas", &side_by_side)) {
      state.comparison->side_by_side = side_by_side;
      app::refresh_comparison(state);
      if (!side_by_side) app::refresh_scene(state);
      app::fit_content(state.canvas, state.now_seconds);
    }
    ImGui::Separator();
    std::optional<std::pair<analysis::PlanState, std::string>> go;
    for (std::size_t i = 0; i < comparison.differences.size(); ++i) {
      const analysis::Difference& d = comparison.differences[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::Bullet();
      ImGui::TextWrapped("%s", d.sentence.c_str());
      if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("Show it (in %s)", d.kind == "removed" ? "the first state, where it still is" : "the second state");
      }
      if (ImGui::IsItemClicked()) {
        // A removed thing is seen where it still is; anything else where it now is.
        go.emplace(d.kind == "removed" ? comparison.left : comparison.right, d.id);
      }
      ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    if (go && comparison.side_by_side) {
      app::focus_compared(state, go->second);
    } else if (go) {
      app::set_plan_state(state, go->first);
      app::focus_item(state, go->second);
    }
  }
  ImGui::End();
  if (!open) app::close_comparison(state);
}

}  // namespace ui
