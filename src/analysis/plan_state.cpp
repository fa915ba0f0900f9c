// A state of the plan: an option and a date (plan_state.hpp).
#include "analysis/plan_state.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace analysis {

StateDateParse parse_state_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  PlanState state;
  if (text.empty()) return {state, ""};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "end") {
    state.when = PlanState::When::end;
    return {state, ""};
  }
  const model::PlanDateParse parsed = model::parse_plan_date(text);
  if (!parsed.date) return {std::nullopt, parsed.error + " Give a date such as 2020-04-01, 2017-10 or 2019/20, or 'end' for after every change."};
  state.when = PlanState::When::on;
  state.date = parsed.date;
  return {state, ""};
}

std::string format_state_date(const PlanState& state) {
  switch (state.when) {
    case PlanState::When::as_written: return "";
    case PlanState::When::end: return "end";
    case PlanState::When::on: return state.date ? model::format_plan_date(*state.date) : "";
  }
  return "";
}

std::string check_state(const model::Plan& plan, const PlanState& state) {
  if (state.option.empty()) return "";
  if (std::any_of(plan.options.begin(), plan.options.end(), [&](const model::Option& o) { return o.id == state.option; })) return "";
  std::string message = "the plan has no option with the id " + model::quote_text(state.option);
  if (plan.options.empty()) return message + "; it has no options";
  message += "; its options are:";
  for (const model::Option& o : plan.options) message += " " + o.id + (&o == &plan.options.back() ? "" : ",");
  return message;
}

ScenarioResult plan_in_state(const model::Plan& plan, const PlanState& state) {
  Scenario scenario;
  scenario.option = state.option;
  switch (state.when) {
    case PlanState::When::as_written: scenario.day = std::numeric_limits<std::int64_t>::min(); break;  // nothing dated
    case PlanState::When::on: scenario.day = state.date->effective_day(); break;
    case PlanState::When::end: break;
  }
  return plan_at(plan, scenario);
}

std::string describe_state(const model::Plan& plan, const PlanState& state) {
  std::string text;
  if (!state.option.empty()) {
    const auto option = std::find_if(plan.options.begin(), plan.options.end(), [&](const model::Option& o) { return o.id == state.option; });
    text = "Option \"" + (option != plan.options.end() && !option->title.empty() ? option->title : state.option) + "\"";
  }
  switch (state.when) {
    case PlanState::When::as_written:
      return text.empty() ? "The plan as written" : text + ", as written";
    case PlanState::When::end:
      return (text.empty() ? "The plan" : text) + ", after every change";
    case PlanState::When::on:
      return (text.empty() ? "The plan" : text) + ", " + model::describe_plan_date(*state.date);
  }
  return text;
}

}  // namespace analysis
