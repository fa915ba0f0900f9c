#include "layout/channel_tracks.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <utility>

namespace layout {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// How many crossings putting run `a` above run `b` in a channel makes.
int cost_above(const ChannelRun& a, const ChannelRun& b) {
  const auto inside = [](double x, const ChannelRun& run) { return x > run.lo && x < run.hi; };
  int cost = 0;
  for (const auto& [x, below] : a.verticals) cost += below && inside(x, b) ? 1 : 0;
  for (const auto& [x, below] : b.verticals) cost += !below && inside(x, a) ? 1 : 0;
  return cost;
}

}  // namespace

// Orders a channel's runs (the one that crosses least on top, greedily),
// then gives each the first track below every earlier run it overlaps.
std::vector<double> stack_runs(std::vector<ChannelRun>& runs, double track_gap) {
  std::vector<double> heights;
  const std::size_t n = runs.size();
  if (n == 0) return heights;
  const auto overlap = [&](std::size_t i, std::size_t j) { return runs[i].lo < runs[j].hi + track_gap && runs[j].lo < runs[i].hi + track_gap; };
  std::vector<std::size_t> order;
  const bool small = n <= 150;
  if (small) {
    // A run's score: what putting it above every run still to place costs,
    // less what the reverse costs. Worked out once per pair, then each
    // placed run is taken out of the others' scores.
    std::vector<int> gain(n * n, 0);  // gain[i * n + j]: run i above run j, against j above i
    std::vector<int> score(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        if (!overlap(i, j)) continue;
        const int d = cost_above(runs[i], runs[j]) - cost_above(runs[j], runs[i]);
        gain[i * n + j] = d;
        gain[j * n + i] = -d;
        score[i] += d;
        score[j] -= d;
      }
    }
    std::vector<bool> placed(n, false);
    for (std::size_t step = 0; step < n; ++step) {
      std::size_t pick = none;
      int pick_score = std::numeric_limits<int>::max();
      for (std::size_t i = 0; i < n; ++i) {
        if (!placed[i] && score[i] < pick_score) pick = i, pick_score = score[i];
      }
      placed[pick] = true;
      order.push_back(pick);
      for (std::size_t i = 0; i < n; ++i) score[i] -= gain[i * n + pick];
    }
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t track = 0;
      for (std::size_t e = 0; e < k; ++e) {
        if (overlap(order[k], order[e])) track = std::max(track, runs[order[e]].track + 1);
      }
      runs[order[k]].track = track;
    }
  } else {
    // Left-edge packing: the first track free at the run's left end.
    order.resize(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return runs[i].lo < runs[j].lo; });
    // Runs come in order of their left ends, so a track once free stays
    // free until it is given out: busy tracks wait in a heap by where they
    // end, free ones in a heap by number (the lowest is taken).
    using Busy = std::pair<double, std::size_t>;  // where its last run ends, the track
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> free;
    std::size_t tracks = 0;
    for (std::size_t i : order) {
      while (!busy.empty() && busy.top().first <= runs[i].lo - track_gap) {
        free.push(busy.top().second);
        busy.pop();
      }
      std::size_t track = tracks;
      if (free.empty()) ++tracks;
      else track = free.top(), free.pop();
      busy.emplace(runs[i].hi, track);
      runs[i].track = track;
    }
  }
  std::size_t tracks = 0;
  for (const ChannelRun& run : runs) tracks = std::max(tracks, run.track + 1);
  heights.assign(tracks, track_gap);
  return heights;
}

}  // namespace layout
