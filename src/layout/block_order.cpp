// Phase 2 of block_layout: each row's blocks ordered and placed near what
// they are linked to, in any row (a line to a box three rows up pulls as
// much as one to the row above: lines are routed straight to the point,
// not through reserved slots, so there are no bends to place).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "layout/block_phases.hpp"
#include "layout/layered_phases.hpp"

namespace layout {

namespace {

// One end of a link, seen from a block: the block at the other end, and
// where the two boxes sit in their blocks (centre from the block's centre).
struct End {
  std::size_t other;
  double mine;
  double theirs;
};

std::vector<std::vector<End>> ends_of(const BlockRows& rows, const BlockGraph& graph) {
  std::vector<std::vector<End>> ends(rows.size.size());
  const auto offset = [&](std::size_t box) {
    return rows.box_offset[box].x + graph.boxes[box].x * 0.5 - rows.size[rows.box_block[box]].x * 0.5;
  };
  for (const LayoutLink& link : graph.links) {
    const std::size_t a = rows.box_block[link.from];
    const std::size_t b = rows.box_block[link.to];
    if (a == b) continue;
    ends[a].push_back({b, offset(link.from), offset(link.to)});
    ends[b].push_back({a, offset(link.to), offset(link.from)});
  }
  return ends;
}

// Where each block of a row would like its centre: the mean of where its
// links would be straight, drawn towards the middle by `centre_pull`; a
// nudge wins outright.
void targets(const BlockRows& rows, const BlockGraph& graph, const std::vector<std::vector<End>>& ends, std::size_t row,
             double centre_pull, std::vector<double>& target, std::vector<double>& weight) {
  const auto& order = rows.order[row];
  target.assign(order.size(), 0.0);
  weight.assign(order.size(), 0.0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t b = order[i];
    double sum = 0.0;
    for (const End& end : ends[b]) sum += rows.x[end.other] + end.theirs - end.mine;
    const double count = static_cast<double>(ends[b].size());
    target[i] = count > 0.0 ? sum / (count + centre_pull) : rows.x[b];
    weight[i] = count > 0.0 ? count + centre_pull : 0.05;
    if (graph.blocks[b].hint_x) target[i] = *graph.blocks[b].hint_x, weight[i] = nudge_weight;
  }
}

constexpr std::size_t max_transpose_blocks = 120;

// Swaps two neighbours in a row (their places along it too) wherever that
// makes the score lower; a few passes, until none helps.
void transpose(BlockRows& rows, const OrderScore& score, double best) {
  for (int pass = 0; pass < 3; ++pass) {
    bool improved = false;
    for (auto& order : rows.order) {
      for (std::size_t i = 0; i + 1 < order.size(); ++i) {
        const std::size_t a = order[i];
        const std::size_t b = order[i + 1];
        const double xa = rows.x[a];
        const double xb = rows.x[b];
        // b takes a's left edge, and a follows it at the same gap.
        const double left = xa - rows.size[a].x * 0.5;
        const double gap = (xb - rows.size[b].x * 0.5) - (xa + rows.size[a].x * 0.5);
        rows.x[b] = left + rows.size[b].x * 0.5;
        rows.x[a] = left + rows.size[b].x + gap + rows.size[a].x * 0.5;
        std::swap(order[i], order[i + 1]);
        const double now = score(rows);
        if (now < best - 1e-6) {
          best = now;
          improved = true;
        } else {
          std::swap(order[i], order[i + 1]);
          rows.x[a] = xa;
          rows.x[b] = xb;
        }
      }
    }
    if (!improved) return;
  }
}

// How far the lines run sideways in all: what the order is chosen by.
double sideways(const BlockRows& rows, const BlockGraph& graph) {
  double total = 0.0;
  for (const LayoutLink& link : graph.links) total += std::abs(rows.box_centre_x(graph, link.from) - rows.box_centre_x(graph, link.to));
  return total;
}

}  // namespace

void place_row(BlockRows& rows, std::size_t row, const std::vector<double>& target, const std::vector<double>& weight,
               const BlockOptions& options) {
  const auto& order = rows.order[row];
  std::vector<double> width(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) width[i] = rows.size[order[i]].x;
  const std::vector<double> x = place_in_row(width, std::vector<double>(order.size(), options.block_gap), target, weight);
  for (std::size_t i = 0; i < order.size(); ++i) rows.x[order[i]] = x[i];
}

void smooth(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options) {
  const std::vector<std::vector<End>> ends = ends_of(rows, graph);
  std::vector<double> target;
  std::vector<double> weight;
  for (int pass = 0; pass < 12; ++pass) {
    const bool upward = pass % 2 == 0;
    for (std::size_t step = 0; step < rows.order.size(); ++step) {
      const std::size_t row = upward ? step : rows.order.size() - 1 - step;
      targets(rows, graph, ends, row, 0.3, target, weight);
      place_row(rows, row, target, weight, options);
    }
  }
}

void order_and_place(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options, const OrderScore& score) {
  const std::vector<std::vector<End>> ends = ends_of(rows, graph);
  rows.x.assign(rows.size.size(), 0.0);
  for (std::size_t row = 0; row < rows.order.size(); ++row) {
    place_row(rows, row, std::vector<double>(rows.order[row].size(), 0.0), std::vector<double>(rows.order[row].size(), 1.0), options);
  }
  const auto rate = [&]() { return score ? score(rows) : sideways(rows, graph); };
  std::vector<double> target;
  std::vector<double> weight;
  // Barycentre sweeps, up and down the rows, keeping the best order found.
  if (options.reduce_crossings) {
    auto best_order = rows.order;
    auto best_x = rows.x;
    double best = rate();
    int since_better = 0;
    for (int sweep = 0; sweep < 16 && since_better < 4; ++sweep) {
      const bool upward = sweep % 2 == 0;
      for (std::size_t step = 0; step < rows.order.size(); ++step) {
        const std::size_t row = upward ? step : rows.order.size() - 1 - step;
        targets(rows, graph, ends, row, 0.0, target, weight);
        auto& order = rows.order[row];
        std::vector<std::size_t> index(order.size());
        std::iota(index.begin(), index.end(), 0);
        std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) { return target[a] < target[b]; });
        std::vector<std::size_t> sorted;
        std::vector<double> sorted_target;
        std::vector<double> sorted_weight;
        for (std::size_t i : index) {
          sorted.push_back(order[i]);
          sorted_target.push_back(target[i]);
          sorted_weight.push_back(std::max(weight[i], 0.05));
        }
        order = std::move(sorted);
        place_row(rows, row, sorted_target, sorted_weight, options);
      }
      const double now = rate();
      if (now < best - 1e-6) {
        best = now, best_order = rows.order, best_x = rows.x, since_better = 0;
      } else {
        ++since_better;
      }
    }
    rows.order = std::move(best_order);
    rows.x = std::move(best_x);
    // Then neighbours swapped wherever that scores better, while the
    // drawing is small enough to route each try.
    if (score && rows.size.size() <= max_transpose_blocks) transpose(rows, score, best);
  }
  smooth(rows, graph, options);
}

}  // namespace layout
