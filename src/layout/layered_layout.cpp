#include "layout/layered_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>
#include <tuple>

namespace layout {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// A node, or a dummy where an edge passes through a row (one of which may
// carry the edge's label).
struct Vertex {
  std::size_t node = none;  // the node it is, if any
  std::size_t edge = none;  // the edge it carries, for a dummy
  bool label = false;
  int row = 0;
  double width = 0.0;
  double height = 0.0;
  double x = 0.0;
};

// Each vertex's neighbours in one direction, stored flat (one allocation,
// not one per vertex: there can be a hundred thousand dummies).
struct Adjacency {
  std::vector<std::size_t> start;  // vertex v's neighbours are list[start[v], start[v + 1])
  std::vector<std::size_t> list;
  std::span<const std::size_t> operator[](std::size_t v) const { return {list.data() + start[v], start[v + 1] - start[v]}; }
};

struct Rows {
  std::vector<Vertex> vertices;
  Adjacency up;    // neighbours in the row above
  Adjacency down;  // neighbours in the row below
  std::vector<std::vector<std::size_t>> order; // each row's vertices, left to right
  std::vector<std::size_t> position;           // each vertex's index in its row
  std::vector<std::vector<std::size_t>> chains;  // each edge's vertices, bottom to top (empty: not drawn)

  void renumber(std::size_t row) {
    for (std::size_t i = 0; i < order[row].size(); ++i) position[order[row][i]] = i;
  }
};

// Which way each edge runs once bands are respected and cycles broken:
// true where it must point down. Back edges of a depth-first search within
// a band are turned round, which leaves no cycle.
std::vector<bool> choose_directions(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges) {
  std::vector<bool> downward(edges.size(), false);
  std::vector<std::vector<std::size_t>> out(nodes.size());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const GraphEdge& edge = edges[e];
    if (edge.from == edge.to) continue;
    if (nodes[edge.to].band < nodes[edge.from].band) downward[e] = true;
    else if (nodes[edge.to].band == nodes[edge.from].band) out[edge.from].push_back(e);
  }
  enum : unsigned char { unseen, open, done };
  std::vector<unsigned char> state(nodes.size(), unseen);
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // node, next out-edge to look at
  for (std::size_t start = 0; start < nodes.size(); ++start) {
    if (state[start] != unseen) continue;
    stack.push_back({start, 0});
    state[start] = open;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next == out[node].size()) {
        state[node] = done;
        stack.pop_back();
        continue;
      }
      const std::size_t e = out[node][next++];
      const std::size_t to = edges[e].to;
      if (state[to] == open) downward[e] = true;
      else if (state[to] == unseen) {
        state[to] = open;
        stack.push_back({to, 0});
      }
    }
  }
  return downward;
}

// Each node's rank: bands stacked bottom to top; within a band, each node
// as low as what points up to it allows, in rows no wider than `row_width`
// (a wide row overflows into the next one up), so that the picture keeps
// a readable shape. Nodes with nothing pointing to them go last, just
// under the lowest node they point at, overflowing downwards.
std::vector<int> assign_ranks(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges,
                              const std::vector<bool>& downward, double row_width, double gap) {
  const std::size_t n = nodes.size();
  std::vector<std::vector<std::size_t>> above(n);  // effective edges within a band: lower to upper
  std::vector<std::vector<std::size_t>> below(n);
  std::vector<bool> pointed_at(n, false);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (edges[e].from == edges[e].to) continue;
    const std::size_t lo = downward[e] ? edges[e].to : edges[e].from;
    const std::size_t hi = downward[e] ? edges[e].from : edges[e].to;
    pointed_at[hi] = true;
    if (nodes[lo].band == nodes[hi].band) {
      above[lo].push_back(hi);
      below[hi].push_back(lo);
    }
  }
  // Topological order within bands (Kahn), input order among equals.
  std::vector<std::size_t> topo;
  topo.reserve(n);
  std::vector<std::size_t> remaining(n);
  for (std::size_t v = 0; v < n; ++v) {
    remaining[v] = below[v].size();
    if (remaining[v] == 0) topo.push_back(v);
  }
  for (std::size_t i = 0; i < topo.size(); ++i) {
    for (std::size_t w : above[topo[i]]) {
      if (--remaining[w] == 0) topo.push_back(w);
    }
  }
  std::vector<int> bands;
  for (const GraphNode& node : nodes) bands.push_back(node.band);
  std::sort(bands.begin(), bands.end());
  bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
  const auto band_index = [&](int band) { return static_cast<std::size_t>(std::lower_bound(bands.begin(), bands.end(), band) - bands.begin()); };

  std::vector<int> local(n, 0);
  std::vector<int> base(bands.size(), 0);
  int next_base = 0;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    // Row widths so far, by local rank; ranks may go below zero, so offset.
    std::vector<double> width;
    int lowest = 0;
    const auto width_at = [&](int rank) -> double& {
      while (rank < lowest) width.insert(width.begin(), 0.0), --lowest;
      while (rank - lowest >= static_cast<int>(width.size())) width.push_back(0.0);
      return width[static_cast<std::size_t>(rank - lowest)];
    };
    const auto fits = [&](int rank, double w) { return width_at(rank) == 0.0 || width_at(rank) + w <= row_width; };
    int highest = 0;
    for (std::size_t v : topo) {
      if (band_index(nodes[v].band) != b || !pointed_at[v]) continue;
      int rank = 0;
      for (std::size_t u : below[v]) rank = std::max(rank, local[u] + 1);
      const double w = nodes[v].size.x + gap;
      while (!fits(rank, w)) ++rank;
      width_at(rank) += w;
      local[v] = rank;
      highest = std::max(highest, rank);
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (band_index(nodes[v].band) != b || pointed_at[v]) continue;
      int rank = highest;
      for (std::size_t w : above[v]) rank = std::min(rank, local[w] - 1);
      const double w = nodes[v].size.x + gap;
      while (!fits(rank, w)) --rank;
      width_at(rank) += w;
      local[v] = rank;
    }
    int band_low = std::numeric_limits<int>::max();
    int band_high = std::numeric_limits<int>::min();
    for (std::size_t v = 0; v < n; ++v) {
      if (band_index(nodes[v].band) != b) continue;
      band_low = std::min(band_low, local[v]);
      band_high = std::max(band_high, local[v]);
    }
    base[b] = next_base - band_low;
    next_base += band_high - band_low + 1;
  }
  std::vector<int> rank(n);
  for (std::size_t v = 0; v < n; ++v) rank[v] = base[band_index(nodes[v].band)] + local[v];
  return rank;
}

// The widest a row should be: about the shape of a landscape page, from
// the room all the nodes need.
double automatic_row_width(const std::vector<GraphNode>& nodes, const LayeredOptions& options) {
  if (options.max_row_width > 0.0) return options.max_row_width;
  double widths = 0.0;
  double heights = 0.0;
  for (const GraphNode& node : nodes) widths += node.size.x + options.node_gap, heights += node.size.y;
  const double row_height = (nodes.empty() ? 0.0 : heights / static_cast<double>(nodes.size())) + options.row_gap * 1.5;
  const double page = std::max(1200.0, std::sqrt(widths * row_height * 1.6));
  // Past a few hundred nodes nobody reads the whole at once: rows grow with
  // the graph instead, which keeps their number (and the length of edges,
  // and so the time taken) in bounds.
  const double readable = 150.0;
  return nodes.size() > readable ? page * static_cast<double>(nodes.size()) / readable : page;
}

Rows build_rows(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges, const std::vector<bool>& downward,
                const std::vector<int>& rank) {
  Rows g;
  int top = 0;
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    g.vertices.push_back({v, none, false, rank[v] * 2, nodes[v].size.x, nodes[v].size.y, 0.0});
    top = std::max(top, rank[v] * 2);
  }
  g.chains.resize(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (edges[e].from == edges[e].to) continue;
    const std::size_t lo = downward[e] ? edges[e].to : edges[e].from;
    const std::size_t hi = downward[e] ? edges[e].from : edges[e].to;
    const int bottom = g.vertices[lo].row;
    const int upper = g.vertices[hi].row;
    const bool labelled = edges[e].label_size.x > 0.0;
    int label_row = (bottom + upper) / 2;
    if (label_row % 2 == 0) label_row += 1;
    std::vector<std::size_t>& chain = g.chains[e];
    chain.push_back(lo);
    for (int row = bottom + 1; row < upper; ++row) {
      Vertex dummy{none, e, labelled && row == label_row, row, 0.0, 0.0, 0.0};
      if (dummy.label) dummy.width = edges[e].label_size.x, dummy.height = edges[e].label_size.y;
      chain.push_back(g.vertices.size());
      g.vertices.push_back(dummy);
    }
    chain.push_back(hi);
  }
  const std::size_t count = g.vertices.size();
  // Counted, then filled, edge by edge in order (so neighbours keep edge order).
  g.up.start.assign(count + 1, 0);
  g.down.start.assign(count + 1, 0);
  for (const auto& chain : g.chains) {
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) ++g.up.start[chain[i] + 1], ++g.down.start[chain[i + 1] + 1];
  }
  for (std::size_t v = 0; v < count; ++v) g.up.start[v + 1] += g.up.start[v], g.down.start[v + 1] += g.down.start[v];
  g.up.list.resize(g.up.start[count]);
  g.down.list.resize(g.down.start[count]);
  std::vector<std::size_t> up_fill(g.up.start.begin(), g.up.start.end() - 1);
  std::vector<std::size_t> down_fill(g.down.start.begin(), g.down.start.end() - 1);
  for (const auto& chain : g.chains) {
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
      g.up.list[up_fill[chain[i]]++] = chain[i + 1];
      g.down.list[down_fill[chain[i + 1]]++] = chain[i];
    }
  }
  // Input order: nodes as given, each dummy after the node its edge starts from.
  g.order.resize(static_cast<std::size_t>(top) + 1);
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> keys(count);
  for (std::size_t v = 0; v < count; ++v) {
    const Vertex& vertex = g.vertices[v];
    keys[v] = vertex.node != none ? std::tuple{vertex.node, std::size_t{0}, v} : std::tuple{g.chains[vertex.edge].front(), vertex.edge + 1, v};
    g.order[static_cast<std::size_t>(vertex.row)].push_back(v);
  }
  g.position.resize(count);
  for (std::size_t row = 0; row < g.order.size(); ++row) {
    std::sort(g.order[row].begin(), g.order[row].end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    g.renumber(row);
  }
  return g;
}

// Crossings between one row and the row above: edges sorted by their lower
// end, then inversions among their upper ends, counted with a Fenwick tree.
std::size_t crossings_above(const Rows& g, std::size_t row) {
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  for (std::size_t v : g.order[row]) {
    for (std::size_t w : g.up[v]) ends.emplace_back(g.position[v], g.position[w]);
  }
  if (ends.size() < 2) return 0;
  std::sort(ends.begin(), ends.end());
  const std::size_t width = g.order[row + 1].size();
  std::vector<std::size_t> tree(width + 1, 0);
  std::size_t seen = 0;
  std::size_t crossings = 0;
  for (const auto& [lower, upper] : ends) {
    // Edges seen so far ending strictly right of this one's upper end cross it.
    std::size_t not_right = 0;
    for (std::size_t i = upper + 1; i > 0; i -= i & (~i + 1)) not_right += tree[i];
    crossings += seen - not_right;
    for (std::size_t i = upper + 1; i <= width; i += i & (~i + 1)) ++tree[i];
    ++seen;
  }
  return crossings;
}

std::size_t total_crossings(const Rows& g) {
  std::size_t total = 0;
  for (std::size_t row = 0; row + 1 < g.order.size(); ++row) total += crossings_above(g, row);
  return total;
}

// Orders one row by the mean position of each vertex's neighbours in the
// row just ordered; a vertex with none there keeps its place.
void order_by_barycentre(Rows& g, std::size_t row, bool from_below) {
  std::vector<double> key(g.order[row].size());
  for (std::size_t i = 0; i < g.order[row].size(); ++i) {
    const auto neighbours = from_below ? g.down[g.order[row][i]] : g.up[g.order[row][i]];
    if (neighbours.empty()) {
      key[i] = static_cast<double>(i);
      continue;
    }
    double sum = 0.0;
    for (std::size_t w : neighbours) sum += static_cast<double>(g.position[w]);
    key[i] = sum / static_cast<double>(neighbours.size());
  }
  std::vector<std::size_t> index(key.size());
  std::iota(index.begin(), index.end(), 0);
  std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
  std::vector<std::size_t> sorted;
  sorted.reserve(index.size());
  for (std::size_t i : index) sorted.push_back(g.order[row][i]);
  g.order[row] = std::move(sorted);
  g.renumber(row);
}

// Crossings among the edges of two vertices side by side in a row (u left
// of v), with both neighbouring rows.
std::size_t pair_crossings(const Rows& g, std::size_t u, std::size_t v) {
  std::size_t count = 0;
  for (const auto* side : {&g.up, &g.down}) {
    for (std::size_t a : (*side)[u]) {
      for (std::size_t b : (*side)[v]) count += g.position[a] > g.position[b] ? 1 : 0;
    }
  }
  return count;
}

// Swaps neighbours wherever that removes crossings, until nothing improves.
// Quadratic in the degree, so only for graphs of a readable size.
void transpose(Rows& g) {
  for (int pass = 0; pass < 8; ++pass) {
    bool improved = false;
    for (std::size_t row = 0; row < g.order.size(); ++row) {
      auto& order = g.order[row];
      for (std::size_t i = 0; i + 1 < order.size(); ++i) {
        if (pair_crossings(g, order[i + 1], order[i]) < pair_crossings(g, order[i], order[i + 1])) {
          std::swap(order[i], order[i + 1]);
          g.position[order[i]] = i;
          g.position[order[i + 1]] = i + 1;
          improved = true;
        }
      }
    }
    if (!improved) return;
  }
}

void reduce_crossings(Rows& g, int max_sweeps, std::size_t& crossings) {
  auto best = g.order;
  std::size_t best_crossings = crossings;
  int since_better = 0;
  const bool small = g.vertices.size() <= 4000;
  for (int sweep = 0; sweep < max_sweeps && best_crossings > 0 && since_better < 4; ++sweep) {
    const bool upward = sweep % 2 == 0;
    if (upward) {
      for (std::size_t row = 1; row < g.order.size(); ++row) order_by_barycentre(g, row, true);
    } else {
      for (std::size_t row = g.order.size() - 1; row-- > 0;) order_by_barycentre(g, row, false);
    }
    if (small) transpose(g);
    const std::size_t now = total_crossings(g);
    if (now < best_crossings) {
      best = g.order;
      best_crossings = now;
      since_better = 0;
    } else {
      ++since_better;
    }
  }
  g.order = std::move(best);
  for (std::size_t row = 0; row < g.order.size(); ++row) g.renumber(row);
  crossings = best_crossings;
}

double gap_after(const Vertex& v, const LayeredOptions& options) {
  if (v.node != none) return options.node_gap;
  return v.label ? options.node_gap * 0.5 : options.edge_gap;
}

// Places one row's vertices as near their targets as their order and
// spacing allow: weighted least squares under "each at least its spacing
// right of the one before", solved exactly by pooling adjacent violators.
void place_row(Rows& g, std::size_t row, const std::vector<double>& target, const std::vector<double>& weight,
               const LayeredOptions& options) {
  const auto& order = g.order[row];
  const std::size_t n = order.size();
  if (n == 0) return;
  std::vector<double> offset(n, 0.0);  // the least distance from the first vertex
  for (std::size_t i = 1; i < n; ++i) {
    const Vertex& a = g.vertices[order[i - 1]];
    const Vertex& b = g.vertices[order[i]];
    offset[i] = offset[i - 1] + (a.width + b.width) * 0.5 + std::max(gap_after(a, options), gap_after(b, options));
  }
  struct Block {
    double sum_wt;  // sum of weight * (target - offset)
    double sum_w;
    std::size_t count;
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < n; ++i) {
    blocks.push_back({weight[i] * (target[i] - offset[i]), weight[i], 1});
    while (blocks.size() > 1) {
      const Block& last = blocks.back();
      const Block& before = blocks[blocks.size() - 2];
      if (before.sum_wt / before.sum_w <= last.sum_wt / last.sum_w) break;
      const Block merged{before.sum_wt + last.sum_wt, before.sum_w + last.sum_w, before.count + last.count};
      blocks.pop_back();
      blocks.back() = merged;
    }
  }
  std::size_t i = 0;
  for (const Block& block : blocks) {
    const double shift = block.sum_wt / block.sum_w;
    for (std::size_t k = 0; k < block.count; ++k, ++i) g.vertices[order[i]].x = shift + offset[i];
  }
}

// How hard each vertex is drawn towards the middle of the drawing, against
// a pull of 1 per neighbour for a box and 8 to 40 for a long edge's bend.
constexpr double centre_pull = 32.0;

void assign_x(Rows& g, const std::vector<GraphNode>& nodes, const LayeredOptions& options, bool use_hints, int passes) {
  for (int pass = 0; pass < passes; ++pass) {
    const bool upward = pass % 2 == 0;
    for (std::size_t step = 0; step < g.order.size(); ++step) {
      const std::size_t row = upward ? step : g.order.size() - 1 - step;
      const auto& order = g.order[row];
      std::vector<double> target(order.size());
      std::vector<double> weight(order.size());
      for (std::size_t i = 0; i < order.size(); ++i) {
        const Vertex& v = g.vertices[order[i]];
        double sum = 0.0;
        double count = 0.0;
        for (const auto* side : {&g.up, &g.down}) {
          for (std::size_t w : (*side)[order[i]]) sum += g.vertices[w].x, count += 1.0;
        }
        // Dummies pull harder, so that long edges run straight; a dummy
        // between two dummies (the middle of a long edge) hardest.
        const bool middle = v.node == none && g.up[order[i]].size() == 1 && g.down[order[i]].size() == 1 &&
                            g.vertices[g.up[order[i]][0]].node == none && g.vertices[g.down[order[i]][0]].node == none;
        const double pull = middle ? 40.0 : v.node == none ? 8.0 : 1.0;
        // Every vertex is also drawn towards the middle (x = 0): without it,
        // rows of boxes with long edges beside them slide apart into a
        // staircase several rows wide.
        target[i] = count > 0.0 ? sum * pull / (pull * count + centre_pull) : v.x;
        weight[i] = count > 0.0 ? pull * count + centre_pull : 0.01;
        if (use_hints && v.node != none && nodes[v.node].hint_x) target[i] = *nodes[v.node].hint_x, weight[i] = 1e9;
      }
      place_row(g, row, target, weight, options);
    }
  }
}

// Nudged nodes take the place in their row that their nudge asks for.
void order_by_hints(Rows& g, const std::vector<GraphNode>& nodes) {
  for (std::size_t row = 0; row < g.order.size(); ++row) {
    auto& order = g.order[row];
    const bool hinted = std::any_of(order.begin(), order.end(), [&](std::size_t v) {
      return g.vertices[v].node != none && nodes[g.vertices[v].node].hint_x;
    });
    if (!hinted) continue;
    const auto key = [&](std::size_t v) {
      const Vertex& vertex = g.vertices[v];
      return vertex.node != none && nodes[vertex.node].hint_x ? *nodes[vertex.node].hint_x : vertex.x;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    g.renumber(row);
  }
}

void include(Rect& bounds, const Rect& r, bool& first) {
  if (first) bounds = r, first = false;
  bounds.min = glm::min(bounds.min, r.min);
  bounds.max = glm::max(bounds.max, r.max);
}

}  // namespace

LayeredDrawing layered_layout(const std::vector<GraphNode>& nodes, const std::vector<GraphEdge>& edges, const LayeredOptions& options) {
  LayeredDrawing drawing;
  drawing.downward = choose_directions(nodes, edges);
  Rows g = build_rows(nodes, edges, drawing.downward,
                      assign_ranks(nodes, edges, drawing.downward, automatic_row_width(nodes, options), options.node_gap));
  drawing.input_order_crossings = total_crossings(g);
  drawing.crossings = drawing.input_order_crossings;
  // Very large graphs get fewer passes: each pass helps less than the last.
  const bool large = g.vertices.size() > 50000;
  if (options.reduce_crossings) reduce_crossings(g, large ? std::min(options.max_sweeps, 3) : options.max_sweeps, drawing.crossings);

  // x: rows packed, then smoothed towards neighbours; nudges last.
  for (std::size_t row = 0; row < g.order.size(); ++row) {
    std::vector<double> target(g.order[row].size(), 0.0);
    place_row(g, row, target, std::vector<double>(target.size(), 1.0), options);
  }
  const bool any_hint = std::any_of(nodes.begin(), nodes.end(), [](const GraphNode& n) { return n.hint_x.has_value(); });
  assign_x(g, nodes, options, false, large ? 4 : 16);
  if (any_hint) {
    order_by_hints(g, nodes);
    assign_x(g, nodes, options, true, large ? 4 : 8);
    drawing.crossings = total_crossings(g);
  }

  // y: rows from the top down; a row is as tall as its tallest vertex.
  const std::size_t row_count = g.order.size();
  std::vector<double> height(row_count, 0.0);
  for (const Vertex& v : g.vertices) height[static_cast<std::size_t>(v.row)] = std::max(height[static_cast<std::size_t>(v.row)], v.height);
  std::vector<double> top(row_count, 0.0);
  double y = 0.0;
  for (std::size_t step = 0; step < row_count; ++step) {
    const std::size_t row = row_count - 1 - step;
    top[row] = y;
    y += height[row] + options.row_gap * 0.5;
  }
  const auto centre_y = [&](int row) { return top[static_cast<std::size_t>(row)] + height[static_cast<std::size_t>(row)] * 0.5; };

  bool first = true;
  drawing.nodes.resize(nodes.size());
  drawing.rows.resize(nodes.size());
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    const glm::dvec2 centre{g.vertices[v].x, centre_y(g.vertices[v].row)};
    drawing.nodes[v] = {centre - nodes[v].size * 0.5, centre + nodes[v].size * 0.5};
    drawing.rows[v] = g.vertices[v].row;
    include(drawing.bounds, drawing.nodes[v], first);
  }

  // Ports: the edges leaving a node's top (or bottom) spread along it in the
  // order of where they go, so that they do not cross at the node.
  std::vector<double> top_port(edges.size(), 0.0);
  std::vector<double> bottom_port(edges.size(), 0.0);
  std::vector<std::vector<std::size_t>> leaving_top(nodes.size());
  std::vector<std::vector<std::size_t>> leaving_bottom(nodes.size());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto& chain = g.chains[e];
    if (chain.empty()) continue;
    leaving_top[chain.front()].push_back(e);
    leaving_bottom[chain.back()].push_back(e);
  }
  const auto spread = [&](std::size_t node, std::vector<std::size_t>& list, std::vector<double>& port, bool from_top) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      const auto& ca = g.chains[a];
      const auto& cb = g.chains[b];
      return g.vertices[from_top ? ca[1] : ca[ca.size() - 2]].x < g.vertices[from_top ? cb[1] : cb[cb.size() - 2]].x;
    });
    const Rect& box = drawing.nodes[node];
    const double usable = box.size().x * 0.8;
    for (std::size_t i = 0; i < list.size(); ++i) {
      port[list[i]] = box.center().x - usable * 0.5 + usable * static_cast<double>(i + 1) / static_cast<double>(list.size() + 1);
    }
  };
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    spread(v, leaving_top[v], top_port, true);
    spread(v, leaving_bottom[v], bottom_port, false);
  }

  drawing.edges.resize(edges.size());
  drawing.labels.resize(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto& chain = g.chains[e];
    if (chain.empty()) continue;
    std::vector<glm::dvec2> points;
    const auto add = [&](glm::dvec2 p) {
      if (points.empty() || points.back() != p) points.push_back(p);
    };
    const auto row_top = [&](int row) { return top[static_cast<std::size_t>(row)]; };
    const auto row_bottom = [&](int row) { return top[static_cast<std::size_t>(row)] + height[static_cast<std::size_t>(row)]; };
    const Rect& lo = drawing.nodes[chain.front()];
    const Rect& hi = drawing.nodes[chain.back()];
    add({top_port[e], lo.min.y});
    add({top_port[e], row_top(g.vertices[chain.front()].row)});
    for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
      const Vertex& dummy = g.vertices[chain[i]];
      add({dummy.x, row_bottom(dummy.row)});
      add({dummy.x, row_top(dummy.row)});
      if (dummy.label) {
        const glm::dvec2 centre{dummy.x, centre_y(dummy.row)};
        drawing.labels[e] = {centre - edges[e].label_size * 0.5, centre + edges[e].label_size * 0.5};
        include(drawing.bounds, drawing.labels[e], first);
      }
    }
    add({bottom_port[e], row_bottom(g.vertices[chain.back()].row)});
    add({bottom_port[e], hi.max.y});
    if (drawing.downward[e]) std::reverse(points.begin(), points.end());
    for (glm::dvec2 p : points) include(drawing.bounds, {p, p}, first);
    drawing.edges[e] = std::move(points);
  }
  return drawing;
}

}  // namespace layout
