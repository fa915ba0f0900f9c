// window.planner for readers (viewer_api.hpp).
#include "app/viewer_api.hpp"

#include <algorithm>
#include <cctype>

#include "analysis/decision_rights.hpp"
#include "analysis/glossary.hpp"
#include "analysis/plan_state.hpp"
#include "app/state_api.hpp"
#include "layout/outline.hpp"

namespace app {

using model::Json;

namespace {

Json failure(const std::string& message) { return {{"ok", false}, {"messages", Json::array({message})}}; }

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The name an entry goes by in the plan shown ("" if it has none).
std::string entry_name(const model::Plan& plan, const std::string& id) {
  for (const auto& u : plan.units) if (u.id == id) return u.name;
  for (const auto& o : plan.organisations) if (o.id == id) return o.name;
  for (const auto& b : plan.bodies) if (b.id == id) return b.name;
  for (const auto& p : plan.posts) if (p.id == id) return p.title;
  for (const auto& p : plan.programmes) if (p.id == id) return p.name;
  for (const auto& f : plan.flows) if (f.id == id) return f.label;
  return "";
}

const char* view_name(const AppState& state) { return state.canvas_view == CanvasView::governance ? "governance" : "layers"; }

Json line_json(const layout::Scene& scene, std::size_t i) {
  const layout::Item& item = scene.items[i];
  return {{"id", item.id}, {"role", item.role}, {"text", item.label}};
}

// A node with its lines, and its children down to `depth` more levels
// (children null beyond: ask for them with outline({under: id})).
Json node_json(const layout::Scene& scene, const layout::OutlineNode& node, int depth) {
  const layout::Item& item = scene.items[node.item];
  Json lines = Json::array();
  for (std::size_t i : node.lines) lines.push_back(line_json(scene, i));
  Json children = Json::array();
  if (depth > 0) {
    for (const layout::OutlineNode& child : node.children) children.push_back(node_json(scene, child, depth - 1));
  }
  const bool more = depth <= 0 && !node.children.empty();
  return {{"id", item.id}, {"role", item.role}, {"kind", item.kind}, {"text", item.label}, {"lines", std::move(lines)},
          {"children", more ? Json(nullptr) : std::move(children)}, {"count", node.children.size()}};
}

// Outlines of up to this many entries are given whole; larger ones (England)
// two levels at a time.
constexpr std::size_t whole_outline_limit = 4000;

// The items that hold `id`, outermost first (a practice's PCN, place, system).
std::vector<std::size_t> holders_of(const layout::Scene& scene, const std::string& id) {
  std::vector<std::size_t> path;
  for (std::size_t i = 0; i < scene.items.size();) {
    const layout::Item& item = scene.items[i];
    if (item.id == id && item.role != "group") return path;  // (a group's id is its host's: the host is not within itself)
    const std::size_t end = std::max(item.end, i + 1);
    bool inside = false;
    for (std::size_t j = i + 1; j < end; ++j) {
      if (scene.items[j].id == id) {
        inside = true;
        break;
      }
    }
    if (inside) {
      if (item.id != id) path.push_back(i);  // a group stands for its host
      ++i;  // look inside
    } else {
      i = end;
    }
  }
  return {};
}

}  // namespace

namespace {

const char* mode_name(Mode mode) { return mode == Mode::view ? "view" : mode == Mode::embed ? "embed" : "edit"; }

}  // namespace

Json mode_api(AppState& state, const Json&) { return mode_name(state.mode); }

const std::vector<analysis::GlossaryTerm>& plan_glossary(AppState& state) {
  if (!state.document) return analysis::nhs_glossary();
  const std::string made_for = std::to_string(state.document->generation) + "/" + std::to_string(state.document->revision) + "/" +
                               state.plan_state.option + "/" + analysis::format_state_date(state.plan_state);
  if (state.glossary.made_for != made_for) state.glossary = {made_for, analysis::glossary_for(shown_plan(state))};
  return state.glossary.terms;
}

Json shown_state_json(const AppState& state) {
  Json shown = state_json(state.plan_state);
  shown["view"] = view_name(state);
  shown["selected"] = state.selected.empty() ? Json(nullptr) : Json(state.selected);
  shown["revision"] = state.document ? state.document->revision : 0;
  shown["generation"] = state.document ? state.document->generation : 0;
  shown["mode"] = mode_name(state.mode);
  shown["theme"] = state.theme == Theme::dark ? "dark" : state.theme == Theme::high_contrast ? "high-contrast" : "light";  // the page's panels follow it
  return shown;
}

Json outline_api(AppState& state, const Json& args) {
  const layout::Scene* scene = active_scene(state);
  if (!state.document || !scene) return failure("no plan is open: open one with openPlan first");
  const std::vector<layout::OutlineNode> outline = layout::outline_of(*scene);
  std::size_t total = 0;
  for (const layout::OutlineNode& node : outline) total += node.size();
  int depth = total <= whole_outline_limit ? 1000 : 2;
  if (args.is_object() && args.contains("depth") && args["depth"].is_number_integer()) depth = std::max(0, args["depth"].get<int>());
  Json nodes = Json::array();
  if (args.is_object() && args.contains("under") && args["under"].is_string()) {
    const layout::OutlineNode* under = layout::find_in_outline(outline, *scene, args["under"].get<std::string>());
    if (!under) return failure("there is nothing with that id in the view shown");
    for (const layout::OutlineNode& child : under->children) nodes.push_back(node_json(*scene, child, depth - 1));
  } else {
    for (const layout::OutlineNode& node : outline) nodes.push_back(node_json(*scene, node, depth - 1));
  }
  const model::Plan& plan = shown_plan(state);
  return {{"ok", true}, {"messages", Json::array()}, {"view", view_name(state)},
          {"title", analysis::state_title(state.document->plan, state.plan_state)}, {"entries", total},
          {"planName", plan.name}, {"nodes", std::move(nodes)}};
}

Json describe_api(AppState& state, const Json& args) {
  const layout::Scene* scene = active_scene(state);
  if (!state.document || !scene) return failure("no plan is open: open one with openPlan first");
  if (!args.is_string()) return failure("describe expects the id of something in the view shown");
  const std::string id = args.get<std::string>();
  const std::vector<layout::OutlineNode> outline = layout::outline_of(*scene);
  const layout::OutlineNode* node = layout::find_in_outline(outline, *scene, id);
  const layout::Item* line = nullptr;
  if (!node) {
    for (const layout::Item& item : scene->items) {
      if (item.id == id && !item.from.empty()) line = &item;
    }
    if (!line) return failure("there is nothing with that id in the view shown: " + id);
  }
  const model::Plan& plan = shown_plan(state);
  const layout::Item& item = node ? scene->items[node->item] : *line;
  Json answer = {{"ok", true}, {"messages", Json::array()}, {"id", id}, {"role", item.role}, {"name", entry_name(plan, id)}, {"text", item.label}};
  Json within = Json::array();
  for (std::size_t i : holders_of(*scene, id)) within.push_back({{"id", scene->items[i].id}, {"name", entry_name(plan, scene->items[i].id)}});
  answer["within"] = std::move(within);
  // Its lines in words: those that start here, then those that end here.
  Json lines = Json::array();
  if (node) {
    for (std::size_t i : node->lines) lines.push_back(scene->items[i].label);
    for (const layout::Item& other : scene->items) {
      if (other.to == id && other.from != id && !other.label.empty()) lines.push_back(other.label);
    }
  }
  answer["lines"] = std::move(lines);
  const std::string decides = analysis::decision_rights_of(plan, id);
  answer["decides"] = decides.empty() ? Json(nullptr) : Json(decides);
  // The terms its words use, explained.
  const std::vector<analysis::GlossaryTerm>& glossary = plan_glossary(state);
  std::string words = item.label;
  for (const Json& sentence : answer["lines"]) words += " " + sentence.get<std::string>();
  if (!decides.empty()) words += " " + decides;
  Json terms = Json::array();
  for (const analysis::GlossaryTerm* term : analysis::terms_in(words, glossary)) terms.push_back({{"term", term->term}, {"meaning", term->meaning}});
  answer["terms"] = std::move(terms);
  return answer;
}

Json glossary_api(AppState& state, const Json& args) {
  if (!args.is_null() && !args.is_string()) return failure("glossary expects nothing, or a text whose terms to explain");
  const std::vector<analysis::GlossaryTerm>& glossary = plan_glossary(state);
  Json terms = Json::array();
  const auto add = [&](const analysis::GlossaryTerm& term) {
    terms.push_back({{"term", term.term}, {"meaning", term.meaning}, {"fromPlan", term.from_plan}});
  };
  if (args.is_string()) {
    for (const analysis::GlossaryTerm* term : analysis::terms_in(args.get<std::string>(), glossary)) add(*term);
  } else {
    for (const analysis::GlossaryTerm& term : glossary) add(term);
  }
  return terms;
}

Json find_in_view_api(AppState& state, const Json& args) {
  if (!args.is_string()) return failure("findInView expects the text to look for");
  const layout::Scene* scene = active_scene(state);
  Json found = Json::array();
  const std::string wanted = lower(args.get<std::string>());
  if (!scene || wanted.find_first_not_of(' ') == std::string::npos) return found;
  constexpr std::size_t most = 50;
  std::set<std::string> seen;
  for (const layout::Item& item : scene->items) {
    if (item.role == "band" || item.role == "group" || !item.from.empty()) continue;
    if (lower(item.label).find(wanted) == std::string::npos && lower(item.id).find(wanted) == std::string::npos) continue;
    if (!seen.insert(item.id).second) continue;
    found.push_back({{"id", item.id}, {"role", item.role}, {"name", entry_name(shown_plan(state), item.id)}, {"text", item.label}});
    if (found.size() == most) break;
  }
  return found;
}

Json decision_table_api(AppState& state, const Json&) {
  if (!state.document) return failure("no plan is open: open one with openPlan first");
  const model::Plan& plan = shown_plan(state);
  Json rows = Json::array();
  for (const model::Function& function : plan.functions) {
    const analysis::DecisionRoute route = analysis::trace_decision(plan, function.id);
    Json deciders = Json::array();
    for (const std::string& id : route.deciders) {
      const std::string name = entry_name(plan, id);
      deciders.push_back(name.empty() ? id : name);
    }
    rows.push_back({{"function", function.id}, {"name", function.name}, {"decidedBy", std::move(deciders)}, {"sentence", route.sentence}});
  }
  return {{"ok", true}, {"messages", Json::array()}, {"rows", std::move(rows)}};
}

Json text_alternative_api(AppState& state, const Json&) {
  const layout::Scene* scene = active_scene(state);
  if (!state.document || !scene) return failure("no plan is open: open one with openPlan first");
  const std::string title = analysis::state_title(state.document->plan, state.plan_state);
  const std::vector<layout::OutlineNode> outline = layout::outline_of(*scene);
  const bool governance = state.canvas_view == CanvasView::governance;
  // The short one: what the picture is of, with its size ("… in the future of …", not "in The future").
  const std::string of = title.rfind("The ", 0) == 0 ? "the " + title.substr(4) : title;
  std::size_t boxes = 0;
  std::size_t lines = 0;
  for (const layout::Item& item : scene->items) {
    if (!item.from.empty()) ++lines;
    else if (item.role != "band" && item.role != "group") ++boxes;
  }
  std::string summary = governance ? "Diagram of who decides what in " + of + ": " + std::to_string(boxes) + " organisations, bodies and posts, and " +
                                         std::to_string(lines) + " lines between them."
                                   : "Diagram of the population served in " + of + ": " + std::to_string(boxes) + " areas and practices, each sized by its population.";
  // The long one: the outline in sentences, two levels deep.
  std::string description = summary;
  const auto sentence = [](const std::string& label) { return label.empty() || label.back() == '.' ? label : label + "."; };
  for (const layout::OutlineNode& node : outline) {
    description += "\n\n" + sentence(scene->items[node.item].label);
    for (const layout::OutlineNode& child : node.children) {
      description += "\n- " + sentence(scene->items[child.item].label);
      for (std::size_t line : child.lines) description += "\n  - " + sentence(scene->items[line].label);
      if (!governance && !child.children.empty()) description += " It has " + std::to_string(child.children.size()) + " parts.";
    }
    for (std::size_t line : node.lines) description += "\n- " + sentence(scene->items[line].label);
  }
  return {{"ok", true}, {"messages", Json::array()}, {"title", title}, {"summary", summary}, {"description", description}};
}

Json panel_at_api(AppState& state, const Json& args) {
  if (!args.is_object() || !args.contains("x") || !args.contains("y") || !args["x"].is_number() || !args["y"].is_number()) {
    return failure("panelAt expects {x, y} in CSS pixels from the canvas's top left");
  }
  const glm::dvec2 at{args["x"].get<double>(), args["y"].get<double>()};
  for (const layout::Rect& panel : state.panels) {
    if (at.x >= panel.min.x && at.x <= panel.max.x && at.y >= panel.min.y && at.y <= panel.max.y) return true;
  }
  return false;
}

}  // namespace app
