#pragma once
// What the phases of block_layout hand each other (block_layout.hpp).
#include <cstddef>
#include <functional>
#include <vector>

#include "layout/block_layout.hpp"

namespace layout {

struct BlockRows {
  std::vector<std::vector<std::size_t>> order;  // each row's blocks, left to right; row 0 at the bottom
  std::vector<int> row;                         // each block's row
  std::vector<int> row_band;                    // each row's band
  std::vector<double> x;                        // each block's centre
  std::vector<glm::dvec2> size;                 // each block's size
  std::vector<std::size_t> box_block;           // each box's block
  std::vector<glm::dvec2> box_offset;           // each box's top-left from its block's top-left
  std::vector<double> intra_margin;             // each block's room beside its boxes for lines inside it
  std::vector<bool> inner_on_top;               // that room is over its boxes (else under them)
  std::vector<bool> downward;                   // each link drawn pointing down
  double row_width = 0.0;                       // the widest a row should be

  double box_centre_x(const BlockGraph& graph, std::size_t box) const {
    const std::size_t block = box_block[box];
    return x[block] - size[block].x * 0.5 + box_offset[box].x + graph.boxes[box].x * 0.5;
  }
};

// How a drawing is judged when there is a choice: its lines' length, and
// for each crossing as much as a line running 500 units (a box's width or
// two) further. Measured on the examples: more, and lines take long ways
// round to save one crossing; less, and crossings a detour would save stay.
double drawing_cost(const BlockDrawing& drawing);

// Phase 2 (block_order.cpp): orders each row's blocks and places them along
// it, near the blocks they are linked to. Of the orders the sweeps find
// (and the input order), it keeps the one `score` rates lowest; without a
// score, the one whose lines run least far sideways.
using OrderScore = std::function<double(const BlockRows&)>;
void order_and_place(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options, const OrderScore& score = {});

// How firmly a nudged block holds to where it was put, against a block's
// pull towards its links (weights of place_row): it wins outright.
inline constexpr double nudge_weight = 1e9;

// Places one row: each block as near its target as the order and the gaps
// allow (the weights say which gives way most).
void place_row(BlockRows& rows, std::size_t row, const std::vector<double>& target, const std::vector<double>& weight,
               const BlockOptions& options);

// Each block drawn towards its links, and gently towards the middle, so
// that rows stay one above the other (the last step of phase 2).
void smooth(BlockRows& rows, const BlockGraph& graph, const BlockOptions& options);

// Phase 3 (orthogonal_routes.cpp): routes every link, then stacks the rows
// with room for the lines between them.
BlockDrawing route_and_stack(const BlockRows& rows, const BlockGraph& graph, const BlockOptions& options);

}  // namespace layout
