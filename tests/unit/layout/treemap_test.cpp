// Squarified treemaps: areas in proportion, the area tiled exactly, no overlaps.
#include <doctest/doctest.h>

#include <vector>

#include "layout/treemap.hpp"

namespace {
double area(const layout::Rect& r) { return r.size().x * r.size().y; }
bool overlap(const layout::Rect& a, const layout::Rect& b) {
  const double eps = 1e-9;
  return a.min.x < b.max.x - eps && b.min.x < a.max.x - eps && a.min.y < b.max.y - eps && b.min.y < a.max.y - eps;
}
}  // namespace

TEST_CASE("each rectangle's area is in proportion to its weight, and together they tile the area") {
  const std::vector<double> weights = {6, 6, 4, 3, 2, 2, 1};
  const layout::Rect box{{10, 20}, {610, 420}};
  const std::vector<layout::Rect> rects = layout::squarify(weights, box);
  REQUIRE(rects.size() == weights.size());
  double sum = 0;
  for (std::size_t i = 0; i < rects.size(); ++i) {
    CHECK(area(rects[i]) == doctest::Approx(area(box) * weights[i] / 24.0));
    CHECK(rects[i].min.x >= box.min.x - 1e-9);
    CHECK(rects[i].max.y <= box.max.y + 1e-9);
    for (std::size_t j = i + 1; j < rects.size(); ++j) CHECK_FALSE(overlap(rects[i], rects[j]));
    sum += area(rects[i]);
  }
  CHECK(sum == doctest::Approx(area(box)));
}

TEST_CASE("rectangles come out near square, not as slivers") {
  std::vector<double> weights(40, 1.0);
  for (const layout::Rect& r : layout::squarify(weights, {{0, 0}, {800, 500}})) {
    const double ratio = std::max(r.size().x / r.size().y, r.size().y / r.size().x);
    CHECK(ratio < 3.0);
  }
}

TEST_CASE("order is kept: the i-th rectangle is the i-th weight's, whatever the sizes") {
  const std::vector<layout::Rect> rects = layout::squarify({1, 9}, {{0, 0}, {10, 10}});
  CHECK(area(rects[0]) == doctest::Approx(10));
  CHECK(area(rects[1]) == doctest::Approx(90));
}

TEST_CASE("nothing to lay out, or nowhere to put it, gives empty rectangles") {
  CHECK(layout::squarify({}, {{0, 0}, {1, 1}}).empty());
  for (const layout::Rect& r : layout::squarify({1, 2}, {{0, 0}, {0, 5}})) CHECK(r.empty());
}
