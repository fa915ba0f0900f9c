#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/plan.hpp"

namespace analysis {

// Counts per kind of entry and population per layer, for planner-cli stats
// and the status bar.
struct PlanStats {
  std::vector<std::pair<std::string, std::size_t>> counts;  // ("units", 24), ... every collection
  struct LayerLine {
    model::Layer layer;
    std::size_t units = 0;
    std::int64_t population = 0;      // sum of each unit's effective population
    std::size_t without_population = 0;
  };
  std::vector<LayerLine> layers;  // only layers the plan uses, smallest first
};

PlanStats plan_stats(const model::Plan& plan);

// "24 units · 30 organisations · 12 bodies · 41 flows": the non-empty main
// collections, for one line of text.
std::string summary_line(const model::Plan& plan);

}  // namespace analysis
