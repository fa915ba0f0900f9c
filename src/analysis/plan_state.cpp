// A state of the plan: an option and a date (plan_state.hpp).
#include "analysis/plan_state.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "model/fields.hpp"

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

std::string state_title(const model::Plan& plan, const PlanState& state) {
  return state.is_plan_as_written() ? plan.name : plan.name + " (" + describe_state(plan, state) + ")";
}

namespace {

const model::Option* find_option(const model::Plan& plan, const std::string& id) {
  for (const model::Option& option : plan.options) {
    if (option.id == id) return &option;
  }
  return nullptr;
}

// The milestone or step among `list` on exactly that date (none: undated and the planner's own).
const model::Milestone* step_on(const std::vector<model::Milestone>& list, const std::optional<model::PlanDate>& date, const std::string& own_id) {
  for (const model::Milestone& step : list) {
    if (date ? step.date == date : (!step.date && step.id == own_id)) return &step;
  }
  return nullptr;
}

std::string date_slug(const model::PlanDate& date) {
  std::string slug;
  for (char c : model::format_plan_date(date)) {
    if (std::isalnum(static_cast<unsigned char>(c))) slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  return slug;
}

}  // namespace

EditPlace edit_place(const model::Plan& plan, const PlanState& state) {
  EditPlace place;
  place.option = state.option;
  const model::Option* option = find_option(plan, state.option);
  if (state.when == PlanState::When::on) place.date = state.date;
  if (state.when == PlanState::When::end) {
    for (const model::Milestone& m : plan.milestones) {
      if (m.date && (!place.date || *place.date < *m.date)) place.date = m.date;
    }
    if (option) {
      for (const model::Milestone& s : option->steps) {
        if (s.date && (!place.date || *place.date < *s.date)) place.date = s.date;
      }
    }
  }
  const std::string own = state.option + "-planner-edits";
  if (option) {
    if (const model::Milestone* step = step_on(option->steps, place.date, own)) place.step = step->id;
  } else if (place.date) {
    if (const model::Milestone* step = step_on(plan.milestones, place.date, "")) place.step = step->id;
  }
  return place;
}

std::string describe_edit_place(const model::Plan& plan, const EditPlace& place) {
  const model::Option* option = find_option(plan, place.option);
  const std::string date = place.date ? model::describe_plan_date(*place.date) : "";
  if (!option) return place.date ? "the plan's milestone of " + date : "the plan as written";
  const std::string named = "option \"" + (option->title.empty() ? option->id : option->title) + "\"";
  return place.date ? named + ", step dated " + date : named + ", from the start";
}

model::Command place_edit(const model::Plan& plan, const EditPlace& place, const model::Command& edit,
                          const std::function<bool(const std::string&)>& taken) {
  const model::Option* option = find_option(plan, place.option);
  if (!option && !place.date) return edit;
  const std::vector<model::Milestone>& list = option ? option->steps : plan.milestones;
  std::vector<model::Milestone> steps = list;
  auto found = std::find_if(steps.begin(), steps.end(), [&](const model::Milestone& m) { return !place.step.empty() && m.id == place.step; });
  if (found != steps.end()) {
    found->changes.push_back(edit);
  } else {
    model::Milestone step;
    const std::string stem = (option ? option->id + "-" : std::string("milestone-")) + (place.date ? date_slug(*place.date) : "planner");
    step.id = option && !place.date ? option->id + "-planner-edits" : stem + "-edits";
    for (int n = 2; taken(step.id); ++n) step.id = stem + "-edits-" + std::to_string(n);
    step.date = place.date;
    step.label = "Changes made in the planner";
    step.changes.push_back(edit);
    if (!option) return model::add_command("milestones", model::write_object(step));
    steps.push_back(std::move(step));
  }
  if (!option) return model::set_command(found->id, "changes", model::write_object(*found)["changes"]);
  model::Json json = model::Json::array();
  for (const model::Milestone& step : steps) json.push_back(model::write_object(step));
  return model::set_command(option->id, "steps", std::move(json));
}

std::optional<model::Command> set_milestone_field(const model::Plan& plan, const std::string& id, const std::string& field, model::Json value) {
  for (const model::Milestone& m : plan.milestones) {
    if (m.id == id) return model::set_command(id, field, std::move(value));
  }
  for (const model::Option& option : plan.options) {
    model::Json steps = model::Json::array();
    bool found = false;
    for (const model::Milestone& step : option.steps) {
      model::Json json = model::write_object(step);
      if (step.id == id) json[field] = value, found = true;
      steps.push_back(std::move(json));
    }
    if (found) return model::set_command(option.id, "steps", std::move(steps));
  }
  return std::nullopt;
}

}  // namespace analysis
