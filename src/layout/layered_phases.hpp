#pragma once
// Phases of a layered drawing (the Sugiyama framework), used by the
// governance view's block layout (block_layout.hpp): which way each edge
// runs, which row each node goes in, and where nodes sit along a row. Each
// is a small function; tests/unit/layout/block_layout_test.cpp tests them
// through the layout.
#include <cstddef>
#include <optional>
#include <vector>

#include "layout/geometry.hpp"

namespace layout {

struct GraphNode {
  glm::dvec2 size{0.0, 0.0};
  int band = 0;                  // a higher band is always drawn above a lower one
  std::optional<double> hint_x;  // a person's nudge: where its centre goes, as far as its row allows
};

struct GraphEdge {
  std::size_t from = 0;
  std::size_t to = 0;  // drawn above `from`, unless bands or a cycle say otherwise
};

struct LayeredOptions {
  double node_gap = 28.0;  // between neighbouring nodes in a row
  double row_gap = 44.0;   // between a row of nodes and the next
  double max_row_width = 0.0;  // a row wider than this overflows into another; 0: from the nodes' total size
};

// Which way each edge runs once bands are respected and cycles broken:
// true where it must point down. Back edges of a depth-first search within
// a band are turned round, which leaves no cycle.
std::vector<bool> choose_directions(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges);

// Each node's rank: bands stacked bottom to top; within a band, each node
// as low as what points up to it allows, in rows no wider than `row_width`
// (a wide row overflows into the next one up), so that the picture keeps
// a readable shape. Nodes with nothing pointing to them go last, just
// under the lowest node they point at, overflowing downwards.
std::vector<int> assign_ranks(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges,
                              const std::vector<bool>& downward, double row_width, double gap);

// The widest a row should be: about the shape of a landscape page, from
// the room all the nodes need.
double automatic_row_width(const std::vector<GraphNode>& nodes, const LayeredOptions& options);

// Centres for one row of things, left to right, each `width` wide with at
// least `gap[i]` between thing i and i + 1: the weighted least-squares fit
// to `target` under that order and spacing, solved exactly by pooling
// adjacent violators.
std::vector<double> place_in_row(const std::vector<double>& width, const std::vector<double>& gap,
                                 const std::vector<double>& target, const std::vector<double>& weight);

}  // namespace layout
