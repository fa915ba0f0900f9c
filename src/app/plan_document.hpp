#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "app/app_state.hpp"
#include "model/plan_index.hpp"

namespace app {

// Reads a plan from JSON text as planner-cli does (the loader's errors and
// warnings, then the analysis's advice). It replaces the open plan only when
// there are no errors; otherwise the open plan stays exactly as it was.
struct OpenResult {
  bool ok = false;
  model::Problems problems;
};
OpenResult open_plan_text(AppState& state, std::string_view text, std::string file_name);

// The same, for a file a person chose: the result also goes to the report
// window, and the view fits the new plan.
OpenResult open_plan_file(AppState& state, std::string_view bytes, std::string file_name);

// What an edit of the plan as written touched, where that lets some of
// the advice stand.
struct ChangeScope {
  // Only names: the last check of whether every option's changes apply
  // stands when they all did (no check of a change reads a name).
  bool only_names = false;
  // Only units: the governance checks stand (they read no unit).
  bool only_units = false;
  // No unit, and not the bands: the warnings about units stand.
  bool no_units = false;
  // A plan just opened, into which nothing (the ui, say) holds references
  // yet: every option's changes may be checked on the plan itself, applied
  // and undone, where after an edit they are checked on a copy (an option's
  // additions may move a whole list, and its changes an entry's words).
  bool just_opened = false;
  // With just_opened: the loader's index of the plan's ids, to be used up.
  model::PlanIndex* opened_index = nullptr;
};

// Rebuilds what the views draw from the open plan: after opening it and
// after every change, undo and redo.
void plan_changed(AppState& state, ChangeScope scope = {});
// Rebuilds only the scenes, after a change of what the views fold, filter or overlay.
void refresh_scene(AppState& state);
// The layers view's scene, built again first if the plan changed while the
// governance view was shown (an edit there does not wait for it); null
// with no plan open.
const layout::Scene* layers_scene(AppState& state);
// Rebuilds the governance view's scene alone (built only while it is shown),
// and points "fit" at whichever view is shown.
void refresh_governance(AppState& state);
// Lays the governance view out afresh, as opening the plan does: after
// edits that kept the boxes where they were (a rename, a flow or a box
// added), they are ordered and placed for the plan as it now is.
void lay_out_again(AppState& state);
// Whether the governance drawing keeps the places of an earlier layout
// (after such edits), so that laying it out again would change it.
bool layout_kept(const AppState& state);
// Shows the layers or the governance view, fitted to the window.
void show_view(AppState& state, CanvasView view);
// Selects and glides to anything drawn: a unit (in the layers view) or an
// organisation, body, post or flow (in the governance view); false if none.
bool focus_item(AppState& state, const std::string& id);
// Opens "Who decides?" on a function (and a unit, or "" for anywhere) and
// traces it; false for an unknown function. Traced again after every change.
bool trace_decision(AppState& state, const std::string& function, const std::string& unit);
// Everything on the open decision's route, for the canvas to light up.
std::set<std::string> decision_route_ids(const AppState& state);
// Folds a unit (shown as one block, the units inside it hidden) or unfolds it.
void set_folded(AppState& state, const std::string& id, bool folded);
// Selects a unit and glides the view to it, unfolding what hides it; false
// for an unknown id.
bool focus_unit(AppState& state, const std::string& id);

// Every change to the open plan goes through these, from the canvas, the
// menus and the JS API alike: recorded for undo, and the views rebuilt.
// Without an open plan they fail with a message.
// In a state other than the plan as written, an edit is checked against the
// plan shown and kept where the state says (analysis::place_edit).
model::ApplyResult execute(AppState& state, const model::Command& command);
// Why a read-only page (mode=view or embed) refuses every change.
std::string read_only_message(const AppState& state);
// How long the marks of what a move changed pulse (not at all for reduced motion).
inline constexpr double step_pulse_seconds = 1.2;
// Shows the plan in another state (an option and a date); the views follow,
// and what changed is marked (AppState::step_changes).
void set_plan_state(AppState& state, analysis::PlanState plan_state);
// Compares two states: their differences, and side by side on the canvas.
void open_comparison(AppState& state, analysis::PlanState left, analysis::PlanState right);
void close_comparison(AppState& state);
// Selects something drawn in the comparison and glides both halves to it; false if it is in neither.
bool focus_compared(AppState& state, const std::string& id);
// Works out the open comparison again (after a change, or of another view).
void refresh_comparison(AppState& state);
model::ApplyResult undo(AppState& state);
model::ApplyResult redo(AppState& state);
// Moves a unit under another ("move \"Practice\" to \"PCN\"" in the Edit menu).
model::ApplyResult move_unit(AppState& state, const std::string& id, const std::string& new_parent);
// Several at once, as one change ("move 3 units to "PCN"").
model::ApplyResult move_units(AppState& state, const std::vector<std::string>& ids, const std::string& new_parent);

// The file name a download of the open plan gets: the name it was opened
// with, or one made from the plan's name ("my-plan.json").
std::string download_name(const AppState& state);

// The open plan as JSON text, byte for byte what planner-cli convert writes.
std::optional<std::string> current_plan_text(const AppState& state);

}  // namespace app
