#include "app/plan_document.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "analysis/governance_checks.hpp"
#include "analysis/plan_warnings.hpp"
#include "app/canvas_control.hpp"
#include "app/unit_edits.hpp"
#include "io/plan_file.hpp"
#include "model/collections.hpp"
#include "model/plan_index.hpp"
#include "layout/governance_scene.hpp"
#include "layout/layers_scene.hpp"

namespace app {

namespace {

// Where the governance checks' notes on unused nudges sit (note_unused_nudges).
constexpr std::string_view nudge_advice_path = "/layout/governance/";

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

OpenResult open_plan_text(AppState& state, std::string_view text, std::string file_name) {
  const auto start = std::chrono::steady_clock::now();
  OpenResult result;
  io::LoadTimes times;
  io::LoadResult loaded = io::load_plan(text, &times);
  state.open_times = {times.parse_ms, times.read_ms, times.validate_ms, 0.0, 0.0, 0.0};
  result.problems = std::move(loaded.problems);
  if (!loaded.plan) return result;
  state.document = Document{std::move(*loaded.plan), std::move(file_name), model::History{}};
  state.document->generation = ++state.plans_opened;
  state.selected.clear();
  state.also_selected.clear();
  state.layers.collapsed.clear();
  state.plan_state = {};  // a plan opens as written
  state.step_changes.reset();
  state.playing_next.reset();
  state.comparison.reset();
  state.governance_memo = {};  // a plan opens freshly laid out, whatever was drawn before
  plan_changed(state, ChangeScope{.just_opened = true, .opened_index = loaded.index ? &*loaded.index : nullptr});
  result.problems.append(state.advice);  // the analysis's advice, as planner-cli gives it after the loader's
  show_fitted(state.canvas);
  state.open_times.advice_ms = state.change_times.advice_ms;
  state.open_times.views_ms = state.change_times.views_ms;
  state.open_times.total_ms = ms_since(start);
  result.ok = true;
  return result;
}

OpenResult open_plan_file(AppState& state, std::string_view bytes, std::string file_name) {
  OpenResult opened = open_plan_text(state, bytes, file_name);
  state.open_report = {true, opened.ok, std::move(file_name), opened.problems};
  return opened;
}

void plan_changed(AppState& state, ChangeScope scope) {
  if (!state.document) {
    state.layers_scene.reset();
    state.layers_scene_stale = false;
    state.advice = {};
    state.governance_advice = {};
    return;
  }
  state.state_plan.reset();
  state.state_problems = {};
  if (!analysis::check_state(state.document->plan, state.plan_state).empty()) state.plan_state = {};  // its option was deleted or undone
  if (!state.plan_state.is_plan_as_written()) {
    analysis::ScenarioResult shown = analysis::plan_in_state(state.document->plan, state.plan_state);
    state.state_plan = std::move(shown.plan);
    state.state_problems = std::move(shown.problems);
  }
  const auto start = std::chrono::steady_clock::now();
  const bool as_written = state.plan_state.is_plan_as_written();
  const Document& document = *state.document;
  const auto& kept = state.changes_all_apply;
  const bool still_apply = scope.only_names && as_written && kept && kept->generation == document.generation && kept->revision + 1 == document.revision;
  model::Problems changes;
  if (scope.just_opened) changes = analysis::check_all_changes_in_place(state.document->plan, scope.opened_index);  // not a copy of England
  else if (!still_apply) changes = analysis::check_all_changes(shown_plan(state));
  state.changes_all_apply.reset();
  if (as_written && changes.list.empty()) state.changes_all_apply = AppState::AllChangesApply{document.generation, document.revision};
  const auto& units = state.unit_warnings_kept;
  if (scope.no_units && as_written && units && units->generation == document.generation && units->revision + 1 == document.revision) {
    state.advice.list.erase(state.advice.list.begin() + static_cast<std::ptrdiff_t>(units->count), state.advice.list.end());
  } else {
    state.advice = analysis::unit_warnings(shown_plan(state));
  }
  const std::size_t unit_count = state.advice.list.size();
  for (const model::Problem& problem : changes.list) state.advice.warning(problem.path, problem.message);
  state.unit_warnings_kept.reset();
  if (as_written) state.unit_warnings_kept = AppState::UnitWarningsKept{document.generation, document.revision, unit_count};
  if (scope.only_units && as_written) {
    // The checks stand; the notes on nudges are the governance drawing's, made again with it.
    std::erase_if(state.governance_advice.list, [](const model::Problem& p) { return p.path.rfind(nudge_advice_path, 0) == 0; });
  } else {
    state.governance_advice = analysis::governance_checks(shown_plan(state));
  }
  state.change_times.advice_ms = ms_since(start);
  const auto views = std::chrono::steady_clock::now();
  refresh_scene(state);
  state.change_times.views_ms = ms_since(views);
  if (state.decision.open) trace_decision(state, state.decision.function, state.decision.unit);
  if (state.comparison) refresh_comparison(state);
  // A selection of units that no longer exist (deleted, or an add undone) is dropped.
  std::erase_if(state.also_selected, [&](const std::string& id) { return find_unit(state, id) == nullptr; });
}

void refresh_scene(AppState& state) {
  if (!state.document) return;
  state.layers_scene_stale = true;
  // While the governance view is shown, the layers scene waits until it is needed.
  if (state.canvas_view != CanvasView::governance || !state.layers_scene) layers_scene(state);
  refresh_governance(state);
}

const layout::Scene* layers_scene(AppState& state) {
  if (!state.document) return nullptr;
  if (state.layers_scene_stale || !state.layers_scene) {
    state.layers_scene = layout::build_layers_scene(shown_plan(state), state.layers);
    state.layers_scene_stale = false;
  }
  return &*state.layers_scene;
}

namespace {

// A nudge kept for a box now drawn inside another (a post in its
// organisation, a body in its host's group) moves nothing: the checks say so.
void note_unused_nudges(AppState& state) {
  const std::string path(nudge_advice_path);
  std::erase_if(state.governance_advice.list, [&](const model::Problem& p) { return p.path.rfind(path, 0) == 0; });
  for (const model::LayoutHint& hint : state.document->plan.layout) {
    if (hint.view != layout::governance_view) continue;
    for (const layout::Item& item : state.governance_scene->items) {
      if (item.id != hint.id || item.parent.empty() || item.role == "group") continue;
      state.governance_advice.warning(path + hint.id, "the nudge kept for \"" + hint.id + "\" is not used: it is now drawn inside \"" +
                                                          item.parent + "\"; move that instead, or use Put back in place to forget it");
      break;
    }
  }
}

}  // namespace

void refresh_governance(AppState& state) {
  if (!state.document) return;
  if (state.canvas_view == CanvasView::governance) {
    const auto start = std::chrono::steady_clock::now();
    state.governance_scene.reset();  // not needed to build the next: let it go first (a national one holds some 15,000 items)
    const AppState::GovernanceSeenAs seen_as{state.governance, state.plan_state};
    if (!(seen_as == state.governance_places_for)) {
      if (state.governance_memo.kept) state.governance_memo = {};  // not even for the same graph
      state.governance_memo.places_current = false;
      state.governance_places_for = seen_as;
    }
    state.governance_scene = layout::build_governance_scene(shown_plan(state), state.governance, &state.governance_memo);
    state.governance_layout_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    note_unused_nudges(state);
  } else {
    state.governance_scene.reset();  // built again when shown
  }
  const layout::Rect bounds = active_scene(state)->bounds;
  if (!bounds.empty()) state.canvas.content_bounds = bounds;
}

void lay_out_again(AppState& state) {
  state.governance_memo = {};
  refresh_governance(state);
}

bool layout_kept(const AppState& state) { return state.governance_scene && state.governance_memo.kept; }

void show_view(AppState& state, CanvasView view) {
  if (state.canvas_view == view) return;
  state.canvas_view = view;
  if (view == CanvasView::layers) layers_scene(state);  // up to date before it is fitted
  state.node_drag.reset();
  state.flow_draft.reset();
  state.unit_drag.reset();
  refresh_governance(state);  // built when shown, and fitted below
  if (state.comparison) refresh_comparison(state);
  if (state.document) fit_content(state.canvas, state.now_seconds);
}

bool focus_item(AppState& state, const std::string& id) {
  if (find_unit(state, id)) return focus_unit(state, id);
  if (!state.document) return false;
  show_view(state, CanvasView::governance);
  for (const layout::Item& item : state.governance_scene->items) {
    if (item.id != id) continue;
    state.selected = id;
    state.also_selected.clear();
    // The box with room around it to see its neighbours, at about 100% on a
    // laptop screen, so that its words are drawn at their own size.
    const glm::dvec2 half = glm::max(item.bounds.size() * 0.75, glm::dvec2{300.0, 170.0});
    focus_on(state.canvas, {item.bounds.center() - half, item.bounds.center() + half}, state.now_seconds);
    return true;
  }
  return false;
}

void set_folded(AppState& state, const std::string& id, bool folded) {
  if (folded) state.layers.collapsed.insert(id);
  else state.layers.collapsed.erase(id);
  refresh_scene(state);
}

bool focus_unit(AppState& state, const std::string& id) {
  const model::Unit* unit = find_unit(state, id);
  if (!unit) return false;
  show_view(state, CanvasView::layers);
  // Unfold whatever hides it, then glide to it.
  bool unfolded = false;
  for (const model::Unit* up = find_unit(state, unit->parent); up; up = find_unit(state, up->parent)) {
    unfolded = state.layers.collapsed.erase(up->id) > 0 || unfolded;
  }
  if (unfolded) refresh_scene(state);
  state.selected = id;
  state.also_selected.clear();
  for (const layout::Item& item : state.layers_scene->items) {
    if (item.id == id) focus_on(state.canvas, item.bounds, state.now_seconds);
  }
  return true;
}

std::string read_only_message(const AppState& state) {
  return std::string("this page shows the plan read-only (mode=") + (state.mode == Mode::embed ? "embed" : "view") +
         "): nothing in it can be changed; open the planner without mode= to edit a copy";
}

namespace {

model::ApplyResult failed(std::string message) {
  model::ApplyResult result;
  result.problems.error("", std::move(message));
  return result;
}

// Whether the id is an entry of the structure (a unit, organisation, body,
// post, flow, programme or function).
bool is_structural(const model::Plan& plan, const std::string& id) {
  bool found = false;
  const auto look_in = [&](const auto& items) {
    found = found || std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
  };
  look_in(plan.organisations), look_in(plan.bodies), look_in(plan.posts), look_in(plan.units), look_in(plan.flows),
      look_in(plan.programmes), look_in(plan.functions);
  return found;
}

// Whether a change (or every change of a batch) only sets one of `fields`
// of entries of the structure.
bool only_sets(const model::Plan& plan, const model::Command& command, const std::set<std::string, std::less<>>& fields) {
  if (command.op == model::CommandOp::batch) {
    return !command.commands.empty() && std::all_of(command.commands.begin(), command.commands.end(),
                                                    [&](const model::Command& c) { return only_sets(plan, c, fields); });
  }
  return command.op == model::CommandOp::set && fields.count(command.field) && is_structural(plan, command.id);
}

// The words that describe an entry of the structure without being drawn or
// checked: neither view's scene nor the advice reads them
// (governance_edits_test proves it on every example).
bool only_describes(const model::Plan& plan, const model::Command& command) {
  static const std::set<std::string, std::less<>> descriptive = {"note", "source", "purpose", "description"};
  return only_sets(plan, command, descriptive);
}

// A change of an entry's name or short name (or title, label, term): drawn
// and quoted in advice, but read by no check of whether a change applies.
bool only_renames(const model::Plan& plan, const model::Command& command) {
  static const std::set<std::string, std::less<>> names = {"name", "shortName", "title", "label", "term"};
  return only_sets(plan, command, names);
}

bool is_unit(const model::Plan& plan, const std::string& id) {
  return std::any_of(plan.units.begin(), plan.units.end(), [&](const model::Unit& unit) { return unit.id == id; });
}

// A change (or every change of a batch) that adds, sets or removes units
// and nothing else: ids never change, and a unit still referred to is
// never removed, so no other entry changes with it.
bool only_touches_units(const model::Plan& plan, const model::Command& command) {
  switch (command.op) {
    case model::CommandOp::batch:
      return !command.commands.empty() && std::all_of(command.commands.begin(), command.commands.end(),
                                                      [&](const model::Command& c) { return only_touches_units(plan, c); });
    case model::CommandOp::add: return command.collection == "units";
    case model::CommandOp::set:
    case model::CommandOp::remove: return is_unit(plan, command.id);
    case model::CommandOp::set_plan: return false;
  }
  return false;
}

// A change (or every change of a batch) that touches no unit and not the
// plan's own fields (its population bands among them). No other entry
// refers to a unit's fields, and a unit refers only to units.
bool touches_no_units(const model::Plan& plan, const model::Command& command) {
  switch (command.op) {
    case model::CommandOp::batch:
      return std::all_of(command.commands.begin(), command.commands.end(), [&](const model::Command& c) { return touches_no_units(plan, c); });
    case model::CommandOp::add: return command.collection != "units";
    case model::CommandOp::set:
    case model::CommandOp::remove: return !is_unit(plan, command.id);
    case model::CommandOp::set_plan: return false;
  }
  return false;
}

template <typename Step>
model::ApplyResult change(AppState& state, Step step) {
  if (!state.document) return failed("no plan is open: open one with openPlan first");
  if (state.read_only()) return failed(read_only_message(state));
  model::ApplyResult result = step(*state.document);
  if (result.ok) {
    state.step_changes.reset();  // the marks were of the last move along the timeline, not of edits
    ++state.document->revision;
    // What undoes a change touches what it touched: a note's words, say,
    // which leave the drawings and the advice as they are.
    const model::Plan& plan = state.document->plan;
    const bool as_written = state.plan_state.is_plan_as_written();
    if (as_written && only_describes(plan, result.inverse)) return result;
    plan_changed(state, {as_written && only_renames(plan, result.inverse), as_written && only_touches_units(plan, result.inverse),
                         as_written && touches_no_units(plan, result.inverse)});
  }
  return result;
}

}  // namespace

namespace {

// Whether a change is to the structure on a date (units, organisations,
// bodies, posts, functions, flows, programmes), which a state places in a
// milestone or a step. Everything else belongs to the plan itself: its
// milestones and options (editing a step in a step would make no sense),
// criteria, glossary, notes, sources, its own fields, and nudges.
bool changes_structure(const model::PlanIndex& index, const model::Command& command) {
  using model::Collection;
  const auto structural = [](Collection c) {
    return c == Collection::units || c == Collection::organisations || c == Collection::bodies || c == Collection::posts ||
           c == Collection::functions || c == Collection::flows || c == Collection::programmes;
  };
  switch (command.op) {
    case model::CommandOp::set_plan: return false;
    case model::CommandOp::add: {
      const auto collection = model::collection_from_name(command.collection);
      return !collection || structural(*collection);
    }
    case model::CommandOp::set:
    case model::CommandOp::remove: {
      const model::Location* at = index.find(command.id);
      return !at || (at->step < 0 && structural(at->collection));  // unknown: let the state's check say so
    }
    case model::CommandOp::batch:
      return std::any_of(command.commands.begin(), command.commands.end(),
                         [&](const model::Command& c) { return changes_structure(index, c); });
  }
  return true;
}

}  // namespace

model::ApplyResult execute(AppState& state, const model::Command& command) {
  if (!state.document || !state.state_plan ||
      !changes_structure(model::PlanIndex(state.document->plan), command)) {
    return change(state, [&](Document& d) { return d.history.execute(d.plan, command); });
  }
  // In a state, the edit must apply to what is shown; it is then kept where
  // the state says (a milestone or an option's step), as one change to undo.
  model::Plan trial = *state.state_plan;
  model::ApplyResult checked = model::apply_command(trial, command);
  if (!checked.ok) return checked;
  const model::Plan& written = state.document->plan;
  const model::PlanIndex index(written);
  const model::Command placed = analysis::place_edit(written, analysis::edit_place(written, state.plan_state), command,
                                                     [&](const std::string& id) { return index.find(id) != nullptr; });
  model::ApplyResult result = change(state, [&](Document& d) { return d.history.execute(d.plan, model::batch_command(model::describe_command(command), {placed})); });
  if (result.ok) result.problems = std::move(checked.problems);  // the edit's own warnings
  return result;
}

void refresh_comparison(AppState& state) {
  if (!state.document || !state.comparison) return;
  const model::Plan& plan = state.document->plan;
  if (!analysis::check_state(plan, state.comparison->left).empty() || !analysis::check_state(plan, state.comparison->right).empty()) {
    state.comparison.reset();  // an option it compared is gone
    return;
  }
  Comparison& comparison = *state.comparison;
  const model::Plan left = analysis::plan_in_state(plan, comparison.left).plan;
  const model::Plan right = analysis::plan_in_state(plan, comparison.right).plan;
  comparison.differences = analysis::plan_differences(left, right);
  comparison.only_left.clear();
  comparison.only_right.clear();
  comparison.changed.clear();
  for (const analysis::Difference& d : comparison.differences) {
    (d.kind == "added" ? comparison.only_right : d.kind == "removed" ? comparison.only_left : comparison.changed).insert(d.id);
  }
  if (!comparison.side_by_side) {
    comparison.scene.reset();
    return;
  }
  const model::Plan both = analysis::plan_union(left, right);
  comparison.scene = state.canvas_view == CanvasView::governance ? layout::build_governance_scene(both, state.governance)
                                                                 : layout::build_layers_scene(both, state.layers);
  // Fit frames the drawing in one half (of the canvas less the docked
  // panel): its bounds widened by as much, about the same middle.
  layout::Rect bounds = comparison.scene->bounds;
  const app::CanvasState& canvas = state.canvas;
  const double width = std::max(canvas.viewport.size.x, 1.0);
  const double half_width = std::max(width - comparison_panel_width * canvas.viewport.pixel_ratio, width * 0.3) * 0.5;
  const double grow = (bounds.size().x * width / half_width - bounds.size().x) * 0.5;
  bounds.min.x -= grow;
  bounds.max.x += grow;
  if (!bounds.empty()) state.canvas.content_bounds = bounds;
}

void open_comparison(AppState& state, analysis::PlanState left, analysis::PlanState right) {
  state.comparison.emplace();
  state.comparison->left = std::move(left);
  state.comparison->right = std::move(right);
  state.node_drag.reset();
  state.flow_draft.reset();
  state.unit_drag.reset();
  refresh_comparison(state);
  if (state.comparison) fit_content(state.canvas, state.now_seconds);
}

bool focus_compared(AppState& state, const std::string& id) {
  if (!state.comparison || !state.comparison->scene) return false;
  for (const layout::Item& item : state.comparison->scene->items) {
    if (item.id != id) continue;
    state.selected = id;
    state.also_selected.clear();
    const glm::dvec2 half = glm::max(item.bounds.size() * 0.75, glm::dvec2{300.0, 170.0});
    // Framed within one half, with its surroundings: as wide again.
    focus_on(state.canvas, {item.bounds.center() - glm::dvec2{half.x * 2.0, half.y}, item.bounds.center() + glm::dvec2{half.x * 2.0, half.y}},
             state.now_seconds);
    return true;
  }
  return false;
}

void close_comparison(AppState& state) {
  if (!state.comparison) return;
  state.comparison.reset();
  refresh_scene(state);  // "fit" frames the view shown again
  fit_content(state.canvas, state.now_seconds);
}

void set_plan_state(AppState& state, analysis::PlanState plan_state) {
  if (!state.document) return;
  const model::Plan before = shown_plan(state);
  state.plan_state = std::move(plan_state);
  state.node_drag.reset();
  state.flow_draft.reset();
  state.unit_drag.reset();
  plan_changed(state);
  // What this move changed, to mark on the canvas.
  StepChanges changes;
  changes.at = state.now_seconds;
  for (const analysis::Difference& d : analysis::plan_differences(before, shown_plan(state))) {
    if (d.kind == "added") changes.added.insert(d.id);
    else if (d.kind == "changed") changes.changed.insert(d.id);
    else ++changes.removed;
    changes.sentences.push_back(d.sentence);
  }
  state.step_changes = std::move(changes);
  if (!state.canvas.reduce_motion) state.animate_until = state.now_seconds + step_pulse_seconds;
}

model::ApplyResult undo(AppState& state) {
  return change(state, [](Document& d) { return d.history.can_undo() ? d.history.undo(d.plan) : failed("there is nothing to undo"); });
}

model::ApplyResult redo(AppState& state) {
  return change(state, [](Document& d) { return d.history.can_redo() ? d.history.redo(d.plan) : failed("there is nothing to redo"); });
}

model::ApplyResult move_unit(AppState& state, const std::string& id, const std::string& new_parent) {
  if (!state.document) return failed("no plan is open: open one with openPlan first");
  const auto name_of = [&](const std::string& unit_id) {
    for (const model::Unit& unit : shown_plan(state).units) {
      if (unit.id == unit_id) return unit.name;
    }
    return unit_id;
  };
  const std::string label = "move \"" + name_of(id) + "\" to \"" + name_of(new_parent) + "\"";
  return execute(state, model::batch_command(label, {model::set_command(id, "parent", model::Json(new_parent))}));
}

model::ApplyResult move_units(AppState& state, const std::vector<std::string>& ids, const std::string& new_parent) {
  if (ids.size() == 1) return move_unit(state, ids.front(), new_parent);
  const model::Unit* target = find_unit(state, new_parent);
  std::vector<model::Command> moves;
  for (const std::string& id : ids) moves.push_back(model::set_command(id, "parent", model::Json(new_parent)));
  const std::string label = "move " + std::to_string(ids.size()) + " units to \"" + (target ? target->name : new_parent) + "\"";
  return execute(state, model::batch_command(label, std::move(moves)));
}

std::string download_name(const AppState& state) {
  if (!state.document) return "plan.json";
  const std::string& opened = state.document->file_name;
  if (opened.size() > 5 && opened.substr(opened.size() - 5) == ".json") return opened;
  std::string name;
  for (char c : state.document->plan.name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) name += c;
    else if (c >= 'A' && c <= 'Z') name += static_cast<char>(c - 'A' + 'a');
    else if (!name.empty() && name.back() != '-') name += '-';
    if (name.size() >= 60) {
      // Cut at a whole word.
      if (const auto hyphen = name.rfind('-'); hyphen != std::string::npos && hyphen > 20) name.resize(hyphen);
      break;
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return (name.empty() ? "plan" : name) + ".json";
}

std::optional<std::string> current_plan_text(const AppState& state) {
  if (!state.document) return std::nullopt;
  return io::save_plan(state.document->plan);
}

bool trace_decision(AppState& state, const std::string& function, const std::string& unit) {
  if (!state.document) return false;
  const model::Plan& plan = shown_plan(state);
  const bool known = std::any_of(plan.functions.begin(), plan.functions.end(), [&](const model::Function& f) { return f.id == function; });
  if (!known) {
    state.decision = {};
    return false;
  }
  const bool unit_known = unit.empty() || find_unit(state, unit);
  state.decision.open = true;
  state.decision.function = function;
  state.decision.unit = unit_known ? unit : std::string();
  state.decision.route = analysis::trace_decision(plan, function, state.decision.unit);
  return true;
}

std::set<std::string> decision_route_ids(const AppState& state) {
  std::set<std::string> ids;
  if (!state.decision.open) return ids;
  const analysis::DecisionRoute& route = state.decision.route;
  ids.insert(route.holders.begin(), route.holders.end());
  ids.insert(route.deciders.begin(), route.deciders.end());
  for (const analysis::DecisionStep& step : route.steps) {
    ids.insert(step.from);
    ids.insert(step.to);
    if (!step.flow.empty()) ids.insert(step.flow);
  }
  // The holders' own "holds" are not lines; the bodies they act through are on the route already.
  return ids;
}

}  // namespace app
