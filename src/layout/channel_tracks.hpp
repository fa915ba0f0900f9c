#pragma once
// The horizontal runs of lines in one channel between two rows, and the
// tracks they are given (orthogonal_routes.cpp): runs that overlap never
// share a track, and they are stacked in the order that crosses least.
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace layout {

// A horizontal run in a channel: one route's, or a trunk's shared by
// several. Its lists are views of pools its router keeps.
struct ChannelRun {
  std::span<std::size_t> routes;
  std::span<std::pair<double, bool>> verticals;  // where lines leave it, and whether downwards
  double lo = 1e12, hi = -1e12;  // its extent along the channel, once it has verticals
  std::size_t track = 0;
  bool trunk_below = false;  // shared at the lower end: its own branches go up
};

// Orders a channel's runs (the one that crosses least on top, greedily;
// left-edge packing past 150 runs), gives each the first track below every
// earlier run it overlaps, and answers each track's height.
std::vector<double> stack_runs(std::vector<ChannelRun>& runs, double track_gap);

}  // namespace layout
