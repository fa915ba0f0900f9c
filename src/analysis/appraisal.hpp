#pragma once
// The criteria appraisal of a plan's options: each option's score on each
// criterion, weighted totals and a ranking (docs/options-and-time.md).
#include <optional>
#include <string>
#include <vector>

#include "model/command.hpp"
#include "model/plan.hpp"

namespace analysis {

struct AppraisedOption {
  std::string id;
  std::string title;
  std::vector<std::optional<double>> scores;  // per criterion, in the plan's order; none where the plan gives no score
  std::vector<std::string> rationales;
  std::vector<model::Certainty> certainties;  // per criterion: "assumed" for a score its paper did not give
  double total = 0.0;    // sum of weight × score over the criteria scored
  std::size_t scored = 0;  // how many criteria have a score
  int rank = 0;          // 1 = highest total; options with equal totals share a rank; 0 when nothing is scored
};

struct Appraisal {
  std::vector<const model::Criterion*> criteria;
  std::vector<AppraisedOption> options;  // in the plan's order
};

Appraisal appraise(const model::Plan& plan);

// The change that gives an option a score on a criterion: its scores set
// again with that one changed, or added, marked assumed (a score typed in
// the planner is not one its paper gave). None for an unknown option.
std::optional<model::Command> set_score(const model::Plan& plan, const std::string& option, const std::string& criterion, double value);

}  // namespace analysis
