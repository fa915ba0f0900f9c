#include "analysis/plan_tables.hpp"

#include <map>

#include "analysis/decision_rights.hpp"
#include "analysis/population.hpp"
#include "model/enums.hpp"

namespace analysis {

namespace {

using Row = std::vector<std::string>;

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
  return text;
}

std::string number(const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : std::string(); }

template <class E>
std::string name_of(E value) { return std::string(model::to_name(value)); }

template <class E>
std::string name_of(const std::optional<E>& value) { return value ? name_of(*value) : std::string(); }

std::string band_name(BandStatus status) {
  switch (status) {
    case BandStatus::inside: return "inside";
    case BandStatus::below: return "below";
    case BandStatus::above: return "above";
    case BandStatus::no_population: return "no-population";
    case BandStatus::no_band: break;
  }
  return "no-band";
}

// Names by id for every unit, organisation, body and post: flows and lists read better with them.
std::map<std::string, std::string, std::less<>> names_by_id(const model::Plan& plan) {
  std::map<std::string, std::string, std::less<>> names;
  for (const auto& unit : plan.units) names[unit.id] = unit.name;
  for (const auto& organisation : plan.organisations) names[organisation.id] = organisation.name;
  for (const auto& body : plan.bodies) names[body.id] = body.name;
  for (const auto& post : plan.posts) names[post.id] = post.title;
  for (const auto& programme : plan.programmes) names[programme.id] = programme.name;
  for (const auto& function : plan.functions) names[function.id] = function.name;
  return names;
}

PlanTable units_table(const model::Plan& plan) {
  PlanTable table{"units", {"id", "name", "layer", "code", "parent", "registered_population", "rollup", "population", "band", "units_inside"}, {}};
  const std::vector<UnitPopulation> populations = population_rollup(plan);
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Unit& unit = plan.units[i];
    const UnitPopulation& population = populations[i];
    table.rows.push_back({unit.id, unit.name, name_of(unit.layer), unit.code, unit.parent, number(population.own),
                          number(population.rollup), number(population.effective()), band_name(population.band),
                          std::to_string(population.children)});
  }
  return table;
}

PlanTable organisations_table(const model::Plan& plan) {
  PlanTable table{"organisations", {"id", "name", "short_name", "kind", "code", "statutory", "partnership", "tier", "status", "area", "successor"}, {}};
  for (const model::Organisation& o : plan.organisations) {
    table.rows.push_back({o.id, o.name, o.short_name, name_of(o.kind), o.code, o.statutory ? "yes" : "no",
                          name_of(o.partnership), name_of(o.tier), name_of(o.status), joined(o.area), o.successor});
  }
  return table;
}

PlanTable bodies_table(const model::Plan& plan) {
  PlanTable table{"bodies", {"id", "name", "short_name", "kind", "level", "status", "hosts", "footprint", "members", "voting_members", "voting_rule", "successor", "purpose"}, {}};
  for (const model::Body& b : plan.bodies) {
    std::int64_t voting = 0;
    for (const model::Member& member : b.members) voting += member.voting ? member.seats : 0;
    table.rows.push_back({b.id, b.name, b.short_name, name_of(b.kind), name_of(b.level), name_of(b.status), joined(b.hosts),
                          joined(b.footprint), std::to_string(b.members.size()), std::to_string(voting),
                          b.voting ? name_of(b.voting->method) : std::string(), b.successor, b.purpose});
  }
  return table;
}

PlanTable posts_table(const model::Plan& plan) {
  PlanTable table{"posts", {"id", "title", "role", "organisations", "holder"}, {}};
  for (const model::Post& p : plan.posts) table.rows.push_back({p.id, p.title, name_of(p.role), joined(p.organisations), p.holder});
  return table;
}

PlanTable flows_table(const model::Plan& plan) {
  PlanTable table{"flows", {"id", "kind", "from", "from_name", "to", "to_name", "functions", "label"}, {}};
  const auto names = names_by_id(plan);
  const auto name = [&](const std::string& id) {
    const auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
  };
  for (const model::Flow& f : plan.flows) {
    std::vector<std::string> functions;
    for (const std::string& id : f.functions) functions.push_back(name(id));
    table.rows.push_back({f.id, name_of(f.kind), f.from, name(f.from), f.to, name(f.to), joined(functions), f.label});
  }
  return table;
}

PlanTable functions_table(const model::Plan& plan) {
  PlanTable table{"functions", {"id", "name", "level", "service_tier", "covers", "max_population", "held_by", "decided_by"}, {}};
  const auto names = names_by_id(plan);
  const auto named = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> list;
    for (const std::string& id : ids) {
      const auto found = names.find(id);
      list.push_back(found == names.end() ? id : found->second);
    }
    return joined(list);
  };
  for (const model::Function& f : plan.functions) {
    const DecisionRoute route = trace_decision(plan, f.id);
    table.rows.push_back({f.id, f.name, name_of(f.level), f.service_tier, joined(f.covers), number(f.max_population),
                          named(route.holders), named(route.deciders)});
  }
  return table;
}

}  // namespace

const std::vector<std::string_view>& plan_table_names() {
  static const std::vector<std::string_view> names = {"units", "organisations", "bodies", "posts", "flows", "functions"};
  return names;
}

std::optional<PlanTable> plan_table(const model::Plan& plan, std::string_view name) {
  if (name == "units") return units_table(plan);
  if (name == "organisations") return organisations_table(plan);
  if (name == "bodies") return bodies_table(plan);
  if (name == "posts") return posts_table(plan);
  if (name == "flows") return flows_table(plan);
  if (name == "functions") return functions_table(plan);
  return std::nullopt;
}

}  // namespace analysis
