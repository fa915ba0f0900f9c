#include "app/api.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include "model/json.hpp"
#include <vector>

#include "app/canvas_control.hpp"
#include "app/governance_edits.hpp"
#include "app/governance_folding.hpp"
#include "app/import_flow.hpp"
#include "app/keeping_api.hpp"
#include "app/export_api.hpp"
#include "app/state_api.hpp"
#include "app/viewer_api.hpp"
#include "app/unit_edits.hpp"
#include "app/plan_document.hpp"
#include "analysis/decision_rights.hpp"
#include "analysis/population.hpp"
#include "analysis/search.hpp"
#include "layout/camera.hpp"
#include "model/command.hpp"
#include "model/json_text.hpp"
#include "model/version.hpp"

namespace app {

namespace {

using json = model::Json;  // one JSON type in the whole module keeps the wasm small
using Messages = std::vector<std::string>;

json failure(const Messages& messages) { return {{"ok", false}, {"messages", messages}}; }
json success() { return {{"ok", true}, {"messages", json::array()}}; }

json camera_json(const layout::Camera& camera) {
  return {{"x", camera.center.x}, {"y", camera.center.y}, {"zoom", camera.zoom}};
}

// Reads an optional finite number from an object, recording a message when
// the field is there but unusable.
std::optional<double> optional_number(const json& object, const char* name, Messages& messages) {
  if (!object.contains(name)) return std::nullopt;
  const json& value = object[name];
  if (!value.is_number() || !std::isfinite(value.get<double>())) {
    messages.push_back(std::string(name) + " must be a finite number");
    return std::nullopt;
  }
  return value.get<double>();
}

const char* theme_name(Theme theme) {
  switch (theme) {
    case Theme::light: return "light";
    case Theme::dark: return "dark";
    case Theme::high_contrast: return "high-contrast";
  }
  return "light";
}

std::optional<Theme> theme_from_name(const std::string& name) {
  if (name == "light") return Theme::light;
  if (name == "dark") return Theme::dark;
  if (name == "high-contrast") return Theme::high_contrast;
  return std::nullopt;
}

json set_camera_api(AppState& state, const json& args) {
  if (!args.is_object()) return failure({"setCamera expects an object such as {x: 0, y: 0, zoom: 1}"});
  Messages messages;
  layout::Camera camera = target_camera(state.canvas);
  if (auto x = optional_number(args, "x", messages)) camera.center.x = *x;
  if (auto y = optional_number(args, "y", messages)) camera.center.y = *y;
  if (auto zoom = optional_number(args, "zoom", messages)) {
    if (*zoom <= 0.0) messages.push_back("zoom must be greater than 0");
    camera.zoom = *zoom;
  }
  if (!messages.empty()) return failure(messages);
  set_camera(state.canvas, camera);
  return success();
}

json zoom_at_api(AppState& state, const json& args) {
  Messages messages;
  if (!args.is_object()) return failure({"zoomAt expects {x, y, factor}"});
  const auto x = optional_number(args, "x", messages);
  const auto y = optional_number(args, "y", messages);
  const auto factor = optional_number(args, "factor", messages);
  if (!x || !y || !factor || *factor <= 0.0) messages.push_back("zoomAt needs x, y and a factor above 0");
  if (!messages.empty()) return failure(messages);
  // x and y arrive in CSS pixels from the canvas's top-left corner.
  const double ratio = state.canvas.viewport.pixel_ratio;
  zoom_at(state.canvas, glm::dvec2(*x, *y) * ratio, *factor);
  return success();
}

json pan_by_api(AppState& state, const json& args) {
  Messages messages;
  if (!args.is_object()) return failure({"panBy expects {dx, dy}"});
  const auto dx = optional_number(args, "dx", messages);
  const auto dy = optional_number(args, "dy", messages);
  if (!messages.empty()) return failure(messages);
  pan_by(state.canvas, glm::dvec2(dx.value_or(0.0), dy.value_or(0.0)) * state.canvas.viewport.pixel_ratio);
  return success();
}

json set_theme_api(AppState& state, const json& args) {
  if (!args.is_string()) return failure({"setTheme expects \"light\", \"dark\" or \"high-contrast\""});
  const auto theme = theme_from_name(args.get<std::string>());
  if (!theme) return failure({"unknown theme \"" + args.get<std::string>() + "\": use light, dark or high-contrast"});
  state.theme = *theme;
  return success();
}

json problems_json(const model::Problems& problems) {
  json messages = json::array();
  json detailed = json::array();
  for (const model::Problem& problem : problems.list) {
    messages.push_back(model::format_problem(problem));
    detailed.push_back({{"severity", problem.severity == model::Severity::error ? "error" : "warning"},
                        {"path", problem.path},
                        {"message", problem.message}});
  }
  json answer = json::object();  // moved in: a national plan's advice is some 3,000 of each
  answer["messages"] = std::move(messages);
  answer["problems"] = std::move(detailed);
  return answer;
}

// What problems_json(problems) with "ok" writes, written straight out: a
// national plan opens with some 3,000 pieces of advice, twice (as lines and
// as objects), and building them as JSON values first cost more than the text.
std::string problems_answer_text(const model::Problems& problems, bool ok) {
  std::string out = "{\"messages\":[";
  for (std::size_t i = 0; i < problems.list.size(); ++i) {
    if (i > 0) out += ',';
    model::append_json_string(out, model::format_problem(problems.list[i]));
  }
  out += "],\"problems\":[";
  for (std::size_t i = 0; i < problems.list.size(); ++i) {
    const model::Problem& problem = problems.list[i];
    out += i > 0 ? ",{\"severity\":" : "{\"severity\":";
    out += problem.severity == model::Severity::error ? "\"error\"" : "\"warning\"";
    out += ",\"path\":";
    model::append_json_string(out, problem.path);
    out += ",\"message\":";
    model::append_json_string(out, problem.message);
    out += '}';
  }
  out += ok ? "],\"ok\":true}" : "],\"ok\":false}";
  return out;
}

// openPlan(text) or openPlan({text, name, report}): report shows the result
// in the page (the file picker asks for that; host pages usually do not).
json open_plan_api(AppState& state, const json& args) {
  std::string text;
  std::string name;
  bool report = false;
  if (args.is_string()) {
    text = args.get<std::string>();
  } else if (args.is_object() && args.contains("text") && args["text"].is_string()) {
    text = args["text"].get<std::string>();
    if (args.contains("name") && args["name"].is_string()) name = args["name"].get<std::string>();
    report = args.contains("report") && args["report"] == true;
  } else {
    return failure({"openPlan expects the plan's JSON text"});
  }
  return json::parse(open_plan_answer(state, text, name, report));
}

// openFailed({name, message}): the page could not fetch a plan (an example,
// later a published plan); the report says so, the open plan stays.
json open_failed_api(AppState& state, const json& args) {
  if (!args.is_object() || !args.contains("message") || !args["message"].is_string()) {
    return failure({"openFailed expects {name, message}"});
  }
  model::Problems problems;
  problems.error("", args["message"].get<std::string>());
  const std::string name = args.contains("name") && args["name"].is_string() ? args["name"].get<std::string>() : "";
  state.open_report = {true, false, name, std::move(problems)};
  return success();
}

json no_plan() { return failure({"no plan is open: open one with openPlan first"}); }

json with_result(const model::ApplyResult& result) {
  json answer = problems_json(result.problems);
  answer["ok"] = result.ok;
  return answer;
}

// apply(command): one change, as in a plan file's milestones, recorded for undo.
json apply_api(AppState& state, const json& args) {
  if (!state.document) return no_plan();
  model::Problems problems;
  const auto command = model::read_command(args, problems, "");
  if (!command) {
    json answer = problems_json(problems);
    answer["ok"] = false;
    return answer;
  }
  return with_result(execute(state, *command));
}

json undo_api(AppState& state, const json&) { return with_result(undo(state)); }
json redo_api(AppState& state, const json&) { return with_result(redo(state)); }

// The units' methods take a unit's id, as text.
std::optional<std::size_t> unit_index(const AppState& state, const json& args) {
  if (!state.document || !args.is_string()) return std::nullopt;
  const auto& units = shown_plan(state).units;
  const std::string id = args.get<std::string>();
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].id == id) return i;
  }
  return std::nullopt;
}

json no_unit(const json& args) {
  return failure({args.is_string() ? "there is no unit \"" + args.get<std::string>() + "\" in the open plan"
                                   : std::string("give the unit's id, as text")});
}

const char* band_name(analysis::BandStatus band) {
  switch (band) {
    case analysis::BandStatus::inside: return "inside";
    case analysis::BandStatus::below: return "below";
    case analysis::BandStatus::above: return "above";
    case analysis::BandStatus::no_population: return "no-population";
    case analysis::BandStatus::no_band: break;
  }
  return "no-band";
}

json optional_count(std::optional<std::int64_t> value) { return value ? json(*value) : json(nullptr); }

// unit(id): a unit as the layers view shows it.
json unit_api(AppState& state, const json& args) {
  const auto index = unit_index(state, args);
  if (!index) return no_unit(args);
  const model::Unit& unit = shown_plan(state).units[*index];
  const analysis::UnitPopulation p = analysis::population_rollup(shown_plan(state))[*index];
  json answer = {{"ok", true}, {"id", unit.id}, {"name", unit.name}, {"layer", model::to_name(unit.layer)}, {"code", unit.code},
                 {"parent", unit.parent.empty() ? json(nullptr) : json(unit.parent)}, {"population", optional_count(p.own)},
                 {"rollup", optional_count(p.rollup)}, {"effective", optional_count(p.effective())}, {"band", band_name(p.band)}};
  if (const layout::Scene* scene = layers_scene(state)) {
    for (const layout::Item& item : scene->items) {
      if (item.id == unit.id) answer["label"] = item.label;
    }
  }
  return answer;
}

// unitBounds(id): where the unit is drawn now, in CSS pixels from the canvas's top left.
json unit_bounds_api(AppState& state, const json& args) {
  const layout::Scene* scene = layers_scene(state);
  if (!unit_index(state, args) || !scene) return no_unit(args);
  const CanvasState& canvas = state.canvas;
  for (const layout::Item& item : scene->items) {
    if (item.id != args.get<std::string>()) continue;
    const double ratio = canvas.viewport.pixel_ratio;
    const glm::dvec2 min = (layout::world_to_screen(canvas.camera, canvas.viewport, item.bounds.min)) / ratio;
    const glm::dvec2 max = (layout::world_to_screen(canvas.camera, canvas.viewport, item.bounds.max)) / ratio;
    return {{"ok", true}, {"x", min.x}, {"y", min.y}, {"width", max.x - min.x}, {"height", max.y - min.y}};
  }
  return no_unit(args);
}

bool governance_entity(const AppState& state, const json& args) {
  if (!state.document || !args.is_string()) return false;
  const std::string id = args.get<std::string>();
  const model::Plan& plan = shown_plan(state);
  const auto has = [&](const auto& list) { return std::any_of(list.begin(), list.end(), [&](const auto& e) { return e.id == id; }); };
  if (has(plan.organisations) || has(plan.bodies) || has(plan.posts) || has(plan.flows) || has(plan.programmes)) return true;
  // A box the view draws that is no plan entry: a folded set, a list of posts.
  return state.governance_scene && std::any_of(state.governance_scene->items.begin(), state.governance_scene->items.end(),
                                               [&](const layout::Item& item) { return item.id == id && item.role != "band"; });
}

json rect_json(const CanvasState& canvas, const layout::Rect& world) {
  const double ratio = canvas.viewport.pixel_ratio;
  const glm::dvec2 min = layout::world_to_screen(canvas.camera, canvas.viewport, world.min) / ratio;
  const glm::dvec2 max = layout::world_to_screen(canvas.camera, canvas.viewport, world.max) / ratio;
  return {{"ok", true}, {"x", min.x}, {"y", min.y}, {"width", max.x - min.x}, {"height", max.y - min.y}};
}

json show_view_api(AppState& state, const json& args) {
  const std::string name = args.is_string() ? args.get<std::string>() : "";
  if (name == "layers") show_view(state, CanvasView::layers);
  else if (name == "governance") show_view(state, CanvasView::governance);
  else return failure({"showView expects \"layers\" or \"governance\""});
  return success();
}

// visibleItems(): what the canvas drew in its last frame, with the words it
// showed and their height, in CSS pixels from the canvas's top left.
json visible_items_api(AppState& state, const json&) {
  json items = json::array();
  const layout::Scene* scene = active_scene(state);
  if (!scene) return items;
  for (const ShownItem& shown : state.shown) {
    if (shown.item >= scene->items.size()) continue;
    const layout::Item& item = scene->items[shown.item];
    json entry = rect_json(state.canvas, item.bounds);
    entry.erase("ok");
    entry["id"] = item.id;
    entry["role"] = item.role;
    entry["text"] = shown.text;
    entry["textPx"] = shown.text_px;
    entry["parent"] = item.parent.empty() ? json(nullptr) : json(item.parent);
    items.push_back(entry);
  }
  return items;
}

// governance(): the governance view as laid out now, in world units.
json governance_api(AppState& state, const json&) {
  if (!state.document) return failure({"no plan is open: open one with openPlan first"});
  show_view(state, CanvasView::governance);
  layout::count_unknown_crossings(*state.governance_scene);
  const layout::Scene& scene = *state.governance_scene;
  json nodes = json::array();
  json flows = json::array();
  json groups = json::array();
  json bands = json::array();
  for (std::size_t i = 0; i < scene.items.size(); ++i) {
    const layout::Item& item = scene.items[i];
    const layout::Rect& b = item.bounds;
    const json box = {{"x", b.min.x}, {"y", b.min.y}, {"width", b.size().x}, {"height", b.size().y}};
    if (item.role == "band") {
      bands.push_back({{"id", item.id}, {"level", item.kind}, {"y", b.min.y}, {"height", b.size().y}});
    } else if (item.role == "group") {
      // Its bodies: the boxes inside it other than its host's.
      json members = json::array();
      for (std::size_t inside = i + 1; inside < item.end; inside = scene.items[inside].end) {
        if (scene.items[inside].parent == item.id) members.push_back(scene.items[inside].id);
      }
      json group = {{"id", item.id}, {"members", members}, {"level", item.level}};
      group.update(box);
      groups.push_back(group);
    } else if (item.role == "flow" || item.role == "membership") {
      json points = json::array();
      for (glm::dvec2 p : scene.shapes[item.first_shape].points) points.push_back({p.x, p.y});
      json flow = {{"id", item.id}, {"role", item.role}, {"kind", item.kind}, {"from", item.from}, {"to", item.to}, {"label", item.label},
                   {"points", points}};
      if (item.shape_count > 1) {
        const layout::Rect& l = scene.shapes[item.first_shape + 1].rect;
        flow["labelBox"] = {{"x", l.min.x}, {"y", l.min.y}, {"width", l.size().x}, {"height", l.size().y}};
        flow["text"] = scene.shapes[item.first_shape + 2].text;
      }
      if (!item.stands_for.empty()) flow["count"] = item.stands_for.size(), flow["flows"] = item.stands_for;
      flows.push_back(flow);
    } else {
      json node = {{"id", item.id}, {"role", item.role}, {"kind", item.kind}, {"label", item.label}, {"level", item.level}};
      if (item.folded) node["folded"] = true, node["holds"] = item.stands_for;
      node.update(box);
      if (!item.parent.empty()) node["parent"] = item.parent;
      nodes.push_back(node);
    }
  }
  return {{"ok", true}, {"nodes", nodes}, {"flows", flows}, {"groups", groups}, {"bands", bands},
          {"only", state.governance.only.empty() ? json(nullptr) : json(state.governance.only)}, {"crossings", *scene.crossings},
          {"inputOrderCrossings", *scene.input_order_crossings}, {"layoutMs", state.governance_layout_ms},
          {"layoutKept", layout_kept(state)}};
}

// itemBounds(id): where a unit, or a governance box or line, is drawn now (CSS pixels from the canvas's top left).
json item_bounds_api(AppState& state, const json& args) {
  if (!args.is_string()) return failure({"give the id, as text"});
  const layout::Scene* scene = active_scene(state);
  if (scene) {
    for (const layout::Item& item : scene->items) {
      if (item.id == args.get<std::string>()) return rect_json(state.canvas, item.bounds);
    }
  }
  return failure({"\"" + args.get<std::string>() + "\" is not drawn in the view shown now"});
}

json set_governance_filters_api(AppState& state, const json& args) {
  if (!args.is_object()) return failure({"setGovernanceFilters expects {hiddenFlows, hiddenOrganisations, hiddenLevels, memberLines, only}"});
  layout::GovernanceOptions options;
  Messages messages;
  const auto names = [&](const char* field, auto& out, auto parse) {
    if (!args.contains(field)) return;
    if (!args[field].is_array()) return messages.push_back(std::string(field) + " must be a list of names");
    for (const json& name : args[field]) {
      const auto value = name.is_string() ? parse(name.get<std::string>()) : std::nullopt;
      if (value) out.insert(*value);
      else messages.push_back(std::string(field) + ": unknown name " + name.dump());
    }
  };
  names("hiddenFlows", options.hidden_flows, [](const std::string& n) { return model::from_name<model::FlowKind>(n); });
  names("hiddenOrganisations", options.hidden_organisations, [](const std::string& n) { return model::from_name<model::OrganisationKind>(n); });
  names("hiddenLevels", options.hidden_bands, [](const std::string& n) -> std::optional<int> {
    for (int band = 0; band <= layout::national_band; ++band) {
      if (layout::band_label(band) == n || (n == "pcn" && band == model::layer_rank(model::Layer::pcn))) return band;
    }
    return std::nullopt;
  });
  if (args.contains("memberLines")) {
    if (!args["memberLines"].is_boolean()) messages.push_back("memberLines must be true or false");
    else options.member_lines = args["memberLines"].get<bool>();
  }
  if (args.contains("only")) {
    if (args["only"].is_null()) options.only.clear();
    else if (!args["only"].is_string() || !governance_entity(state, args["only"])) messages.push_back("only must be the id of a box in the governance view, or null");
    else options.only = args["only"].get<std::string>();
  }
  if (!messages.empty()) return failure(messages);
  options.folded = state.governance.folded;  // folding is not a filter: it stays
  const bool refit = options.only != state.governance.only;  // a new drawing of a part: shown whole
  state.governance = options;
  refresh_governance(state);
  if (refit) fit_content(state.canvas, state.now_seconds);
  return success();
}

// decide(function, unit): who decides a function, for whom, by what route.
json decide_api(AppState& state, const json& args) {
  if (!state.document) return failure({"no plan is open: open one with openPlan first"});
  const json query = args.is_array() && !args.empty() ? args[0] : args;
  const std::string unit = args.is_array() && args.size() > 1 && args[1].is_string() ? args[1].get<std::string>() : "";
  if (!query.is_string()) return failure({"decide expects a function's id or words of its name"});
  const model::Plan& plan = shown_plan(state);
  if (!unit.empty() && !find_unit(state, unit)) return failure({"there is no unit \"" + unit + "\" in the open plan"});
  const auto matches = analysis::match_functions(plan, query.get<std::string>());
  if (matches.size() != 1) {
    Messages messages = {matches.empty() ? "no function is called \"" + query.get<std::string>() + "\""
                                         : "\"" + query.get<std::string>() + "\" matches " + std::to_string(matches.size()) + " functions: give one of their ids"};
    for (std::size_t i : matches) messages.push_back(plan.functions[i].id + ": " + plan.functions[i].name);
    return failure(messages);
  }
  trace_decision(state, plan.functions[matches.front()].id, unit);
  show_view(state, CanvasView::governance);
  const analysis::DecisionRoute& route = state.decision.route;
  json steps = json::array();
  for (const analysis::DecisionStep& step : route.steps) {
    steps.push_back({{"flow", step.flow.empty() ? json(nullptr) : json(step.flow)}, {"from", step.from}, {"to", step.to},
                     {"certainty", model::to_name(step.certainty)}});
  }
  return {{"ok", true}, {"messages", json::array()}, {"function", route.function}, {"decided", route.decided()}, {"sentence", route.sentence},
          {"holders", route.holders}, {"deciders", route.deciders}, {"keptBy", route.kept_by}, {"route", steps}};
}

json select_api(AppState& state, const json& args) {
  if (args.is_null()) {
    state.selected.clear();
    state.also_selected.clear();
    return success();
  }
  if (governance_entity(state, args)) {
    state.selected = args.get<std::string>();
    state.also_selected.clear();
    return success();
  }
  if (!unit_index(state, args)) return no_unit(args);
  state.selected = args.get<std::string>();
  state.also_selected.clear();
  return success();
}

json focus_api(AppState& state, const json& args) {
  if (governance_entity(state, args)) {
    if (!focus_item(state, args.get<std::string>())) return failure({"\"" + args.get<std::string>() + "\" is hidden by the governance filters"});
    return success();
  }
  if (!unit_index(state, args) || !state.layers_scene) return no_unit(args);
  focus_unit(state, args.get<std::string>());
  return success();
}

// fold(id) / unfold(id): shows a unit as one block, or its insides again;
// in the governance view, a group (its host's id) or a set of like boxes.
json fold_api(AppState& state, const json& args, bool folded) {
  if (args.is_string() && !unit_index(state, args)) {
    const std::string id = args.get<std::string>();
    if (fold_governance(state, id, folded)) return success();
    if (state.document) {
      return failure({folded ? "\"" + id + "\" is neither a unit, nor a group of the governance view (a host's id), nor a set of like boxes (set/LEVEL/KIND)"
                             : "\"" + id + "\" is not folded"});
    }
  }
  if (!unit_index(state, args)) return no_unit(args);
  set_folded(state, args.get<std::string>(), folded);
  return success();
}

// search(text): units whose name or code contains the text, best first.
json search_api(AppState& state, const json& args) {
  if (!args.is_string()) return failure({"search expects the text to look for"});
  json results = json::array();
  if (state.document) {
    for (std::size_t i : analysis::find_units(shown_plan(state), args.get<std::string>())) {
      const model::Unit& unit = shown_plan(state).units[i];
      results.push_back({{"id", unit.id}, {"name", unit.name}, {"layer", model::to_name(unit.layer)}, {"code", unit.code}});
    }
  }
  return results;
}

// previewImport([{name, text}...]): reads NHS files and shows what importing them would do.
json preview_import_api(AppState& state, const json& args) {
  std::vector<NamedText> files;
  if (args.is_array()) {
    for (const json& file : args) {
      if (file.is_object() && file.contains("text") && file["text"].is_string()) {
        files.push_back({file.contains("name") && file["name"].is_string() ? file["name"].get<std::string>() : "file.csv",
                         file["text"].get<std::string>()});
      }
    }
  }
  if (files.empty()) return failure({"previewImport expects a list of files: [{name, text}]"});
  const bool read = preview_import(state, files);
  const PendingImport& pending = state.pending_import;
  json answer = {{"ok", read && pending.imported > 0}, {"files", pending.files}, {"summary", pending.summary}, {"imported", pending.imported}};
  answer["messages"] = read ? (pending.imported > 0 ? json::array() : json::array({"nothing in these files could be imported"}))
                            : json::array({pending.error});
  return answer;
}

using Handler = std::function<json(AppState&, const json&)>;

struct Method {
  Handler handler;
  bool changes_view;  // reading methods must not wake the idle page
};

const std::map<std::string, Method, std::less<>>& methods() {
  static const std::map<std::string, Method, std::less<>> table = {
      {"version", {[](AppState&, const json&) { return json(std::string(model::planner_version())); }, false}},
      {"view", {[](AppState& s, const json&) { return json(s.view); }, false}},
      {"camera", {[](AppState& s, const json&) { return camera_json(s.canvas.camera); }, false}},
      {"setCamera", {set_camera_api, true}},
      {"zoomAt", {zoom_at_api, true}},
      {"panBy", {pan_by_api, true}},
      {"fit", {[](AppState& s, const json&) { fit_content(s.canvas, s.now_seconds); return success(); }, true}},
      {"theme", {[](AppState& s, const json&) { return json(theme_name(s.theme)); }, false}},
      {"setTheme", {set_theme_api, true}},
      {"openPlan", {open_plan_api, true}},
      {"openFailed", {open_failed_api, true}},
      {"keepingStatus", {keeping_status_api, true}},
      {"markSaved", {mark_saved_api, true}},
      {"renamedPlanText", {renamed_plan_text_api, false}},
      {"saveName", {save_name_api, false}},
      {"exportSvg", {export_svg_api, false}},
      {"exportPicture", {export_picture_api, false}},
      {"pictureSize", {picture_size_api, false}},
      {"exportCsv", {export_csv_api, false}},
      {"apply", {apply_api, true}},
      {"undo", {undo_api, true}},
      {"unit", {unit_api, false}},
      {"unitBounds", {unit_bounds_api, false}},
      {"select", {select_api, true}},
      {"selection", {[](AppState& s, const json&) { return s.selected.empty() ? json(nullptr) : json(s.selected); }, false}},
      {"selectedUnits", {[](AppState& s, const json&) {
         json ids = json::array();
         if (!s.selected.empty()) ids.push_back(s.selected);
         for (const std::string& id : s.also_selected) ids.push_back(id);
         return ids;
       }, false}},
      {"focus", {focus_api, true}},
      {"fold", {[](AppState& s, const json& a) { return fold_api(s, a, true); }, true}},
      {"unfold", {[](AppState& s, const json& a) { return fold_api(s, a, false); }, true}},
      {"setCommissioners", {[](AppState& s, const json& a) {
         if (!a.is_boolean()) return failure({"setCommissioners expects true or false"});
         s.layers.commissioners = a.get<bool>();
         refresh_scene(s);
         return success();
       }, true}},
      {"search", {search_api, false}},
      {"showView", {show_view_api, true}},
      {"decide", {decide_api, true}},
      {"closeDecision", {[](AppState& s, const json&) { s.decision = {}; return success(); }, true}},
      {"decisionRights", {[](AppState& s, const json& a) {
         const std::string text = s.document && a.is_string() ? analysis::decision_rights_of(shown_plan(s), a.get<std::string>()) : "";
         if (text.empty()) return failure({"give the id of a body or an organisation in the open plan"});
         return json{{"ok", true}, {"messages", json::array()}, {"sentence", text}};
       }, false}},
      {"governanceChecks", {[](AppState& s, const json&) { return problems_json(s.governance_advice)["problems"]; }, false}},
      {"currentView", {[](AppState& s, const json&) { return json(s.canvas_view == CanvasView::governance ? "governance" : "layers"); }, false}},
      {"governance", {governance_api, true}},
      {"itemBounds", {item_bounds_api, false}},
      {"visibleItems", {visible_items_api, false}},
      {"setGovernanceFilters", {set_governance_filters_api, true}},
      {"layOutAgain", {[](AppState& s, const json&) {
         if (!s.document) return failure({"no plan is open: open one with openPlan first"});
         show_view(s, CanvasView::governance);
         lay_out_again(s);
         return success();
       }, true}},
      {"deletePreview", {[](AppState& s, const json& a) {
         const auto plan = a.is_string() ? plan_delete_node(s, a.get<std::string>()) : std::nullopt;
         if (!plan) return failure({"there is no organisation, body, post or flow with that id"});
         return json{{"ok", true}, {"statement", plan->statement}, {"label", plan->label}};
       }, false}},
      {"previewImport", {preview_import_api, true}},
      {"confirmImport", {[](AppState& s, const json&) { return with_result(confirm_import(s)); }, true}},
      {"unsavedChanges", {[](AppState& s, const json&) { return json(s.document && s.document->unsaved()); }, false}},
      // For the page's autosave: which plan is open and how many changes it has had.
      {"documentState", {[](AppState& s, const json&) {
         if (!s.document) return json{{"open", false}};
         return json{{"open", true}, {"generation", s.document->generation}, {"revision", s.document->revision}, {"name", shown_plan(s).name},
                     {"fileName", s.document->file_name}};
       }, false}},
      {"edit", {[](AppState& s, const json& a) {
         json answer = apply_api(s, a);
         return json{{"ok", answer["ok"]}, {"messages", answer["messages"]}};
       }, true}},
      {"checks", {[](AppState& s, const json&) { return problems_json(s.advice)["problems"]; }, false}},
      {"redo", {redo_api, true}},
      {"lastOpenReport", {[](AppState& s, const json&) {
         json answer = problems_json(s.open_report.problems);
         answer["ok"] = s.open_report.opened;
         answer["name"] = s.open_report.file_name;
         return answer;
       }, false}},
      {"currentPlan", {[](AppState& s, const json&) {
         const auto text = current_plan_text(s);
         return text ? json(*text) : json(nullptr);
       }, false}},
      {"options", {options_api, false}},
      {"showOption", {show_option_api, true}},
      {"timeline", {timeline_api, false}},
      {"showDate", {show_date_api, true}},
      {"state", {state_api, false}},
      {"compare", {[](AppState& s, const json& a) { return compare_api(s, a); }, true}},
      {"closeCompare", {close_compare_api, true}},
      {"appraisal", {appraisal_api, false}},
      {"mode", {mode_api, false}},
      {"outline", {outline_api, false}},
      {"describe", {describe_api, false}},
      {"glossary", {glossary_api, false}},
      {"findInView", {find_in_view_api, false}},
      {"textAlternative", {text_alternative_api, false}},
      {"decisionTable", {decision_table_api, false}},
      {"panelAt", {panel_at_api, false}},
      {"shown", {[](AppState& s, const json&) { return shown_state_json(s); }, false}},
      // From the page, when the reader's prefers-reduced-motion setting changes.
      {"setReducedMotion", {[](AppState& s, const json& a) {
         if (!a.is_boolean()) return failure({"setReducedMotion expects true or false"});
         s.canvas.reduce_motion = a.get<bool>();
         return success();
       }, true}},
      {"frameCount", {[](AppState& s, const json&) { return json(s.frames_drawn); }, false}},
      // For scripts/bench: the last open's steps, in milliseconds.
      {"openTimes", {[](AppState& s, const json&) {
         const AppState::OpenTimes& t = s.open_times;
         return json{{"parse", t.parse_ms}, {"read", t.read_ms}, {"validate", t.validate_ms}, {"advice", t.advice_ms},
                     {"views", t.views_ms}, {"total", t.total_ms}};
       }, false}},
      // For scripts/bench: the last change's steps, in milliseconds (the governance layout is within views).
      {"editTimes", {[](AppState& s, const json&) {
         return json{{"advice", s.change_times.advice_ms}, {"views", s.change_times.views_ms}, {"governanceLayout", s.governance_layout_ms}};
       }, false}},
      {"frameTimes", {[](AppState& s, const json&) {
         json times = {{"build", s.frame_build_ms}, {"submit", s.frame_submit_ms}, {"fromGpu", s.frame_from_gpu}};
         s.frame_build_ms.clear();
         s.frame_submit_ms.clear();
         s.frame_from_gpu.clear();
         return times;
       }, false}},
      // For scripts/bench and tests: big views' boxes and lines kept on the GPU (true, the default), every
      // view's ("always"), or every shape drawn each frame (false).
      {"keepOnGpu", {[](AppState& s, const json& a) {
         if (a == "always") s.keep_on_gpu = KeepOnGpu::always;
         else if (a.is_boolean()) s.keep_on_gpu = a.get<bool>() ? KeepOnGpu::big_views : KeepOnGpu::never;
         else return failure({"keepOnGpu expects true, false or \"always\""});
         return success();
       }, true}},
  };
  return table;
}

}  // namespace

std::string open_plan_answer(AppState& state, std::string_view text, std::string name, bool report) {
  OpenResult opened = report ? open_plan_file(state, text, name) : open_plan_text(state, text, name);
  state.redraw_requested = true;
  return problems_answer_text(opened.problems, opened.ok);
}

std::string call_api(AppState& state, std::string_view method, std::string_view arguments_json) {
  const auto& table = methods();
  const auto found = table.find(method);
  if (found == table.end()) {
    return failure({"unknown method \"" + std::string(method) + "\""}).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  json arguments = arguments_json.empty() ? json() : json::parse(arguments_json, nullptr, false);
  if (arguments.is_discarded()) return failure({"arguments are not valid JSON"}).dump();
  json answer = found->second.handler(state, arguments);
  if (found->second.changes_view) state.redraw_requested = true;
  std::string text;
  model::append_json(text, answer, -1);
  return text;
}

}  // namespace app
