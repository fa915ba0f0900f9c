#pragma once
#include "app/app_state.hpp"
#include "model/json.hpp"

// window.planner for readers (docs/embedding.md): the page's mode, the
// accessible outline of the view, a plain-English account of one item, the
// glossary, search within the view, the text alternative, and where ImGui's
// panels are (so the page routes touches).
namespace app {

model::Json mode_api(AppState& state, const model::Json& args);              // mode()
model::Json outline_api(AppState& state, const model::Json& args);           // outline({under, depth})
model::Json describe_api(AppState& state, const model::Json& args);          // describe(id)
model::Json glossary_api(AppState& state, const model::Json& args);          // glossary(text?)
model::Json find_in_view_api(AppState& state, const model::Json& args);      // findInView(text)
model::Json text_alternative_api(AppState& state, const model::Json& args);  // textAlternative()
model::Json decision_table_api(AppState& state, const model::Json& args);    // decisionTable()
model::Json panel_at_api(AppState& state, const model::Json& args);          // panelAt({x, y}), CSS pixels

// The glossary of the plan shown (its own terms, then the built-in ones it
// leaves out), worked out once per plan revision and state, not per frame
// or call. The built-in glossary alone when no plan is open.
const std::vector<analysis::GlossaryTerm>& plan_glossary(AppState& state);

// What is shown, for the page to tell a host and its panels when it changes:
// {view, option, date, selected, revision, generation, mode, theme}.
model::Json shown_state_json(const AppState& state);

}  // namespace app
