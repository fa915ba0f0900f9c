#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "layout/grid.hpp"

using namespace layout;

TEST_CASE("grid spacing is a round number that keeps lines apart") {
  CHECK(grid_spacing(1.0, 16.0) == doctest::Approx(20.0));
  CHECK(grid_spacing(2.0, 16.0) == doctest::Approx(10.0));
  CHECK(grid_spacing(0.01, 16.0) == doctest::Approx(2000.0));
  CHECK(grid_spacing(40.0, 16.0) == doctest::Approx(0.5));
  for (double zoom : {0.005, 0.03, 0.7, 1.0, 3.3, 50.0}) {
    const double spacing = grid_spacing(zoom, 16.0);
    CHECK(spacing * zoom >= 16.0 - 1e-9);
    CHECK(spacing * zoom < 16.0 * 2.5 + 1e-9);  // never more than one step too sparse
  }
}

TEST_CASE("the grid covers the viewport with every fifth line major, through the origin") {
  const Camera camera{{0.0, 0.0}, 1.0};
  const Viewport viewport{{0.0, 0.0}, {800.0, 600.0}, 1.0};
  const Grid grid = make_grid(camera, viewport, 16.0);
  REQUIRE(grid.vertical.size() >= 800 / 20);
  CHECK(grid.vertical.front().screen >= 0.0);
  CHECK(grid.vertical.back().screen <= 800.0);
  CHECK(grid.vertical.back().screen - grid.vertical.front().screen >= 800.0 - 20.0);
  const auto origin = std::find_if(grid.vertical.begin(), grid.vertical.end(),
                                   [](const GridLine& l) { return l.screen == doctest::Approx(400.0); });
  REQUIRE(origin != grid.vertical.end());
  CHECK(origin->major);
  std::vector<double> majors;
  for (const GridLine& line : grid.horizontal) {
    if (line.major) majors.push_back(line.screen);
  }
  REQUIRE(majors.size() >= 2);
  for (std::size_t i = 1; i < majors.size(); ++i) CHECK(majors[i] - majors[i - 1] == doctest::Approx(100.0));
}

TEST_CASE("the number of grid lines stays bounded at every zoom") {
  const Viewport viewport{{0.0, 0.0}, {3840.0, 2160.0}, 2.0};
  for (double zoom : {min_zoom, 0.1, 1.0, 7.0, max_zoom}) {
    const Grid grid = make_grid({{12345.0, -678.0}, zoom}, viewport, 16.0);
    CHECK(grid.vertical.size() <= 3840 / 2 / 16 + 2);
    CHECK(grid.horizontal.size() <= 2160 / 2 / 16 + 2);
  }
}
