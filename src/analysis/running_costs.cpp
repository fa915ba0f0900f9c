// Running costs and savings of the plan's options (running_costs.hpp).
#include "analysis/running_costs.hpp"

#include <cmath>
#include <cstdio>

#include "analysis/plan_state.hpp"

namespace analysis {

namespace {

bool exists(model::Lifecycle status) { return status != model::Lifecycle::merged && status != model::Lifecycle::dissolved; }

template <class T>
void add_costs(const std::vector<T>& list, RunningCost& cost) {
  for (const T& item : list) {
    if (!exists(item.status)) continue;
    if (!item.running_cost || !item.running_cost->amount) {
      ++cost.unpriced;
      continue;
    }
    ++cost.priced;
    cost.total += *item.running_cost->amount;
    cost.certain = cost.certain && item.running_cost->certainty == model::Certainty::stated &&
                   item.evidence.certainty == model::Certainty::stated;
  }
}

// Where the saving its paper claims and the one the figures give part by
// more than 5% (of the claim), in words.
std::string gap_between(const OptionCost& option) {
  if (!option.claimed) return "";
  const model::Money& claim = *option.claimed;
  if (claim.amount && *claim.amount > 0) {
    const double difference = static_cast<double>(option.saving - *claim.amount);
    if (std::abs(difference) <= 0.05 * static_cast<double>(*claim.amount)) return "";
    return "Its paper claims a saving of " + pounds(*claim.amount) + "; the running costs in the plan give " + pounds(option.saving) + ", " +
           pounds(static_cast<std::int64_t>(std::llround(std::abs(difference)))) + (difference < 0 ? " less." : " more.");
  }
  if (claim.percent && option.saving_percent) {
    const double difference = *option.saving_percent - *claim.percent;
    if (std::abs(difference) <= 0.05 * std::abs(*claim.percent)) return "";
    char text[160];
    std::snprintf(text, sizeof text, "Its paper claims a saving of %.0f%%; the running costs in the plan give %.0f%%.", *claim.percent,
                  *option.saving_percent);
    return text;
  }
  return "";
}

}  // namespace

std::string pounds(std::int64_t amount) {
  const bool negative = amount < 0;
  const std::uint64_t value = static_cast<std::uint64_t>(negative ? -amount : amount);
  char text[64];
  if (value >= 1000000) {
    std::snprintf(text, sizeof text, "\xC2\xA3%.1fm", static_cast<double>(value) / 1e6);
  } else {
    std::string digits = std::to_string(value);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    std::snprintf(text, sizeof text, "\xC2\xA3%s", digits.c_str());
  }
  return (negative ? "-" : "") + std::string(text);
}

RunningCost running_cost(const model::Plan& plan) {
  RunningCost cost;
  add_costs(plan.organisations, cost);
  add_costs(plan.bodies, cost);
  return cost;
}

CostAppraisal appraise_costs(const model::Plan& plan) {
  CostAppraisal appraisal;
  PlanState end;
  end.when = PlanState::When::end;
  appraisal.without_option = running_cost(plan_in_state(plan, end).plan);
  appraisal.any_figures = appraisal.without_option.priced > 0;
  for (const model::Option& option : plan.options) {
    OptionCost row;
    row.option = option.id;
    PlanState state = end;
    state.option = option.id;
    row.cost = running_cost(plan_in_state(plan, state).plan);
    appraisal.any_figures = appraisal.any_figures || row.cost.priced > 0;
    row.saving = appraisal.without_option.total - row.cost.total;
    if (appraisal.without_option.total > 0) {
      row.saving_percent = 100.0 * static_cast<double>(row.saving) / static_cast<double>(appraisal.without_option.total);
    }
    row.claimed = option.saving;
    row.gap = gap_between(row);
    appraisal.options.push_back(std::move(row));
  }
  return appraisal;
}

}  // namespace analysis
