#include "analysis/population.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "model/id_map.hpp"

namespace analysis {

BandStatus band_status(const std::optional<model::Band>& band, std::optional<std::int64_t> population) {
  if (!band || (!band->min && !band->max)) return BandStatus::no_band;
  if (!population) return BandStatus::no_population;
  if (band->min && *population < *band->min) return BandStatus::below;
  if (band->max && *population > *band->max) return BandStatus::above;
  return BandStatus::inside;
}

std::vector<UnitPopulation> population_rollup(const model::Plan& plan) {
  const std::size_t count = plan.units.size();
  model::IdMap<std::size_t> position;  // views of the plan's ids
  position.reserve(count);
  for (std::size_t i = 0; i < count; ++i) position.try_emplace(plan.units[i].id, i);

  std::vector<UnitPopulation> result(count);
  std::vector<std::ptrdiff_t> parent(count, -1);
  for (std::size_t i = 0; i < count; ++i) {
    result[i].own = plan.units[i].registered_population;
    const std::size_t* at = plan.units[i].parent.empty() ? nullptr : position.find(plan.units[i].parent);
    if (at) parent[i] = static_cast<std::ptrdiff_t>(*at);
  }
  // Layers strictly shrink downwards in a valid plan, so handling units from
  // the smallest layer up sums every child before its parent.
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return model::layer_rank(plan.units[a].layer) < model::layer_rank(plan.units[b].layer);
  });
  for (std::size_t i : order) {
    if (parent[i] < 0) continue;
    UnitPopulation& up = result[static_cast<std::size_t>(parent[i])];
    ++up.children;
    if (const auto value = result[i].effective()) up.rollup = up.rollup.value_or(0) + *value;
  }
  for (std::size_t i = 0; i < count; ++i) {
    result[i].band = band_status(model::band_for(plan.bands, plan.units[i].layer), result[i].effective());
  }
  return result;
}

std::string format_count(std::int64_t value) {
  // The magnitude as unsigned, so that the most negative number has one too.
  const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  char digits[24];
  const std::size_t count = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  std::string out;
  out.reserve(count + count / 3 + 1);
  if (value < 0) out += '-';
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::array<std::string, layer_count> band_words(const model::Bands& bands) {
  std::array<std::string, layer_count> words;
  for (const auto& entry : model::enum_names<model::Layer>()) {
    if (const auto& band = model::band_for(bands, entry.value)) words[static_cast<std::size_t>(entry.value)] = describe_band(*band);
  }
  return words;
}

std::string describe_band(const model::Band& band) {
  if (band.min && band.max) return format_count(*band.min) + "\xE2\x80\x93" + format_count(*band.max);
  if (band.min) return format_count(*band.min) + " or more";
  if (band.max) return "up to " + format_count(*band.max);
  return "any size";
}

}  // namespace analysis
