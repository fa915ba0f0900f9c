#pragma once
#include "app/app_state.hpp"
#include "model/json.hpp"

// The methods through which the page's keeping code (shell/keeping.js)
// talks to the module: what has been stored, what was saved to a file, and
// plan texts prepared for the store. Part of window.planner's engine (api.cpp).
namespace app {

// keepingStatus({generation, revision} | {problem}): what is stored now.
model::Json keeping_status_api(AppState& state, const model::Json& args);
// markSaved({generation, revision, file}): the plan as of that revision is in a file.
model::Json mark_saved_api(AppState& state, const model::Json& args);
// renamedPlanText({text, name}): a stored plan's text with a new name, as
// planner-cli would write it, for plans that are not open.
model::Json renamed_plan_text_api(AppState& state, const model::Json& args);
// saveName(): the file name to suggest when saving the open plan.
model::Json save_name_api(AppState& state, const model::Json& args);

}  // namespace app
