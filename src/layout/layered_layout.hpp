#pragma once
// A layered drawing of a directed graph (the Sugiyama framework): nodes in
// rows, every edge pointing up where it can, crossings reduced, edges routed
// through the gaps between nodes so that none passes over a node. Used by
// the governance view, where accountability flows upward; knows nothing of
// plans. docs/views.md explains the steps and their guarantees.
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
  std::size_t to = 0;              // drawn above `from`, unless bands or a cycle say otherwise
  glm::dvec2 label_size{0.0, 0.0};  // room for a label on the edge; zero for none
};

struct LayeredOptions {
  double node_gap = 28.0;  // between neighbouring nodes in a row
  double edge_gap = 10.0;  // between edges passing through a row
  double row_gap = 44.0;   // between a row of nodes and the next (halved around a row of labels)
  double max_row_width = 0.0;  // a row wider than this overflows into another; 0: from the nodes' total size
  int max_sweeps = 24;     // crossing-reduction passes; it stops early when they stop helping
  bool reduce_crossings = true;  // false keeps each row in input order (for comparison)
};

struct LayeredDrawing {
  std::vector<Rect> nodes;
  std::vector<int> rows;                        // each node's row, 0 at the bottom (labels sit in odd rows)
  std::vector<std::vector<glm::dvec2>> edges;   // from `from` to `to`; empty for an edge to itself
  std::vector<Rect> labels;                     // each edge's label box (empty when it has none)
  std::vector<bool> downward;                   // edges drawn pointing down (against their band or to break a cycle)
  std::size_t crossings = 0;                    // edge crossings as drawn
  std::size_t input_order_crossings = 0;        // what they would be with every row in input order
  Rect bounds;
};

LayeredDrawing layered_layout(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges,
                              const LayeredOptions& options = {});

}  // namespace layout
