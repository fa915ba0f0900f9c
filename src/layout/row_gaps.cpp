// Openings in a row of blocks, and which one a line passes (row_gaps.hpp).
#include "layout/row_gaps.hpp"

#include <algorithm>
#include <cmath>

namespace layout {

namespace {
constexpr double far_away = 1e12;

std::size_t runs_over(const std::vector<ChannelSpan>& spans, double x, const std::vector<std::size_t>& own) {
  std::size_t count = 0;
  for (const ChannelSpan& span : spans) {
    if (span.lo < x && x < span.hi && std::find(own.begin(), own.end(), span.owner) == own.end()) ++count;
  }
  return count;
}
}  // namespace

RowGaps gaps_of(const BlockRows& rows, const std::vector<double>& x, std::size_t row) {
  RowGaps gaps;
  double edge = -far_away;
  for (std::size_t b : rows.order[row]) {
    gaps.left.push_back(edge);
    gaps.right.push_back(x[b] - rows.size[b].x * 0.5);
    edge = x[b] + rows.size[b].x * 0.5;
  }
  gaps.left.push_back(edge);
  gaps.right.push_back(far_away);
  return gaps;
}

double nearest_in(const RowGaps& gaps, std::size_t g, double x, double margin) {
  const double lo = gaps.left[g] + margin;
  const double hi = gaps.right[g] - margin;
  if (lo > hi) return (gaps.left[g] + gaps.right[g]) * 0.5;
  return std::clamp(x, lo, hi);
}

std::size_t choose_gap(const RowGaps& gaps, double x, double margin) {
  const auto at = std::upper_bound(gaps.right.begin(), gaps.right.end(), x);
  const std::size_t middle = std::min(static_cast<std::size_t>(at - gaps.right.begin()), gaps.right.size() - 1);
  std::size_t best = middle;
  double best_distance = far_away * 4.0;
  for (std::size_t g = middle > 0 ? middle - 1 : 0; g <= std::min(middle + 1, gaps.right.size() - 1); ++g) {
    const double distance = std::abs(nearest_in(gaps, g, x, margin) - x);
    if (distance < best_distance) best = g, best_distance = distance;
  }
  return best;
}

std::size_t choose_gap_avoiding(const RowGaps& gaps, const std::vector<Passer>& passers, double margin,
                                const std::vector<ChannelSpan>& below, const std::vector<ChannelSpan>& above,
                                const std::vector<std::size_t>& own, double penalty) {
  double ideal = 0.0;
  for (const Passer& p : passers) ideal += p.ideal / static_cast<double>(passers.size());
  std::size_t best = choose_gap(gaps, ideal, margin);
  double best_cost = far_away * 4.0;
  for (std::size_t g = 0; g < gaps.left.size(); ++g) {
    double cost = 0.0;
    for (const Passer& p : passers) {
      const double x = nearest_in(gaps, g, p.ideal, margin);
      cost += std::abs(x - p.from) + std::abs(p.to - x) - std::abs(p.to - p.from) + std::abs(x - p.ideal) * 1e-3;  // ties: nearest the straight line
    }
    const double x = nearest_in(gaps, g, ideal, margin);
    cost += penalty * static_cast<double>(runs_over(below, x, own) + runs_over(above, x, own));
    if (cost < best_cost) best = g, best_cost = cost;
  }
  return best;
}

}  // namespace layout
