#pragma once
// The structure on a date under an option: the baseline with its dated
// milestones and the option's steps applied in a defined order.
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/plan_index.hpp"
#include "model/problems.hpp"

namespace analysis {

struct Scenario {
  std::optional<std::int64_t> day;  // days since 1970-01-01; none: after every change
  std::string option;               // option id; empty: the baseline's milestones only
};

struct ScenarioResult {
  model::Plan plan;
  model::Problems problems;           // changes that no longer apply (skipped), an unknown option
  std::vector<std::string> applied;   // ids of the milestones and steps applied, in order
};

// Order: the option's undated steps first (as listed); then every dated
// milestone and step whose effective day is on or before the day, by date
// (model::compare), the plan's own milestones before the option's steps on
// the same date, then as listed. Within a step, its changes in order. A
// change that no longer applies (say, to something an earlier change
// removed) is skipped with a message naming it; the rest still apply.
ScenarioResult plan_at(const model::Plan& baseline, const Scenario& scenario);

// Applies every option (and none) through all dates and reports each change
// that does not apply, once.
model::Problems check_all_changes(const model::Plan& plan);

// The same, on the plan itself: each option's changes are applied to it and
// undone before the next, with the inverses the app's undo uses, so it is
// left as it was (England's plan is not copied on every open and edit).
// `index`, if given, is the plan's index of ids, used up (the loader's:
// building it again was a third of the check).
model::Problems check_all_changes_in_place(model::Plan& plan, model::PlanIndex* index = nullptr);

}  // namespace analysis
