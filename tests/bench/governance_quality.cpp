// The governance drawing's quality, for the comparison with elkjs in
// docs/performance.md (scripts/bench runs it, then tests/bench/layout_compare.mjs --quality):
//   governance_quality PLAN.json...
// prints one JSON line per plan: our drawing's crossings, total line
// length and size, and the graph that elkjs is given: the same top-level
// blocks (a group with its drawn size; what is inside it is left out), with
// their bands, and the lines between them (a bundle is already one line).
#include <cmath>
#include <cstdio>
#include <string>

#include "io/plan_file.hpp"
#include "io/text_file.hpp"
#include "layout/block_layout.hpp"
#include "layout/governance_scene.hpp"
#include "model/json.hpp"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const io::TextFile file = io::read_text_file(argv[i], io::max_plan_bytes);
    const io::LoadResult loaded = file.ok ? io::load_plan(file.text) : io::LoadResult{};
    if (!loaded.plan) {
      std::fprintf(stderr, "governance_quality: %s cannot be read as a plan\n", argv[i]);
      return 2;
    }
    const layout::GovernanceGraph graph = layout::governance_graph(*loaded.plan);
    const layout::BlockDrawing drawing = layout::block_layout(graph.blocks);
    double length = 0.0;
    std::size_t lines = 0;
    for (const auto& line : drawing.links) {
      lines += line.size() >= 2 ? 1 : 0;
      for (std::size_t p = 1; p < line.size(); ++p) length += std::abs(line[p].x - line[p - 1].x) + std::abs(line[p].y - line[p - 1].y);
    }
    std::vector<std::size_t> block_of(graph.blocks.boxes.size(), 0);
    for (std::size_t b = 0; b < graph.blocks.blocks.size(); ++b) {
      for (std::size_t box : graph.blocks.blocks[b].boxes) block_of[box] = b;
    }
    model::Json nodes = model::Json::array();
    for (std::size_t b = 0; b < graph.blocks.blocks.size(); ++b) {
      const layout::Rect& r = drawing.blocks[b];
      nodes.push_back({{"id", "b" + std::to_string(b)}, {"name", graph.ids[graph.blocks.blocks[b].boxes.front()]},
                       {"width", r.size().x}, {"height", r.size().y}, {"band", graph.blocks.blocks[b].band}});
    }
    model::Json edges = model::Json::array();
    for (std::size_t l = 0; l < graph.blocks.links.size(); ++l) {
      const auto& link = graph.blocks.links[l];
      if (block_of[link.from] == block_of[link.to]) continue;  // inside a group: not elkjs's to draw
      edges.push_back({{"id", "e" + std::to_string(l)}, {"source", "b" + std::to_string(block_of[link.from])},
                       {"target", "b" + std::to_string(block_of[link.to])}});
    }
    const model::Json result = {
        {"plan", argv[i]},
        {"ours", {{"blocks", graph.blocks.blocks.size()}, {"lines", lines}, {"crossings", layout::crossings_of(drawing)}, {"length", std::round(length)},
                  {"width", std::round(drawing.bounds.size().x)}, {"height", std::round(drawing.bounds.size().y)}}},
        {"graph", {{"nodes", nodes}, {"edges", edges}}}};
    std::puts(result.dump().c_str());
  }
  return 0;
}
