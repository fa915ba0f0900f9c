#include "analysis/plan_at.hpp"

#include <algorithm>
#include <set>

#include "model/command.hpp"
#include "model/plan_index.hpp"

namespace analysis {

namespace {

struct Step {
  const model::Milestone* milestone;
  std::string path;  // JSON Pointer of the milestone or step
  bool from_option;
  std::size_t order;
};

bool comes_before(const Step& a, const Step& b) {
  const bool a_undated = !a.milestone->date;
  const bool b_undated = !b.milestone->date;
  if (a_undated != b_undated) return a_undated;
  if (!a_undated) {
    const auto by_date = model::compare(*a.milestone->date, *b.milestone->date);
    if (by_date != 0) return by_date < 0;
  }
  if (a.from_option != b.from_option) return !a.from_option;
  return a.order < b.order;
}

// The milestones and steps that make a scenario, in the order they apply;
// a problem if the option is unknown.
std::vector<Step> steps_of(const model::Plan& baseline, const Scenario& scenario, model::Problems& problems) {
  std::vector<Step> steps;
  for (std::size_t i = 0; i < baseline.milestones.size(); ++i) {
    steps.push_back({&baseline.milestones[i], model::pointer_join("/milestones", i), false, i});
  }
  if (!scenario.option.empty()) {
    const auto option = std::find_if(baseline.options.begin(), baseline.options.end(),
                                      [&](const model::Option& o) { return o.id == scenario.option; });
    if (option == baseline.options.end()) {
      problems.error("", "the plan has no option with the id " + model::quote_text(scenario.option));
      return {};
    }
    const std::string base = model::pointer_join("/options", static_cast<std::size_t>(option - baseline.options.begin()));
    for (std::size_t i = 0; i < option->steps.size(); ++i) {
      steps.push_back({&option->steps[i], model::pointer_join(model::pointer_join(base, "steps"), i), true, i});
    }
  }
  std::erase_if(steps, [&](const Step& step) {
    return scenario.day && step.milestone->date && step.milestone->date->effective_day() > *scenario.day;
  });
  std::stable_sort(steps.begin(), steps.end(), comes_before);
  return steps;
}

// Applies the steps' changes to the plan, skipping (with a problem) each
// that no longer applies; `applied`, if given, gets the ids of the steps,
// and `inverses` what undoes each change applied, in order.
void apply_steps(model::Plan& plan, model::PlanIndex& index, const std::vector<Step>& steps, model::Problems& problems,
                 std::vector<std::string>* applied, std::vector<model::Command>* inverses) {
  for (const Step& step : steps) {
    if (applied) applied->push_back(step.milestone->id);
    for (std::size_t i = 0; i < step.milestone->changes.size(); ++i) {
      model::ApplyResult done = model::apply_command(plan, index, step.milestone->changes[i]);
      if (done.ok) {
        if (inverses) inverses->push_back(std::move(done.inverse));
        continue;
      }
      const std::string path = model::pointer_join(model::pointer_join(step.path, "changes"), i);
      std::string reason = done.problems.list.empty() ? "it was refused" : done.problems.list.front().message;
      problems.error(path, "a change in " + model::quote_text(step.milestone->label) + " (" +
                               model::describe_command(step.milestone->changes[i]) + ") no longer applies and was skipped: " + reason);
    }
  }
}

}  // namespace

ScenarioResult plan_at(const model::Plan& baseline, const Scenario& scenario) {
  ScenarioResult result{baseline, {}, {}};
  const std::vector<Step> steps = steps_of(baseline, scenario, result.problems);
  model::PlanIndex index(result.plan);  // kept in step by each change
  apply_steps(result.plan, index, steps, result.problems, &result.applied, nullptr);
  return result;
}

model::Problems check_all_changes(const model::Plan& plan) {
  model::Plan work = plan;
  return check_all_changes_in_place(work);
}

namespace {

// Undoes, last first, what has been applied: after each option, and on the
// way out if anything throws, so that the plan is never left changed.
struct Undoer {
  model::Plan& plan;
  model::PlanIndex& index;
  std::vector<model::Command> inverses;
  void undo_all() {
    for (auto undo = inverses.rbegin(); undo != inverses.rend(); ++undo) model::undo_command(plan, index, *undo);
    inverses.clear();
  }
  ~Undoer() { undo_all(); }
};

}  // namespace

// One plan serves every option: each option's changes are undone, unchecked,
// before the next (a copy and an index per option took two thirds of the time).
model::Problems check_all_changes_in_place(model::Plan& plan, model::PlanIndex* given_index) {
  model::Problems problems;
  std::set<std::string> seen;
  std::vector<std::string> options = {""};
  // An option without steps is the plan as written: nothing more to check.
  for (const model::Option& option : plan.options) {
    if (!option.steps.empty()) options.push_back(option.id);
  }
  // The steps are read from copies of the milestones and options: a change
  // may add to either list or replace an option's steps while they apply.
  model::Plan steps_from;
  steps_from.milestones = plan.milestones;
  steps_from.options = plan.options;
  std::optional<model::PlanIndex> built;
  model::PlanIndex& index = given_index ? *given_index : built.emplace(plan);
  for (const std::string& option : options) {
    model::Problems found;
    Undoer undoer{plan, index, {}};
    apply_steps(plan, index, steps_of(steps_from, {std::nullopt, option}, found), found, nullptr, &undoer.inverses);
    undoer.undo_all();
    for (const model::Problem& problem : found.list) {
      if (seen.insert(problem.path).second) problems.list.push_back(problem);
    }
  }
  return problems;
}

}  // namespace analysis
