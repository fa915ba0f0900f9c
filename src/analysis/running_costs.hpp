#pragma once
// What each option costs to run, and the saving it makes, worked out from
// the running costs of the organisations and bodies in the plan
// (docs/options-and-time.md): beside the saving its paper claims.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

// The running cost of the plan in one state: the sum over the organisations
// and bodies that exist in it (not merged or dissolved).
struct RunningCost {
  std::int64_t total = 0;
  std::size_t priced = 0;    // how many of those that exist have a figure
  std::size_t unpriced = 0;  // and how many have none
  bool certain = true;       // every figure summed is stated (none assumed or illustrative)
};
RunningCost running_cost(const model::Plan& plan_in_state);

struct OptionCost {
  std::string option;
  RunningCost cost;                     // under the option, after every change
  std::int64_t saving = 0;              // against no option, after every change
  std::optional<double> saving_percent;  // of no option's running cost
  std::optional<model::Money> claimed;  // the saving its paper claims
  std::string gap;                      // plain English, when the claim and the figures differ; else empty
};

struct CostAppraisal {
  RunningCost without_option;   // no option, after every change
  std::vector<OptionCost> options;  // in the plan's order
  bool any_figures = false;     // false: the plan gives no running costs, so nothing is computed
};
CostAppraisal appraise_costs(const model::Plan& plan);

// "£2.0m", "£850,000": for sentences.
std::string pounds(std::int64_t amount);

}  // namespace analysis
