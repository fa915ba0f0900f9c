#include "analysis/plan_stats.hpp"

#include "analysis/population.hpp"
#include "model/collections.hpp"

namespace analysis {

PlanStats plan_stats(const model::Plan& plan) {
  PlanStats stats;
  model::for_each_collection(plan, [&](const model::CollectionInfo& info, const auto& items) {
    stats.counts.emplace_back(std::string(info.name), items.size());
  });
  const std::vector<UnitPopulation> populations = population_rollup(plan);
  for (const auto& entry : model::enum_names<model::Layer>()) {
    PlanStats::LayerLine line{entry.value};
    for (std::size_t i = 0; i < plan.units.size(); ++i) {
      if (plan.units[i].layer != entry.value) continue;
      ++line.units;
      if (const auto value = populations[i].effective()) line.population += *value;
      else ++line.without_population;
    }
    if (line.units > 0) stats.layers.push_back(line);
  }
  return stats;
}

std::string summary_line(const model::Plan& plan) {
  const std::pair<std::size_t, const char*> parts[] = {
      {plan.units.size(), "unit"},       {plan.organisations.size(), "organisation"},
      {plan.bodies.size(), "body"},      {plan.posts.size(), "post"},
      {plan.flows.size(), "flow"},       {plan.options.size(), "option"},
  };
  std::string line;
  for (const auto& [count, singular] : parts) {
    if (count == 0) continue;
    if (!line.empty()) line += " \xC2\xB7 ";
    std::string word = singular;
    if (count != 1) word = word == "body" ? "bodies" : word + "s";
    line += format_count(static_cast<std::int64_t>(count)) + " " + word;
  }
  return line.empty() ? "empty" : line;
}

}  // namespace analysis
