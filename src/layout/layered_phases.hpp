#pragma once
// Phases of a layered drawing shared by the layouts that draw one
// (layered_layout.cpp for plain graphs, block_layout.cpp for the
// governance view's blocks): which way each edge runs, which row each node
// goes in, and where nodes sit along a row. Each is a small function with
// its own tests (tests/unit/layout/layered_layout_test.cpp).
#include <vector>

#include "layout/layered_layout.hpp"

namespace layout {

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
