// Times the governance view's layout of the national plan, for scripts/bench:
//   governance_bench [RUNS] [--graph OUT.json]
// prints one JSON object: the graph's size, the crossings, and the median,
// fastest and slowest time in milliseconds to build the view (graph,
// layout and scene) over RUNS runs (default 5). --graph also writes the
// graph as {nodes: [{id, width, height}], edges: [{id, source, target}]}
// (target drawn above source) for the same layout by dagre and elkjs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli/national_plan.hpp"
#include "layout/governance_scene.hpp"
#include "model/json.hpp"

int main(int argc, char** argv) {
  int runs = 5;
  std::string graph_file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--graph" && i + 1 < argc) graph_file = argv[++i];
    else runs = std::max(1, std::atoi(argv[i]));
  }
  const model::Plan plan = cli::national_plan(1);
  std::vector<double> times;
  layout::Scene scene;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    scene = layout::build_governance_scene(plan);
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  const layout::GovernanceGraph graph = layout::governance_graph(plan);
  if (!graph_file.empty()) {
    model::Json nodes = model::Json::array();
    model::Json edges = model::Json::array();
    for (std::size_t i = 0; i < graph.blocks.boxes.size(); ++i) {
      nodes.push_back({{"id", graph.ids[i]}, {"width", graph.blocks.boxes[i].x}, {"height", graph.blocks.boxes[i].y}});
    }
    for (std::size_t e = 0; e < graph.blocks.links.size(); ++e) {
      edges.push_back({{"id", "e" + std::to_string(e)}, {"source", graph.ids[graph.blocks.links[e].from]}, {"target", graph.ids[graph.blocks.links[e].to]}});
    }
    std::ofstream(graph_file) << model::Json{{"nodes", nodes}, {"edges", edges}}.dump();
  }
  layout::count_unknown_crossings(scene);
  const model::Json result = {{"nodes", graph.blocks.boxes.size()}, {"edges", graph.blocks.links.size()}, {"crossings", *scene.crossings},
                              {"inputOrderCrossings", *scene.input_order_crossings}, {"runs", runs},
                              {"median", times[times.size() / 2]}, {"min", times.front()}, {"max", times.back()}};
  std::puts(result.dump().c_str());
  return 0;
}
