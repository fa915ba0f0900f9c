#pragma once
// The governance view's layout: boxes, some of them side by side in a
// framed group, placed in horizontal bands by level (national at the top),
// and orthogonal lines between them that pass between the boxes of the
// rows they cross, never over a box and never round a row's end when a gap
// is nearer. Lines of one kind to (or from) one box share a trunk: one port,
// one track and one passage through each gap, branching where they part. A pipeline of phases, each in its own file:
//   1. ranks (layered_phases.cpp): which row each block goes in;
//   2. order and x (block_order.cpp): blocks ordered and placed along rows
//      near what they are linked to;
//   3. routing and y (orthogonal_routes.cpp): ports, the gaps each line
//      passes through, tracks in the channels between rows, and then each
//      row's height and place.
// Knows nothing of plans; docs/views.md explains the choices.
#include <cstddef>
#include <optional>
#include <vector>

#include "layout/geometry.hpp"

namespace layout {

struct LayoutBlock {
  std::vector<std::size_t> boxes;  // side by side, left to right
  int band = 0;                    // a higher band is always drawn above a lower one
  bool framed = false;             // a group: one frame round its boxes, and no line passes between them
  std::optional<double> hint_x;    // a person's nudge: where its centre goes, as far as its row allows
  friend bool operator==(const LayoutBlock&, const LayoutBlock&) = default;
};

struct LayoutLink {
  std::size_t from = 0;               // boxes; `to` is drawn above `from` where bands allow
  std::size_t to = 0;
  glm::dvec2 label_size{0.0, 0.0};    // room for a label on the line; zero for none
  int kind = 0;                       // lines of one kind to or from one box share a trunk
  int text = 0;                       // lines of a trunk with the same text show one label
  friend bool operator==(const LayoutLink&, const LayoutLink&) = default;
};

struct BlockGraph {
  std::vector<glm::dvec2> boxes;  // each box's size
  std::vector<LayoutBlock> blocks;  // every box is in exactly one block
  std::vector<LayoutLink> links;
  friend bool operator==(const BlockGraph&, const BlockGraph&) = default;
};

struct BlockOptions {
  double block_gap = 40.0;    // between neighbouring blocks in a row: room for lines to pass
  double inner_gap = 12.0;    // between the boxes of a group
  double frame_padding = 8.0;
  double track_gap = 8.0;     // between parallel lines in a channel or a gap
  double channel_margin = 12.0;  // between a row of boxes and the nearest line beside it
  double band_gap = 24.0;     // extra room between two bands
  double max_row_width = 0.0;  // 0: from the boxes' total size (a landscape page)
  bool reduce_crossings = true;  // false keeps each row in input order (for comparison)
};

// A band's extent, top to bottom, in the drawing.
struct BandSpan {
  int band = 0;
  double top = 0.0;
  double bottom = 0.0;
};

struct BlockDrawing {
  std::vector<Rect> boxes;
  std::vector<Rect> blocks;                   // a group's frame, or the box itself
  std::vector<int> rows;                      // each block's row, 0 at the bottom
  std::vector<std::vector<glm::dvec2>> links;  // orthogonal, from `from` to `to`; empty for a link to itself
  std::vector<Rect> labels;                   // each link's label box (empty when it has none)
  std::vector<bool> downward;                 // links drawn pointing down (against their band or to break a cycle)
  std::vector<BandSpan> bands;                // top to bottom
  // Where two lines cross, as drawn: counted when the layout weighs them
  // (up to 600 lines); else left to whoever asks (crossings_of).
  std::optional<std::size_t> crossings;
  Rect bounds;
};

// Where a layout placed each block, kept so that a later layout of the same
// blocks can leave them there (block_layout_keeping).
struct BlockPlaces {
  BlockGraph graph;                 // what was laid out
  std::vector<int> row;             // each block's row, 0 at the bottom
  std::vector<double> x;            // each block's centre as ordered, before gaps were widened for lines
  std::vector<double> width;
};

// Lays the graph out afresh; when `places` is given, says where it put each block.
BlockDrawing block_layout(const BlockGraph& graph, const BlockOptions& options = {}, BlockPlaces* places = nullptr);

// Lays the graph out again after an edit without moving what the reader
// has learnt: each block keeps its row and its place along it; a row
// whose blocks changed width, or where a block was nudged or added, is
// placed again as near those places (and the nudges) as the widths allow;
// a new block goes at the right-hand end of its band's top row; the lines
// are routed again. `was[b]` is which of the placed blocks block b is
// (the caller knows them by name), or none for a new one; placed blocks
// that no block is are gone. Nothing when a block changed band or frame,
// when a nudge was forgotten, when a new block's band has no row, or when
// the rows would no longer let a line run upwards between two blocks of
// a band: then a fresh layout is needed.
std::optional<BlockDrawing> block_layout_keeping(const BlockGraph& graph, const BlockPlaces& places,
                                                 const std::vector<std::optional<std::size_t>>& was, const BlockOptions& options = {});
// The same, for a graph whose blocks are the placed ones, in order (a
// rename, a flow added or taken away, a nudge).
std::optional<BlockDrawing> block_layout_keeping(const BlockGraph& graph, const BlockPlaces& places, const BlockOptions& options = {});

// Where two lines of the drawing cross (each a polyline of horizontal and
// vertical segments); a line's own segments never count.
std::size_t count_crossings(const std::vector<std::vector<glm::dvec2>>& lines);
// The drawing's crossings, counted now if the layout did not.
std::size_t crossings_of(const BlockDrawing& drawing);

// The length of all the drawing's lines together.
double total_line_length(const BlockDrawing& drawing);

}  // namespace layout
