#pragma once
// Squarified treemaps (Bruls, Huizing and van Wijk, 2000): rectangles whose
// areas are proportional to weights, as close to square as the greedy
// method gets, so that names fit and sizes compare by eye.
#include <vector>

#include "layout/geometry.hpp"

namespace layout {

// One rectangle per weight, in the same order, tiling `area` exactly.
// Weights must be positive; the caller gives empty things a small floor.
std::vector<Rect> squarify(const std::vector<double>& weights, const Rect& area);

}  // namespace layout
