#pragma once
// A state of the plan: an option (or none) and a date, as every view, the
// API and the CLI choose it (docs/options-and-time.md).
//   date as written: no milestone applied; under an option, its undated steps;
//   a date: the plan on that date's effective day (plan_at);
//   end: after every change.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/plan_at.hpp"
#include "model/command.hpp"
#include "model/plan.hpp"
#include "model/plan_date.hpp"

namespace analysis {

struct PlanState {
  enum class When { as_written, on, end };
  std::string option;               // an option's id; empty: no option
  When when = When::as_written;
  std::optional<model::PlanDate> date;  // for `on`

  bool is_plan_as_written() const { return option.empty() && when == When::as_written; }
  friend bool operator==(const PlanState&, const PlanState&) = default;
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

// A drawing's or an export's title: the plan's name, and the state when it
// is not the plan as written, so that a picture of an option is never
// taken for the plan ("… (Option "…", after every change)").
std::string state_title(const model::Plan& plan, const PlanState& state);

// Where an edit made while a state is shown is kept, so that it shows in
// that state and builds on everything it shows:
//   the plan as written: the plan itself; under an option, the option's
//     undated step for edits made in the planner (created if need be);
//   a date: the plan's milestone of that date, or under an option the
//     option's step of that date (created if need be);
//   end: as a date, on the last date of any milestone or of the option's steps.
struct EditPlace {
  std::string option;                   // empty: the plan's own
  std::optional<model::PlanDate> date;  // none: the plan as written / an undated step
  std::string step;                     // the milestone's or step's id, if it exists already
};
EditPlace edit_place(const model::Plan& plan, const PlanState& state);

// The banner's words for it: "the plan as written"; "option "Merge by
// April 2020", step dated 31 March 2020"; "the plan's milestone of April 2020".
std::string describe_edit_place(const model::Plan& plan, const EditPlace& place);

// The command that keeps `edit` there: `edit` itself for the plan as
// written, else a change to the milestones or to the option's steps.
// `taken` ids are not used for a new milestone or step.
model::Command place_edit(const model::Plan& plan, const EditPlace& place, const model::Command& edit,
                          const std::function<bool(const std::string&)>& taken);

// A change to one field of a milestone ("label", "date"...): the command
// itself for the plan's own milestones; for an option's step (which a
// command cannot name), the option's steps set again with that one
// changed. None when no milestone or step has that id.
std::optional<model::Command> set_milestone_field(const model::Plan& plan, const std::string& id, const std::string& field, model::Json value);

}  // namespace analysis
