#pragma once
// Population roll-ups through the layers, and where each unit stands
// against its layer's band.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

enum class BandStatus { no_band, no_population, below, inside, above };

struct UnitPopulation {
  std::optional<std::int64_t> own;     // the unit's registered population
  std::optional<std::int64_t> rollup;  // the sum of its children's (own, or their roll-up)
  std::size_t children = 0;
  BandStatus band = BandStatus::no_band;

  // What counts for the unit: its own figure, or its roll-up when it has none.
  std::optional<std::int64_t> effective() const { return own ? own : rollup; }
};

// One entry per unit, in plan order. Needs a valid plan (no parent loops).
std::vector<UnitPopulation> population_rollup(const model::Plan& plan);

BandStatus band_status(const std::optional<model::Band>& band, std::optional<std::int64_t> population);

// "12,500": numbers as people read them.
std::string format_count(std::int64_t value);
std::string describe_band(const model::Band& band);  // "1,000–10,000"
// Each layer's band in words, by layer; "" where the plan sets none. Worded
// once for a view or a check that names a band per unit.
inline constexpr std::size_t layer_count = static_cast<std::size_t>(model::Layer::region) + 1;
std::array<std::string, layer_count> band_words(const model::Bands& bands);

}  // namespace analysis
