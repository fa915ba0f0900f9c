#include "app/unit_edits.hpp"

#include <set>
#include <vector>

#include "app/plan_document.hpp"
#include "model/fields.hpp"
#include "model/plan_index.hpp"
#include "app/find_entry.hpp"

namespace app {

namespace {

model::ApplyResult failed(std::string message) {
  model::ApplyResult result;
  result.problems.error("", std::move(message));
  return result;
}

std::optional<model::Layer> layer_below(model::Layer layer) {
  switch (layer) {
    case model::Layer::region: return model::Layer::system;
    case model::Layer::system: return model::Layer::place;
    case model::Layer::place: return model::Layer::pcn;
    case model::Layer::pcn: return model::Layer::practice;
    case model::Layer::practice: return model::Layer::community;
    case model::Layer::community: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

const model::Unit* find_unit(const AppState& state, const std::string& id) {
  if (!state.document) return nullptr;
  return find_entry(shown_plan(state).units, id);
}

std::size_t count_children(const AppState& state, const std::string& id) {
  std::size_t count = 0;
  if (state.document) {
    for (const model::Unit& unit : shown_plan(state).units) count += unit.parent == id ? 1 : 0;
  }
  return count;
}

model::ApplyResult rename_unit(AppState& state, const std::string& id, const std::string& name) {
  return execute(state, model::set_command(id, "name", model::Json(name)));
}

model::ApplyResult set_unit_code(AppState& state, const std::string& id, const std::string& code) {
  return execute(state, model::set_command(id, "code", code.empty() ? model::Json(nullptr) : model::Json(code)));
}

model::ApplyResult set_unit_population(AppState& state, const std::string& id, std::optional<std::int64_t> population) {
  return execute(state, model::set_command(id, "registeredPopulation", population ? model::Json(*population) : model::Json(nullptr)));
}

model::ApplyResult add_unit_inside(AppState& state, const std::string& parent) {
  const model::Unit* container = find_unit(state, parent);
  if (!container) return failed("there is no unit \"" + parent + "\" to add to");
  const std::optional<model::Layer> layer = layer_below(container->layer);
  if (!layer) return failed("nothing goes inside a community unit");
  const std::string stem(model::to_name(*layer));
  std::string id;
  const model::PlanIndex index(shown_plan(state));
  for (int n = 1; id.empty() || index.find(id); ++n) id = stem + "-" + std::to_string(n);
  const std::string name = "New " + std::string(*layer == model::Layer::pcn ? "PCN" : model::to_label(*layer));
  model::Unit unit;
  unit.id = id;
  unit.name = name;
  unit.layer = *layer;
  unit.parent = parent;
  model::ApplyResult result = execute(state, model::add_command("units", model::write_object(unit)));
  if (result.ok) state.selected = id, state.also_selected.clear();
  return result;
}

model::ApplyResult delete_unit(AppState& state, const std::string& id) {
  const model::Unit* unit = find_unit(state, id);
  if (!unit) return failed("there is no unit \"" + id + "\" to delete");
  // The unit and its descendants, found level by level; removed deepest first.
  const std::string parent = unit->parent;
  const std::string name = unit->name;
  std::vector<std::string> order = {id};
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (const model::Unit& u : shown_plan(state).units) {
      if (u.parent == order[i]) order.push_back(u.id);
    }
  }
  std::vector<model::Command> commands;
  for (auto it = order.rbegin(); it != order.rend(); ++it) commands.push_back(model::remove_command(*it));
  const std::string label = order.size() == 1 ? "delete \"" + name + "\""
                                              : "delete \"" + name + "\" and the " + std::to_string(order.size() - 1) + " units inside it";
  model::ApplyResult result = execute(state, model::batch_command(label, std::move(commands)));
  if (result.ok) state.selected = parent, state.also_selected.clear();
  return result;
}

}  // namespace app
