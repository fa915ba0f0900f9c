#pragma once
#include "app/app_state.hpp"
#include "model/json.hpp"

// window.planner's options and time (docs/js-api.md, docs/options-and-time.md):
// the plan's options, its timeline, the state shown, comparisons and the
// criteria appraisal.
namespace app {

model::Json options_api(AppState& state, const model::Json& args);     // options()
model::Json show_option_api(AppState& state, const model::Json& args); // showOption(id | null)
model::Json timeline_api(AppState& state, const model::Json& args);    // timeline()
model::Json show_date_api(AppState& state, const model::Json& args);   // showDate(date | 'end' | null)
model::Json state_api(AppState& state, const model::Json& args);       // state()
model::Json compare_api(AppState& state, const model::Json& args);     // compare({option, date}, {option, date})
model::Json close_compare_api(AppState& state, const model::Json& args);
model::Json appraisal_api(AppState& state, const model::Json& args);   // appraisal()

// {option, date} as the API writes a state.
model::Json state_json(const analysis::PlanState& state);

}  // namespace app
