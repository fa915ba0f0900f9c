#pragma once
#include <vector>

#include "layout/camera.hpp"

namespace layout {

// The background grid: lines at a round world spacing (1, 2 or 5 times a
// power of ten) chosen so that minor lines stay at least min_gap CSS pixels
// apart at any zoom; every fifth line is major.
struct GridLine {
  double screen = 0.0;  // x for vertical lines, y for horizontal ones (device px)
  bool major = false;
};

struct Grid {
  double spacing = 0.0;  // world units between minor lines
  std::vector<GridLine> vertical;
  std::vector<GridLine> horizontal;
};

double grid_spacing(double zoom, double min_gap);
Grid make_grid(const Camera& camera, const Viewport& viewport, double min_gap = 16.0);

}  // namespace layout
