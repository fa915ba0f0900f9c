#include "layout/layered_layout.hpp"

#include "layout/layered_phases.hpp"

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
// spacing allow (place_in_row).
void place_row(Rows& g, std::size_t row, const std::vector<double>& target, const std::vector<double>& weight,
               const LayeredOptions& options) {
  const auto& order = g.order[row];
  std::vector<double> width(order.size());
  std::vector<double> gap(order.size(), 0.0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    width[i] = g.vertices[order[i]].width;
    if (i + 1 < order.size()) gap[i] = std::max(gap_after(g.vertices[order[i]], options), gap_after(g.vertices[order[i + 1]], options));
  }
  const std::vector<double> x = place_in_row(width, gap, target, weight);
  for (std::size_t i = 0; i < order.size(); ++i) g.vertices[order[i]].x = x[i];
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
