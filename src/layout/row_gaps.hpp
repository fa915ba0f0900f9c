#pragma once
// Where a line may pass a row of blocks on its way up (orthogonal_routes.cpp):
// the openings between the row's blocks, and which to take.
#include <cstddef>
#include <utility>
#include <vector>

#include "layout/block_phases.hpp"

namespace layout {

// One row's openings, left to right: before the first block, between each
// two, after the last.
struct RowGaps {
  std::vector<double> left;   // each opening's left edge (-far for the first)
  std::vector<double> right;  // and right edge (far for the last)
};

RowGaps gaps_of(const BlockRows& rows, const std::vector<double>& x, std::size_t row);

// The point of an opening nearest x, kept `margin` clear of the blocks.
double nearest_in(const RowGaps& gaps, std::size_t g, double x, double margin);

// The opening nearest x (looking at the one x falls in and its neighbours).
std::size_t choose_gap(const RowGaps& gaps, double x, double margin);

// The horizontal runs expected in one channel, each with the trunk or line
// it belongs to, so that a line passing by can count those it would cross.
struct ChannelSpan {
  double lo = 0.0;
  double hi = 0.0;
  std::size_t owner = 0;
};

// A line about to pass a row: where it is, where it is going, and the
// point it would pass at if nothing were in the way.
struct Passer {
  double from = 0.0;
  double to = 0.0;
  double ideal = 0.0;
};

// The opening for lines that pass a row together (a trunk): the one whose
// detours plus `penalty` for each run it crosses, in the channels below and
// above the row, are least. Runs owned by `own` (the lines' own) do not count.
std::size_t choose_gap_avoiding(const RowGaps& gaps, const std::vector<Passer>& passers, double margin,
                                const std::vector<ChannelSpan>& below, const std::vector<ChannelSpan>& above,
                                const std::vector<std::size_t>& own, double penalty);

}  // namespace layout
