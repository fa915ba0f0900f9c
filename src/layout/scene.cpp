#include "layout/scene.hpp"

#include <algorithm>
#include <cmath>

namespace layout {

std::vector<bool> items_faded(const Scene& scene, const std::set<std::string>& lit) {
  std::vector<bool> faded(scene.items.size());
  for (std::size_t i = 0; i < scene.items.size(); ++i) faded[i] = !lit.count(scene.items[i].id) && scene.items[i].role != "band";
  return faded;
}

std::vector<std::size_t> items_at(const Scene& scene, glm::dvec2 world) {
  std::vector<std::size_t> path;
  std::size_t end = scene.items.size();
  for (std::size_t i = 0; i < end;) {
    const Item& item = scene.items[i];
    if (item.bounds.contains(world)) {
      path.push_back(i);
      end = item.end;  // look only inside it from here
      ++i;
    } else {
      i = item.end;
    }
  }
  return path;
}

namespace {

double distance_to_segment(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
  const glm::dvec2 ab = b - a;
  const double length2 = ab.x * ab.x + ab.y * ab.y;
  const double t = length2 > 0.0 ? std::clamp(((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / length2, 0.0, 1.0) : 0.0;
  const glm::dvec2 d = p - (a + ab * t);
  return std::sqrt(d.x * d.x + d.y * d.y);
}

bool shape_hit(const Shape& shape, glm::dvec2 world, double tolerance) {
  if (shape.kind == Shape::Kind::box) return shape.rect.contains(world);
  if (shape.kind != Shape::Kind::line) return false;
  for (std::size_t i = 0; i + 1 < shape.points.size(); ++i) {
    if (distance_to_segment(world, shape.points[i], shape.points[i + 1]) <= tolerance) return true;
  }
  return false;
}

}  // namespace

std::uint64_t next_scene_serial() {
  static std::uint64_t last = 0;
  return ++last;
}

ArrowheadShape arrowhead_shape(Arrowhead head, glm::dvec2 tip, glm::dvec2 from, double size) {
  ArrowheadShape shape;
  const glm::dvec2 d = tip - from;
  const double length = std::sqrt(d.x * d.x + d.y * d.y);
  if (head == Arrowhead::none || length <= 0.0) return shape;
  const glm::dvec2 along = d / length;
  const glm::dvec2 across{-along.y, along.x};
  const double half = size * 0.5;
  switch (head) {
    case Arrowhead::filled:
    case Arrowhead::open:
      shape.points = {tip, tip - along * size + across * half, tip - along * size - across * half};
      shape.filled = head == Arrowhead::filled;
      shape.closed = true;
      break;
    case Arrowhead::diamond:
      shape.points = {tip, tip - along * (size * 0.6) + across * (half * 0.8), tip - along * (size * 1.2), tip - along * (size * 0.6) - across * (half * 0.8)};
      shape.filled = true;
      shape.closed = true;
      break;
    case Arrowhead::bar:
      shape.points = {tip - along * 1.5 + across * (half * 1.2), tip - along * 1.5 - across * (half * 1.2)};
      break;
    case Arrowhead::none: break;
  }
  return shape;
}

int item_at(const Scene& scene, glm::dvec2 world, double tolerance) {
  for (std::size_t i = scene.items.size(); i-- > 0;) {
    const Item& item = scene.items[i];
    const Rect& b = item.bounds;
    if (world.x < b.min.x - tolerance || world.x > b.max.x + tolerance || world.y < b.min.y - tolerance || world.y > b.max.y + tolerance) continue;
    for (std::size_t s = item.first_shape; s < item.first_shape + item.shape_count; ++s) {
      if (shape_hit(scene.shapes[s], world, tolerance)) return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace layout
