#include "layout/grid.hpp"

#include <cmath>

namespace layout {

double grid_spacing(double zoom, double min_gap) {
  const double wanted = min_gap / zoom;  // world units
  const double decade = std::pow(10.0, std::floor(std::log10(wanted)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (decade * step >= wanted) return decade * step;
  }
  return decade * 10.0;
}

namespace {

std::vector<GridLine> lines_between(double world_min, double world_max, double spacing,
                                    double screen_at_zero, double scale) {
  std::vector<GridLine> lines;
  const long long first = static_cast<long long>(std::ceil(world_min / spacing));
  const long long last = static_cast<long long>(std::floor(world_max / spacing));
  lines.reserve(static_cast<std::size_t>(last - first + 1));
  for (long long i = first; i <= last; ++i) {
    lines.push_back({screen_at_zero + static_cast<double>(i) * spacing * scale, i % 5 == 0});
  }
  return lines;
}

}  // namespace

Grid make_grid(const Camera& camera, const Viewport& viewport, double min_gap) {
  Grid grid;
  grid.spacing = grid_spacing(camera.zoom, min_gap);
  const Rect visible = visible_world_rect(camera, viewport);
  const glm::dvec2 zero = world_to_screen(camera, viewport, {0.0, 0.0});
  const double scale = device_pixels_per_world_unit(camera, viewport);
  grid.vertical = lines_between(visible.min.x, visible.max.x, grid.spacing, zero.x, scale);
  grid.horizontal = lines_between(visible.min.y, visible.max.y, grid.spacing, zero.y, scale);
  return grid;
}

}  // namespace layout
