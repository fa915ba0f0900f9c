#include "layout/block_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/block_phases.hpp"
#include "layout/layered_phases.hpp"

namespace layout {

namespace {

// Each block's size and where its boxes sit inside it: side by side, tops
// level; a group has a frame round them, with room underneath for the
// lines between its own boxes (one track each).
void measure_blocks(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options) {
  const std::size_t count = graph.blocks.size();
  rows.size.assign(count, {0.0, 0.0});
  rows.box_block.assign(graph.boxes.size(), 0);
  rows.box_offset.assign(graph.boxes.size(), {0.0, 0.0});
  rows.intra_margin.assign(count, 0.0);
  for (std::size_t b = 0; b < count; ++b) {
    for (std::size_t box : graph.blocks[b].boxes) rows.box_block[box] = b;
  }
  // Lines inside a group run on the side of its boxes that fewer lines
  // from outside reach, so that they cross as few as can be: lines from
  // below (accountability runs upward) reach a box's bottom.
  std::vector<int> inner_links(count, 0);
  std::vector<int> from_above(count, 0);
  std::vector<int> from_below(count, 0);
  for (const LayoutLink& link : graph.links) {
    const std::size_t a = rows.box_block[link.from];
    const std::size_t b = rows.box_block[link.to];
    if (link.from == link.to) continue;
    if (a == b) {
      ++inner_links[a];
      continue;
    }
    const bool up = graph.blocks[b].band >= graph.blocks[a].band;
    ++(up ? from_above : from_below)[a];  // its line leaves a's top when it goes up
    ++(up ? from_below : from_above)[b];
  }
  rows.inner_on_top.assign(count, false);
  for (std::size_t b = 0; b < count; ++b) {
    const LayoutBlock& block = graph.blocks[b];
    const double pad = block.framed ? options.frame_padding : 0.0;
    double x = pad;
    double height = 0.0;
    for (std::size_t box : block.boxes) {
      rows.box_offset[box] = {x, pad};
      x += graph.boxes[box].x + options.inner_gap;
      height = std::max(height, graph.boxes[box].y);
    }
    if (!block.boxes.empty()) x -= options.inner_gap;
    rows.intra_margin[b] = inner_links[b] > 0 ? options.channel_margin + options.track_gap * inner_links[b] : 0.0;
    rows.size[b] = {x + pad, height + 2.0 * pad + rows.intra_margin[b]};
    if (inner_links[b] > 0 && from_above[b] < from_below[b]) {
      rows.inner_on_top[b] = true;
      for (std::size_t box : block.boxes) rows.box_offset[box].y += rows.intra_margin[b];
    }
  }
}

// The blocks and links as a layered graph (layered_phases), with which way
// each link runs once bands and cycles are seen to.
struct LayeredGraph {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

LayeredGraph direct_links(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options) {
  LayeredGraph layered;
  for (std::size_t b = 0; b < graph.blocks.size(); ++b) layered.nodes.push_back({rows.size[b], graph.blocks[b].band, graph.blocks[b].hint_x});
  for (const LayoutLink& link : graph.links) layered.edges.push_back({rows.box_block[link.from], rows.box_block[link.to]});
  rows.downward = choose_directions(layered.nodes, layered.edges);
  LayeredOptions spacing;
  spacing.node_gap = options.block_gap;
  spacing.max_row_width = options.max_row_width;
  rows.row_width = automatic_row_width(layered.nodes, spacing);
  return layered;
}

// Each row's blocks and band, from each block's row; rows left empty
// (between bands, or by blocks taken away) close up.
void fill_rows(BlockRows& rows, const BlockGraph& graph) {
  std::map<int, int> dense;
  for (int r : rows.row) dense.emplace(r, 0);
  int next = 0;
  for (auto& [r, d] : dense) d = next++;
  for (int& r : rows.row) r = dense[r];
  rows.order.assign(dense.size(), {});
  rows.row_band.assign(dense.size(), 0);
  for (std::size_t b = 0; b < rows.row.size(); ++b) {
    rows.order[static_cast<std::size_t>(rows.row[b])].push_back(b);
    rows.row_band[static_cast<std::size_t>(rows.row[b])] = graph.blocks[b].band;
  }
}

// Phase 1: rows, from the block graph's bands and links (layered_phases).
void assign_rows(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options) {
  const LayeredGraph layered = direct_links(rows, graph, options);
  const std::vector<int> rank = assign_ranks(layered.nodes, layered.edges, rows.downward, rows.row_width, options.block_gap);
  rows.row = rank;
  fill_rows(rows, graph);
}

// Whether every link between two blocks of a band still runs from a lower
// row to a higher one (or the other way, where it points down), as the
// routes between rows need.
bool rows_hold(const BlockRows& rows, const LayeredGraph& layered) {
  for (std::size_t e = 0; e < layered.edges.size(); ++e) {
    const GraphEdge& edge = layered.edges[e];
    if (edge.from == edge.to) continue;
    const std::size_t lo = rows.downward[e] ? edge.to : edge.from;
    const std::size_t hi = rows.downward[e] ? edge.from : edge.to;
    if (layered.nodes[lo].band == layered.nodes[hi].band && rows.row[hi] <= rows.row[lo]) return false;
  }
  return true;
}

constexpr std::size_t readable_boxes = 400;

}  // namespace

BlockDrawing block_layout(const BlockGraph& graph, const BlockOptions& options, BlockPlaces* places) {
  BlockRows rows;
  measure_blocks(rows, graph, options);
  assign_rows(rows, graph, options);
  // A drawing of a readable size is judged by routing it: fewest crossings,
  // then the shortest lines. A large one by how far its lines run sideways.
  OrderScore score;
  if (graph.boxes.size() <= readable_boxes) {
    score = [&](const BlockRows& candidate) {
      BlockRows smoothed = candidate;
      smooth(smoothed, graph, options);
      const BlockDrawing trial = route_and_stack(smoothed, graph, options);
      return drawing_cost(trial);
    };
  }
  order_and_place(rows, graph, options, score);
  if (places) {
    places->graph = graph;
    places->row = rows.row;
    places->x = rows.x;
    places->width.resize(rows.size.size());
    for (std::size_t b = 0; b < rows.size.size(); ++b) places->width[b] = rows.size[b].x;
  }
  BlockDrawing drawing = route_and_stack(rows, graph, options);
  drawing.rows = rows.row;
  return drawing;
}

std::optional<BlockDrawing> block_layout_keeping(const BlockGraph& graph, const BlockPlaces& places, const BlockOptions& options) {
  if (graph.blocks.size() != places.graph.blocks.size()) return std::nullopt;
  std::vector<std::optional<std::size_t>> was(graph.blocks.size());
  for (std::size_t b = 0; b < graph.blocks.size(); ++b) {
    if (graph.blocks[b].boxes != places.graph.blocks[b].boxes) return std::nullopt;
    was[b] = b;
  }
  return block_layout_keeping(graph, places, was, options);
}

std::optional<BlockDrawing> block_layout_keeping(const BlockGraph& graph, const BlockPlaces& places,
                                                 const std::vector<std::optional<std::size_t>>& was, const BlockOptions& options) {
  // The blocks that were placed keep their band and frame; a new nudge
  // moves its block along its row, but a nudge forgotten (Put back in
  // place) needs a fresh layout, as the places kept were made with it.
  const std::size_t count = graph.blocks.size();
  std::vector<bool> nudged(count, false);
  for (std::size_t b = 0; b < count; ++b) {
    if (!was[b]) continue;
    const LayoutBlock& now = graph.blocks[b];
    const LayoutBlock& then = places.graph.blocks[*was[b]];
    if (now.band != then.band || now.framed != then.framed) return std::nullopt;
    if (now.hint_x == then.hint_x) continue;
    if (!now.hint_x) return std::nullopt;
    nudged[b] = true;
  }
  // Each band's top row, where a new block goes (a body is answered to
  // from below), at the row's right-hand end.
  std::map<int, int> top_row;
  for (std::size_t a = 0; a < places.row.size(); ++a) {
    int& top = top_row.try_emplace(places.graph.blocks[a].band, places.row[a]).first->second;
    top = std::max(top, places.row[a]);
  }
  std::map<int, double> row_end;
  for (std::size_t a = 0; a < places.row.size(); ++a) {
    const double right = places.x[a] + places.width[a] * 0.5;
    const auto [at, added] = row_end.try_emplace(places.row[a], right);
    if (!added) at->second = std::max(at->second, right);
  }
  BlockRows rows;
  measure_blocks(rows, graph, options);
  const LayeredGraph layered = direct_links(rows, graph, options);
  rows.row.assign(count, 0);
  rows.x.assign(count, 0.0);
  std::vector<double> wanted(count, 0.0);  // where each block would go: where it was, where it was nudged to, or a row's end
  std::vector<bool> moved_row;
  for (std::size_t b = 0; b < count; ++b) {
    if (was[b]) {
      rows.row[b] = places.row[*was[b]];
      rows.x[b] = wanted[b] = places.x[*was[b]];
    } else {
      const auto top = top_row.find(graph.blocks[b].band);
      if (top == top_row.end()) return std::nullopt;  // a band with no row yet
      rows.row[b] = top->second;
      double& end = row_end[top->second];
      rows.x[b] = wanted[b] = end + options.block_gap + rows.size[b].x * 0.5;
      end += options.block_gap + rows.size[b].x;
    }
    if (graph.blocks[b].hint_x) wanted[b] = *graph.blocks[b].hint_x;
  }
  if (!rows_hold(rows, layered)) return std::nullopt;
  fill_rows(rows, graph);
  for (std::size_t r = 0; r < rows.order.size(); ++r) {
    std::vector<std::size_t>& order = rows.order[r];
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows.x[a] < rows.x[b]; });
    const bool moved = std::any_of(order.begin(), order.end(), [&](std::size_t b) {
      return !was[b] || nudged[b] || rows.size[b].x != places.width[*was[b]];
    });
    if (!moved) continue;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return wanted[a] < wanted[b]; });
    std::vector<double> target;
    std::vector<double> weight;
    for (std::size_t b : order) {
      target.push_back(wanted[b]);
      weight.push_back(graph.blocks[b].hint_x ? nudge_weight : 1.0);
    }
    // A row that still fits where its blocks want to be stays exactly there
    // (a box grown into room it had, a new block at the end).
    bool fits = true;
    for (std::size_t i = 1; i < order.size() && fits; ++i) {
      const double room = (rows.size[order[i - 1]].x + rows.size[order[i]].x) * 0.5 + options.block_gap;
      fits = target[i] - target[i - 1] >= room - 1e-6;
    }
    if (fits) {
      for (std::size_t i = 0; i < order.size(); ++i) rows.x[order[i]] = target[i];
    } else {
      place_row(rows, r, target, weight, options);
    }
  }
  BlockDrawing drawing = route_and_stack(rows, graph, options);
  drawing.rows = rows.row;
  return drawing;
}

}  // namespace layout
