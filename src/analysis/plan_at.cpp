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

}  // namespace

ScenarioResult plan_at(const model::Plan& baseline, const Scenario& scenario) {
  ScenarioResult result{baseline, {}, {}};
  std::vector<Step> steps;
  for (std::size_t i = 0; i < baseline.milestones.size(); ++i) {
    steps.push_back({&baseline.milestones[i], model::pointer_join("/milestones", i), false, i});
  }
  if (!scenario.option.empty()) {
    const auto option = std::find_if(baseline.options.begin(), baseline.options.end(),
                                      [&](const model::Option& o) { return o.id == scenario.option; });
    if (option == baseline.options.end()) {
      result.problems.error("", "the plan has no option with the id " + model::quote_text(scenario.option));
      return result;
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

  model::PlanIndex index(result.plan);  // kept in step by each change
  for (const Step& step : steps) {
    result.applied.push_back(step.milestone->id);
    for (std::size_t i = 0; i < step.milestone->changes.size(); ++i) {
      const model::ApplyResult applied = model::apply_command(result.plan, index, step.milestone->changes[i]);
      if (applied.ok) continue;
      const std::string path = model::pointer_join(model::pointer_join(step.path, "changes"), i);
      std::string reason = applied.problems.list.empty() ? "it was refused" : applied.problems.list.front().message;
      result.problems.error(path, "a change in " + model::quote_text(step.milestone->label) + " (" +
                                      model::describe_command(step.milestone->changes[i]) +
                                      ") no longer applies and was skipped: " + reason);
    }
  }
  return result;
}

model::Problems check_all_changes(const model::Plan& plan) {
  model::Problems problems;
  std::set<std::string> seen;
  std::vector<std::string> options = {""};
  // An option without steps is the plan as written: nothing more to check.
  for (const model::Option& option : plan.options) {
    if (!option.steps.empty()) options.push_back(option.id);
  }
  for (const std::string& option : options) {
    for (const model::Problem& problem : plan_at(plan, {std::nullopt, option}).problems.list) {
      if (seen.insert(problem.path).second) problems.list.push_back(problem);
    }
  }
  return problems;
}

}  // namespace analysis
