#pragma once
// A state of the plan: an option (or none) and a date, as every view, the
// API and the CLI choose it (docs/options-and-time.md).
//   date as written: no milestone applied; under an option, its undated steps;
//   a date: the plan on that date's effective day (plan_at);
//   end: after every change.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/plan_at.hpp"
#include "model/plan.hpp"
#include "model/plan_date.hpp"

namespace analysis {

struct PlanState {
  enum class When { as_written, on, end };
  std::string option;               // an option's id; empty: no option
  When when = When::as_written;
  std::optional<model::PlanDate> date;  // for `on`

  bool is_plan_as_written() const { return option.empty() && when == When::as_written; }
};

struct StateDateParse {
  std::optional<PlanState> state;  // option left empty
  std::string error;               // a plain-English sentence when not
};

// "end", or a date the plan format accepts ("2020-04-01", "by 2017-10",
// "2019/20"); an empty text is the plan as written.
StateDateParse parse_state_date(std::string_view text);

// The text parse_state_date reads back: "", "end" or the plan date.
std::string format_state_date(const PlanState& state);

// An error message when the state's option is not in the plan (empty if it is).
std::string check_state(const model::Plan& plan, const PlanState& state);

// The plan in that state.
ScenarioResult plan_in_state(const model::Plan& plan, const PlanState& state);

// Plain English for titles and banners: "Option 'Merge by April 2020', by
// the end of March 2020"; "The plan as written".
std::string describe_state(const model::Plan& plan, const PlanState& state);

}  // namespace analysis
