#pragma once
#include <string>
#include <string_view>

#include "app/app_state.hpp"

namespace app {

// The engine behind window.planner (docs/js-api.md). The page's JavaScript
// calls it with a method name and its arguments as JSON text, and gets JSON
// text back. Methods that can fail answer {"ok": false, "messages": [...]}
// and change nothing.
std::string call_api(AppState& state, std::string_view method, std::string_view arguments_json);

// openPlan's answer for a plan's text handed over as it is, not inside JSON
// arguments: a large plan is not escaped, copied and lexed twice on its way in.
std::string open_plan_answer(AppState& state, std::string_view text, std::string name, bool report);

}  // namespace app
