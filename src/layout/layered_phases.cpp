#include "layout/layered_phases.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace layout {

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

std::vector<double> place_in_row(const std::vector<double>& width, const std::vector<double>& gap,
                                 const std::vector<double>& target, const std::vector<double>& weight) {
  const std::size_t n = width.size();
  std::vector<double> x(n, 0.0);
  if (n == 0) return x;
  std::vector<double> offset(n, 0.0);  // the least distance from the first centre
  for (std::size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + (width[i - 1] + width[i]) * 0.5 + gap[i - 1];
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
    for (std::size_t k = 0; k < block.count; ++k, ++i) x[i] = shift + offset[i];
  }
  return x;
}

}  // namespace layout
