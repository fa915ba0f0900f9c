#include "layout/treemap.hpp"

#include <algorithm>
#include <numeric>

namespace layout {

namespace {

// The worst aspect ratio of a row of areas laid along a side of length `side`.
double worst_ratio(double row_sum, double row_min, double row_max, double side) {
  const double side2 = side * side;
  const double sum2 = row_sum * row_sum;
  return std::max(side2 * row_max / sum2, sum2 / (side2 * row_min));
}

}  // namespace

std::vector<Rect> squarify(const std::vector<double>& weights, const Rect& area) {
  std::vector<Rect> out(weights.size(), Rect{area.min, area.min});
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.empty() || total <= 0.0 || area.empty()) return out;

  // Lay out the largest first (better squares), then put them back in order.
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
  const double scale = (area.size().x * area.size().y) / total;

  Rect free = area;
  std::size_t next = 0;
  while (next < order.size()) {
    const glm::dvec2 size = free.size();
    const bool along_width = size.x >= size.y;  // the row runs along the shorter side
    const double side = along_width ? size.y : size.x;
    // Grow the row while it makes the worst ratio no worse.
    double row_sum = weights[order[next]] * scale;
    double row_min = row_sum, row_max = row_sum;
    std::size_t end = next + 1;
    while (end < order.size()) {
      const double a = weights[order[end]] * scale;
      if (worst_ratio(row_sum + a, std::min(row_min, a), std::max(row_max, a), side) >
          worst_ratio(row_sum, row_min, row_max, side)) {
        break;
      }
      row_sum += a, row_min = std::min(row_min, a), row_max = std::max(row_max, a), ++end;
    }
    const bool last_row = end == order.size();
    const double thickness = last_row ? (along_width ? size.x : size.y) : row_sum / side;
    double offset = 0.0;
    for (std::size_t i = next; i < end; ++i) {
      const double length = i + 1 == end ? side - offset : weights[order[i]] * scale / thickness;
      Rect& r = out[order[i]];
      if (along_width) {
        r = {{free.min.x, free.min.y + offset}, {free.min.x + thickness, free.min.y + offset + length}};
      } else {
        r = {{free.min.x + offset, free.min.y}, {free.min.x + offset + length, free.min.y + thickness}};
      }
      offset += length;
    }
    if (along_width) free.min.x += thickness;
    else free.min.y += thickness;
    next = end;
  }
  return out;
}

}  // namespace layout
