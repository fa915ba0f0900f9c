// window.planner's options and time (state_api.hpp).
#include "app/state_api.hpp"

#include <algorithm>
#include <map>

#include "analysis/appraisal.hpp"
#include "analysis/plan_diff.hpp"
#include "analysis/running_costs.hpp"
#include "app/plan_document.hpp"
#include "model/enums.hpp"
#include "model/fields.hpp"

namespace app {

using model::Json;

namespace {

Json failure(const std::string& message) { return {{"ok", false}, {"messages", Json::array({message})}}; }

std::string iso_day(std::int64_t day) { return model::format_plan_date(model::plan_date_from_day(day)); }

// A state from {option, date} (either may be left out or null); an error message when it cannot be read.
std::optional<analysis::PlanState> read_state(const model::Plan& plan, const Json& value, std::string& error) {
  analysis::PlanState state;
  if (!value.is_object()) {
    error = "a state is an object: {option: id or null, date: a date, 'end' or null}";
    return std::nullopt;
  }
  if (value.contains("date") && !value["date"].is_null()) {
    if (!value["date"].is_string()) {
      error = "a state's date is text (2020-04-01, 2019/20, 'end') or null";
      return std::nullopt;
    }
    const analysis::StateDateParse parsed = analysis::parse_state_date(value["date"].get<std::string>());
    if (!parsed.state) {
      error = parsed.error;
      return std::nullopt;
    }
    state = *parsed.state;
  }
  if (value.contains("option") && !value["option"].is_null()) {
    if (!value["option"].is_string()) {
      error = "a state's option is an option's id, or null";
      return std::nullopt;
    }
    state.option = value["option"].get<std::string>();
  }
  error = analysis::check_state(plan, state);
  if (!error.empty()) return std::nullopt;
  return state;
}

Json answer_state(const AppState& state) {
  Json answer = {{"ok", true}, {"messages", Json::array()}};
  answer.update(state_json(state.plan_state));
  return answer;
}

}  // namespace

Json state_json(const analysis::PlanState& state) {
  const std::string date = analysis::format_state_date(state);
  return {{"option", state.option.empty() ? Json(nullptr) : Json(state.option)}, {"date", date.empty() ? Json(nullptr) : Json(date)}};
}

Json options_api(AppState& state, const Json&) {
  Json list = Json::array();
  if (!state.document) return list;
  for (const model::Option& option : state.document->plan.options) {
    Json entry = model::write_object(option);
    Json steps = Json::array();
    for (const model::Milestone& step : option.steps) {
      steps.push_back({{"id", step.id}, {"label", step.label}, {"date", step.date ? Json(model::format_plan_date(*step.date)) : Json(nullptr)},
                       {"changes", step.changes.size()}});
    }
    entry["steps"] = std::move(steps);
    list.push_back(std::move(entry));
  }
  return list;
}

Json show_option_api(AppState& state, const Json& args) {
  if (!state.document) return failure("no plan is open: open one with openPlan first");
  if (!args.is_null() && !args.is_string()) return failure("showOption expects an option's id, or null for no option");
  analysis::PlanState next = state.plan_state;
  next.option = args.is_string() ? args.get<std::string>() : "";
  const std::string error = analysis::check_state(state.document->plan, next);
  if (!error.empty()) return failure(error);
  set_plan_state(state, next);
  return answer_state(state);
}

Json show_date_api(AppState& state, const Json& args) {
  if (!state.document) return failure("no plan is open: open one with openPlan first");
  if (!args.is_null() && !args.is_string()) return failure("showDate expects a date (2020-04-01, 2019/20...), 'end', or null for the plan as written");
  const analysis::StateDateParse parsed = analysis::parse_state_date(args.is_string() ? args.get<std::string>() : "");
  if (!parsed.state) return failure(parsed.error);
  analysis::PlanState next = *parsed.state;
  next.option = state.plan_state.option;
  set_plan_state(state, next);
  return answer_state(state);
}

Json state_api(AppState& state, const Json&) {
  Json answer = state_json(state.plan_state);
  if (state.document) {
    const model::Plan& plan = state.document->plan;
    answer["description"] = analysis::describe_state(plan, state.plan_state);
    answer["editsGoTo"] = analysis::describe_edit_place(plan, analysis::edit_place(plan, state.plan_state));
  }
  // What the last move of the state changed, as the canvas marks it (until the next move or edit).
  if (state.step_changes) {
    const StepChanges& changes = *state.step_changes;
    answer["lastChanges"] = {{"added", Json(std::vector<std::string>(changes.added.begin(), changes.added.end()))},
                             {"changed", Json(std::vector<std::string>(changes.changed.begin(), changes.changed.end()))},
                             {"removed", changes.removed},
                             {"sentences", changes.sentences}};
  } else {
    answer["lastChanges"] = nullptr;
  }
  return answer;
}

Json timeline_api(AppState& state, const Json&) {
  Json entries = Json::array();
  if (!state.document) return entries;
  const model::Plan& plan = state.document->plan;
  struct Entry {
    const model::Milestone* milestone;
    const model::Option* option;
  };
  std::vector<Entry> dated;
  for (const model::Milestone& m : plan.milestones) dated.push_back({&m, nullptr});
  for (const model::Option& o : plan.options) {
    for (const model::Milestone& s : o.steps) dated.push_back({&s, &o});
  }
  std::stable_sort(dated.begin(), dated.end(), [](const Entry& a, const Entry& b) {
    if (!a.milestone->date || !b.milestone->date) return a.milestone->date.has_value() < b.milestone->date.has_value();  // undated first
    return *a.milestone->date < *b.milestone->date;
  });
  std::map<std::string, model::Plan> names_for;  // option -> the plan that names what its steps change
  for (const Entry& e : dated) {
    const model::Milestone& m = *e.milestone;
    Json entry = {{"id", m.id}, {"label", m.label}, {"option", e.option ? Json(e.option->id) : Json(nullptr)}, {"changes", m.changes.size()}};
    if (m.date) {
      entry["date"] = model::format_plan_date(*m.date);
      entry["when"] = model::describe_plan_date(*m.date);
      entry["from"] = iso_day(m.date->first_day());
      entry["to"] = iso_day(m.date->last_day());
      entry["effective"] = iso_day(m.date->effective_day());
    } else {
      entry["date"] = nullptr;
    }
    // In words, naming things as the plan has them after every change under that step's option.
    analysis::PlanState end;
    end.when = analysis::PlanState::When::end;
    end.option = e.option ? e.option->id : "";
    if (names_for.find(end.option) == names_for.end()) {
      names_for.emplace(end.option, analysis::plan_union(plan, analysis::plan_in_state(plan, end).plan));
    }
    Json changes = Json::array();
    for (const model::Command& change : m.changes) {
      for (const std::string& sentence : analysis::describe_change(names_for.at(end.option), change)) changes.push_back(sentence);
    }
    entry["describes"] = std::move(changes);
    entries.push_back(std::move(entry));
  }
  return entries;
}

Json compare_api(AppState& state, const Json& args) {
  if (!state.document) return failure("no plan is open: open one with openPlan first");
  if (!args.is_array() || args.size() != 2) return failure("compare expects two states: compare({option, date}, {option, date})");
  std::string error;
  const auto left = read_state(state.document->plan, args[0], error);
  if (!left) return failure("the first state: " + error);
  const auto right = read_state(state.document->plan, args[1], error);
  if (!right) return failure("the second state: " + error);
  open_comparison(state, *left, *right);
  Json differences = Json::array();
  for (const analysis::Difference& d : state.comparison->differences) {
    Json entry = {{"kind", d.kind}, {"id", d.id}};
    if (d.kind == "changed") entry["field"] = d.field;
    entry["sentence"] = d.sentence;
    differences.push_back(std::move(entry));
  }
  return {{"ok", true}, {"messages", Json::array()}, {"differences", std::move(differences)}};
}

Json close_compare_api(AppState& state, const Json&) {
  close_comparison(state);
  return {{"ok", true}, {"messages", Json::array()}};
}

Json appraisal_api(AppState& state, const Json&) {
  Json answer = {{"criteria", Json::array()}, {"options", Json::array()}};
  if (!state.document) return answer;
  const analysis::Appraisal appraisal = analysis::appraise(state.document->plan);
  for (const model::Criterion* c : appraisal.criteria) {
    answer["criteria"].push_back({{"id", c->id}, {"name", c->name}, {"weight", c->weight}, {"description", c->description}});
  }
  for (const analysis::AppraisedOption& o : appraisal.options) {
    Json scores = Json::array();
    for (std::size_t i = 0; i < appraisal.criteria.size(); ++i) {
      scores.push_back({{"criterion", appraisal.criteria[i]->id}, {"value", o.scores[i] ? Json(*o.scores[i]) : Json(nullptr)},
                        {"rationale", o.rationales[i]}, {"certainty", std::string(model::to_name(o.certainties[i]))}});
    }
    answer["options"].push_back({{"id", o.id}, {"title", o.title}, {"scores", std::move(scores)}, {"total", o.total},
                                 {"rank", o.rank ? Json(o.rank) : Json(nullptr)}});
  }
  Json ranking = Json::array();
  std::vector<const analysis::AppraisedOption*> ranked;
  for (const auto& o : appraisal.options) {
    if (o.rank) ranked.push_back(&o);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) { return a->rank < b->rank; });
  for (const auto* o : ranked) ranking.push_back(o->id);
  answer["ranking"] = std::move(ranking);
  // Running costs after every change, and the savings they give beside the ones claimed.
  const analysis::CostAppraisal costs = analysis::appraise_costs(state.document->plan);
  if (!costs.any_figures) {
    answer["runningCosts"] = nullptr;
    return answer;
  }
  const auto cost_json = [](const analysis::RunningCost& c) {
    return Json{{"total", c.total}, {"priced", c.priced}, {"unpriced", c.unpriced}, {"certain", c.certain}};
  };
  Json rows = Json::array();
  for (const analysis::OptionCost& o : costs.options) {
    rows.push_back({{"id", o.option}, {"runningCost", cost_json(o.cost)}, {"saving", o.saving},
                    {"savingPercent", o.saving_percent ? Json(*o.saving_percent) : Json(nullptr)},
                    {"claimed", o.claimed ? model::write_object(*o.claimed) : Json(nullptr)}, {"gap", o.gap.empty() ? Json(nullptr) : Json(o.gap)}});
  }
  answer["runningCosts"] = {{"withoutOption", cost_json(costs.without_option)}, {"options", std::move(rows)}};
  return answer;
}

}  // namespace app
