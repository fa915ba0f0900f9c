// Where the lines of a drawing cross, and how long they are (block_layout.hpp).
#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "layout/block_layout.hpp"
#include "layout/block_phases.hpp"

namespace layout {

std::size_t count_crossings(const std::vector<std::vector<glm::dvec2>>& lines) {
  // Ink, not lines: collinear pieces that overlap (a trunk several lines
  // share) are one piece. Then a sweep from left to right: horizontal pieces
  // are open while the sweep is inside them, and each vertical piece counts
  // the open ones strictly between its ends (a Fenwick tree over their
  // heights), so ends, corners and branchings do not count.
  struct Piece {
    double at, from, to;  // its line (y across, x down) and its extent along it
    bool operator<(const Piece& o) const { return std::tie(at, from) < std::tie(o.at, o.from); }
  };
  std::vector<Piece> across;
  std::vector<Piece> down;
  for (const auto& line : lines) {
    for (std::size_t i = 1; i < line.size(); ++i) {
      const glm::dvec2 a = line[i - 1];
      const glm::dvec2 b = line[i];
      if (a.y == b.y && a.x != b.x) across.push_back({a.y, std::min(a.x, b.x), std::max(a.x, b.x)});
      else if (a.x == b.x && a.y != b.y) down.push_back({a.x, std::min(a.y, b.y), std::max(a.y, b.y)});
    }
  }
  // Sorted by line, then start: overlapping pieces of one line merge.
  const auto merge = [](std::vector<Piece>& pieces) {
    std::sort(pieces.begin(), pieces.end());
    std::vector<Piece> out;
    for (const Piece& piece : pieces) {
      if (!out.empty() && out.back().at == piece.at && piece.from <= out.back().to) out.back().to = std::max(out.back().to, piece.to);
      else out.push_back(piece);
    }
    pieces = std::move(out);
  };
  merge(across);
  merge(down);
  struct Event {
    double x;
    int order;  // at one x: pieces ending, then verticals, then pieces starting
    double y0, y1;
  };
  std::vector<Event> events;
  std::vector<double> heights;
  events.reserve(across.size() * 2 + down.size());
  for (const Piece& piece : across) {
    if (heights.empty() || heights.back() != piece.at) heights.push_back(piece.at);
    events.push_back({piece.from, 2, piece.at, piece.at});
    events.push_back({piece.to, 0, piece.at, piece.at});
  }
  for (const Piece& piece : down) events.push_back({piece.at, 1, piece.from, piece.to});
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return std::tie(a.x, a.order) < std::tie(b.x, b.order); });
  std::vector<long> tree(heights.size() + 1, 0);
  const auto index = [&](double y) { return static_cast<std::size_t>(std::lower_bound(heights.begin(), heights.end(), y) - heights.begin()) + 1; };
  const auto add = [&](std::size_t i, long v) { for (; i < tree.size(); i += i & (~i + 1)) tree[i] += v; };
  const auto below = [&](std::size_t i) { long s = 0; for (; i > 0; i -= i & (~i + 1)) s += tree[i]; return s; };
  std::size_t crossings = 0;
  for (const Event& e : events) {
    if (e.order == 2) add(index(e.y0), 1);
    else if (e.order == 0) add(index(e.y0), -1);
    else {
      // Open pieces with y0 < y < y1.
      const std::size_t lo = static_cast<std::size_t>(std::upper_bound(heights.begin(), heights.end(), e.y0) - heights.begin());
      const std::size_t hi = static_cast<std::size_t>(std::lower_bound(heights.begin(), heights.end(), e.y1) - heights.begin());
      if (hi > lo) crossings += static_cast<std::size_t>(below(hi) - below(lo));
    }
  }
  return crossings;
}

std::size_t crossings_of(const BlockDrawing& drawing) { return drawing.crossings ? *drawing.crossings : count_crossings(drawing.links); }

double total_line_length(const BlockDrawing& drawing) {
  double length = 0.0;
  for (const auto& line : drawing.links) {
    for (std::size_t i = 1; i < line.size(); ++i) length += std::abs(line[i].x - line[i - 1].x) + std::abs(line[i].y - line[i - 1].y);
  }
  return length;
}

double drawing_cost(const BlockDrawing& drawing) {
  constexpr double crossing_weight = 500.0;
  return static_cast<double>(crossings_of(drawing)) * crossing_weight + total_line_length(drawing);
}

}  // namespace layout
