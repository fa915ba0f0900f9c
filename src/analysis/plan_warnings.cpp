#include "analysis/plan_warnings.hpp"

#include "analysis/plan_at.hpp"
#include "analysis/population.hpp"

#include <string_view>

#include "model/id_map.hpp"

namespace analysis {

namespace {

// Each message is written into one string: England warns of thousands.
void band_warnings(const model::Plan& plan, model::Problems& problems) {
  const std::vector<UnitPopulation> populations = population_rollup(plan);
  const auto band_in_words = band_words(plan.bands);  // worded once
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Unit& unit = plan.units[i];
    const UnitPopulation& population = populations[i];
    if (population.band != BandStatus::below && population.band != BandStatus::above) continue;
    const std::string& band = band_in_words[static_cast<std::size_t>(unit.layer)];
    std::string message;
    message.reserve(unit.name.size() + band.size() + 100);
    model::append_quoted(message, unit.name);
    message += population.own ? " has a population of " : " has no population of its own and its parts add up to ";
    message += format_count(population.own ? *population.own : *population.rollup);
    message += population.band == BandStatus::below ? ", below the " : ", above the ";
    message += model::to_label(unit.layer);
    message += " band of ";
    message += band;
    problems.warning(model::pointer_join("/units", i), std::move(message));
  }
}

void practices_in_no_pcn(const model::Plan& plan, model::Problems& problems) {
  model::IdMap<model::Layer> layers;  // views of the plan's ids, which outlive this
  layers.reserve(plan.units.size());
  for (const model::Unit& unit : plan.units) layers.try_emplace(unit.id, unit.layer);
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Unit& unit = plan.units[i];
    if (unit.layer != model::Layer::practice) continue;
    const model::Layer* parent = layers.find(unit.parent);
    if (parent && *parent == model::Layer::pcn) continue;
    problems.warning(model::pointer_join("/units", i),
                     model::quote_text(unit.name) + " is a GP practice in no Primary Care Network");
  }
}

// Two units with one official code are usually one unit entered twice.
void duplicate_codes(const model::Plan& plan, model::Problems& problems) {
  model::IdMap<std::size_t> first;
  first.reserve(plan.units.size());
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Unit& unit = plan.units[i];
    if (unit.code.empty()) continue;
    const auto [at, inserted] = first.try_emplace(unit.code, i);
    if (inserted) continue;
    problems.warning(model::pointer_join("/units", i), model::quote_text(unit.name) + " has the code " + model::quote_text(unit.code) +
                                                           ", as " + model::quote_text(plan.units[*at].name) + " at " +
                                                           model::pointer_join("/units", *at) + " does");
  }
}

// A PCN with no practices and no figure of its own counts as no people.
void empty_pcns(const model::Plan& plan, model::Problems& problems) {
  model::IdSet with_practices;
  for (const model::Unit& unit : plan.units) {
    if (unit.layer == model::Layer::practice) with_practices.insert(unit.parent);
  }
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const model::Unit& unit = plan.units[i];
    if (unit.layer != model::Layer::pcn || unit.registered_population || with_practices.contains(unit.id)) continue;
    problems.warning(model::pointer_join("/units", i),
                     model::quote_text(unit.name) + " is a Primary Care Network with no practices and no population of its own");
  }
}

}  // namespace

model::Problems plan_warnings(const model::Plan& plan) { return plan_warnings(plan, check_all_changes(plan)); }

model::Problems plan_warnings(const model::Plan& plan, const model::Problems& changes) {
  model::Problems problems = unit_warnings(plan);
  for (const model::Problem& problem : changes.list) problems.warning(problem.path, problem.message);
  return problems;
}

model::Problems unit_warnings(const model::Plan& plan) {
  model::Problems problems;
  band_warnings(plan, problems);
  practices_in_no_pcn(plan, problems);
  duplicate_codes(plan, problems);
  empty_pcns(plan, problems);
  return problems;
}

}  // namespace analysis
